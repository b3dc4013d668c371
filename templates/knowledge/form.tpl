{{%AUTOESCAPE context="HTML"}}<h1>编辑知识 · {{KIND_LABEL}}</h1>
<form method="post" action="{{ACTION}}" class="kb-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="kind" value="{{KIND}}">
<p><label for="title">标题</label> <input id="title" name="title" value="{{TITLE}}" required maxlength="200" class="wide"></p>
<p><label for="keywords">关键词</label> <input id="keywords" name="keywords" value="{{KEYWORDS}}" maxlength="200" class="wide"> <span class="hint">空格分隔</span></p>
<p><label for="visibility">公开范围</label> <select id="visibility" name="visibility"><option value="public"{{#PUBLIC}} selected{{/PUBLIC}}>公开（公众可查）</option><option value="internal"{{#INTERNAL}} selected{{/INTERNAL}}>内部（仅热线工作人员）</option></select></p>
<p><label for="change_date">变化日期</label> <input id="change_date" name="change_date" type="date" value="{{CHANGE_DATE}}" required> <span class="hint">政策、流程或公共信息实际变化（或重大信息公开发布）的日期</span></p>
<p><label for="major">重大/时效性强</label> <input id="major" name="major" type="checkbox" value="1"{{#MAJOR}} checked{{/MAJOR}}> <span class="hint">勾选后须在发布后 1 个工作日内录入，否则为 5 个工作日</span></p>
{{#FIELD}}<p class="field"><label for="{{NAME}}">{{LABEL}}{{#REQUIRED}} <span class="req">*</span>{{/REQUIRED}}{{#INTERNAL}} <span class="tag">内部</span>{{/INTERNAL}}</label>
{{#LINE}}<input id="{{NAME}}" name="{{NAME}}" value="{{V}}" class="wide">{{/LINE}}{{#DATE}}<input id="{{NAME}}" name="{{NAME}}" type="date" value="{{V}}">{{/DATE}}{{#AREA}}<textarea id="{{NAME}}" name="{{NAME}}" rows="6">{{V:pre_escape}}</textarea>{{/AREA}}
{{#HTML_HINT}}<span class="hint">可用格式：&lt;p&gt; &lt;strong&gt; &lt;ul&gt;&lt;li&gt; &lt;ol&gt; &lt;table&gt; &lt;a href&gt;；脚本与样式会被清除。</span>{{/HTML_HINT}}</p>
{{/FIELD}}
<p><button type="submit" name="save" value="1" class="secondary">保存草稿</button> <button type="submit" name="submit" value="1">保存并提交审核</button></p>
</form>
