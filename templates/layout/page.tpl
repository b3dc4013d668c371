{{%AUTOESCAPE context="HTML"}}<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}} - 梅州市12345政府服务热线</title>
<link rel="stylesheet" href="/static/style.css">
</head>
<body>
<header class="top">
<a class="brand" href="/">梅州市12345政府服务热线</a>
{{#USER}}
<div class="who"><span class="name">{{DISPLAY_NAME}}</span> <span class="unit">{{UNIT}}</span>
<form method="post" action="/logout" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="link">退出</button></form></div>
{{/USER}}
</header>
{{#USER}}
<nav class="main" aria-label="主导航">
{{/USER}}{{#NAV}}<a href="{{HREF}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}}</a>
{{/NAV}}{{#USER}}
</nav>
{{/USER}}
<main>
{{#NOTICE}}<p class="notice" role="status">{{MSG}}</p>{{/NOTICE}}
{{#ALERT}}<p class="alert" role="alert">{{MSG}}</p>{{/ALERT}}
{{>BODY}}
</main>
<footer class="page-foot"><p>时间均为北京时间。</p></footer>
</body>
</html>
