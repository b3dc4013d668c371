{{%AUTOESCAPE context="HTML"}}<h1>错别字表</h1>
<p class="hint">知识质量检查（K10.2）据此找出条目中的常见错别字，在编辑保存后和审核前提示。每行一个只会写错的形式及其正确写法；在别的语境中正确的词（如“渡过”）不要列入。</p>
{{#EDIT}}<h2>新增</h2>
<form method="post" action="/knowledge/typos" class="panel">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="wrong">错误写法</label> <input id="wrong" name="wrong" value="{{WRONG}}" maxlength="20" required placeholder="如：按装">
<label for="correct">正确写法</label> <input id="correct" name="correct" value="{{CORRECT}}" maxlength="20" required placeholder="如：安装">
<button type="submit">新增</button></p>
</form>{{/EDIT}}
{{#READONLY}}<p class="hint">错别字表全市共用，由市管理办维护；此处仅供查看。</p>{{/READONLY}}
<h2>错别字表（{{COUNT}} 对）</h2>
<table class="typos">
<thead><tr><th>错误写法</th><th>正确写法</th><th>操作</th></tr></thead>
<tbody>
{{#PAIR}}<tr id="typo-{{ID}}"><td>{{WRONG}}</td><td>{{CORRECT}}</td>
<td>{{#DELETE}}<form method="post" action="/knowledge/typos/{{ID}}/delete" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="secondary" aria-label="删除 {{WRONG}}">删除</button></form>{{/DELETE}}</td></tr>
{{/PAIR}}
</tbody>
</table>
