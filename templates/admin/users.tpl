{{%AUTOESCAPE context="HTML"}}<h1>用户管理</h1>
<form method="get" action="/admin/users" class="panel">
<label for="q">查找用户</label> <input id="q" name="q" value="{{Q}}" maxlength="100"> <button type="submit" class="secondary">查找</button>
</form>
<table class="users">
<thead><tr><th>用户名</th><th>姓名</th><th>电话</th><th>角色与单位</th><th>状态</th></tr></thead>
<tbody>
{{#USER}}<tr{{#INACTIVE}} class="inactive"{{/INACTIVE}}><td><a href="/admin/users/{{ID}}">{{USERNAME}}</a></td><td>{{NAME}}</td><td>{{PHONE}}</td><td>{{ROLES}}</td><td>{{#INACTIVE}}已停用{{/INACTIVE}}{{#LOCKED}} 已锁定{{/LOCKED}}</td></tr>
{{/USER}}
{{#EMPTY}}<tr><td colspan="5">没有符合条件的用户。</td></tr>{{/EMPTY}}
</tbody>
</table>
<h2>新增用户</h2>
<form method="post" action="/admin/users" class="panel">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="username">用户名</label> <input id="username" name="username" required maxlength="64" pattern="[A-Za-z0-9_.\-]+" autocomplete="off"></p>
<p><label for="display_name">姓名</label> <input id="display_name" name="display_name" required maxlength="100"></p>
<p><label for="phone">电话</label> <input id="phone" name="phone" maxlength="40"></p>
<p><label for="new_password">初始密码</label> <input id="new_password" name="new_password" type="password" required minlength="8" autocomplete="new-password"> <span class="hint">至少 8 位，含字母和数字</span></p>
<p><label for="unit_id">所属单位</label> <select id="unit_id" name="unit_id">{{#UNIT_OPT}}<option value="{{ID}}">{{NAME}}</option>{{/UNIT_OPT}}</select></p>
<p><label for="role">角色</label> <select id="role" name="role">{{#ROLE_OPT}}<option value="{{VALUE}}">{{LABEL}}</option>{{/ROLE_OPT}}</select></p>
<p><button type="submit">新增用户</button></p>
</form>
