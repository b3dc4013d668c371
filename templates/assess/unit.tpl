{{%AUTOESCAPE context="HTML"}}<h1>单位考核：{{UNIT}}</h1>
{{#NOT_MEMBER}}<p class="empty">本单位不维护知识库，不参加知识库考核。</p>{{/NOT_MEMBER}}
{{#NONE}}<p class="empty">尚无考核结果。管理办每月计算上月考核后，这里按月列出本单位的得分和需要整改的问题。</p>{{/NONE}}
<table class="scores">
<caption>各月得分</caption>
<thead><tr><th>月份</th>{{#PART}}<th>{{LABEL}}</th>{{/PART}}<th>得分</th><th>排名</th><th>公式版本</th></tr></thead>
<tbody>
{{#MONTH_ROW}}<tr{{#CURRENT}} class="current"{{/CURRENT}}><td><a href="/assessment/units/{{UNIT_ID}}?month={{MONTH}}">{{MONTH}}</a></td>{{#RATE}}<td class="num">{{V}}</td>{{/RATE}}<td class="num score">{{SCORE}}</td><td class="num">{{RANK}}</td><td class="num">{{FORMULA}}</td></tr>
{{/MONTH_ROW}}
</tbody></table>
{{#FINDINGS}}<h2>{{MONTH}} 需要整改的问题（{{N}} 项）</h2>
{{#CLEAN}}<p class="empty">本月没有发现问题。</p>{{/CLEAN}}
<ul class="kind-counts">{{#KIND_COUNT}}<li>{{KIND}}：{{N}}</li>{{/KIND_COUNT}}</ul>
<table class="findings">
<thead><tr><th>问题</th><th>对象</th><th>说明</th></tr></thead>
<tbody>
{{#FINDING}}<tr><td>{{KIND}}</td><td>{{#ENTRY}}<a href="/knowledge/entries/{{ID}}">#{{ID}} {{TITLE}}</a>{{/ENTRY}}{{#OTHER}} 与 <a href="/knowledge/entries/{{ID}}">#{{ID}}</a>{{/OTHER}}{{#UPDATE}} <a href="/knowledge/updates/{{ID}}">知识更新工单 #{{ID}}</a>{{/UPDATE}}{{#ORDER}} <a href="/orders/{{ID}}">来电记录</a>{{/ORDER}}{{#PEOPLE}}<a href="/knowledge/people">知识维护责任人</a>{{/PEOPLE}}</td><td>{{DETAIL}}</td></tr>
{{/FINDING}}
</tbody></table>{{/FINDINGS}}
