{{%AUTOESCAPE context="HTML"}}<h1>知识维护责任人</h1>
<p class="hint">各成员单位明确本单位知识库维护工作的分管领导和责任人（K8.1）；知识更新逾期提醒和考核通报同时发送给他们。</p>
{{#OWN}}<section class="panel people-own" aria-label="本单位">
<h2>{{UNIT}}</h2>
{{#NONE}}<p class="alert" role="status">本单位尚未明确知识维护的分管领导和责任人。</p>{{/NONE}}
{{#SHOW}}<dl class="fields"><dt>分管领导</dt><dd class="p-leader">{{LEADER}} {{LEADER_PHONE}}</dd><dt>责任人</dt><dd class="p-owner">{{OWNER}} {{OWNER_PHONE}}</dd></dl>{{/SHOW}}
{{#FORM}}<form method="post" action="/knowledge/people" class="people"><input type="hidden" name="csrf" value="{{CSRF}}">
{{#REFUSED}}<p class="error" role="alert">{{MSG}}</p>{{/REFUSED}}
<p><label for="leader_name">分管领导</label> <input id="leader_name" name="leader_name" maxlength="50" value="{{V_LEADER_NAME}}"{{#ERR_LEADER_NAME}} aria-invalid="true" aria-describedby="leader_name-err"{{/ERR_LEADER_NAME}}>{{#ERR_LEADER_NAME}} <span class="field-error" id="leader_name-err">{{MSG}}</span>{{/ERR_LEADER_NAME}}
<label for="leader_phone">电话</label> <input id="leader_phone" name="leader_phone" maxlength="20" value="{{V_LEADER_PHONE}}"{{#ERR_LEADER_PHONE}} aria-invalid="true" aria-describedby="leader_phone-err"{{/ERR_LEADER_PHONE}}>{{#ERR_LEADER_PHONE}} <span class="field-error" id="leader_phone-err">{{MSG}}</span>{{/ERR_LEADER_PHONE}}</p>
<p><label for="owner_name">责任人</label> <input id="owner_name" name="owner_name" maxlength="50" value="{{V_OWNER_NAME}}"{{#ERR_OWNER_NAME}} aria-invalid="true" aria-describedby="owner_name-err"{{/ERR_OWNER_NAME}}>{{#ERR_OWNER_NAME}} <span class="field-error" id="owner_name-err">{{MSG}}</span>{{/ERR_OWNER_NAME}}
<label for="owner_phone">电话</label> <input id="owner_phone" name="owner_phone" maxlength="20" value="{{V_OWNER_PHONE}}"{{#ERR_OWNER_PHONE}} aria-invalid="true" aria-describedby="owner_phone-err"{{/ERR_OWNER_PHONE}}>{{#ERR_OWNER_PHONE}} <span class="field-error" id="owner_phone-err">{{MSG}}</span>{{/ERR_OWNER_PHONE}}</p>
<p><button type="submit">保存</button></p></form>{{/FORM}}
</section>{{/OWN}}
{{#OFFICE}}<h2>各成员单位</h2>
<p class="summary">{{TOTAL}} 个成员单位中，<strong class="missing-count">{{MISSING}}</strong> 个尚未明确责任人。</p>
<table class="people">
<thead><tr><th>单位</th><th>区域</th><th>分管领导</th><th>责任人</th><th>更新时间</th></tr></thead>
<tbody>
{{#UNIT}}<tr{{#NONE}} class="missing"{{/NONE}}><td>{{UNIT}}</td><td>{{JUR}}</td>{{#NONE}}<td colspan="3"><span class="badge overdue">未明确责任人</span></td>{{/NONE}}{{#NAMED}}<td>{{LEADER}} {{LEADER_PHONE}}</td><td>{{OWNER}} {{OWNER_PHONE}}</td><td>{{UPDATED}}</td>{{/NAMED}}</tr>
{{/UNIT}}
</tbody></table>{{/OFFICE}}
