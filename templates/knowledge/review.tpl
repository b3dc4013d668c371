{{%AUTOESCAPE context="HTML"}}<h1>每月审核 · {{MONTH}}</h1>
<p class="hint">逐条核对本单位已发布的知识是否仍然准确；确认后本月不再列出。如需修改，请打开该知识新建修订稿。</p>
<form method="post" action="/knowledge/review">
<input type="hidden" name="csrf" value="{{CSRF}}">
<table>
<thead><tr><th>确认</th><th>标题</th><th>变化日期</th></tr></thead>
<tbody>
{{#ROW}}<tr><td><input type="checkbox" name="entry" value="{{ID}}" id="e{{ID}}" checked></td><td><label for="e{{ID}}">{{TITLE}}</label> <a href="/knowledge/entries/{{ID}}">查看</a></td><td>{{CHANGE_DATE}}</td></tr>
{{/ROW}}
{{#DONE_ALL}}<tr><td colspan="3">本月审核已全部完成。</td></tr>{{/DONE_ALL}}
</tbody>
</table>
<p><button type="submit">确认所选知识仍然有效</button></p>
</form>
