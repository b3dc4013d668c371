{{%AUTOESCAPE context="HTML"}}<h1>知识更新工单 · {{SCOPE}}</h1>
<table>
<thead><tr><th>编号</th><th>知识</th><th>承办单位</th><th>问题</th><th>状态</th><th>办理期限</th></tr></thead>
<tbody>
{{#ROW}}<tr><td><a href="/knowledge/updates/{{ID}}">{{ID}}</a></td><td>{{TITLE}}</td><td>{{UNIT}}</td><td>{{PROBLEM}}</td><td>{{STATE}}</td><td>{{DUE}}{{#OVERDUE}} <strong class="overdue">已逾期</strong>{{/OVERDUE}}</td></tr>
{{/ROW}}
{{#EMPTY}}<tr><td colspan="6">没有知识更新工单。</td></tr>{{/EMPTY}}
</tbody>
</table>
