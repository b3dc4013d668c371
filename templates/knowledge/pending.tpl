{{%AUTOESCAPE context="HTML"}}<h1>待审核知识</h1>
<table>
<thead><tr><th>标题</th><th>类型</th><th>版本</th><th>应于此日前发布</th></tr></thead>
<tbody>
{{#ROW}}<tr><td><a href="/knowledge/versions/{{ID}}">{{TITLE}}</a></td><td>{{KIND}}</td><td>第 {{NO}} 版</td><td>{{DUE}}</td></tr>
{{/ROW}}
{{#EMPTY}}<tr><td colspan="4">没有待审核的知识。</td></tr>{{/EMPTY}}
</tbody>
</table>
