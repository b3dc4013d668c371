{{%AUTOESCAPE context="HTML"}}<h1>编辑单位：{{TITLE_NAME}}</h1>
<p>编码 {{CODE}} · {{JURISDICTION}}</p>
<form method="post" action="/admin/units/{{ID}}" class="panel">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="name">单位名称</label> <input id="name" name="name" value="{{NAME}}" required maxlength="100"></p>
<p><label for="kind">类型</label> <select id="kind" name="kind">{{#KIND_OPT}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/KIND_OPT}}</select></p>
<p><label for="parent_id">上级单位</label> <select id="parent_id" name="parent_id"{{#PARENT_ERR}} aria-invalid="true" aria-describedby="parent_id-err"{{/PARENT_ERR}}><option value="">（无）</option>{{#PARENT_OPT}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/PARENT_OPT}}</select>{{#PARENT_ERR}} <span class="field-error" id="parent_id-err">{{MSG}}</span>{{/PARENT_ERR}}</p>
<p><label for="active">启用</label> <input id="active" type="checkbox" name="active" value="1"{{#ACTIVE}} checked{{/ACTIVE}}> <span class="hint">停用后该单位成员无法以此单位身份办理业务；记录保留，不会删除。</span></p>
<p><button type="submit">保存</button> <a href="/admin/units">返回单位列表</a></p>
</form>
