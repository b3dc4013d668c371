{{%AUTOESCAPE context="HTML"}}<h1>个人信息保存期限</h1>
<p class="hint">依照《个人信息保护法》，来电人的个人信息保存期限为实现处理目的所必要的最短时间。办结（含一次性解答、三方通话）的工单自受理起超过保存期限后，系统每分钟的巡查清除其中来电人的姓名和电话号码；工单内容、办理过程和统计数据保留不变，审计日志中不含来电人信息。</p>
<p class="summary">现行保存期限：<strong class="months">{{MONTHS}}</strong> 个月。</p>
{{#EDIT}}<form method="post" action="/orders/retention"><input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="retain_months">保存期限（月）</label> <input id="retain_months" name="retain_months" type="number" min="6" max="240" required value="{{MONTHS}}"></p>
<p><label for="dup_days">疑似重复查找天数</label> <input id="dup_days" name="dup_days" type="number" min="1" max="90" value="{{DUP_DAYS}}"> <span class="hint">受理和管理办查看工单时，提示此前多少天内同一号码、或地点相同且内容相近的工单</span></p>
<p><button type="submit">保存</button></p></form>{{/EDIT}}
<p class="summary">疑似重复查找范围：近 <strong class="dup-days">{{DUP_DAYS}}</strong> 天。</p>
{{#READONLY}}<p>保存期限全市统一，由市管理办设定。</p>{{/READONLY}}
