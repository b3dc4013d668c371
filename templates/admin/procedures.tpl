{{%AUTOESCAPE context="HTML"}}<h1>争议认定程序</h1>
<p class="hint">各行政区域自行确定争议认定的编办、法制局（可不设）和召集单位，以及审查时限；未设置的沿用市级程序。争议事项按提请认定当日施行的程序办理。程序不能修改或删除，调整时请新增一个生效日期更晚的版本。今天是 {{TODAY}}。</p>
<table class="procedures">
<thead><tr><th>编号</th><th>生效日期</th><th>编办</th><th>法制局</th><th>召集单位</th><th>审查时限</th><th>签收时限</th><th>意见时限</th><th>状态</th></tr></thead>
{{#JUR}}<tbody id="jur-{{ID}}">
<tr class="jur"><th colspan="9" scope="rowgroup">{{NAME}}{{#JUR_INACTIVE}} <span class="hint">（已停用）</span>{{/JUR_INACTIVE}}{{#INHERITS}} <span class="inherits">沿用市级程序</span>{{/INHERITS}}{{#NONE}} <span class="alert">未设置现行程序，争议事项无法提请认定</span>{{/NONE}}</th></tr>
{{#PROC}}<tr id="proc-{{ID}}"{{#PAST}} class="inactive"{{/PAST}}><td>{{ID}}</td><td>{{FROM}}</td><td>{{ESTABLISHMENT}}</td><td>{{#LEGAL}}{{NAME}}{{/LEGAL}}{{#NO_LEGAL}}不设法制局环节{{/NO_LEGAL}}</td><td>{{CONVENER}}</td><td>{{REVIEW}} 个工作日</td><td>{{ACCEPT}} 个工作日</td><td>{{OPINION}} 个工作日</td><td>{{#CURRENT}}<span class="tag">现行</span>{{/CURRENT}}{{#FUTURE}}待生效{{/FUTURE}}{{#PAST}}已被取代{{/PAST}}</td></tr>
{{/PROC}}</tbody>
{{/JUR}}
</table>
<h2>新增程序版本</h2>
<form method="post" action="/admin/procedures" class="panel">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="jurisdiction_id">行政区域</label> <select id="jurisdiction_id" name="jurisdiction_id">{{#JUR_OPT}}<option value="{{ID}}">{{NAME}}</option>{{/JUR_OPT}}</select></p>
<p><label for="date">生效日期</label> <input id="date" name="date" type="date" required value="{{TODAY}}"> <span class="hint">同一行政区域的两个版本不能同日生效</span></p>
<p><label for="establishment_unit_id">编办</label> <select id="establishment_unit_id" name="establishment_unit_id" required><option value="">请选择</option>{{#UNIT_OPT}}<option value="{{ID}}">{{NAME}}</option>{{/UNIT_OPT}}</select></p>
<p><label for="legal_unit_id">法制局</label> <select id="legal_unit_id" name="legal_unit_id"><option value="">请选择</option>{{#UNIT_OPT}}<option value="{{ID}}">{{NAME}}</option>{{/UNIT_OPT}}</select>
<label for="no_legal"><input id="no_legal" name="no_legal" type="checkbox" value="1"> 不设法制局环节</label></p>
<p><label for="convener_unit_id">召集单位</label> <select id="convener_unit_id" name="convener_unit_id" required><option value="">请选择</option>{{#UNIT_OPT}}<option value="{{ID}}">{{NAME}}</option>{{/UNIT_OPT}}</select> <span class="hint">召集联席会议的单位，一般为政府办公室</span></p>
<p><label for="review_days">审查时限</label> <input id="review_days" name="review_days" type="number" min="3" max="5" value="5" required> 个工作日 <span class="hint">编办、法制局各自的审查时限，3 至 5 个工作日</span></p>
<p><label for="accept_days">签收时限</label> <input id="accept_days" name="accept_days" type="number" min="1" max="5" value="1" required> 个工作日 <span class="hint">认定后牵头单位签收的时限，1 至 5 个工作日</span></p>
<p><label for="opinion_days">意见时限</label> <input id="opinion_days" name="opinion_days" type="number" min="1" max="10" value="2" required> 个工作日 <span class="hint">涉及部门提出处理意见的时限，1 至 10 个工作日</span></p>
<p class="hint">各单位须为所选行政区域或市级的在用单位。</p>
<p><button type="submit">新增版本</button></p>
</form>
