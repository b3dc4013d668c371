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
<h2 id="service">受理范围与开放接口</h2>
<form method="post" action="/admin/categories/{{ID}}/service" class="panel">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="refer_channel">不予受理/转其他渠道</label> <input id="refer_channel" name="refer_channel" value="{{REFER_CHANNEL}}" maxlength="50" class="wide" placeholder="如 110、119、120、人民法院、信访部门、劳动人事争议仲裁委员会"> <span class="hint">填写后，此类来电不形成工单：话务员按口径答复并记录为“转其他渠道”；留空为工单受理事项</span></p>
<p><label for="refer_script">答复口径</label> <textarea id="refer_script" name="refer_script" rows="3" maxlength="1000">{{REFER_SCRIPT:pre_escape}}</textarea></p>
<p><label for="refer_keywords">识别关键词</label> <input id="refer_keywords" name="refer_keywords" value="{{REFER_KEYWORDS}}" maxlength="200" class="wide"> <span class="hint">用空格分隔；诉求内容含其中任一词时，受理页提示此口径</span></p>
<p><label for="service_description">对外说明</label> <input id="service_description" name="service_description" value="{{SERVICE_DESCRIPTION}}" maxlength="500" class="wide"> <span class="hint">开放接口（Open311）服务列表中的说明</span></p>
<p><button type="submit">保存</button></p>
</form>
<h3>开放接口附加信息</h3>
<p class="hint">其他系统通过开放接口提交此类诉求时须（或可）填写的信息。</p>
<table class="list"><thead><tr><th scope="col">编码</th><th scope="col">类型</th><th scope="col">说明</th><th scope="col">必填</th><th scope="col">可选值</th><th scope="col">操作</th></tr></thead><tbody>
{{#ATTR}}<tr><td>{{CODE}}</td><td>{{DATATYPE}}</td><td>{{DESCRIPTION}}</td><td>{{#REQUIRED}}是{{/REQUIRED}}</td><td class="pre">{{VALUES}}</td>
<td><form method="post" action="/admin/attributes/{{ID}}/deactivate" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="secondary">停用</button></form></td></tr>
{{/ATTR}}</tbody></table>
<form method="post" action="/admin/categories/{{ID}}/attributes" class="panel">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="attr_code">编码</label> <input id="attr_code" name="attr_code" maxlength="40" required pattern="[A-Za-z0-9_.\-]+"> <span class="hint">字母、数字、下划线</span></p>
<p><label for="datatype">数据类型</label> <select id="datatype" name="datatype">{{#DATATYPE_OPT}}<option value="{{CODE}}">{{LABEL}}</option>{{/DATATYPE_OPT}}</select></p>
<p><label for="attr_description">说明</label> <input id="attr_description" name="attr_description" maxlength="200" required class="wide"></p>
<p><label for="required">必填</label> <input id="required" type="checkbox" name="required" value="1"></p>
<p><label for="list_values">可选值</label> <textarea id="list_values" name="list_values" rows="3" maxlength="1000" placeholder="每行一个：编码=名称"></textarea></p>
<p><button type="submit">添加附加信息</button></p>
</form>
