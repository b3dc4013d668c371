{{%AUTOESCAPE context="HTML"}}<h1>争议认定</h1>
<form method="get" action="/disputes" class="filters">
<p><label for="state">状态</label> <select id="state" name="state"><option value="">全部</option>{{#STATE_OPT}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATE_OPT}}</select> <button type="submit">筛选</button></p>
</form>
{{#EMPTY}}<p class="hint">没有争议事项。</p>{{/EMPTY}}
<table class="disputes">
<thead><tr><th>编号</th><th>工单编号</th><th>问题分类</th><th>区域</th><th>状态</th><th>本环节期限</th><th>牵头单位</th><th>提请时间</th></tr></thead>
<tbody>
{{#ROW}}<tr><td><a href="/disputes/{{ID}}">争议 #{{ID}}</a></td><td>{{NUMBER}}</td><td>{{CATEGORY}}</td><td>{{JUR}}</td><td>{{STATE}}{{#ACCEPT_OVERDUE}} <span class="badge overdue">逾期未接收</span>{{/ACCEPT_OVERDUE}}</td>
<td>{{#COUNTDOWN}}{{DUE}}{{#LEFT}}（剩 <span class="left">{{DAYS}}</span> 个工作日）{{/LEFT}}{{#LATE}} <span class="badge overdue">超期 {{DAYS}} 个工作日</span>{{/LATE}}{{/COUNTDOWN}}</td>
<td>{{LEAD}}</td><td>{{OPENED}}</td></tr>
{{/ROW}}
</tbody></table>
<p class="pager">{{#PREV}}<a href="/disputes?state={{STATE:u}}&amp;page={{PAGE}}">← 上一页</a>{{/PREV}} {{#NEXT}}<a href="/disputes?state={{STATE:u}}&amp;page={{PAGE}}">下一页 →</a>{{/NEXT}}</p>
