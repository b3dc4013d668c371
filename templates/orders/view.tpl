{{%AUTOESCAPE context="HTML"}}<h1>工单 {{NUMBER}}</h1>
<p class="meta"><span class="state state-{{STATE_CODE}}">{{STATE}}</span>{{#OVERDUE}} <span class="badge overdue">已超期</span>{{/OVERDUE}} · <a href="/orders/{{ID}}/print">打印工单</a></p>
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
</dl>
{{#RETURN}}<section class="panel return-request" aria-label="退回申请">
<h2>退回申请（待管理办决定）</h2>
<dl class="fields">
<dt>申请单位</dt><dd>{{UNIT}}（{{BY}}，{{AT}}）</dd>
<dt>退回理由</dt><dd class="text">{{REASON}}</dd>
<dt>依据</dt><dd class="text">{{BASIS}}</dd>
<dt>建议承办单位</dt><dd>{{SUGGESTED}}</dd>
</dl>
</section>{{/RETURN}}
{{#ACTIONS}}<section class="panel actions" aria-label="办理">
<h2>办理</h2>
{{#ACT_ACCEPT}}<form method="post" action="/orders/{{ID}}/accept"><input type="hidden" name="csrf" value="{{CSRF}}"><p><button type="submit">签收</button></p></form>{{/ACT_ACCEPT}}
{{#ACT_NOTE}}<form method="post" action="/orders/{{ID}}/note"><input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="note">办理进展</label> <textarea id="note" name="note" rows="2" maxlength="2000" required></textarea> <button type="submit" class="secondary">记录进展</button></p></form>{{/ACT_NOTE}}
{{#ACT_REPLY}}<form method="post" action="/orders/{{ID}}/reply"><input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="result">办理结果</label> <textarea id="result" name="result" rows="4" maxlength="4000" required></textarea></p>
<p><button type="submit">办结回复</button></p></form>{{/ACT_REPLY}}
{{#BOUND}}<p class="hint bound">本工单已经<a href="/disputes/{{DISPUTE}}">争议认定（争议 #{{DISPUTE}}）</a>由本单位牵头办理，认定具有约束力，不能再申请退回。</p>{{/BOUND}}
{{#ACT_RETURN}}<details class="return-form"><summary>申请退回</summary>
<form method="post" action="/orders/{{ID}}/return"><input type="hidden" name="csrf" value="{{CSRF}}">
<p class="hint">按首问责任制，确不属于本单位职责的，须同时写明退回理由、依据和认为应当承办的单位。</p>
<p><label for="reason">退回理由</label> <textarea id="reason" name="reason" rows="2" maxlength="500"></textarea></p>
<p><label for="basis">依据</label> <textarea id="basis" name="basis" rows="2" maxlength="1000" placeholder="法律法规条款或本单位“三定”规定"></textarea></p>
<p><label for="suggested_unit_id">建议承办单位</label> <select id="suggested_unit_id" name="suggested_unit_id"><option value="">请选择</option>{{#RETURN_UNIT}}<option value="{{ID}}">{{NAME}}</option>{{/RETURN_UNIT}}</select></p>
<p><button type="submit" class="secondary">提交退回申请</button></p></form></details>{{/ACT_RETURN}}
{{#ACT_CLOSE}}<form method="post" action="/orders/{{ID}}/close"><input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="satisfaction">回访结果</label> <select id="satisfaction" name="satisfaction"><option value="">请选择</option>{{#SAT}}<option value="{{CODE}}">{{LABEL}}</option>{{/SAT}}</select>
<label for="close_note">回访说明</label> <input id="close_note" name="note" maxlength="2000"></p>
<p><button type="submit">审核办结</button></p></form>{{/ACT_CLOSE}}
{{#ACT_SEND_BACK}}<form method="post" action="/orders/{{ID}}/send-back"><input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="send_back_reason">退回重办理由</label> <input id="send_back_reason" name="reason" maxlength="500"> <button type="submit" class="secondary">退回重办</button></p></form>{{/ACT_SEND_BACK}}
{{#ACT_REOPEN}}<form method="post" action="/orders/{{ID}}/reopen"><input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="reopen_reason">重新交办理由</label> <input id="reopen_reason" name="reason" maxlength="500"> <button type="submit" class="secondary">重新交办</button></p></form>{{/ACT_REOPEN}}
{{#ACT_URGE}}<form method="post" action="/orders/{{ID}}/urge"><input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="urge_note">催办说明</label> <input id="urge_note" name="note" maxlength="2000"> <button type="submit" class="secondary">催办</button></p></form>{{/ACT_URGE}}
{{#ACT_REDISPATCH}}<form method="post" action="/orders/{{ID}}/redispatch"><input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="redispatch_unit">改派单位</label> <select id="redispatch_unit" name="unit_id"><option value="">请选择</option>{{#REDISPATCH_UNIT}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/REDISPATCH_UNIT}}</select>
<label for="redispatch_note">说明</label> <input id="redispatch_note" name="note" maxlength="2000"> <button type="submit">同意退回并改派</button></p></form>{{/ACT_REDISPATCH}}
{{#ACT_REFUSE_RETURN}}<form method="post" action="/orders/{{ID}}/refuse-return"><input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="refuse_reason">不同意理由</label> <input id="refuse_reason" name="reason" maxlength="500"> <button type="submit" class="secondary">不同意退回</button></p></form>{{/ACT_REFUSE_RETURN}}
{{#ACT_DISPUTE}}<form method="post" action="/orders/{{ID}}/dispute"><input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="dispute_note">争议说明</label> <input id="dispute_note" name="note" maxlength="2000"> <button type="submit" class="secondary">提请争议认定</button></p></form>{{/ACT_DISPUTE}}
</section>{{/ACTIONS}}
<h2>办理过程</h2>
<ol class="timeline">
{{#EVENT}}<li><span class="at">{{AT}}</span> {{WHO}}{{#IN_UNIT}}（{{UNIT}}）{{/IN_UNIT}} <strong>{{ACTION}}</strong>{{#TARGET}} → {{UNIT}}{{/TARGET}} <span class="text">{{NOTE}}</span></li>
{{/EVENT}}
</ol>
