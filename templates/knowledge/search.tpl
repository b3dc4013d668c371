{{%AUTOESCAPE context="HTML"}}<h1>知识检索</h1>
<form method="get" action="/knowledge" class="search" role="search">
<label for="q">问题或关键词</label>
<input id="q" name="q" value="{{Q}}" maxlength="200" autofocus placeholder="如：社保卡补办 需要什么材料">
<button type="submit">检索</button>
</form>
<p class="hint">多个词用空格分开，结果须同时包含每个词；标题命中优先，其次关键词，再次正文。整句提问（如“身份证丢了怎么办”）查不到时，按句中的关键词再查一次。</p>
{{#SEARCHED}}
{{#NONE}}<p class="alert" role="status">知识库中没有找到相关内容。此次检索已记录为知识缺失，可通过三方通话或派发工单解决。</p>{{/NONE}}
{{#RELAXED}}<p class="relaxed" role="status">未找到完全匹配的结果，以下为按{{#TERM}}“{{T}}”{{/TERM}}检索的结果。</p>{{/RELAXED}}
<p class="count">共显示 {{COUNT}} 条结果</p>
<ol class="results">
{{#RESULT}}<li><a class="title" href="{{HREF}}">{{#TITLE}}{{TEXT}}{{#MARK}}<mark>{{M}}</mark>{{/MARK}}{{/TITLE}}</a>
<span class="meta"><span class="kind">{{KIND}}</span> {{UNIT}}</span>
<p class="summary">{{#SUMMARY}}{{TEXT}}{{#MARK}}<mark>{{M}}</mark>{{/MARK}}{{/SUMMARY}}</p></li>
{{/RESULT}}
</ol>
<p class="pager">{{#PREV}}<a href="/knowledge?q={{Q:u}}&amp;page={{PAGE}}">← 上一页</a>{{/PREV}} {{#NEXT}}<a href="/knowledge?q={{Q:u}}&amp;page={{PAGE}}">下一页 →</a>{{/NEXT}}</p>
{{/SEARCHED}}
