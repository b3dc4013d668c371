{{%AUTOESCAPE context="HTML"}}<section class="status-lookup">
<h1>工单查询</h1>
<p class="hint">请输入来电时告知您的工单编号，以及查询码或来电号码的后四位。</p>
{{#MISS}}<p class="alert" role="alert">{{MSG}}</p>{{/MISS}}
<form method="post" action="/status" class="status-form">
<p><label for="number">工单编号</label> <input id="number" name="number" value="{{NUMBER}}" maxlength="32" autocomplete="off" required placeholder="如 meizhou-20261207-0001"></p>
<p><label for="qcode">查询码或来电号码后四位</label> <input id="qcode" name="qcode" maxlength="20" autocomplete="off" required></p>
<p><button type="submit">查询</button></p>
</form>
</section>
{{#FOUND}}<section class="status-result" aria-label="查询结果">
<h2>工单 {{NUMBER}}</h2>
<dl class="fields">
<dt>当前状态</dt><dd class="state">{{STATE}}</dd>
<dt>诉求类别</dt><dd>{{CATEGORY}}</dd>
<dt>受理时间</dt><dd>{{CREATED}}</dd>
{{#UNIT}}<dt>承办单位</dt><dd class="unit">{{NAME}}</dd>{{/UNIT}}
{{#DUE}}<dt>办理期限</dt><dd class="due">{{DATE}} 前</dd>{{/DUE}}
{{#MERGED}}<dt>合并办理</dt><dd>您的诉求与相同诉求合并办理，主工单为 {{MASTER}}。</dd>{{/MERGED}}
{{#REFERRED}}<dt>处理结果</dt><dd>该事项不属于 12345 热线受理范围，已告知转{{CHANNEL}}办理。</dd>{{/REFERRED}}
{{#REPLY}}<dt>办理结果</dt><dd class="reply"><div class="text">{{TEXT}}</div></dd>{{/REPLY}}
</dl>
<h3>办理进度</h3>
<ol class="timeline public-timeline">
{{#EVENT}}<li><time>{{AT}}</time> {{LABEL}}{{#TO}}{{UNIT}}{{/TO}}</li>
{{/EVENT}}
</ol>
</section>{{/FOUND}}
