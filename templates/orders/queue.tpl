{{%AUTOESCAPE context="HTML"}}<h1>本单位工单 · {{UNIT}}</h1>
<nav class="tabs" aria-label="筛选">{{#TAB}}<a href="/orders/queue?state={{CODE:u}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}}（<span class="n">{{COUNT}}</span>）</a> {{/TAB}}</nav>
{{#REMINDERS}}<section class="panel reminders" aria-label="提醒"><h2>提醒</h2><ul>
{{#REMINDER}}<li><a href="/orders/{{ID}}">{{NUMBER}}</a> <strong>{{KIND}}</strong>（办理期限 {{DUE}}，{{AT}}）</li>{{/REMINDER}}
</ul></section>{{/REMINDERS}}
{{#EMPTY}}<p class="hint">没有符合条件的工单。</p>{{/EMPTY}}
<table class="queue">
<thead><tr><th>工单编号</th><th>状态</th><th>问题分类</th><th>来电号码</th><th>诉求内容</th><th>派单时间</th><th>办理期限</th></tr></thead>
<tbody>
{{#ROW}}<tr{{#OVERDUE}} class="overdue"{{/OVERDUE}}{{#DUE_SOON}} class="due-soon"{{/DUE_SOON}}><td><a href="/orders/{{ID}}">{{NUMBER}}</a></td><td>{{STATE}}</td><td>{{CATEGORY}}</td><td>{{PHONE}}</td><td>{{CONTENT}}</td><td>{{DISPATCHED}}</td><td>{{DUE}}{{#OVERDUE}} <span class="badge overdue">已超期</span>{{/OVERDUE}}{{#DUE_SOON}} <span class="badge due-soon">即将到期</span>{{/DUE_SOON}}</td></tr>
{{/ROW}}
</tbody></table>
<p class="pager">{{#PREV}}<a href="/orders/queue?state={{BUCKET:u}}&amp;page={{PAGE}}">← 上一页</a>{{/PREV}} {{#NEXT}}<a href="/orders/queue?state={{BUCKET:u}}&amp;page={{PAGE}}">下一页 →</a>{{/NEXT}}</p>
{{#COOPS}}<h2>配合办理的工单</h2>
<table class="coops">
<thead><tr><th>工单编号</th><th>状态</th><th>问题分类</th><th>诉求内容</th><th>牵头单位</th><th>配合期限</th><th>本单位配合情况</th></tr></thead>
<tbody>
{{#COOP}}<tr{{#OVERDUE}} class="overdue"{{/OVERDUE}}{{#DUE_SOON}} class="due-soon"{{/DUE_SOON}}><td><a href="/orders/{{ID}}">{{NUMBER}}</a></td><td>{{STATE}}</td><td>{{CATEGORY}}</td><td>{{CONTENT}}</td><td>{{LEAD}}</td><td>{{DUE}}{{#OVERDUE}} <span class="badge overdue">已超期</span>{{/OVERDUE}}{{#DUE_SOON}} <span class="badge due-soon">即将到期</span>{{/DUE_SOON}}</td><td>{{#DONE}}已反馈{{/DONE}}{{#OWED}}待反馈{{/OWED}}</td></tr>
{{/COOP}}
</tbody></table>{{/COOPS}}
