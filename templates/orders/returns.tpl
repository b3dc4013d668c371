{{%AUTOESCAPE context="HTML"}}<h1>退回申请</h1>
<h2>待决定（<span class="waiting">{{WAITING}}</span>）</h2>
{{#NONE_PENDING}}<p class="hint">没有待决定的退回申请。</p>{{/NONE_PENDING}}
<table class="returns">
<thead><tr><th>工单编号</th><th>申请单位</th><th>退回理由</th><th>建议承办单位</th><th>申请时间</th></tr></thead>
<tbody>
{{#PENDING}}<tr><td><a href="/orders/{{ORDER_ID}}">{{NUMBER}}</a></td><td>{{UNIT}}</td><td>{{REASON}}</td><td>{{SUGGESTED}}</td><td>{{AT}}</td></tr>
{{/PENDING}}
</tbody></table>
<p class="pager">{{#PREV}}<a href="/orders/returns?page={{PAGE}}">← 上一页</a>{{/PREV}} {{#NEXT}}<a href="/orders/returns?page={{PAGE}}">下一页 →</a>{{/NEXT}}</p>
<h2>各单位退回统计</h2>
{{#NONE_COUNTED}}<p class="hint">尚无退回申请。</p>{{/NONE_COUNTED}}
<table class="return-counts">
<thead><tr><th>单位</th><th>申请退回</th><th>待决定</th><th>已改派</th><th>不同意退回</th><th>转争议认定</th></tr></thead>
<tbody>
{{#COUNT}}<tr><td>{{UNIT}}</td><td>{{TOTAL}}</td><td>{{PENDING}}</td><td>{{REDISPATCHED}}</td><td>{{REFUSED}}</td><td>{{DISPUTED}}</td></tr>
{{/COUNT}}
</tbody></table>
