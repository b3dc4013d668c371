{{%AUTOESCAPE context="HTML"}}<h1>开放接口密钥</h1>
<p class="hint">其他系统（如微信公众号、省级平台、承包单位应用）通过开放接口（Open311 GeoReport v2，地址 <code>/open311/v2/</code>）提交和查询诉求，每次调用须带 <code>api_key</code>。每个密钥只能查询本来源系统提交的诉求。</p>
{{#NEW_KEY}}<div class="notice" role="status"><p>已为“{{SOURCE}}”生成密钥，请立即复制并安全转交对方。系统只保存其摘要，此后无法再次查看：</p>
<p><code class="key">{{KEY}}</code></p></div>{{/NEW_KEY}}
<table class="list"><thead><tr><th scope="col">编号</th><th scope="col">来源系统</th><th scope="col">可提交分类</th><th scope="col">生成时间</th><th scope="col">已提交</th><th scope="col">状态</th></tr></thead><tbody>
{{#KEY_ROW}}<tr><td>{{ID}}</td><td>{{SOURCE}}</td><td>{{CATEGORIES}}</td><td>{{CREATED}}</td><td>{{REQUESTS}}</td>
<td>{{#REVOKED}}已于 {{AT}} 撤销{{/REVOKED}}{{#LIVE}}<form method="post" action="/admin/open311/{{ID}}/revoke" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="secondary">撤销</button></form>{{/LIVE}}</td></tr>
{{/KEY_ROW}}</tbody></table>
<h2>生成密钥</h2>
<form method="post" action="/admin/open311" class="panel">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="source">来源系统</label> <input id="source" name="source" maxlength="60" required placeholder="如 梅州市民微信公众号"></p>
<p><label for="category_id">限定分类</label> <select id="category_id" name="category_id" multiple size="8">{{#CATEGORY}}<option value="{{ID}}">{{NAME}}</option>{{/CATEGORY}}</select> <span class="hint">不选则可提交全部分类</span></p>
<p><button type="submit">生成密钥</button></p>
</form>
