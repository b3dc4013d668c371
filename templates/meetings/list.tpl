{{%AUTOESCAPE context="HTML"}}<h1>联席会议</h1>
{{#EMPTY}}<p class="hint">还没有联席会议。</p>{{/EMPTY}}
<table class="meetings">
<thead><tr><th>会议</th><th>会议内容</th><th>状态</th><th>会议时间</th><th>会议地点</th><th>议题数</th></tr></thead>
<tbody>
{{#ROW}}<tr><td><a href="/meetings/{{ID}}">联席会议 #{{ID}}</a></td><td>{{TOPIC}}</td><td><span class="state state-{{STATE_CODE}}">{{STATE}}</span></td><td>{{STARTS}}</td><td>{{PLACE}}</td><td>{{ITEMS}}</td></tr>
{{/ROW}}
</tbody></table>
{{#PROPOSE}}<section class="panel propose" aria-label="提请召开联席会议">
<h2>提请召开联席会议</h2>
{{#NO_CANDIDATE}}<p class="hint">没有待联席会议审议的争议。</p>{{/NO_CANDIDATE}}
{{#FORM}}<form method="post" action="/meetings"><input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="topic">会议内容</label> <input id="topic" name="topic" maxlength="500" class="wide"></p>
<p class="hint">选择列入议程的争议（须为“待联席会议审议”且未列入其他尚未作出决定的会议）。</p>
<table class="candidates">
<thead><tr><th>列入议程</th><th>争议</th><th>工单编号</th><th>问题分类</th><th>区域</th><th>提请时间</th></tr></thead>
<tbody>
{{#CANDIDATE}}<tr><td>{{#FREE}}<input type="checkbox" id="dispute_{{ID}}" name="dispute_id" value="{{ID}}">{{/FREE}}{{#ON_AGENDA}}已列入 <a href="/meetings/{{MEETING}}">联席会议 #{{MEETING}}</a>{{/ON_AGENDA}}</td>
<td><label for="dispute_{{ID}}">争议 #{{ID}}</label> <a href="/disputes/{{ID}}">查看</a></td><td>{{NUMBER}}</td><td>{{CATEGORY}}</td><td>{{JUR}}</td><td>{{OPENED}}</td></tr>
{{/CANDIDATE}}
</tbody></table>
<p><button type="submit">提请召开联席会议</button></p></form>{{/FORM}}
</section>{{/PROPOSE}}
