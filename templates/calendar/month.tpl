{{%AUTOESCAPE context="HTML"}}<h1>工作日历 · {{MONTH_TITLE}}</h1>
<p class="pager"><a href="/calendar?month={{PREV}}">← 上月</a> · <a href="/calendar?month={{NEXT}}">下月 →</a> · 本月工作日 <strong class="workdays">{{WORKDAYS}}</strong> 天</p>
<table class="calendar" aria-label="{{MONTH_TITLE}}">
<thead><tr>{{#WEEKDAY}}<th scope="col">{{NAME}}</th>{{/WEEKDAY}}</tr></thead>
<tbody>
{{#WEEK}}<tr>{{#DAY}}<td class="{{CLASS}}" data-date="{{DATE}}"><span class="dn">{{DN}}</span><span class="label">{{LABEL}} {{NAME}}</span><span class="state">{{STATE}}</span></td>{{/DAY}}</tr>
{{/WEEK}}
</tbody>
</table>
<p class="hint">红色：法定节假日（休）；蓝色：调休上班日（班）。周一至周五为工作日，另有标注者除外。</p>
<h2>工作日计算</h2>
<form method="get" action="/calendar" class="panel calc">
<input type="hidden" name="month" value="{{MONTH}}">
<p><label for="from">起始日期</label> <input id="from" name="from" type="date" value="{{CALC_FROM}}" required>
<label for="n">之后第几个工作日</label> <input id="n" name="n" type="number" min="0" max="3650" value="{{CALC_N}}">
<label for="to">或截止日期</label> <input id="to" name="to" type="date" value="{{CALC_TO}}">
<button type="submit" class="secondary">计算</button></p>
{{#CALC_RESULT}}<p class="result" role="status">{{TEXT}}</p>{{/CALC_RESULT}}
</form>
{{#EDIT}}
<h2>标注日期</h2>
<form method="post" action="/calendar" class="panel">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="date">日期</label> <input id="date" name="date" type="date" value="{{FROM}}" required></p>
<p><label for="day_kind">类型</label> <select id="day_kind" name="day_kind"><option value="holiday">法定节假日（休）</option><option value="workday">调休上班日（班）</option><option value="normal">普通日（取消标注）</option></select></p>
<p><label for="name">名称</label> <input id="name" name="name" maxlength="100" placeholder="如：春节、国庆节调休"></p>
<p><button type="submit">保存</button></p>
</form>
{{/EDIT}}
