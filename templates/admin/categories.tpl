{{%AUTOESCAPE context="HTML"}}<h1>问题分类</h1>
<p class="hint">受理来电时只能选择末级分类；派单时按该分类的办理时限（工作日）计算办理期限，修改时限只影响之后派发的工单。分类不能删除，不再使用的请停用。</p>
{{#READ_ONLY}}<p class="hint">{{MSG}}</p>{{/READ_ONLY}}
<table class="categories">
<thead><tr><th>分类</th><th>编号</th><th>办理时限</th><th>启用的派单规则</th><th>状态</th></tr></thead>
<tbody>
{{#CAT}}<tr{{#INACTIVE}} class="inactive"{{/INACTIVE}}><td class="depth-{{DEPTH}}">{{#EDIT}}<a href="/admin/categories/{{ID}}">{{NAME}}</a>{{/EDIT}}{{#VIEW}}{{NAME}}{{/VIEW}}</td><td>{{ID}}</td><td>{{DAYS}} 个工作日{{#PARENT}} <span class="hint">（上级分类，受理时不可选）</span>{{/PARENT}}</td><td><a href="/admin/routing?category_id={{ID}}">{{RULES}}</a></td><td>{{#ACTIVE}}启用{{/ACTIVE}}{{#INACTIVE}}已停用{{/INACTIVE}}</td></tr>
{{/CAT}}
{{#EMPTY}}<tr><td colspan="5">还没有问题分类。</td></tr>{{/EMPTY}}
</tbody>
</table>
{{#CAN_EDIT}}
<h2>新增分类</h2>
<form method="post" action="/admin/categories" class="panel">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="name">分类名称</label> <input id="name" name="name" required maxlength="100"></p>
<p><label for="parent_id">上级分类</label> <select id="parent_id" name="parent_id"><option value="">（无，作为一级分类）</option>{{#PARENT_OPT}}<option value="{{ID}}">{{NAME}}</option>{{/PARENT_OPT}}</select> <span class="hint">在末级分类下新增下级后，原分类不再能用于受理</span></p>
<p><label for="time_limit">办理时限（工作日）</label> <input id="time_limit" name="time_limit" type="number" min="1" max="365" value="5" required> <span class="hint">1 至 365 个工作日</span></p>
<p><button type="submit">新增分类</button></p>
</form>
{{/CAN_EDIT}}
