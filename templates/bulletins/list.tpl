{{%AUTOESCAPE context="HTML"}}<h1>通报</h1>
{{#CREATE}}<form method="post" action="/bulletins" class="filters"><input type="hidden" name="csrf" value="{{CSRF}}"><label for="month">月份</label> <input id="month" name="month" type="month" value="{{MONTH}}" required> <button type="submit">起草通报</button>
<span class="hint">须先在<a href="/assessment">考核</a>页面计算该月考核。起草后由管理办另一位同事审核，再发布到各单位。</span></form>{{/CREATE}}
{{#EMPTY}}<p class="empty">还没有通报。</p>{{/EMPTY}}
<table class="bulletins">
<thead><tr><th>通报</th><th>月份</th><th>范围</th><th>状态</th><th>日期</th></tr></thead>
<tbody>
{{#BULLETIN}}<tr><td><a href="/bulletins/{{ID}}">{{TITLE}}</a></td><td>{{MONTH}}</td><td>{{JUR}}</td><td>{{STATE}}</td><td>{{DATE}}</td></tr>
{{/BULLETIN}}
</tbody></table>
