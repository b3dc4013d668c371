{{%AUTOESCAPE context="HTML"}}<h1>知识更新工单 #{{ID}}</h1>
<dl class="fields">
{{#ENTRY}}<dt>知识</dt><dd><a href="/knowledge/entries/{{ENTRY_ID}}">{{TITLE}}</a></dd>{{/ENTRY}}
<dt>承办单位</dt><dd>{{UNIT}}</dd>
<dt>问题</dt><dd>{{PROBLEM}}：<span class="text">{{TEXT}}</span></dd>
<dt>反馈人</dt><dd>{{REPORTER}}</dd>
<dt>状态</dt><dd class="state">{{STATE}}{{#LINKED}}（已关联第 {{NO}} 版）{{/LINKED}}</dd>
<dt>办理期限</dt><dd>{{DUE}}</dd>
</dl>
<h2>办理过程</h2>
<ol class="timeline">
{{#EVENT}}<li><span class="at">{{AT}}</span> {{WHO}}（{{UNIT}}） <strong>{{ACTION}}</strong> <span class="text">{{TEXT}}</span></li>
{{/EVENT}}
</ol>
{{#CAN_ANSWER}}
<section class="panel">
<h2>答复</h2>
<form method="post" action="/knowledge/updates/{{ID}}/fixed" class="answer">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="fixed_message">说明（可选）</label> <input id="fixed_message" name="message" maxlength="1000"> <button type="submit">已发布新版本</button></p>
</form>
<form method="post" action="/knowledge/updates/{{ID}}/reply" class="answer">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="reply_message">不修改的理由</label> <textarea id="reply_message" name="message" rows="3" required maxlength="1000"></textarea></p>
<p><button type="submit" class="secondary">答复不修改</button></p>
</form>
</section>
{{/CAN_ANSWER}}
{{#CAN_CONFIRM}}
<section class="panel">
<h2>确认答复</h2>
<form method="post" action="/knowledge/updates/{{ID}}/confirm" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">确认已解决</button></form>
<form method="post" action="/knowledge/updates/{{ID}}/reopen">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="reopen_message">仍有问题</label> <textarea id="reopen_message" name="message" rows="2" required maxlength="1000"></textarea></p>
<p><button type="submit" class="secondary">退回重办</button></p>
</form>
</section>
{{/CAN_CONFIRM}}
