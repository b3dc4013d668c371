{{%AUTOESCAPE context="HTML"}}<h1>知识库考核</h1>
<p class="hint">按月从系统记录计算各成员单位的及时性、完整性、一次性解答率、准确解答率和规范性（K10），按<a href="/assessment/formula">考核公式</a>（现行第 {{FORMULA}} 版）加权得分。通报发布后该月结果冻结。</p>
<form method="get" action="/assessment" class="filters"><label for="month">月份</label> <input id="month" name="month" type="month" value="{{MONTH}}"> <button type="submit">查看</button></form>
{{#COMPUTED}}<p class="summary">{{MONTH}} 的结果于 {{AT}} 计算（公式第 {{FORMULA}} 版，用时 {{SECONDS}} 秒）。</p>{{/COMPUTED}}
{{#FROZEN}}<p class="notice" role="status">本月通报已发布，考核结果已冻结。</p>{{/FROZEN}}
{{#COMPUTE}}<form method="post" action="/assessment/compute" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="month" value="{{MONTH}}"><button type="submit">计算 {{MONTH}} 考核</button></form>{{/COMPUTE}}
<p><a href="/assessment/export.csv?month={{MONTH}}">导出 CSV</a> · <a href="/quality?month={{MONTH}}">解答质检</a> · <a href="/bulletins">通报</a></p>
{{#EMPTY}}<p class="empty">{{MONTH}} 尚未计算。</p>{{/EMPTY}}
<table class="scores">
<caption>{{MONTH}} 各单位考核结果</caption>
<thead><tr><th>排名</th><th>单位</th>{{#PART}}<th>{{LABEL}}</th>{{/PART}}<th>得分</th></tr></thead>
<tbody>
{{#UNIT}}<tr><td>{{RANK}}</td><td><a href="/assessment/units/{{ID}}?month={{MONTH}}">{{NAME}}</a>{{#NO_PEOPLE}} <span class="badge overdue">未明确责任人</span>{{/NO_PEOPLE}}</td>{{#RATE}}<td class="num">{{V}}</td>{{/RATE}}<td class="num score">{{SCORE}}</td></tr>
{{/UNIT}}
</tbody></table>
<p class="hint">“—”表示该项本月不适用（如没有相关来电或抽检），得分按其余各项的权重计算。</p>
