{{%AUTOESCAPE context="HTML"}}<h1>检索学习</h1>
<p class="hint">话务员检索某个问题后用某条知识一次性解答来电，系统记下这对“问题 → 知识”；之后与该问题用词相近的检索会把这条知识排得更靠前。作用有上限，随时间减弱（每 {{HALF_LIFE}} 天减半），不会让失效或不公开的知识出现在公众查询中。发现不当的记录可删除。</p>
<table class="learned">
<thead><tr><th>检索的问题</th><th>答复所用知识</th><th>答复次数</th><th>当前权重</th><th>最近一次</th><th>操作</th></tr></thead>
<tbody>
{{#PAIR}}<tr id="learned-{{ID}}"><td>{{QUERY}}</td><td>{{#TITLE}}<a href="/knowledge/entries/{{ENTRY_ID}}">{{T}}</a>{{/TITLE}}{{#GONE}}知识 #{{ENTRY_ID}}（已下线）{{/GONE}}</td><td>{{ANSWERS}}</td><td>{{WEIGHT}}</td><td>{{LAST}}</td>
<td>{{#DELETE}}<form method="post" action="/knowledge/learned/{{ID}}/delete" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="secondary" aria-label="删除学习记录 {{QUERY}}">删除</button></form>{{/DELETE}}</td></tr>
{{/PAIR}}
{{#EMPTY}}<tr><td colspan="6">还没有学习记录：话务员在受理来电页面检索后选“用此条答复”并一次性解答，即会记录。</td></tr>{{/EMPTY}}
</tbody>
</table>
