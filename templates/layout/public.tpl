{{%AUTOESCAPE context="HTML"}}<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}} - 梅州市12345政府服务热线</title>
<link rel="stylesheet" href="/static/style.css">
</head>
<body class="public">
<header class="top">
<a class="brand" href="/kb">梅州市12345政府服务热线</a>
<nav class="public-nav" aria-label="公众服务"><a href="/kb">知识查询</a> <a href="/status">工单查询</a></nav>
</header>
<main>
{{#NOTICE}}<p class="notice" role="status">{{MSG}}</p>{{/NOTICE}}
{{>BODY}}
</main>
<footer class="public-foot"><p>咨询、求助、投诉、建议请拨打 12345。本页内容由各承办单位提供并负责解释。</p></footer>
</body>
</html>
