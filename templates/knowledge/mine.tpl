{{%AUTOESCAPE context="HTML"}}<h1>本单位知识 · {{UNIT}}</h1>
<p class="actions">{{#NEW}}<a class="button" href="/knowledge/new?kind={{KIND}}">新增{{LABEL}}</a> {{/NEW}}</p>
<table class="kb-mine">
<thead><tr><th>标题</th><th>类型</th><th>公开范围</th><th>已发布</th><th>修订稿</th><th>本月审核</th></tr></thead>
<tbody>
{{#ENTRY}}<tr{{#OBSOLETE}} class="inactive"{{/OBSOLETE}}><td><a href="/knowledge/entries/{{ID}}">{{TITLE}}</a>{{#OBSOLETE}} （已失效）{{/OBSOLETE}}</td><td>{{KIND}}</td><td>{{VISIBILITY}}</td>
<td>{{#PUBLISHED}}第 {{NO}} 版{{/PUBLISHED}}</td>
<td>{{#DRAFT}}<a href="/knowledge/versions/{{ID}}">{{STATE}}</a> 应于 {{DUE}} 前发布{{#OVERDUE}} <strong class="overdue">已逾期</strong>{{/OVERDUE}}{{/DRAFT}}</td>
<td>{{#REVIEWED}}已确认{{/REVIEWED}}</td></tr>
{{/ENTRY}}
</tbody>
</table>
<p class="links"><a href="/knowledge/review">每月审核</a> · <a href="/knowledge/overdue">逾期情况</a></p>
