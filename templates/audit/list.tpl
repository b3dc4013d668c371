{{%AUTOESCAPE context="HTML"}}<h1>审计日志</h1>
<form method="get" action="/audit" class="panel">
<label for="q">操作类型</label> <input id="q" name="q" value="{{Q}}" maxlength="60" placeholder="如 login、user、unit、calendar">
<button type="submit" class="secondary">筛选</button>
<span class="hint">点击记录中的操作名称，可只看这一种操作。</span>
</form>
<table class="audit">
<thead><tr><th>编号</th><th>时间</th><th>操作人</th><th>单位</th><th>来源地址</th><th>操作</th><th>对象</th><th>内容</th></tr></thead>
<tbody>
{{#ROW}}<tr><td>{{ID}}</td><td>{{AT}}</td><td>{{USER}} <span class="hint">{{USERNAME}}</span></td><td>{{UNIT}}</td><td>{{ADDR}}</td><td class="action"><a href="/audit?q={{ACTION:u}}" title="{{ACTION}}">{{ACTION_LABEL}}</a></td><td class="object">{{OBJECT_TYPE}} {{#OBJECT_LINK}}<a href="{{HREF}}">{{NAME}}</a>{{/OBJECT_LINK}}{{#OBJECT}}{{NAME}}{{/OBJECT}}</td><td>{{DETAIL}}</td></tr>
{{/ROW}}
{{#EMPTY}}<tr><td colspan="8">没有记录。</td></tr>{{/EMPTY}}
</tbody>
</table>
{{#MORE}}<p class="pager"><a href="/audit?q={{Q:u}}&amp;before={{BEFORE}}">更早的记录 →</a></p>{{/MORE}}
<p class="hint">每条记录与上一条以哈希相连；在服务器上运行 <code>hotlinectl audit verify</code> 可检查记录是否被篡改或删除。</p>
