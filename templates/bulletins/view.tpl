{{%AUTOESCAPE context="HTML"}}<article class="bulletin state-{{STATE_CODE}}">
<header class="bulletin-head">
<p class="issuer">梅州市12345政府服务热线</p>
<h1>{{TITLE}}</h1>
<p class="meta">梅州市政务服务中心管理办公室 · {{JUR}} · {{DATE}} · <span class="state">{{STATE}}</span> · 考核公式第 {{FORMULA}} 版</p>
</header>
<div class="no-print actions">
{{#APPROVE}}<form method="post" action="/bulletins/{{ID}}/approve" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">审核通过</button></form>{{/APPROVE}}
{{#NEEDS_OTHER}}<p class="hint">草稿须由管理办另一位同事审核通过后才能发布。</p>{{/NEEDS_OTHER}}
{{#PUBLISH}}<form method="post" action="/bulletins/{{ID}}/publish" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">发布到各单位</button></form>{{/PUBLISH}}
<a href="/bulletins">返回通报列表</a>
</div>
<section class="body">{{#PARA}}<p>{{V}}</p>{{/PARA}}</section>

<h2>一、总体情况</h2>
<p>{{MONTH}} 共考核 <strong>{{UNITS}}</strong> 个单位。全市受理来电 <strong>{{CALLS}}</strong> 件（重复诉求合并的 <strong class="merged-n">{{MERGED}}</strong> 件按一件计；另有不予受理、转其他渠道的来电 <strong class="referred-n">{{REFERRED}}</strong> 件，不计入），一次性解答率 <strong class="one-rate">{{ONE}}</strong>；质检抽检 <strong>{{MARKED}}</strong> 件，准确解答率 <strong class="acc-rate">{{ACC}}</strong>。</p>
<figure class="chart">
{{#TREND}}<svg class="chart-trend" viewBox="0 0 640 240" role="img" aria-labelledby="trend-title">
<title id="trend-title">近 12 个月一次性解答率和准确解答率</title>
{{#GRID}}<line class="grid" x1="56" x2="620" y1="{{Y}}" y2="{{Y}}"></line><text class="axis" x="50" y="{{Y}}" text-anchor="end" dy="4">{{LABEL}}</text>
{{/GRID}}<polyline class="line-one" points="{{ONE}}"></polyline>
<polyline class="line-acc" points="{{ACC}}"></polyline>
{{#MONTH}}<text class="axis" x="{{X}}" y="218" text-anchor="middle">{{LABEL}}</text>{{#ONE_DOT}}<circle class="dot-one" cx="{{CX}}" cy="{{CY}}" r="3"><title>一次性解答率 {{V}}</title></circle>{{/ONE_DOT}}{{#ACC_DOT}}<circle class="dot-acc" cx="{{CX}}" cy="{{CY}}" r="3"><title>准确解答率 {{V}}</title></circle>{{/ACC_DOT}}
{{/MONTH}}<rect class="key-one" x="380" y="228" width="12" height="8"></rect><text class="axis" x="396" y="236">一次性解答率</text>
<rect class="key-acc" x="500" y="228" width="12" height="8"></rect><text class="axis" x="516" y="236">准确解答率</text>
</svg>{{/TREND}}
<figcaption>图1 近 12 个月一次性解答率和准确解答率</figcaption>
</figure>
{{>T_TREND}}

<h2>二、考核排名</h2>
{{>T_RANKING}}
{{#UNRANKED}}<p class="hint">另有 {{N}} 个单位本月没有可考核的知识和来电，未参加排名。</p>{{/UNRANKED}}
<figure class="chart">
{{#DIST}}<svg class="chart-dist" viewBox="0 0 640 240" role="img" aria-labelledby="dist-title">
<title id="dist-title">得分分布</title>
<line class="axis-line" x1="56" x2="620" y1="200" y2="200"></line>
{{#COL}}<rect class="col" x="{{X}}" y="{{Y}}" width="40" height="{{H}}"></rect><text class="axis" x="{{TX}}" y="{{VY}}" text-anchor="middle">{{N}}</text><text class="axis" x="{{TX}}" y="218" text-anchor="middle">{{LABEL}}</text>
{{/COL}}<text class="axis" x="338" y="236" text-anchor="middle">得分（分）</text>
</svg>{{/DIST}}
<figcaption>图2 得分分布（单位数）</figcaption>
</figure>
{{>T_DISTRIBUTION}}

<h2>三、表扬单位</h2>
<p class="hint">得分前 {{COMMEND_N}} 名的单位。</p>
<ul class="commend">{{#COMMEND}}<li><strong>{{UNIT}}</strong>（{{SCORE}} 分）分管领导：{{LEADER}}，责任人：{{OWNER}}</li>
{{/COMMEND}}</ul>

<h2>四、点名单位</h2>
<p class="hint">得分低于 {{NAME_BELOW}} 分或未明确知识维护责任人的参评单位，请对照问题清单整改。</p>
<ul class="named">{{#NAMED}}<li><strong>{{UNIT}}</strong>（{{SCORE}} 分）分管领导：{{LEADER}}，责任人：{{OWNER}}。主要问题：{{#REASON}}{{KIND}} {{N}} 项；{{/REASON}} <a class="no-print" href="/assessment/units/{{UNIT_ID}}?month={{MONTH}}">问题清单</a>{{#ACCOUNT}}；本月涉及问责 {{N}} 件{{#LINK}}（<a href="/accountability">问责记录</a>）{{/LINK}}{{/ACCOUNT}}</li>
{{/NAMED}}</ul>

<h2>五、知识更新工单办理</h2>
<figure class="chart">
{{#UPDATES}}<svg class="chart-updates" viewBox="0 0 640 {{H}}" role="img" aria-labelledby="upd-title">
<title id="upd-title">各单位知识更新工单按期答复率</title>
{{#BAR}}<text class="axis" x="244" y="{{TY}}" text-anchor="end">{{UNIT}}</text><rect class="bar" x="250" y="{{Y}}" width="{{W}}" height="16"></rect><text class="axis" x="{{VX}}" y="{{TY}}">{{V}}</text>
{{/BAR}}</svg>{{/UPDATES}}
<figcaption>图3 各单位知识更新工单按期答复率</figcaption>
</figure>
{{>T_UPDATES}}

<h2>六、各问题分类一次性解答率</h2>
{{>T_CATEGORIES}}

{{#EDIT}}<section class="no-print edit"><h2>修改草稿</h2>
<form method="post" action="/bulletins/{{ID}}"><input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="title">标题</label> <input id="title" name="title" maxlength="200" size="50" required value="{{TITLE}}"></p>
<p><label for="body">正文</label><br><textarea id="body" name="body" rows="8" cols="80" maxlength="10000">{{BODY}}</textarea></p>
<p><label for="commend_n">表扬前</label> <input id="commend_n" name="commend_n" type="number" min="0" max="20" required value="{{COMMEND_N}}"> 名
<label for="name_below">点名低于</label> <input id="name_below" name="name_below" type="number" min="0" max="100" required value="{{NAME_BELOW}}"> 分</p>
<p><button type="submit">保存草稿</button></p></form></section>{{/EDIT}}
</article>
