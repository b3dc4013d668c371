{{%AUTOESCAPE context="HTML"}}<h1>开放接口待受理</h1>
<p class="hint">其他系统（开放接口）提交的诉求，按提交先后排列。点击“受理”在受理页核实内容后一次性解答、派单或转其他渠道。</p>
{{#EMPTY}}<p class="hint">没有待受理的诉求。</p>{{/EMPTY}}
<table class="list pending">
<thead><tr><th scope="col">工单编号</th><th scope="col">提交时间</th><th scope="col">来源系统</th><th scope="col">问题分类</th><th scope="col">地点</th><th scope="col">内容</th><th scope="col">操作</th></tr></thead>
<tbody>
{{#ROW}}<tr><td>{{NUMBER}}</td><td>{{CREATED}}</td><td>{{SOURCE}}</td><td>{{CATEGORY}}</td><td>{{PLACE}}</td><td>{{CONTENT}}</td><td><a class="button" href="/orders/new?pending_id={{ID}}">受理</a></td></tr>
{{/ROW}}
</tbody></table>
<p class="pager">{{#PREV}}<a href="/orders/pending?page={{PAGE}}">← 上一页</a>{{/PREV}} {{#NEXT}}<a href="/orders/pending?page={{PAGE}}">下一页 →</a>{{/NEXT}}</p>
