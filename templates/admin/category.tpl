{{%AUTOESCAPE context="HTML"}}<h1>编辑问题分类：{{NAME}}</h1>
<p>编号 {{ID}} · {{PATH}} · <a href="/admin/routing?category_id={{ID}}">启用的派单规则 {{RULES}} 条</a></p>
<form method="post" action="/admin/categories/{{ID}}" class="panel">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="name">分类名称</label> <input id="name" name="name" value="{{NAME}}" required maxlength="100"></p>
<p><label for="parent_id">上级分类</label> <select id="parent_id" name="parent_id"><option value="">（无，作为一级分类）</option>{{#PARENT_OPT}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/PARENT_OPT}}</select> <span class="hint">不能选择本分类或它的下级分类</span></p>
<p><label for="time_limit">办理时限（工作日）</label> <input id="time_limit" name="time_limit" type="number" min="1" max="365" value="{{DAYS}}" required> <span class="hint">只影响之后派发的工单</span></p>
<p><label for="active">启用</label> <input id="active" type="checkbox" name="active" value="1"{{#ACTIVE}} checked{{/ACTIVE}}> <span class="hint">停用后受理时不再可选，已有工单不受影响；有启用的下级分类时不能停用。记录保留，不会删除。</span></p>
<p><button type="submit">保存</button> <a href="/admin/categories">返回问题分类</a></p>
</form>
{{#CHILDREN}}<h2>下级分类</h2>
<ul class="children">
{{#CHILD}}<li><a href="/admin/categories/{{ID}}">{{NAME}}</a>（{{DAYS}} 个工作日）{{#INACTIVE}} <span class="hint">已停用</span>{{/INACTIVE}}</li>
{{/CHILD}}
</ul>{{/CHILDREN}}
