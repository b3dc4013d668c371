{{%AUTOESCAPE context="HTML"}}<article class="sheet">
<h1>梅州市12345政府服务热线工单</h1>
<table class="sheet">
<tr><th>工单编号</th><td>{{NUMBER}}</td><th>状态</th><td>{{STATE}}</td></tr>
<tr><th>受理时间</th><td>{{CREATED}}</td><th>受理人</th><td>{{OPERATOR}}</td></tr>
<tr><th>来电人</th><td>{{CALLER_NAME}}</td><th>来电号码</th><td>{{PHONE}}</td></tr>
<tr><th>来源渠道</th><td>{{CHANNEL}}</td><th>问题分类</th><td>{{CATEGORY}}</td></tr>
<tr><th>所属区域</th><td>{{JUR}}</td><th>发生地点</th><td>{{PLACE}}</td></tr>
<tr><th>诉求内容</th><td colspan="3" class="text">{{CONTENT}}</td></tr>
<tr><th>主要诉求</th><td colspan="3" class="text">{{DEMAND}}</td></tr>
<tr><th>问题起因</th><td colspan="3" class="text">{{CAUSE}}</td></tr>
<tr><th>主要矛盾</th><td colspan="3" class="text">{{CONTRADICTION}}</td></tr>
<tr><th>承办单位</th><td>{{UNIT}}</td><th>办理期限</th><td>{{DUE}}</td></tr>
<tr><th>办理结果</th><td colspan="3" class="text">{{REPLY}}</td></tr>
<tr><th>回访结果</th><td colspan="3">{{#CALLBACK}}{{SATISFACTION}}{{/CALLBACK}}</td></tr>
</table>
<h2>办理过程</h2>
<table class="sheet timeline">
<tr><th>时间</th><th>人员</th><th>单位</th><th>环节</th><th>说明</th></tr>
{{#EVENT}}<tr><td>{{AT}}</td><td>{{WHO}}</td><td>{{UNIT}}</td><td>{{ACTION}}{{#TARGET}} → {{UNIT}}{{/TARGET}}</td><td class="text">{{NOTE}}</td></tr>
{{/EVENT}}
</table>
<p class="back"><a href="/orders/{{ID}}">返回工单</a></p>
</article>
