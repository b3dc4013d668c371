{{%AUTOESCAPE context="HTML"}}<h1>知识检索</h1>
<form method="get" action="/knowledge" class="search" role="search">
<label for="q">问题或关键词</label>
<input id="q" name="q" value="{{Q}}" maxlength="200" autofocus placeholder="如：社保卡补办 需要什么材料">
<button type="submit">检索</button>
</form>
<p class="hint">可直接输入来电人的问题（如“身份证丢了怎么办”）或几个关键词；按相关程度排序，标题、关键词命中优先，并自动包含同义词（如“驾照”也查“驾驶证”）。标有“常用答复”的条目是话务员答复类似问题时常用的知识。</p>
{{#SEARCHED}}
{{#NONE}}<p class="alert" role="status">知识库中没有找到相关内容。此次检索已记录为知识缺失，可通过三方通话或派发工单解决。</p>{{/NONE}}
{{#RELAXED}}<p class="relaxed" role="status">未找到完全匹配的结果，以下为按{{#TERM}}“{{T}}”{{/TERM}}检索的结果。</p>{{/RELAXED}}
{{#SYNONYMS}}<p class="relaxed" role="status">已同时检索同义词：{{#WORD}}“{{W}}”{{/WORD}}</p>{{/SYNONYMS}}
<p class="count">共 {{TOTAL}} 条结果</p>
<ol class="results">
{{#RESULT}}<li><a class="title" href="{{HREF}}">{{#TITLE}}{{TEXT}}{{#MARK}}<mark>{{M}}</mark>{{/MARK}}{{/TITLE}}</a>
<span class="meta"><span class="kind">{{KIND}}</span> {{UNIT}}{{#LEARNED}} <span class="tag">常用答复</span>{{/LEARNED}}</span>
<p class="summary">{{#SUMMARY}}{{TEXT}}{{#MARK}}<mark>{{M}}</mark>{{/MARK}}{{/SUMMARY}}</p></li>
{{/RESULT}}
</ol>
<p class="pager">{{#PREV}}<a href="/knowledge?q={{Q:u}}&amp;page={{PAGE}}">← 上一页</a>{{/PREV}} {{#NEXT}}<a href="/knowledge?q={{Q:u}}&amp;page={{PAGE}}">下一页 →</a>{{/NEXT}}</p>
{{/SEARCHED}}
