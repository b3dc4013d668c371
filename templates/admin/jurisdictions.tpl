{{%AUTOESCAPE context="HTML"}}<h1>行政区域</h1>
<table>
<thead><tr><th>编码</th><th>名称</th><th>上级</th><th>单位数</th><th>状态与修改</th></tr></thead>
<tbody>
{{#JUR}}<tr{{#INACTIVE}} class="inactive"{{/INACTIVE}}><td>{{CODE}}</td><td>{{NAME}}</td><td>{{PARENT}}</td><td><a href="/admin/units?jurisdiction_id={{ID}}">{{UNITS}}</a></td>
<td><form method="post" action="/admin/jurisdictions/{{ID}}" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="jn{{ID}}">名称</label> <input id="jn{{ID}}" name="name" value="{{NAME}}" required maxlength="100">
<label for="ja{{ID}}">启用</label> <input id="ja{{ID}}" type="checkbox" name="active" value="1"{{#ACTIVE}} checked{{/ACTIVE}}>
<button type="submit" class="secondary">保存</button></form></td></tr>
{{/JUR}}
</tbody>
</table>
{{#CAN_CREATE}}
<h2>新增行政区域</h2>
<form method="post" action="/admin/jurisdictions" class="panel">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="code">编码</label> <input id="code" name="code" required maxlength="32" pattern="[A-Za-z0-9_.\-]+"></p>
<p><label for="name">名称</label> <input id="name" name="name" required maxlength="100"></p>
<p><label for="parent_id">上级</label> <select id="parent_id" name="parent_id"><option value="">（无）</option>{{#PARENT_OPT}}<option value="{{ID}}">{{NAME}}</option>{{/PARENT_OPT}}</select></p>
<p><button type="submit">新增</button></p>
</form>
{{/CAN_CREATE}}
