{{%AUTOESCAPE context="HTML"}}<h1>检索同义词</h1>
<p class="hint">来电人常用的说法与知识条目中的用词对应起来（如“驾照”与“驾驶证”），检索时两个词互相代替，修改后立即生效，无需重建索引。每对词可双向使用，只替换一次，不会连锁替换。</p>
{{#EDIT}}<h2>新增同义词</h2>
<form method="post" action="/knowledge/synonyms" class="panel">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="word">来电人说法</label> <input id="word" name="word" value="{{WORD}}" maxlength="16" required placeholder="如：驾照">
<label for="synonym">知识用词</label> <input id="synonym" name="synonym" value="{{SYNONYM}}" maxlength="16" required placeholder="如：驾驶证">
<button type="submit">新增</button></p>
<p class="hint">每个词 1 至 8 个汉字，或一个由字母、数字组成的词（如 ETC、12333），不含空格和标点。</p>
</form>{{/EDIT}}
{{#READONLY}}<p class="hint">同义词表全市共用，由市管理办维护；此处仅供查看。</p>{{/READONLY}}
<h2>同义词表（{{COUNT}} 对）</h2>
<table class="synonyms">
<thead><tr><th>词语</th><th>同义词</th><th>添加时间</th><th>添加人</th><th>操作</th></tr></thead>
<tbody>
{{#PAIR}}<tr id="syn-{{ID}}"><td>{{A}}</td><td>{{B}}</td><td>{{AT}}</td><td>{{BY}}</td>
<td>{{#DELETE}}<form method="post" action="/knowledge/synonyms/{{ID}}/delete" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="secondary" aria-label="删除同义词 {{A}} {{B}}">删除</button></form>{{/DELETE}}</td></tr>
{{/PAIR}}
{{#EMPTY}}<tr><td colspan="5">还没有同义词。</td></tr>{{/EMPTY}}
</tbody>
</table>
