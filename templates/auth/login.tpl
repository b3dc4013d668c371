{{%AUTOESCAPE context="HTML"}}<section class="login">
<h1>登录</h1>
<form method="post" action="/login">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="next" value="{{NEXT}}">
<p><label for="username">用户名</label>
<input id="username" name="username" value="{{USERNAME}}" autocomplete="username" required autofocus></p>
<p><label for="password">密码</label>
<input id="password" name="password" type="password" autocomplete="current-password" required></p>
<p><button type="submit">登录</button></p>
</form>
<p class="hint">忘记密码请联系本单位系统管理员。</p>
</section>
