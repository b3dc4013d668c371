{{%AUTOESCAPE context="HTML"}}<h1>疑似重复工单</h1>
<p class="hint">受理时被标记为疑似重复、尚未合并的在办工单。打开工单，在“疑似重复工单”中把它合并到主工单：合并后本单办结并链接到主工单，来电人计入主工单，主工单办结时一并答复。</p>
{{#EMPTY}}<p class="hint">没有待处理的疑似重复工单。</p>{{/EMPTY}}
<table class="list duplicates">
<thead><tr><th scope="col">工单编号</th><th scope="col">受理时间</th><th scope="col">状态</th><th scope="col">问题分类</th><th scope="col">地点</th><th scope="col">内容</th><th scope="col">疑似重复于</th></tr></thead>
<tbody>
{{#ROW}}<tr><td><a href="/orders/{{ID}}">{{NUMBER}}</a></td><td>{{CREATED}}</td><td>{{STATE}}</td><td>{{CATEGORY}}</td><td>{{PLACE}}</td><td>{{CONTENT}}</td><td>{{#LIKELY}}<a href="/orders/{{OF}}">工单 #{{OF}}</a>{{/LIKELY}}</td></tr>
{{/ROW}}
</tbody></table>
<p class="pager">{{#PREV}}<a href="/orders/duplicates?page={{PAGE}}">← 上一页</a>{{/PREV}} {{#NEXT}}<a href="/orders/duplicates?page={{PAGE}}">下一页 →</a>{{/NEXT}}</p>
