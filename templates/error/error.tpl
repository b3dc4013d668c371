{{%AUTOESCAPE context="HTML"}}<section class="error">
<h1>{{HEADING}}</h1>
<p class="message">{{MESSAGE}}</p>
<p class="code">错误代码 {{STATUS}}</p>
{{#STAFF}}<p><a href="/">返回工作台</a>{{#LOGIN}} · <a href="/login">重新登录</a>{{/LOGIN}}</p>{{/STAFF}}
{{#PUBLIC}}<p><a href="/kb">返回知识查询</a> · 如需帮助请拨打 12345</p>{{/PUBLIC}}
</section>
