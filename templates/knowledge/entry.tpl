{{%AUTOESCAPE context="HTML"}}<article class="kb-entry">
<h1>{{TITLE}}</h1>
<p class="meta"><span class="kind">{{KIND}}</span> {{UNIT}} · {{VISIBILITY}} · 第 {{VERSION_NO}} 版（{{STATE}}） · 变化日期 {{CHANGE_DATE}}{{#MAJOR}} · <strong>重大/时效性强</strong>{{/MAJOR}}</p>
{{#REJECTED}}<p class="alert">退回理由：{{REASON}}</p>{{/REJECTED}}
{{#OBSOLETE}}<p class="alert">此知识已于 {{ON}} 标注失效：{{REASON}}。请勿据此答复。</p>{{/OBSOLETE}}
<p class="keywords">关键词：{{KEYWORDS}}</p>
<dl class="fields">
{{#FIELD}}<dt>{{LABEL}}{{#INTERNAL}} <span class="tag">内部</span>{{/INTERNAL}}</dt>
<dd class="f-{{NAME}}">{{#HTML}}{{V:none}}{{/HTML}}{{#TEXT}}<div class="text">{{V}}</div>{{/TEXT}}</dd>
{{/FIELD}}
</dl>
<p class="links"><a href="/knowledge/entries/{{ENTRY_ID}}/history">版本记录</a></p>
{{#CAN_REPORT}}
<section class="panel report">
<h2>反馈知识问题</h2>
<form method="post" action="/knowledge/entries/{{ENTRY_ID}}/report">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="problem">问题类型</label> <select id="problem" name="problem"><option value="unclear">表述不清</option><option value="incomplete">内容不全</option><option value="wrong">内容错误</option><option value="typo">错别字</option></select></p>
<p><label for="message">具体说明</label> <textarea id="message" name="message" rows="3" required maxlength="1000"></textarea></p>
<p><button type="submit">提交给 {{UNIT}}</button></p>
</form>
</section>
{{/CAN_REPORT}}
{{#MINE}}
<section class="panel">
<h2>本单位维护</h2>
{{#OPEN_DRAFT}}<p>修订稿（第 {{DRAFT_NO}} 版，{{DRAFT_STATE}}）正在处理：<a href="/knowledge/versions/{{DRAFT_ID}}">查看修订稿</a></p>
{{#DRAFT_REJECTED}}<p class="alert">修订稿已退回，退回理由：{{REASON}}</p>{{/DRAFT_REJECTED}}{{/OPEN_DRAFT}}
{{#CAN_REDRAFT}}<form method="post" action="/knowledge/entries/{{ENTRY_ID}}/draft" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">修改（新建修订稿）</button></form>{{/CAN_REDRAFT}}
{{#CAN_OBSOLETE}}<form method="post" action="/knowledge/entries/{{ENTRY_ID}}/obsolete" class="obsolete">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="reason">失效原因</label> <input id="reason" name="reason" required maxlength="500"> <button type="submit" class="secondary">标注失效</button></p>
</form>{{/CAN_OBSOLETE}}
</section>
{{/MINE}}
</article>
