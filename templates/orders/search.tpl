{{%AUTOESCAPE context="HTML"}}<h1>工单查询</h1>
<form method="get" action="/orders" class="filters">
<p><label for="number">工单编号</label> <input id="number" name="number" value="{{NUMBER}}" maxlength="32">
<label for="caller_phone">来电号码</label> <input id="caller_phone" name="caller_phone" value="{{PHONE}}" maxlength="20">
<label for="state">状态</label> <select id="state" name="state"><option value="">全部</option>{{#STATE_OPT}}<option value="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATE_OPT}}</select></p>
<p><label for="unit_id">承办单位</label> <select id="unit_id" name="unit_id"><option value="">全部</option>{{#UNIT}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/UNIT}}</select>
<label for="category_id">问题分类</label> <select id="category_id" name="category_id"><option value="">全部</option>{{#CATEGORY}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/CATEGORY}}</select></p>
<p><label for="from">受理日期</label> <input id="from" name="from" type="date" value="{{FROM}}"> 至 <input id="to" name="to" type="date" value="{{TO}}" aria-label="截止日期">
<label for="overdue">仅超期</label> <input id="overdue" name="overdue" type="checkbox" value="1"{{#OVERDUE_CHECKED}} checked{{/OVERDUE_CHECKED}}>
<button type="submit">查询</button> <a href="/orders/export.csv?{{QS}}" class="csv">导出 CSV</a></p>
</form>
{{#CSV_CUT}}<p class="notice csv-cut" role="status">{{TEXT}}</p>{{/CSV_CUT}}
{{#EMPTY}}<p class="hint">没有符合条件的工单。</p>{{/EMPTY}}
<table class="orders">
<thead><tr><th>工单编号</th><th>受理时间</th><th>来电号码</th><th>问题分类</th><th>区域</th><th>承办单位</th><th>状态</th><th>办理期限</th></tr></thead>
<tbody>
{{#ROW}}<tr><td><a href="/orders/{{ID}}">{{NUMBER}}</a></td><td>{{CREATED}}</td><td>{{PHONE}}</td><td>{{CATEGORY}}</td><td>{{JUR}}</td><td>{{UNIT}}</td><td>{{STATE}}{{#MERGED}} <a class="tag merged" href="/orders/{{MASTER}}">已合并</a>{{/MERGED}}{{#LIKELY}} <a class="tag likely" href="/orders/{{OF}}">疑似重复</a>{{/LIKELY}}</td><td>{{DUE}}{{#OVERDUE}} <span class="badge overdue">已超期</span>{{/OVERDUE}}</td></tr>
{{/ROW}}
</tbody></table>
<p class="pager">{{#PREV}}<a href="/orders?{{QS}}&amp;page={{PAGE}}">← 上一页</a>{{/PREV}} {{#NEXT}}<a href="/orders?{{QS}}&amp;page={{PAGE}}">下一页 →</a>{{/NEXT}}</p>
