{{%AUTOESCAPE context="HTML"}}<h1>知识使用授权</h1>
<p class="hint">知识归提供单位所有。其他单位使用（含导出）须经提供单位分管领导审批、管理办同意，并在有效期内。</p>
{{#CAN_EXPORT}}<p><a class="button" href="/knowledge/export">导出本单位及已授权的知识（XML）</a></p>{{/CAN_EXPORT}}
<table>
<thead><tr><th>提供单位</th><th>使用单位</th><th>用途</th><th>有效期至</th><th>申请人</th><th>状态</th><th>处理</th></tr></thead>
<tbody>
{{#GRANT}}<tr><td>{{OWNER}}</td><td>{{GRANTEE}}</td><td>{{PURPOSE}}</td><td>{{EXPIRES}}</td><td>{{REQUESTER}}</td><td>{{STATE}}</td>
<td>{{#CAN_APPROVE}}<form method="post" action="/knowledge/grants/{{ID}}/approve" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">审批同意</button></form>{{/CAN_APPROVE}}
{{#CAN_CONSENT}}<form method="post" action="/knowledge/grants/{{ID}}/consent" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">管理办同意</button></form>{{/CAN_CONSENT}}
{{#CAN_REFUSE}}<form method="post" action="/knowledge/grants/{{ID}}/refuse" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" class="secondary">拒绝</button></form>{{/CAN_REFUSE}}</td></tr>
{{/GRANT}}
{{#EMPTY}}<tr><td colspan="7">暂无授权记录。</td></tr>{{/EMPTY}}
</tbody>
</table>
{{#REQUEST}}
<h2>申请使用其他单位的知识</h2>
<form method="post" action="/knowledge/grants" class="panel">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="unit_id">提供单位</label> <select id="unit_id" name="unit_id">{{#UNIT_OPT}}<option value="{{ID}}">{{NAME}}</option>{{/UNIT_OPT}}</select></p>
<p><label for="message">用途</label> <input id="message" name="message" required maxlength="500" class="wide"></p>
<p><label for="date">有效期至</label> <input id="date" name="date" type="date" required></p>
<p><button type="submit">提交申请</button></p>
</form>
{{/REQUEST}}
