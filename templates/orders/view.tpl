{{%AUTOESCAPE context="HTML"}}<h1>工单 {{NUMBER}}</h1>
<p class="meta"><span class="state state-{{STATE_CODE}}">{{STATE}}</span>{{#OVERDUE}} <span class="badge overdue">已超期</span>{{/OVERDUE}} · <a href="/orders/{{ID}}/print">打印工单</a></p>
{{#QCODE}}<div class="notice qcode" role="status"><p>请告知来电人：工单编号 <strong>{{NUMBER}}</strong>，查询码 <strong class="o-qcode">{{CODE}}</strong>。凭编号和查询码（或来电号码后四位）可在热线网站“工单查询”（/status）查看办理进度。查询码只显示这一次。</p></div>{{/QCODE}}
{{#MERGED}}<p class="notice merged" role="status">本工单已合并至 <a href="/orders/{{MASTER_ID}}">{{MASTER}}</a> 办理，随主工单答复。</p>{{/MERGED}}
{{#LIKELY}}<p class="hint likely">受理时标记为疑似重复于 <a href="/orders/{{OF_ID}}">{{OF}}</a>。{{#CLEAR}}<form method="post" action="/orders/{{ID}}/not-duplicate" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="secondary">不是重复，取消标记</button></form>{{/CLEAR}}</p>{{/LIKELY}}
<dl class="fields order">
<dt>工单编号</dt><dd class="o-number">{{NUMBER}}</dd>
<dt>受理时间</dt><dd>{{CREATED}}（{{OPERATOR}}）</dd>
<dt>来源渠道</dt><dd>{{CHANNEL}}</dd>
<dt>来电人</dt><dd>{{CALLER_NAME}}</dd>
<dt>来电号码</dt><dd class="o-phone">{{PHONE}}</dd>
<dt>问题分类</dt><dd>{{CATEGORY}}</dd>
<dt>所属区域</dt><dd>{{JUR}}</dd>
<dt>发生地点</dt><dd>{{PLACE}}</dd>
<dt>诉求内容</dt><dd class="text">{{CONTENT}}</dd>
<dt>主要诉求</dt><dd class="text">{{DEMAND}}</dd>
<dt>问题起因</dt><dd class="text">{{CAUSE}}</dd>
<dt>主要矛盾</dt><dd class="text">{{CONTRADICTION}}</dd>
{{#DISPUTE}}<dt>争议认定</dt><dd><a href="/disputes/{{DISPUTE_ID}}">争议 #{{DISPUTE_ID}}</a></dd>{{/DISPUTE}}
{{#HAS_ENTRY}}<dt>答复依据</dt><dd><a href="/knowledge/entries/{{ENTRY_ID}}">{{ENTRY_TITLE}}</a></dd>{{/HAS_ENTRY}}
{{#HAS_THREE_WAY}}<dt>三方通话单位</dt><dd>{{THREE_WAY_UNIT}}</dd>{{/HAS_THREE_WAY}}
{{#HAS_UNIT}}<dt>承办单位</dt><dd class="o-unit">{{UNIT}}</dd>
<dt>派单时间</dt><dd>{{DISPATCHED}}</dd>
<dt>办理期限</dt><dd class="o-due">{{DUE}}</dd>{{/HAS_UNIT}}
{{#HAS_REPLY}}<dt>办理结果</dt><dd class="text o-reply">{{REPLY}}</dd>{{/HAS_REPLY}}
{{#CALLBACK}}<dt>回访结果</dt><dd class="o-callback">{{SATISFACTION}}</dd>{{/CALLBACK}}
<dt>退回次数</dt><dd>{{RETURNS}}</dd>
{{#SOURCE}}<dt>来源系统</dt><dd>{{NAME}}</dd>{{/SOURCE}}
{{#CALLERS}}<dt>来电人数</dt><dd class="o-callers">{{N}}（含合并工单 {{MERGED_N}} 件）</dd>{{/CALLERS}}
</dl>
{{#MERGED_LIST}}<section class="panel merged-orders" aria-label="合并工单">
<h2>合并至本工单的工单</h2>
<ul>{{#M}}<li><a href="/orders/{{ID}}">{{NUMBER}}</a> {{CREATED}} {{CALLER}} {{PHONE}}</li>{{/M}}</ul>
</section>{{/MERGED_LIST}}
{{#DUPES}}<section class="panel dupes" aria-label="疑似重复工单">
<h2>疑似重复工单（近 {{DAYS}} 天）</h2>
<ul>
{{#DUPE}}<li><a href="/orders/{{ID}}">{{NUMBER}}</a> {{CREATED}} {{CATEGORY}} · {{STATE}} {{UNIT}} <span class="tag">{{WHY}}</span> {{PLACE}}{{#MERGED}} <span class="hint">已合并至工单 #{{MASTER}}</span>{{/MERGED}}
{{#MERGE_HERE}}<form method="post" action="/orders/{{SELF}}/merge" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="master_id" value="{{ID}}"><button type="submit" class="secondary">本工单合并到此单</button></form>{{/MERGE_HERE}}
{{#MERGE_THERE}}<form method="post" action="/orders/{{ID}}/merge" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="master_id" value="{{SELF}}"><button type="submit" class="secondary">此单合并到本工单</button></form>{{/MERGE_THERE}}</li>
{{/DUPE}}</ul>
</section>{{/DUPES}}
{{#ACT_QCODE}}<form method="post" action="/orders/{{ID}}/qcode" class="inline qcode-new"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="secondary">重新生成查询码</button> <span class="hint">来电人遗失查询码时使用，原查询码随即失效</span></form>{{/ACT_QCODE}}
{{#RETURN}}<section class="panel return-request" aria-label="退回申请">
<h2>退回申请（待管理办决定）</h2>
<dl class="fields">
<dt>申请单位</dt><dd>{{UNIT}}（{{BY}}，{{AT}}）</dd>
<dt>退回理由</dt><dd class="text">{{REASON}}</dd>
<dt>依据</dt><dd class="text">{{BASIS}}</dd>
<dt>建议承办单位</dt><dd>{{SUGGESTED}}</dd>
</dl>
</section>{{/RETURN}}
{{#COOPS}}<section class="panel coops" aria-label="配合单位">
<h2>配合单位</h2>
<table class="coop-parts">
<thead><tr><th>配合单位</th><th>配合期限</th><th>配合办理情况</th></tr></thead>
<tbody>
{{#COOP_PART}}<tr><td>{{UNIT}}</td><td>{{DUE}}</td><td>{{#GIVEN}}<span class="text">{{TEXT}}</span>（{{BY}}，{{AT}}）{{/GIVEN}}{{#OWED}}<span class="hint">待反馈</span>{{/OWED}}{{#LATE}}<span class="badge overdue">已超期未反馈</span>{{/LATE}}</td></tr>
{{/COOP_PART}}
</tbody></table>
</section>{{/COOPS}}
{{#ACTIONS}}<section class="panel actions" aria-label="办理">
<h2>办理</h2>
{{#ACT_ACCEPT}}<form method="post" action="/orders/{{ID}}/accept"><input type="hidden" name="csrf" value="{{CSRF}}">{{#ACCEPT_REFUSED}}<p class="error" role="alert">{{MSG}}</p>{{/ACCEPT_REFUSED}}<p><button type="submit">签收</button></p></form>{{/ACT_ACCEPT}}
{{#ACT_NOTE}}<form method="post" action="/orders/{{ID}}/note"><input type="hidden" name="csrf" value="{{CSRF}}">{{#NOTE_REFUSED}}<p class="error" role="alert">{{MSG}}</p>{{/NOTE_REFUSED}}
<p><label for="note">办理进展</label> <textarea id="note" name="note" rows="2" maxlength="2000" required{{#NOTE_ERR_NOTE}} aria-invalid="true" aria-describedby="note-err"{{/NOTE_ERR_NOTE}}>{{NOTE_V_NOTE}}</textarea>{{#NOTE_ERR_NOTE}} <span class="field-error" id="note-err">{{MSG}}</span>{{/NOTE_ERR_NOTE}} <button type="submit" class="secondary">记录进展</button></p></form>{{/ACT_NOTE}}
{{#ACT_REPLY}}<form method="post" action="/orders/{{ID}}/reply"><input type="hidden" name="csrf" value="{{CSRF}}">{{#REPLY_REFUSED}}<p class="error" role="alert">{{MSG}}</p>{{/REPLY_REFUSED}}
<p><label for="result">办理结果</label> <textarea id="result" name="result" rows="4" maxlength="4000" required{{#REPLY_ERR_RESULT}} aria-invalid="true" aria-describedby="result-err"{{/REPLY_ERR_RESULT}}>{{REPLY_V_RESULT}}</textarea>{{#REPLY_ERR_RESULT}} <span class="field-error" id="result-err">{{MSG}}</span>{{/REPLY_ERR_RESULT}}</p>
<p><button type="submit">办结回复</button></p></form>{{/ACT_REPLY}}
{{#BOUND}}<p class="hint bound">本工单已经<a href="/disputes/{{DISPUTE}}">争议认定（争议 #{{DISPUTE}}）</a>由本单位牵头办理，认定具有约束力，不能再申请退回。</p>{{/BOUND}}
{{#ACT_RETURN}}<details class="return-form"{{#RETURN_OPEN}} open{{/RETURN_OPEN}}><summary>申请退回</summary>
<form method="post" action="/orders/{{ID}}/return"><input type="hidden" name="csrf" value="{{CSRF}}">{{#RETURN_REFUSED}}<p class="error" role="alert">{{MSG}}</p>{{/RETURN_REFUSED}}
<p class="hint">按首问责任制，确不属于本单位职责的，须同时写明退回理由、依据和认为应当承办的单位。</p>
<p><label for="reason">退回理由</label> <textarea id="reason" name="reason" rows="2" maxlength="500"{{#RETURN_ERR_REASON}} aria-invalid="true" aria-describedby="reason-err"{{/RETURN_ERR_REASON}}>{{RETURN_V_REASON}}</textarea>{{#RETURN_ERR_REASON}} <span class="field-error" id="reason-err">{{MSG}}</span>{{/RETURN_ERR_REASON}}</p>
<p><label for="basis">依据</label> <textarea id="basis" name="basis" rows="2" maxlength="1000" placeholder="法律法规条款或本单位“三定”规定"{{#RETURN_ERR_BASIS}} aria-invalid="true" aria-describedby="basis-err"{{/RETURN_ERR_BASIS}}>{{RETURN_V_BASIS}}</textarea>{{#RETURN_ERR_BASIS}} <span class="field-error" id="basis-err">{{MSG}}</span>{{/RETURN_ERR_BASIS}}</p>
<p><label for="suggested_unit_id">建议承办单位</label> <select id="suggested_unit_id" name="suggested_unit_id"{{#RETURN_ERR_SUGGESTED_UNIT_ID}} aria-invalid="true" aria-describedby="suggested_unit_id-err"{{/RETURN_ERR_SUGGESTED_UNIT_ID}}><option value="">请选择</option>{{#RETURN_UNIT}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/RETURN_UNIT}}</select>{{#RETURN_ERR_SUGGESTED_UNIT_ID}} <span class="field-error" id="suggested_unit_id-err">{{MSG}}</span>{{/RETURN_ERR_SUGGESTED_UNIT_ID}}</p>
<p><button type="submit" class="secondary">提交退回申请</button></p></form></details>{{/ACT_RETURN}}
{{#ACT_COOP}}<form method="post" action="/orders/{{ID}}/coop" class="coop"><input type="hidden" name="csrf" value="{{CSRF}}">{{#COOP_REFUSED}}<p class="error" role="alert">{{MSG}}</p>{{/COOP_REFUSED}}
<p><label for="coop_note">本单位配合办理情况</label> <textarea id="coop_note" name="note" rows="3" maxlength="2000"{{#COOP_ERR_NOTE}} aria-invalid="true" aria-describedby="coop_note-err"{{/COOP_ERR_NOTE}}>{{COOP_V_NOTE}}</textarea>{{#COOP_ERR_NOTE}} <span class="field-error" id="coop_note-err">{{MSG}}</span>{{/COOP_ERR_NOTE}}</p>
<p><button type="submit">提交配合办理情况</button></p></form>{{/ACT_COOP}}
{{#ACT_CLOSE}}<form method="post" action="/orders/{{ID}}/close"><input type="hidden" name="csrf" value="{{CSRF}}">{{#CLOSE_REFUSED}}<p class="error" role="alert">{{MSG}}</p>{{/CLOSE_REFUSED}}
<p><label for="satisfaction">回访结果</label> <select id="satisfaction" name="satisfaction"{{#CLOSE_ERR_SATISFACTION}} aria-invalid="true" aria-describedby="satisfaction-err"{{/CLOSE_ERR_SATISFACTION}}><option value="">请选择</option>{{#SAT}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/SAT}}</select>{{#CLOSE_ERR_SATISFACTION}} <span class="field-error" id="satisfaction-err">{{MSG}}</span>{{/CLOSE_ERR_SATISFACTION}}
<label for="close_note">回访说明</label> <input id="close_note" name="note" maxlength="2000" value="{{CLOSE_V_NOTE}}"></p>
<p><button type="submit">审核办结</button></p></form>{{/ACT_CLOSE}}
{{#ACT_SEND_BACK}}<form method="post" action="/orders/{{ID}}/send-back"><input type="hidden" name="csrf" value="{{CSRF}}">{{#SEND_BACK_REFUSED}}<p class="error" role="alert">{{MSG}}</p>{{/SEND_BACK_REFUSED}}
<p><label for="send_back_reason">退回重办理由</label> <input id="send_back_reason" name="reason" maxlength="500" value="{{SEND_BACK_V_REASON}}"{{#SEND_BACK_ERR_REASON}} aria-invalid="true" aria-describedby="send_back_reason-err"{{/SEND_BACK_ERR_REASON}}>{{#SEND_BACK_ERR_REASON}} <span class="field-error" id="send_back_reason-err">{{MSG}}</span>{{/SEND_BACK_ERR_REASON}} <button type="submit" class="secondary">退回重办</button></p></form>{{/ACT_SEND_BACK}}
{{#ACT_REOPEN}}<form method="post" action="/orders/{{ID}}/reopen"><input type="hidden" name="csrf" value="{{CSRF}}">{{#REOPEN_REFUSED}}<p class="error" role="alert">{{MSG}}</p>{{/REOPEN_REFUSED}}
<p><label for="reopen_reason">重新交办理由</label> <input id="reopen_reason" name="reason" maxlength="500" value="{{REOPEN_V_REASON}}"{{#REOPEN_ERR_REASON}} aria-invalid="true" aria-describedby="reopen_reason-err"{{/REOPEN_ERR_REASON}}>{{#REOPEN_ERR_REASON}} <span class="field-error" id="reopen_reason-err">{{MSG}}</span>{{/REOPEN_ERR_REASON}} <button type="submit" class="secondary">重新交办</button></p></form>{{/ACT_REOPEN}}
{{#ACT_URGE}}<form method="post" action="/orders/{{ID}}/urge"><input type="hidden" name="csrf" value="{{CSRF}}">{{#URGE_REFUSED}}<p class="error" role="alert">{{MSG}}</p>{{/URGE_REFUSED}}
<p><label for="urge_note">催办说明</label> <input id="urge_note" name="note" maxlength="2000" value="{{URGE_V_NOTE}}"> <button type="submit" class="secondary">催办</button></p></form>{{/ACT_URGE}}
{{#ACT_REDISPATCH}}<form method="post" action="/orders/{{ID}}/redispatch"><input type="hidden" name="csrf" value="{{CSRF}}">{{#REDISPATCH_REFUSED}}<p class="error" role="alert">{{MSG}}</p>{{/REDISPATCH_REFUSED}}
<p><label for="redispatch_unit">改派单位</label> <select id="redispatch_unit" name="unit_id"{{#REDISPATCH_ERR_UNIT_ID}} aria-invalid="true" aria-describedby="redispatch_unit-err"{{/REDISPATCH_ERR_UNIT_ID}}><option value="">请选择</option>{{#REDISPATCH_UNIT}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/REDISPATCH_UNIT}}</select>{{#REDISPATCH_ERR_UNIT_ID}} <span class="field-error" id="redispatch_unit-err">{{MSG}}</span>{{/REDISPATCH_ERR_UNIT_ID}}
<label for="redispatch_note">说明</label> <input id="redispatch_note" name="note" maxlength="2000" value="{{REDISPATCH_V_NOTE}}"> <button type="submit">同意退回并改派</button></p></form>{{/ACT_REDISPATCH}}
{{#ACT_REFUSE_RETURN}}<form method="post" action="/orders/{{ID}}/refuse-return"><input type="hidden" name="csrf" value="{{CSRF}}">{{#REFUSE_RETURN_REFUSED}}<p class="error" role="alert">{{MSG}}</p>{{/REFUSE_RETURN_REFUSED}}
<p><label for="refuse_reason">不同意理由</label> <input id="refuse_reason" name="reason" maxlength="500" value="{{REFUSE_RETURN_V_REASON}}"{{#REFUSE_RETURN_ERR_REASON}} aria-invalid="true" aria-describedby="refuse_reason-err"{{/REFUSE_RETURN_ERR_REASON}}>{{#REFUSE_RETURN_ERR_REASON}} <span class="field-error" id="refuse_reason-err">{{MSG}}</span>{{/REFUSE_RETURN_ERR_REASON}} <button type="submit" class="secondary">不同意退回</button></p></form>{{/ACT_REFUSE_RETURN}}
{{#ACT_DISPUTE}}<form method="post" action="/orders/{{ID}}/dispute"><input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="dispute_note">争议说明</label> <input id="dispute_note" name="note" maxlength="2000"> <button type="submit" class="secondary">提请争议认定</button></p></form>{{/ACT_DISPUTE}}
</section>{{/ACTIONS}}
<h2>办理过程</h2>
<ol class="timeline">
{{#EVENT}}<li><span class="at">{{AT}}</span> {{WHO}}{{#IN_UNIT}}（{{UNIT}}）{{/IN_UNIT}} <strong>{{ACTION}}</strong>{{#TARGET}} → {{UNIT}}{{/TARGET}} <span class="text">{{NOTE}}</span></li>
{{/EVENT}}
</ol>
