{{%AUTOESCAPE context="HTML"}}<h1>争议 #{{ID}} · 工单 <a href="/orders/{{ORDER_ID}}">{{NUMBER}}</a></h1>
<p class="meta"><span class="state state-{{STATE_CODE}}">{{STATE}}</span>{{#ACCEPT_OVERDUE}} <span class="badge overdue">逾期未接收</span>{{/ACCEPT_OVERDUE}}
{{#COUNTDOWN}} · 本环节期限 {{DUE}}{{#LEFT}}（剩 <span class="left">{{DAYS}}</span> 个工作日）{{/LEFT}}{{#LATE}} <span class="badge overdue">超期 {{DAYS}} 个工作日</span>{{/LATE}}{{/COUNTDOWN}}
· <a href="/disputes/{{ID}}/form">争议认定表（打印）</a></p>
<dl class="fields dispute">
<dt>问题分类</dt><dd>{{CATEGORY}}</dd>
<dt>所属区域</dt><dd>{{JUR}}</dd>
<dt>事项内容</dt><dd class="text d-content">{{CONTENT}}</dd>
<dt>提请</dt><dd>{{OPENED}}（{{OPENED_BY}}）{{NOTE}}</dd>
<dt>认定程序</dt><dd>编办：{{EST}}；法制局：{{#NO_LEGAL_STEP}}本地区不设此环节{{/NO_LEGAL_STEP}}{{LEGAL}}；召集单位：{{CONVENER}}</dd>
<dt>临时承办单位</dt><dd>{{TEMP_UNIT}}</dd>
<dt>牵头单位</dt><dd class="d-lead">{{LEAD}}</dd>
<dt>认定意见</dt><dd class="text d-determination">{{DETERMINATION}}</dd>
{{#BINDING}}<dt>认定约束</dt><dd class="d-binding">认定对牵头单位具有约束力，不得再退回工单</dd>{{/BINDING}}{{#UNBOUND}}<dt>认定约束</dt><dd class="d-binding">已解除：<span class="text">{{UNBOUND_REASON}}</span></dd>{{/UNBOUND}}
<dt>接收期限</dt><dd>{{ACCEPT_DUE}} {{ANSWERED}} {{REFUSAL}}</dd>
</dl>
<h2>涉及部门及处理意见</h2>
<table class="dispute-units">
<thead><tr><th>单位</th><th>身份</th><th>意见期限</th><th>处理意见</th></tr></thead>
<tbody>
{{#UNIT}}<tr><td>{{NAME}}</td><td>{{ROLE}}</td><td>{{DUE}}</td><td>{{#ANSWERED}}<span class="text">{{OPINION}}</span>（{{BY}}，{{AT}}）{{/ANSWERED}}{{#WAITING}}<span class="hint">待填写</span>{{/WAITING}}</td></tr>
{{/UNIT}}
</tbody></table>
<h2>各环节意见</h2>
<ol class="opinions">
{{#OPINION}}<li class="opinion stage-{{STAGE}}"><strong>{{STAGE_LABEL}}</strong> · {{KIND}}：<span class="text">{{TEXT}}</span>
{{#LEAD}}<br>牵头单位：<span class="o-lead">{{NAME}}</span>{{#COOPS}}；配合单位：{{NAMES}}{{/COOPS}}{{/LEAD}}
{{#PRINCIPLE}}<br>认定原则：{{LABEL}}{{/PRINCIPLE}}{{#BASIS}}<br>依据：<span class="text">{{TEXT}}</span>{{/BASIS}}{{#TEMP}}<br>临时承办单位：{{NAME}}{{/TEMP}}
<br><span class="sealed">（盖章：{{#SEAL}}{{UNIT}} {{DATE}}{{/SEAL}}，{{BY}}）</span></li>
{{/OPINION}}
</ol>
{{#OFFICE_VIEW}}<h2>以往类似认定</h2>
{{#NO_SIMILAR}}<p class="hint">没有同类或内容相近的已认定争议。</p>{{/NO_SIMILAR}}
<ul class="similar">{{#SIMILAR}}<li><a href="/disputes/{{ID}}">争议 #{{ID}}</a> {{NUMBER}} {{CATEGORY}} → <strong>{{LEAD}}</strong>（{{AT}}）<span class="text">{{TEXT}}</span></li>{{/SIMILAR}}</ul>{{/OFFICE_VIEW}}
{{#ACTIONS}}<section class="panel actions" aria-label="办理">
<h2>办理</h2>
{{#ACT_UNIT_OPINION}}<form method="post" action="/disputes/{{ID}}/unit-opinion"><input type="hidden" name="csrf" value="{{CSRF}}">{{#UNIT_OPINION_REFUSED}}<p class="error" role="alert">{{MSG}}</p>{{/UNIT_OPINION_REFUSED}}
<p><label for="unit_opinion">本单位处理意见</label> <textarea id="unit_opinion" name="opinion" rows="3" maxlength="4000"{{#UNIT_OPINION_ERR_OPINION}} aria-invalid="true" aria-describedby="unit_opinion-err"{{/UNIT_OPINION_ERR_OPINION}}>{{UNIT_OPINION_V_OPINION}}</textarea>{{#UNIT_OPINION_ERR_OPINION}} <span class="field-error" id="unit_opinion-err">{{MSG}}</span>{{/UNIT_OPINION_ERR_OPINION}}</p><p><button type="submit">提交处理意见</button></p></form>{{/ACT_UNIT_OPINION}}
{{#ACT_COORDINATE}}<form method="post" action="/disputes/{{ID}}/coordinate"><input type="hidden" name="csrf" value="{{CSRF}}">{{#COORDINATE_REFUSED}}<p class="error" role="alert">{{MSG}}</p>{{/COORDINATE_REFUSED}}
<p><label for="coordination">协调情况</label> <textarea id="coordination" name="opinion" rows="3" maxlength="4000"{{#COORDINATE_ERR_OPINION}} aria-invalid="true" aria-describedby="coordination-err"{{/COORDINATE_ERR_OPINION}}>{{COORDINATE_V_OPINION}}</textarea>{{#COORDINATE_ERR_OPINION}} <span class="field-error" id="coordination-err">{{MSG}}</span>{{/COORDINATE_ERR_OPINION}}</p><p><button type="submit">填写并盖章</button></p></form>{{/ACT_COORDINATE}}
{{#ACT_REFER}}<form method="post" action="/disputes/{{ID}}/refer"><input type="hidden" name="csrf" value="{{CSRF}}">{{#REFER_REFUSED}}<p class="error" role="alert">{{MSG}}</p>{{/REFER_REFUSED}}<p><button type="submit">转{{EST}}认定</button></p></form>{{/ACT_REFER}}
{{#ACT_CONTACT}}<form method="post" action="/disputes/{{ID}}/contact"><input type="hidden" name="csrf" value="{{CSRF}}">{{#CONTACT_REFUSED}}<p class="error" role="alert">{{MSG}}</p>{{/CONTACT_REFUSED}}
<p><label for="contact_note">告知来电人</label> <input id="contact_note" name="note" maxlength="2000" class="wide" value="{{CONTACT_V_NOTE}}"{{#CONTACT_ERR_NOTE}} aria-invalid="true" aria-describedby="contact_note-err"{{/CONTACT_ERR_NOTE}}>{{#CONTACT_ERR_NOTE}} <span class="field-error" id="contact_note-err">{{MSG}}</span>{{/CONTACT_ERR_NOTE}} <button type="submit" class="secondary">记录告知</button></p></form>{{/ACT_CONTACT}}
{{#ACT_REVIEW}}<form method="post" action="/disputes/{{ID}}/review" class="review"><input type="hidden" name="csrf" value="{{CSRF}}">
{{#REVIEW_REFUSED}}<p class="error" role="alert">{{MSG}}</p>{{/REVIEW_REFUSED}}
<p><label for="decision">意见类型</label> <select id="decision" name="decision"><option value="opinion"{{#DECISION_OPINION}} selected{{/DECISION_OPINION}}>认定意见</option>{{#ACT_EST_LEGAL}}<option value="legal"{{#DECISION_LEGAL}} selected{{/DECISION_LEGAL}}>转市法制局</option>{{/ACT_EST_LEGAL}}<option value="temporary"{{#DECISION_TEMPORARY}} selected{{/DECISION_TEMPORARY}}>临时处理意见并提请联席会议</option></select></p>
<p><label for="lead_unit_id">牵头单位</label> <select id="lead_unit_id" name="lead_unit_id"{{#REVIEW_ERR_LEAD_UNIT_ID}} aria-invalid="true" aria-describedby="lead_unit_id-err"{{/REVIEW_ERR_LEAD_UNIT_ID}}><option value="">请选择</option>{{#LEAD_OPT}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/LEAD_OPT}}</select>{{#REVIEW_ERR_LEAD_UNIT_ID}} <span class="field-error" id="lead_unit_id-err">{{MSG}}</span>{{/REVIEW_ERR_LEAD_UNIT_ID}}</p>
<p><label for="coop_unit_id">配合单位</label> <select id="coop_unit_id" name="coop_unit_id" multiple size="4">{{#COOP_OPT}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/COOP_OPT}}</select></p>
<p><label for="principle">认定原则</label> <select id="principle" name="principle"{{#REVIEW_ERR_PRINCIPLE}} aria-invalid="true" aria-describedby="principle-err"{{/REVIEW_ERR_PRINCIPLE}}><option value="">请选择</option>{{#PRINCIPLE_OPT}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/PRINCIPLE_OPT}}</select>{{#REVIEW_ERR_PRINCIPLE}} <span class="field-error" id="principle-err">{{MSG}}</span>{{/REVIEW_ERR_PRINCIPLE}}</p>
<p><label for="basis">依据</label> <textarea id="basis" name="basis" rows="2" maxlength="1000" placeholder="“三定”规定或法律法规条款"{{#REVIEW_ERR_BASIS}} aria-invalid="true" aria-describedby="basis-err"{{/REVIEW_ERR_BASIS}}>{{REVIEW_V_BASIS}}</textarea>{{#REVIEW_ERR_BASIS}} <span class="field-error" id="basis-err">{{MSG}}</span>{{/REVIEW_ERR_BASIS}}</p>
<p><label for="temp_unit_id">临时承办单位</label> <select id="temp_unit_id" name="temp_unit_id"{{#REVIEW_ERR_TEMP_UNIT_ID}} aria-invalid="true" aria-describedby="temp_unit_id-err"{{/REVIEW_ERR_TEMP_UNIT_ID}}><option value="">（仅临时处理意见）</option>{{#TEMP_OPT}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/TEMP_OPT}}</select>{{#REVIEW_ERR_TEMP_UNIT_ID}} <span class="field-error" id="temp_unit_id-err">{{MSG}}</span>{{/REVIEW_ERR_TEMP_UNIT_ID}}</p>
<p><label for="review_opinion">意见</label> <textarea id="review_opinion" name="opinion" rows="3" maxlength="4000"{{#REVIEW_ERR_OPINION}} aria-invalid="true" aria-describedby="review_opinion-err"{{/REVIEW_ERR_OPINION}}>{{REVIEW_V_OPINION}}</textarea>{{#REVIEW_ERR_OPINION}} <span class="field-error" id="review_opinion-err">{{MSG}}</span>{{/REVIEW_ERR_OPINION}}</p>
<p><button type="submit">提交并盖章</button></p></form>{{/ACT_REVIEW}}
{{#ACT_PROPOSE}}<p><a href="/meetings">提请联席会议审议</a></p>{{/ACT_PROPOSE}}
{{#ACT_DETERMINE}}<form method="post" action="/disputes/{{ID}}/determine"><input type="hidden" name="csrf" value="{{CSRF}}">{{#DETERMINE_REFUSED}}<p class="error" role="alert">{{MSG}}</p>{{/DETERMINE_REFUSED}}
<p><label for="determination">认定意见</label> <textarea id="determination" name="opinion" rows="3" maxlength="4000"{{#DETERMINE_ERR_OPINION}} aria-invalid="true" aria-describedby="determination-err"{{/DETERMINE_ERR_OPINION}}>{{DETERMINATION_DRAFT}}{{DETERMINE_V_OPINION}}</textarea>{{#DETERMINE_ERR_OPINION}} <span class="field-error" id="determination-err">{{MSG}}</span>{{/DETERMINE_ERR_OPINION}}</p><p><button type="submit">出具认定意见</button></p></form>{{/ACT_DETERMINE}}
{{#ACT_ANSWER}}<form method="post" action="/disputes/{{ID}}/accept"><input type="hidden" name="csrf" value="{{CSRF}}"><p><button type="submit">接收认定并签收工单</button></p></form>
<form method="post" action="/disputes/{{ID}}/refuse"><input type="hidden" name="csrf" value="{{CSRF}}">{{#ANSWER_REFUSED}}<p class="error" role="alert">{{MSG}}</p>{{/ANSWER_REFUSED}}
<p><label for="refuse_reason">拒绝理由</label> <input id="refuse_reason" name="reason" maxlength="500" value="{{ANSWER_V_REASON}}"{{#ANSWER_ERR_REASON}} aria-invalid="true" aria-describedby="refuse_reason-err"{{/ANSWER_ERR_REASON}}>{{#ANSWER_ERR_REASON}} <span class="field-error" id="refuse_reason-err">{{MSG}}</span>{{/ANSWER_ERR_REASON}} <button type="submit" class="secondary">拒绝接收</button></p></form>{{/ACT_ANSWER}}
{{#ACT_ACCOUNT}}<form method="post" action="/disputes/{{ID}}/account"><input type="hidden" name="csrf" value="{{CSRF}}">{{#ACCOUNT_REFUSED}}<p class="error" role="alert">{{MSG}}</p>{{/ACCOUNT_REFUSED}}
<p><label for="facts">问责事实</label> <textarea id="facts" name="facts" rows="2" maxlength="4000"{{#ACCOUNT_ERR_FACTS}} aria-invalid="true" aria-describedby="facts-err"{{/ACCOUNT_ERR_FACTS}}>{{ACCOUNT_V_FACTS}}</textarea>{{#ACCOUNT_ERR_FACTS}} <span class="field-error" id="facts-err">{{MSG}}</span>{{/ACCOUNT_ERR_FACTS}}</p><p><button type="submit" class="secondary">提出问责</button></p></form>{{/ACT_ACCOUNT}}
{{#ACT_UNBIND}}<form method="post" action="/disputes/{{ID}}/unbind"><input type="hidden" name="csrf" value="{{CSRF}}">{{#UNBIND_REFUSED}}<p class="error" role="alert">{{MSG}}</p>{{/UNBIND_REFUSED}}
<p><label for="unbind_reason">解除认定约束的理由</label> <textarea id="unbind_reason" name="reason" rows="2" maxlength="2000"{{#UNBIND_ERR_REASON}} aria-invalid="true" aria-describedby="unbind_reason-err"{{/UNBIND_ERR_REASON}}>{{UNBIND_V_REASON}}</textarea>{{#UNBIND_ERR_REASON}} <span class="field-error" id="unbind_reason-err">{{MSG}}</span>{{/UNBIND_ERR_REASON}}</p><p><button type="submit" class="secondary">解除认定约束，允许牵头单位再次申请退回</button></p></form>{{/ACT_UNBIND}}
{{#ACT_RULE}}<form method="post" action="/disputes/{{ID}}/rule"><input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="rule_keywords">关键词（可选）</label> <input id="rule_keywords" name="keywords" maxlength="200"> <button type="submit" class="secondary">按此认定生成派单规则</button></p></form>{{/ACT_RULE}}
</section>{{/ACTIONS}}
<h2>告知来电人记录</h2>
{{#NO_CONTACT}}<p class="hint">尚未告知。</p>{{/NO_CONTACT}}
<ul class="contacts">{{#CONTACT}}<li><span class="at">{{AT}}</span> {{WHO}}：{{WHAT}}</li>{{/CONTACT}}</ul>
<h2>办理过程</h2>
<ol class="timeline">
{{#EVENT}}<li><span class="at">{{AT}}</span> {{WHO}}{{#IN_UNIT}}（{{UNIT}}）{{/IN_UNIT}} <strong>{{ACTION}}</strong> <span class="text">{{NOTE}}</span></li>
{{/EVENT}}
</ol>
