{{%AUTOESCAPE context="HTML"}}<h1>逾期情况</h1>
<h2>逾期未发布的修订（截至 {{TODAY}}）</h2>
<table>
<thead><tr><th>标题</th><th>单位</th><th>状态</th><th>应发布日期</th></tr></thead>
<tbody>
{{#LATE}}<tr><td><a href="/knowledge/versions/{{ID}}">{{TITLE}}</a></td><td>{{UNIT}}</td><td>{{STATE}}</td><td>{{DUE}}</td></tr>
{{/LATE}}
{{#NO_LATE}}<tr><td colspan="4">没有逾期的修订。</td></tr>{{/NO_LATE}}
</tbody>
</table>
<h2>{{MONTH}} 尚未完成月度审核的知识</h2>
<table>
<thead><tr><th>标题</th><th>单位</th></tr></thead>
<tbody>
{{#REVIEW}}<tr><td><a href="/knowledge/entries/{{ID}}">{{TITLE}}</a></td><td>{{UNIT}}</td></tr>
{{/REVIEW}}
{{#NO_REVIEW}}<tr><td colspan="2">本月审核均已完成。</td></tr>{{/NO_REVIEW}}
</tbody>
</table>
