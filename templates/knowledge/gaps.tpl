{{%AUTOESCAPE context="HTML"}}<h1>知识缺失</h1>
<p class="hint">话务员和公众检索无结果的问题，按问题的内容（去掉“怎么办”“在哪里”等问句用语）合并计数，次数多的在前。可分派给承办单位作为知识需求，由其补充知识。</p>
<table>
<thead><tr><th>检索内容</th><th>首次问法</th><th>次数</th><th>话务员</th><th>公众</th><th>最近</th><th>处理</th></tr></thead>
<tbody>
{{#GAP}}<tr><td>{{QUERY}}</td><td>{{SAMPLE}}</td><td>{{HITS}}</td><td>{{OPERATOR}}</td><td>{{PUBLIC}}</td><td>{{LAST}}</td>
<td>{{#ASSIGN}}<form method="post" action="/knowledge/gaps/{{ID}}/assign" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}">
<label for="u{{ID}}">分派给</label> <select id="u{{ID}}" name="unit_id">{{#UNIT_OPT}}<option value="{{ID}}">{{NAME}}</option>{{/UNIT_OPT}}</select> <button type="submit" class="secondary">分派</button></form>{{/ASSIGN}}
{{#ASSIGNED}}已分派：{{UNIT}}{{/ASSIGNED}}</td></tr>
{{/GAP}}
{{#EMPTY}}<tr><td colspan="7">暂无知识缺失记录。</td></tr>{{/EMPTY}}
</tbody>
</table>
