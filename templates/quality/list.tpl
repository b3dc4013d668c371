{{%AUTOESCAPE context="HTML"}}<h1>解答质检</h1>
<p class="hint">每月从话务员用知识库当场解答的来电中随机抽检（按考核公式：{{PCT}}%，至少 {{MIN}} 件），逐件评定解答是否准确；评定为不准确的，写明理由和出错的知识条目，系统向其所属单位发出知识更新工单。结果计入各单位的准确解答率。</p>
<form method="get" action="/quality" class="filters"><label for="month">月份</label> <input id="month" name="month" type="month" value="{{MONTH}}"> <button type="submit">查看</button></form>
<p class="summary">{{MONTH}}：知识库解答 <strong>{{ANSWERED}}</strong> 件，应抽检 <strong>{{SIZE}}</strong> 件，已抽取 <strong class="drawn">{{DRAWN}}</strong> 件，已评定 <strong class="marked">{{MARKED}}</strong> 件，准确率 <strong class="qa-rate">{{RATE}}</strong>。</p>
{{#DRAW}}<form method="post" action="/quality/draw" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="month" value="{{MONTH}}"><button type="submit">抽取 {{MONTH}} 样本</button></form>{{/DRAW}}
<ol class="samples">
{{#SAMPLE}}<li id="s{{ID}}" class="sample"><p>{{#ORDER_LINK}}<a href="/orders/{{ORDER_ID}}">{{NUMBER}}</a>{{/ORDER_LINK}}{{#ORDER_TEXT}}{{NUMBER}}{{/ORDER_TEXT}} {{CREATED}} · 解答所用知识：<a href="/knowledge/entries/{{ENTRY_ID}}">#{{ENTRY_ID}} {{TITLE}}</a>（{{UNIT}}）</p>
<blockquote>{{CONTENT}}</blockquote>
{{#ACCURATE}}<p class="verdict ok">准确 {{REASON}}</p>{{/ACCURATE}}
{{#INACCURATE}}<p class="verdict bad">不准确：{{REASON}}{{#UPDATE}} · <a href="/knowledge/updates/{{ID}}">知识更新工单 #{{ID}}</a>{{/UPDATE}}</p>{{/INACCURATE}}
{{#MARK}}<form method="post" action="/quality/samples/{{ID}}" class="mark"><input type="hidden" name="csrf" value="{{CSRF}}">
<fieldset><legend>质检结论</legend>
<label><input type="radio" name="verdict" value="accurate" required> 准确</label>
<label><input type="radio" name="verdict" value="inaccurate"> 不准确</label></fieldset>
<p><label for="reason{{ID}}">理由</label> <input id="reason{{ID}}" name="reason" maxlength="500" size="40">
<label for="entry{{ID}}">出错条目编号</label> <input id="entry{{ID}}" name="entry_id" type="number" min="1" value="{{ENTRY_ID}}"></p>
<p><button type="submit">提交</button></p></form>{{/MARK}}
</li>
{{/SAMPLE}}
</ol>
