{{%AUTOESCAPE context="HTML"}}<h1>联席会议 #{{MID}}</h1>
<p class="meta"><span class="state state-{{STATE_CODE}}">{{STATE}}</span> · 提请：{{PROPOSER}} · 召集单位：{{CONVENER}} · <a href="/meetings">全部会议</a></p>
<dl class="fields meeting">
<dt>会议内容</dt><dd class="text m-topic">{{TOPIC:pre_escape}}</dd>
<dt>会议时间</dt><dd class="m-starts">{{STARTS}}{{#NO_TIME}}<span class="hint">待召集单位安排</span>{{/NO_TIME}}</dd>
<dt>会议地点</dt><dd class="m-place">{{PLACE}}</dd>
<dt>参会人员</dt><dd class="text m-invitees">{{INVITEES:pre_escape}}</dd>
<dt>出席情况</dt><dd class="text m-attendance">{{ATTENDANCE:pre_escape}}</dd>
<dt>会议纪要</dt><dd class="text m-minutes">{{MINUTES:pre_escape}}</dd>
</dl>
<h2>议程</h2>
<table class="meeting-items">
<thead><tr><th>争议</th><th>工单编号</th><th>问题分类</th><th>争议状态</th><th>会议决定</th></tr></thead>
<tbody>
{{#ITEM}}<tr><td><a href="/disputes/{{DID}}">争议 #{{DID}}</a></td><td>{{NUMBER}}</td><td>{{CATEGORY}}</td><td>{{STATE}}</td><td>{{#DECIDED}}<span class="decided">已作出决定</span>{{/DECIDED}}{{#UNDECIDED}}<span class="hint">待决定</span>{{/UNDECIDED}}</td></tr>
{{/ITEM}}
</tbody></table>
{{#ACTIONS}}<section class="panel actions" aria-label="会议办理">
<h2>会议办理</h2>
{{#SCHEDULE}}<form method="post" action="/meetings/{{MID}}/schedule" class="schedule"><input type="hidden" name="csrf" value="{{CSRF}}">
<h3>安排会议</h3>{{#REFUSED}}<p class="error" role="alert">{{MSG}}</p>{{/REFUSED}}
<p><label for="starts_at">会议时间</label> <input type="datetime-local" id="starts_at" name="starts_at" value="{{STARTS_VALUE}}"{{#ERR_STARTS_AT}} aria-invalid="true" aria-describedby="starts_at-err"{{/ERR_STARTS_AT}}>{{#ERR_STARTS_AT}} <span class="field-error" id="starts_at-err">{{MSG}}</span>{{/ERR_STARTS_AT}}
<label for="place">会议地点</label> <input id="place" name="place" maxlength="200" value="{{PLACE_VALUE}}"{{#ERR_PLACE}} aria-invalid="true" aria-describedby="place-err"{{/ERR_PLACE}}>{{#ERR_PLACE}} <span class="field-error" id="place-err">{{MSG}}</span>{{/ERR_PLACE}}</p>
<p><label for="invitees">参会人员</label> <textarea id="invitees" name="invitees" rows="3" maxlength="2000" class="wide"{{#ERR_INVITEES}} aria-invalid="true" aria-describedby="invitees-err"{{/ERR_INVITEES}}>{{INVITEES_VALUE:pre_escape}}</textarea>{{#ERR_INVITEES}} <span class="field-error" id="invitees-err">{{MSG}}</span>{{/ERR_INVITEES}}</p>
<p><button type="submit">保存会议安排</button></p></form>{{/SCHEDULE}}
{{#DECIDE_LATER}}<p class="hint">会议召开并记录召开情况后，方可逐项记录会议决定。</p>{{/DECIDE_LATER}}
{{#DECIDE}}<form method="post" action="/meetings/{{MID}}/decide" class="decide"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="dispute_id" value="{{DID}}">
<h3>会议决定：争议 #{{DID}} · 工单 {{NUMBER}} {{CATEGORY}}</h3>{{#REFUSED}}<p class="error" role="alert">{{MSG}}</p>{{/REFUSED}}
<p><label for="lead_{{DID}}">牵头单位</label> <select id="lead_{{DID}}" name="lead_unit_id"{{#ERR_LEAD_UNIT_ID}} aria-invalid="true" aria-describedby="lead_{{DID}}-err"{{/ERR_LEAD_UNIT_ID}}><option value="">请选择</option>{{#LEAD_OPT}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/LEAD_OPT}}</select>{{#ERR_LEAD_UNIT_ID}} <span class="field-error" id="lead_{{DID}}-err">{{MSG}}</span>{{/ERR_LEAD_UNIT_ID}}</p>
<p><label for="coop_{{DID}}">配合单位</label> <select id="coop_{{DID}}" name="coop_unit_id" multiple size="4">{{#COOP_OPT}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/COOP_OPT}}</select></p>
<p><label for="principle_{{DID}}">认定原则</label> <select id="principle_{{DID}}" name="principle"{{#ERR_PRINCIPLE}} aria-invalid="true" aria-describedby="principle_{{DID}}-err"{{/ERR_PRINCIPLE}}><option value="">请选择</option>{{#PRINCIPLE_OPT}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/PRINCIPLE_OPT}}</select>{{#ERR_PRINCIPLE}} <span class="field-error" id="principle_{{DID}}-err">{{MSG}}</span>{{/ERR_PRINCIPLE}}</p>
<p><label for="basis_{{DID}}">依据</label> <textarea id="basis_{{DID}}" name="basis" rows="2" maxlength="1000" placeholder="“三定”规定或法律法规条款"{{#ERR_BASIS}} aria-invalid="true" aria-describedby="basis_{{DID}}-err"{{/ERR_BASIS}}>{{V_BASIS}}</textarea>{{#ERR_BASIS}} <span class="field-error" id="basis_{{DID}}-err">{{MSG}}</span>{{/ERR_BASIS}}</p>
<p><label for="opinion_{{DID}}">会议决定</label> <textarea id="opinion_{{DID}}" name="opinion" rows="3" maxlength="4000"{{#ERR_OPINION}} aria-invalid="true" aria-describedby="opinion_{{DID}}-err"{{/ERR_OPINION}}>{{V_OPINION}}</textarea>{{#ERR_OPINION}} <span class="field-error" id="opinion_{{DID}}-err">{{MSG}}</span>{{/ERR_OPINION}}</p>
<p><button type="submit">记录会议决定</button></p></form>{{/DECIDE}}
{{#HELD_LATER}}<p class="hint">会议时间 {{STARTS}} 到后，方可记录会议召开情况。</p>{{/HELD_LATER}}
{{#HELD}}<form method="post" action="/meetings/{{MID}}/held" class="held"><input type="hidden" name="csrf" value="{{CSRF}}">
<h3>记录会议召开情况</h3>{{#REFUSED}}<p class="error" role="alert">{{MSG}}</p>{{/REFUSED}}
<p><label for="attendance">出席情况</label> <textarea id="attendance" name="attendance" rows="3" maxlength="2000" class="wide"{{#ERR_ATTENDANCE}} aria-invalid="true" aria-describedby="attendance-err"{{/ERR_ATTENDANCE}}>{{V_ATTENDANCE}}</textarea>{{#ERR_ATTENDANCE}} <span class="field-error" id="attendance-err">{{MSG}}</span>{{/ERR_ATTENDANCE}}</p>
<p><label for="minutes">会议纪要</label> <textarea id="minutes" name="minutes" rows="6" maxlength="8000" class="wide"{{#ERR_MINUTES}} aria-invalid="true" aria-describedby="minutes-err"{{/ERR_MINUTES}}>{{V_MINUTES}}</textarea>{{#ERR_MINUTES}} <span class="field-error" id="minutes-err">{{MSG}}</span>{{/ERR_MINUTES}}</p>
<p><button type="submit">记录会议已召开</button></p></form>{{/HELD}}
</section>{{/ACTIONS}}
