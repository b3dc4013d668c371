{{%AUTOESCAPE context="HTML"}}<h1>单位管理</h1>
<table class="units">
<thead><tr><th>单位</th><th>编码</th><th>类型</th><th>行政区域</th><th>状态</th></tr></thead>
<tbody>
{{#UNIT}}<tr{{#INACTIVE}} class="inactive"{{/INACTIVE}}><td class="depth-{{DEPTH}}"><a href="/admin/units/{{ID}}">{{NAME}}</a></td><td>{{CODE}}</td><td><span class="kind">{{KIND}}</span></td><td>{{JURISDICTION}}</td><td>{{#INACTIVE}}已停用{{/INACTIVE}}</td></tr>
{{/UNIT}}
</tbody>
</table>
<h2>新增单位</h2>
<form method="post" action="/admin/units" class="panel">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="name">单位名称</label> <input id="name" name="name" required maxlength="100"></p>
<p><label for="code">编码</label> <input id="code" name="code" required maxlength="32" pattern="[A-Za-z0-9_.\-]+"> <span class="hint">字母、数字、-、_</span></p>
<p><label for="kind">类型</label> <select id="kind" name="kind">{{#KIND_OPT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/KIND_OPT}}</select></p>
<p><label for="jurisdiction_id">行政区域</label> <select id="jurisdiction_id" name="jurisdiction_id">{{#JUR_OPT}}<option value="{{ID}}">{{NAME}}</option>{{/JUR_OPT}}</select></p>
<p><label for="parent_id">上级单位</label> <select id="parent_id" name="parent_id"><option value="">（无）</option>{{#PARENT_OPT}}<option value="{{ID}}">{{NAME}}</option>{{/PARENT_OPT}}</select></p>
<p><button type="submit">新增单位</button></p>
</form>
