{{%AUTOESCAPE context="HTML"}}<h1>版本记录</h1>
<table>
<thead><tr><th>版本</th><th>状态</th><th>标题</th><th>变化日期</th><th>编写人</th><th>创建时间</th></tr></thead>
<tbody>
{{#VERSION}}<tr><td><a href="/knowledge/versions/{{ID}}">第 {{NO}} 版</a></td><td>{{STATE}}</td><td>{{TITLE}}</td><td>{{CHANGE_DATE}}</td><td>{{AUTHOR}}</td><td>{{CREATED}}</td></tr>
{{/VERSION}}
</tbody>
</table>
<h2>比较两个版本</h2>
<form method="get" action="/knowledge/entries/{{ENTRY_ID}}/diff" class="panel">
<label for="a">旧版本</label> <select id="a" name="a">{{#OPT_A}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>第 {{NO}} 版</option>{{/OPT_A}}</select>
<label for="b">新版本</label> <select id="b" name="b">{{#OPT_B}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>第 {{NO}} 版</option>{{/OPT_B}}</select>
<button type="submit" class="secondary">比较</button>
</form>
<p><a href="/knowledge/entries/{{ENTRY_ID}}">返回知识</a></p>
