{{%AUTOESCAPE context="HTML"}}<h1>修改密码</h1>
<form method="post" action="/account/password" class="narrow">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="password">当前密码</label>
<input id="password" name="password" type="password" autocomplete="current-password" required></p>
<p><label for="new_password">新密码</label>
<input id="new_password" name="new_password" type="password" autocomplete="new-password" minlength="8" required></p>
<p><label for="new_password2">确认新密码</label>
<input id="new_password2" name="new_password2" type="password" autocomplete="new-password" minlength="8" required></p>
<p class="hint">至少 8 个字符，同时包含字母和数字。</p>
<p><button type="submit">保存</button></p>
</form>
