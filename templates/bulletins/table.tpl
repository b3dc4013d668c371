{{%AUTOESCAPE context="HTML"}}<table class="data">
<caption>{{CAPTION}} <a class="csv no-print" href="/bulletins/{{ID}}/export.csv?table={{CODE}}">CSV</a></caption>
<thead><tr>{{#HEAD}}<th scope="col">{{V}}</th>{{/HEAD}}</tr></thead>
<tbody>
{{#ROW}}<tr>{{#CELL}}<td>{{V}}</td>{{/CELL}}</tr>
{{/ROW}}{{#EMPTY}}<tr><td colspan="99">无</td></tr>{{/EMPTY}}
</tbody></table>
