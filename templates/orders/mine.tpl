{{%AUTOESCAPE context="HTML"}}<h1>我受理的工单</h1>
<form method="get" action="/orders/mine" class="filters">
<p><label for="number">工单编号</label> <input id="number" name="number" value="{{NUMBER}}" maxlength="32">
<label for="caller_phone">来电号码</label> <input id="caller_phone" name="caller_phone" value="{{PHONE}}" maxlength="20">
<button type="submit">查询</button>{{#SEARCHED}} <a href="/orders/mine">返回我受理的全部工单</a>{{/SEARCHED}}</p>
<p class="hint">按工单编号或来电号码查询时，查找热线受理的全部工单（来电人再次来电时可能由其他话务员受理）。</p>
</form>
{{#EMPTY}}<p class="hint">没有符合条件的工单。</p>{{/EMPTY}}
<table class="orders">
<thead><tr><th>工单编号</th><th>受理时间</th><th>来电号码</th><th>问题分类</th><th>区域</th><th>承办单位</th><th>状态</th><th>办理期限</th></tr></thead>
<tbody>
{{#ROW}}<tr><td><a href="/orders/{{ID}}">{{NUMBER}}</a></td><td>{{CREATED}}</td><td>{{PHONE}}</td><td>{{CATEGORY}}</td><td>{{JUR}}</td><td>{{UNIT}}</td><td>{{STATE}}</td><td>{{DUE}}{{#OVERDUE}} <span class="badge overdue">已超期</span>{{/OVERDUE}}</td></tr>
{{/ROW}}
</tbody></table>
<p class="pager">{{#PREV}}<a href="/orders/mine?{{QS}}&amp;page={{PAGE}}">← 上一页</a>{{/PREV}} {{#NEXT}}<a href="/orders/mine?{{QS}}&amp;page={{PAGE}}">下一页 →</a>{{/NEXT}}</p>
