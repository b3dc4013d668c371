{{%AUTOESCAPE context="HTML"}}<h1>问责</h1>
<form method="get" action="/accountability" class="filters">
<p><label for="state">状态</label> <select id="state" name="state"><option value="">全部</option>{{#STATE_OPT}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATE_OPT}}</select> <button type="submit">筛选</button></p>
</form>
{{#EMPTY}}<p class="hint">没有问责记录。</p>{{/EMPTY}}
<table class="accountability">
<thead><tr><th>编号</th><th>争议</th><th>被问责单位</th><th>问责事实</th><th>状态</th><th>提出时间</th><th>处理结果</th></tr></thead>
<tbody>
{{#ROW}}<tr><td>#{{ID}}</td><td><a href="/disputes/{{DISPUTE_ID}}">争议 #{{DISPUTE_ID}}</a>（工单 {{NUMBER}}）</td><td>{{UNIT}}</td><td class="text">{{FACTS:pre_escape}}</td><td><span class="state state-{{STATE_CODE}}">{{STATE}}</span></td><td>{{OPENED}}</td>
<td>{{#OUTCOME}}<span class="text">{{TEXT:pre_escape}}</span>{{/OUTCOME}}{{#CLOSE}}<form method="post" action="/accountability/{{ID}}/close"><input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="outcome_{{ID}}">处理结果</label> <textarea id="outcome_{{ID}}" name="opinion" rows="2" maxlength="4000"></textarea> <button type="submit">办结</button></p></form>{{/CLOSE}}</td></tr>
{{/ROW}}
</tbody></table>
