{{%AUTOESCAPE context="HTML"}}<h1>派单规则</h1>
<p class="hint">受理来电时，系统按问题分类和行政区域推荐承办单位：诉求内容包含全部关键词的规则优先，其次是不带关键词的规则；本区域的规则优先于市级规则。规则不能删除，不再使用的请停用。</p>
<form method="get" action="/admin/routing" class="panel">
<label for="f_jur">行政区域</label> <select id="f_jur" name="jurisdiction_id">{{#ALL_JUR}}<option value="">全部</option>{{/ALL_JUR}}{{#FJUR_OPT}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/FJUR_OPT}}</select>
<label for="f_cat">问题分类</label> <select id="f_cat" name="category_id"><option value="">全部</option>{{#FCAT_OPT}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/FCAT_OPT}}</select>
<button type="submit" class="secondary">筛选</button>
</form>
<table class="rules">
<thead><tr><th>编号</th><th>问题分类</th><th>行政区域</th><th>关键词</th><th>承办单位</th><th>状态</th><th>操作</th></tr></thead>
<tbody>
{{#RULE}}<tr id="rule-{{ID}}"{{#INACTIVE}} class="inactive"{{/INACTIVE}}><td>{{ID}}</td><td>{{CATEGORY}}</td><td>{{JURISDICTION}}</td><td>{{KEYWORDS}}</td><td>{{UNIT}}{{#UNIT_INACTIVE}} <span class="hint">（单位已停用）</span>{{/UNIT_INACTIVE}}</td><td>{{#ACTIVE}}启用{{/ACTIVE}}{{#INACTIVE}}已停用{{/INACTIVE}}</td>
<td><form method="post" action="/admin/routing/{{ID}}" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}">{{#ACTIVE}}<button type="submit" class="secondary" aria-label="停用规则 {{ID}}">停用</button>{{/ACTIVE}}{{#INACTIVE}}<input type="hidden" name="active" value="1"><button type="submit" class="secondary" aria-label="启用规则 {{ID}}">启用</button>{{/INACTIVE}}</form></td></tr>
{{/RULE}}
{{#EMPTY}}<tr><td colspan="7">没有派单规则。</td></tr>{{/EMPTY}}
</tbody>
</table>
<h2>新增派单规则</h2>
<form method="post" action="/admin/routing" class="panel">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="category_id">问题分类</label> <select id="category_id" name="category_id" required><option value="">请选择</option>{{#CAT_OPT}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/CAT_OPT}}</select> <span class="hint">只列出末级分类</span></p>
<p><label for="jurisdiction_id">行政区域</label> <select id="jurisdiction_id" name="jurisdiction_id">{{#JUR_OPT}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/JUR_OPT}}</select></p>
<p><label for="keywords">关键词</label> <input id="keywords" name="keywords" maxlength="200"> <span class="hint">可不填；多个词用空格分隔，诉求内容包含全部关键词时优先使用此规则</span></p>
<p><label for="unit_id">承办单位</label> <select id="unit_id" name="unit_id" required><option value="">请选择</option>{{#UNIT_OPT}}<option value="{{ID}}">{{NAME}}</option>{{/UNIT_OPT}}</select> <span class="hint">须为该行政区域或市级的单位</span></p>
<p><button type="submit">新增规则</button></p>
</form>
