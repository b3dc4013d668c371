{{%AUTOESCAPE context="HTML"}}<h1>用户：{{USERNAME}}</h1>
{{#LOCKED}}<p class="alert">该账户因连续登录失败已被锁定。重置密码可解除锁定。</p>{{/LOCKED}}
<form method="post" action="/admin/users/{{ID}}" class="panel">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="display_name">姓名</label> <input id="display_name" name="display_name" value="{{NAME}}" required maxlength="100"></p>
<p><label for="phone">电话</label> <input id="phone" name="phone" value="{{PHONE}}" maxlength="40"></p>
<p><label for="active">启用</label> <input id="active" type="checkbox" name="active" value="1"{{#ACTIVE}} checked{{/ACTIVE}}> <span class="hint">停用后立即退出登录；账户与记录保留。</span></p>
<p><button type="submit">保存</button></p>
</form>
<h2>单位与角色</h2>
<table>
<thead><tr><th>角色</th><th>单位</th><th>行政区域</th><th>状态</th></tr></thead>
<tbody>
{{#MEMBERSHIP}}<tr{{#INACTIVE}} class="inactive"{{/INACTIVE}}><td>{{ROLE}}</td><td>{{UNIT}}</td><td>{{JURISDICTION}}</td>
<td>{{#ACTIVE}}<form method="post" action="/admin/memberships/{{ID}}/deactivate" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="secondary">停用此角色</button></form>{{/ACTIVE}}{{#INACTIVE}}已停用{{/INACTIVE}}</td></tr>
{{/MEMBERSHIP}}
</tbody>
</table>
<form method="post" action="/admin/users/{{ID}}/memberships" class="panel">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="unit_id">单位</label> <select id="unit_id" name="unit_id">{{#UNIT_OPT}}<option value="{{ID}}">{{NAME}}</option>{{/UNIT_OPT}}</select>
<label for="role">角色</label> <select id="role" name="role">{{#ROLE_OPT}}<option value="{{VALUE}}">{{LABEL}}</option>{{/ROLE_OPT}}</select>
<button type="submit">添加角色</button></p>
</form>
<h2>重置密码</h2>
<form method="post" action="/admin/users/{{ID}}/password" class="panel">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="new_password">新密码</label> <input id="new_password" name="new_password" type="password" required minlength="8" autocomplete="new-password">
<button type="submit">重置密码</button></p>
</form>
<p><a href="/admin/users">返回用户列表</a></p>
