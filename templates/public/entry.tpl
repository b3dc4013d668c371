{{%AUTOESCAPE context="HTML"}}<article class="kb-entry public">
<p class="back"><a href="/kb">← 返回查询</a></p>
<h1>{{TITLE}}</h1>
<p class="meta"><span class="kind">{{KIND}}</span> 提供单位：{{UNIT}} · 更新日期 {{CHANGE_DATE}}</p>
<dl class="fields">
{{#FIELD}}<dt>{{LABEL}}</dt>
<dd class="f-{{NAME}}">{{#HTML}}{{V:none}}{{/HTML}}{{#TEXT}}<div class="text">{{V}}</div>{{/TEXT}}</dd>
{{/FIELD}}
</dl>
<section class="vote">
<p>以上内容对您有帮助吗？</p>
<form method="post" action="/kb/e/{{ID}}/vote" class="inline"><input type="hidden" name="vote" value="useful"><button type="submit">有用（{{USEFUL}}）</button></form>
<form method="post" action="/kb/e/{{ID}}/vote" class="inline"><input type="hidden" name="vote" value="useless"><button type="submit" class="secondary">没用（{{USELESS}}）</button></form>
</section>
</article>
