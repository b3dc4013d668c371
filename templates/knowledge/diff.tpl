{{%AUTOESCAPE context="HTML"}}<h1>版本比较：第 {{A}} 版 → 第 {{B}} 版</h1>
<p class="hint"><del>删除的文字</del> · <ins>新增的文字</ins></p>
{{>DIFF_OPS}}<p><a href="/knowledge/entries/{{ENTRY_ID}}/history">返回版本记录</a></p>
