{{%AUTOESCAPE context="HTML"}}<article class="kb-entry">
<h1>{{TITLE}}</h1>
<p class="meta"><span class="kind">{{KIND}}</span> {{UNIT}} · 第 {{VERSION_NO}} 版 · <span class="state state-{{STATE_CODE}}">{{STATE}}</span> · <span class="visibility">{{VERSION_VISIBILITY}}</span> · 变化日期 {{CHANGE_DATE}} · 应于 {{DUE_DATE}} 前发布{{#MAJOR}} · <strong>重大/时效性强</strong>{{/MAJOR}} · 编写 {{AUTHOR}}</p>
{{#REJECTED}}<p class="alert">退回理由：{{REASON}}</p>{{/REJECTED}}
{{#EARLIER_REJECTED}}<p class="hint">上次退回理由：{{REASON}}</p>{{/EARLIER_REJECTED}}
<p class="keywords">关键词：{{KEYWORDS}}</p>
<dl class="fields">
{{#FIELD}}<dt>{{LABEL}}{{#INTERNAL}} <span class="tag">内部</span>{{/INTERNAL}}</dt>
<dd class="f-{{NAME}}">{{#HTML}}{{V:none}}{{/HTML}}{{#TEXT}}<div class="text">{{V}}</div>{{/TEXT}}</dd>
{{/FIELD}}
</dl>
{{#LINT}}<section class="lint panel" aria-label="质量检查">
<h2>质量检查</h2>
{{#CLEAN}}<p class="hint">未发现错别字、关键词或格式问题。</p>{{/CLEAN}}
{{#SOME}}<p class="hint">发现 {{N}} 处可能的问题，请在提交或审核前核对：</p>{{/SOME}}
<ul class="findings">{{#FINDING}}<li><span class="tag">{{KIND}}</span> {{WHERE}}：{{TEXT}}</li>{{/FINDING}}</ul>
</section>{{/LINT}}
{{#CHANGES}}<section class="changes panel">
<h2>与已发布的第 {{PUBLISHED_NO}} 版相比</h2>
<p class="hint"><del>删除的文字</del> · <ins>新增的文字</ins></p>
{{>DIFF_OPS}}</section>
{{/CHANGES}}
<section class="actions panel">
{{#CAN_EDIT}}<a class="button" href="/knowledge/versions/{{VERSION_ID}}/edit">编辑</a>{{/CAN_EDIT}}
{{#CAN_SUBMIT}}<form method="post" action="/knowledge/versions/{{VERSION_ID}}/submit" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">提交审核</button></form>{{/CAN_SUBMIT}}
{{#CAN_WITHDRAW}}<form method="post" action="/knowledge/versions/{{VERSION_ID}}/withdraw" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="secondary">撤回</button></form>{{/CAN_WITHDRAW}}
{{#CAN_APPROVE}}<form method="post" action="/knowledge/versions/{{VERSION_ID}}/approve" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">审核通过并发布</button></form>{{/CAN_APPROVE}}
{{#CAN_REJECT}}<form method="post" action="/knowledge/versions/{{VERSION_ID}}/reject" class="reject"><input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="reason">退回理由</label> <input id="reason" name="reason" required maxlength="500"> <button type="submit" class="secondary">退回修改</button></p></form>{{/CAN_REJECT}}
<p class="links"><a href="/knowledge/entries/{{ENTRY_ID}}">查看知识</a> · <a href="/knowledge/entries/{{ENTRY_ID}}/history">版本记录</a></p>
</section>
</article>
