{{%AUTOESCAPE context="HTML"}}<h1>受理来电</h1>
<form method="post" action="/orders" class="intake" id="intake">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="intake_key" value="{{INTAKE_KEY}}">
{{#PENDING}}<input type="hidden" name="pending_id" value="{{ID}}">
<p class="notice" role="status">正在受理开放接口提交的诉求（来源系统：{{SOURCE}}）。请核实内容后选择处理方式。</p>{{/PENDING}}
<div class="intake-grid">
<section class="panel intake-form" aria-label="工单信息">
<h2>来电信息</h2>
<p><label for="caller_phone">来电号码</label> <input id="caller_phone" name="caller_phone" value="{{caller_phone}}" maxlength="20" inputmode="tel" required>
<button type="submit" formaction="/orders/new" formnovalidate class="secondary" name="lookup" value="1">查来电记录</button></p>
<p><label for="caller_name">来电人</label> <input id="caller_name" name="caller_name" value="{{caller_name}}" maxlength="50"></p>
<p><label for="channel">来源渠道</label> <select id="channel" name="channel">{{#CHANNEL}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/CHANNEL}}</select></p>
<p><label for="category_id">问题分类</label> <select id="category_id" name="category_id" required><option value="">请选择</option>{{#CATEGORY}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}{{#REFER}}（不予受理，转{{CHANNEL}}）{{/REFER}}（{{DAYS}} 个工作日）</option>{{/CATEGORY}}</select></p>
<p><label for="jurisdiction_id">所属区域</label> <select id="jurisdiction_id" name="jurisdiction_id">{{#JUR}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/JUR}}</select></p>
<p><label for="place">发生地点</label> <input id="place" name="place" value="{{place}}" maxlength="200" class="wide"></p>
<p><label for="content">诉求内容</label> <textarea id="content" name="content" rows="5" maxlength="4000" required>{{content:pre_escape}}</textarea></p>
<p><label for="demand">主要诉求</label> <textarea id="demand" name="demand" rows="2" maxlength="500">{{demand:pre_escape}}</textarea></p>
<p><label for="cause">问题起因</label> <textarea id="cause" name="cause" rows="2" maxlength="500">{{cause:pre_escape}}</textarea></p>
<p><label for="contradiction">主要矛盾</label> <textarea id="contradiction" name="contradiction" rows="2" maxlength="500">{{contradiction:pre_escape}}</textarea></p>
{{#HISTORY}}<div class="history" role="note"><h3>该号码的历史工单</h3>
{{#FIRST}}<p class="hint">该号码此前没有工单。</p>{{/FIRST}}
<ul>{{#PAST}}<li><a href="/orders/{{ID}}">{{NUMBER}}</a> {{CREATED}} {{CATEGORY}} · {{STATE}} {{UNIT}}</li>{{/PAST}}</ul></div>{{/HISTORY}}
{{#DUPES}}<div class="dupes" role="note"><h3>疑似重复工单（近 {{DAYS}} 天）</h3>
<p class="hint">如是同一诉求，请选中后再派单：管理办可将其合并办理。</p>
<ul>
<li><label><input type="radio" name="dup_of" value=""> 不是重复诉求</label></li>
{{#DUPE}}<li><label><input type="radio" name="dup_of" value="{{ID}}"{{#CHECKED}} checked{{/CHECKED}}> <a href="/orders/{{ID}}" target="_blank" rel="noopener">{{NUMBER}}</a></label> {{CREATED}} {{CATEGORY}} · {{STATE}} {{UNIT}} <span class="tag">{{WHY}}</span> {{PLACE}}</li>
{{/DUPE}}</ul></div>{{/DUPES}}
</section>
<section class="panel intake-kb" aria-label="知识库">
<h2>知识库</h2>
<p class="kb-search"><label for="q">检索</label> <input id="q" name="q" value="{{Q}}" maxlength="200" placeholder="输入问题或关键词">
<button type="submit" formaction="/orders/new" formnovalidate class="secondary">检索知识库</button></p>
{{#SEARCHED}}
{{#NONE}}<p class="alert" role="status">知识库中没有找到相关内容，已记录为知识缺失。</p>{{/NONE}}
{{#RELAXED}}<p class="relaxed" role="status">未找到完全匹配的结果，以下为按{{#TERM}}“{{T}}”{{/TERM}}检索的结果。</p>{{/RELAXED}}
{{#SYNONYMS}}<p class="relaxed" role="status">已同时检索同义词：{{#WORD}}“{{W}}”{{/WORD}}</p>{{/SYNONYMS}}
<ol class="results">
{{#RESULT}}<li><label class="pick"><input type="radio" name="entry_id" value="{{ID}}"> 用此条答复</label>
<a class="title" href="{{HREF}}" target="_blank" rel="noopener">{{#TITLE}}{{TEXT}}{{#MARK}}<mark>{{M}}</mark>{{/MARK}}{{/TITLE}}</a>
<span class="meta"><span class="kind">{{KIND}}</span> {{UNIT}}{{#LEARNED}} <span class="tag">常用答复</span>{{/LEARNED}}</span>
<p class="summary">{{#SUMMARY}}{{TEXT}}{{#MARK}}<mark>{{M}}</mark>{{/MARK}}{{/SUMMARY}}</p></li>
{{/RESULT}}
</ol>
{{/SEARCHED}}
</section>
</div>
<section class="panel outcomes" aria-label="处理方式">
<h2>处理方式</h2>
{{#REFER_PANEL}}<div class="outcome refer" role="alert">
<h3>不予受理/转其他渠道事项</h3>
{{#REFER_CAT}}<div class="refer-cat"><p><label><input type="radio" name="refer_id" value="{{ID}}"{{#CHECKED}} checked{{/CHECKED}}> {{NAME}}（转{{CHANNEL}}）</label></p>
<p class="script">答复口径：{{SCRIPT}}</p></div>
{{/REFER_CAT}}
<p><button type="submit" name="outcome" value="refer">已按口径答复，记录为转其他渠道</button></p>
</div>{{/REFER_PANEL}}
<div class="outcome">
<p><button type="submit" name="outcome" value="answer">一次性解答（依据所选知识）</button></p>
</div>
<div class="outcome">
<p><label for="three_way_unit_id">三方通话单位</label> <select id="three_way_unit_id" name="three_way_unit_id"><option value="">请选择</option>{{#TW_UNIT}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/TW_UNIT}}</select>
<button type="submit" name="outcome" value="three_way">三方通话已解答</button></p>
</div>
<div class="outcome">
{{#SUGGESTED}}<p class="hint suggested">派单规则建议：<strong>{{UNIT}}</strong></p>{{/SUGGESTED}}
<p><label for="unit_id">承办单位</label> <select id="unit_id" name="unit_id"><option value="">请选择</option>{{#UNIT}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/UNIT}}</select>
<button type="submit" formaction="/orders/new" formnovalidate class="secondary">按分类和区域建议</button>
<button type="submit" name="outcome" value="dispatch">派单</button></p>
</div>
</section>
</form>
