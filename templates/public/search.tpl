{{%AUTOESCAPE context="HTML"}}<h1>办事指南与常见问题查询</h1>
<form method="get" action="/kb" class="search" role="search">
<label for="q">输入您的问题</label>
<input id="q" name="q" value="{{Q}}" maxlength="200" placeholder="如：户口迁移 材料">
<button type="submit">查询</button>
</form>
<nav class="browse" aria-label="按类别浏览">
<a href="/kb">全部</a>{{#KIND_OPT}} <a href="/kb?kind={{CODE}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}}</a>{{/KIND_OPT}}
</nav>
<form method="get" action="/kb" class="browse-unit">
<label for="unit_id">按单位浏览</label>
<select id="unit_id" name="unit_id"><option value="">全部单位</option>{{#UNIT_OPT}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/UNIT_OPT}}</select>
<button type="submit" class="secondary">浏览</button>
</form>
{{#SEARCHED}}
{{#NONE}}<p class="alert" role="status">没有找到相关内容，请换个说法，或拨打 12345 咨询。</p>{{/NONE}}
{{#RELAXED}}<p class="relaxed" role="status">未找到完全匹配的结果，以下为按{{#TERM}}“{{T}}”{{/TERM}}检索的结果。</p>{{/RELAXED}}
{{#SYNONYMS}}<p class="relaxed" role="status">已同时检索同义词：{{#WORD}}“{{W}}”{{/WORD}}</p>{{/SYNONYMS}}
<ol class="results">
{{#RESULT}}<li><a class="title" href="{{HREF}}">{{#TITLE}}{{TEXT}}{{#MARK}}<mark>{{M}}</mark>{{/MARK}}{{/TITLE}}</a>
<span class="meta"><span class="kind">{{KIND}}</span> {{UNIT}}</span>
<p class="summary">{{#SUMMARY}}{{TEXT}}{{#MARK}}<mark>{{M}}</mark>{{/MARK}}{{/SUMMARY}}</p></li>
{{/RESULT}}
</ol>
<p class="pager">{{#PREV}}<a href="/kb?q={{Q:u}}&amp;page={{PAGE}}">← 上一页</a>{{/PREV}} {{#NEXT}}<a href="/kb?q={{Q:u}}&amp;page={{PAGE}}">下一页 →</a>{{/NEXT}}</p>
{{/SEARCHED}}
{{#BROWSE}}
{{#NONE}}<p>暂无内容。</p>{{/NONE}}
<ol class="results">
{{#RESULT}}<li><a class="title" href="{{HREF}}">{{#TITLE}}{{TEXT}}{{/TITLE}}</a>
<span class="meta"><span class="kind">{{KIND}}</span> {{UNIT}}</span>
<p class="summary">{{#SUMMARY}}{{TEXT}}{{/SUMMARY}}</p></li>
{{/RESULT}}
</ol>
<p class="pager">{{#PREV}}<a href="/kb?{{QS}}page={{PAGE}}">← 上一页</a>{{/PREV}} {{#NEXT}}<a href="/kb?{{QS}}page={{PAGE}}">下一页 →</a>{{/NEXT}}</p>
{{/BROWSE}}
