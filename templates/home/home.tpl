{{%AUTOESCAPE context="HTML"}}<h1>工作台</h1>
<p class="welcome">{{DISPLAY_NAME}}，您好。所在单位：{{UNIT}}（{{JURISDICTION}}）</p>
{{#BULLETINS}}<section class="panel bulletins-home" aria-label="通报"><h2>通报</h2>
<ul>{{#BULLETIN}}<li><a href="/bulletins/{{ID}}">{{TITLE}}</a> <span class="date">{{DATE}} 发布</span></li>
{{/BULLETIN}}</ul></section>{{/BULLETINS}}
<h2>我的角色</h2>
<ul class="roles">
{{#ROLE}}<li><strong>{{LABEL}}</strong>：{{DUTY}}</li>
{{/ROLE}}{{#NO_ROLE}}<li>尚未分配角色，请联系系统管理员。</li>{{/NO_ROLE}}
</ul>
<h2>可办事项</h2>
<ul class="tiles">
{{#TILE}}<li>{{#LINK}}<a href="{{HREF}}">{{LABEL}}</a>{{/LINK}}{{#SOON}}<span class="soon">{{LABEL}}</span>{{/SOON}}<span class="text">{{TEXT}}</span>{{#SOON}}<span class="tag">即将上线</span>{{/SOON}}</li>
{{/TILE}}
</ul>
