{{%AUTOESCAPE context="HTML"}}<article class="dispute-form">
<p class="form-tools"><a href="/disputes/{{ID}}">返回争议 #{{ID}}</a> · 打印本表：使用浏览器的“打印”（Ctrl+P），纸张 A4 纵向。较长的内容印在表后的附页上。</p>
<h1 class="form-title">梅州市 12345 政府服务热线受理事项争议认定表</h1>
{{#COUNTY}}<p class="form-jur">（{{JUR}}）</p>{{/COUNTY}}
<table class="dispute-form">
<colgroup><col class="c-label"><col class="c-value"><col class="c-label"><col class="c-value"></colgroup>
<tbody>
<tr><th scope="row">工单编号</th><td class="f-number">{{NUMBER}}</td><th scope="row">问题分类</th><td class="f-category">{{CATEGORY}}</td></tr>
<tr><th scope="row">涉及部门</th><td colspan="3" class="f-units">{{UNIT_NAMES}}</td></tr>
<tr><th scope="row">事项内容</th><td colspan="3" class="f-content"><span class="text">{{CONTENT}}</span>{{#CONTENT_MORE}}<span class="more">（续见附页 {{N}}）</span>{{/CONTENT_MORE}}</td></tr>
<tr><th scope="row"><span class="l">各职能部门</span><span class="l">处理意见</span></th><td colspan="3" class="f-unit-opinions">
{{#FUNIT}}<p class="unit-opinion"><span class="u-name">{{NAME}}</span>：{{#ANSWERED}}<span class="text">{{UNIT_OPINION}}</span>{{#UNIT_OPINION_MORE}}<span class="more">（续见附页 {{N}}）</span>{{/UNIT_OPINION_MORE}}<span class="u-at">（{{AT}}）</span>{{/ANSWERED}}{{#WAITING}}<span class="u-waiting">（尚未提出意见）</span>{{/WAITING}}</p>
{{/FUNIT}}</td></tr>
{{#STEP}}<tr class="step step-{{CODE}}"><th scope="row">{{#LINE}}<span class="l">{{TEXT}}</span>{{/LINE}}</th><td colspan="3" class="f-step">
{{#NO_STEP}}<p class="no-step">本地区认定程序不设此环节</p>{{/NO_STEP}}
{{#SEALED}}<div class="step-grid"><div class="step-opinion">
{{#KIND}}<p class="s-kind">{{LABEL}}：</p>{{/KIND}}
<p><span class="text">{{STEP_TEXT}}</span>{{#STEP_TEXT_MORE}}<span class="more">（续见附页 {{N}}）</span>{{/STEP_TEXT_MORE}}</p>
{{#LEAD}}<p>牵头单位：<span class="s-lead">{{NAME}}</span>{{#COOPS}}；配合单位：{{NAMES}}{{/COOPS}}</p>{{/LEAD}}
{{#PRINCIPLE}}<p>认定原则：{{LABEL}}</p>{{/PRINCIPLE}}
{{#BASIS}}<p>依据：<span class="text">{{BASIS_TEXT}}</span>{{#BASIS_TEXT_MORE}}<span class="more">（续见附页 {{N}}）</span>{{/BASIS_TEXT_MORE}}</p>{{/BASIS}}
{{#TEMP}}<p>临时承办单位：{{NAME}}</p>{{/TEMP}}
</div>
<div class="seal-line sealed">
<svg class="seal" viewBox="0 0 120 120" role="img" aria-label="{{UNIT}}（印）">
<defs><path id="seal-arc-{{CODE}}" d="M 25.6 84.1 A 42 42 0 1 1 94.4 84.1"/></defs>
<circle class="seal-ring" cx="60" cy="60" r="56"/>
<text class="seal-name" font-size="{{SIZE}}"><textPath href="#seal-arc-{{CODE}}" startOffset="50%" text-anchor="middle" textLength="{{LEN}}" lengthAdjust="spacing">{{UNIT}}</textPath></text>
<polygon class="seal-star" points="60,40 64.7,53.5 79,53.8 67.6,62.5 71.8,76.2 60,68 48.2,76.2 52.4,62.5 41,53.8 55.3,53.5"/>
</svg>
<span class="seal-date">{{Y}} 年 {{M}} 月 {{D}} 日</span>
</div></div>{{/SEALED}}
{{#UNSEALED}}<div class="step-grid"><div class="step-opinion"></div><div class="seal-line">
<span class="seal-here">（盖章）</span>
<span class="seal-date blank"><span class="gap year"></span>年<span class="gap"></span>月<span class="gap"></span>日</span>
</div></div>{{/UNSEALED}}
</td></tr>
{{/STEP}}
<tr class="determination"><th scope="row">认定意见</th><td colspan="3" class="f-determination">
{{#DET}}<p><span class="text">{{DET_TEXT}}</span>{{#DET_TEXT_MORE}}<span class="more">（续见附页 {{N}}）</span>{{/DET_TEXT_MORE}}</p>
<p>牵头单位：<span class="d-lead">{{LEAD_NAME}}</span>{{#DET_COOPS}}；配合单位：{{NAMES}}{{/DET_COOPS}}</p>
{{#DET_PRINCIPLE}}<p>认定原则：{{LABEL}}</p>{{/DET_PRINCIPLE}}
{{#DET_SOURCE}}<p class="d-source">根据{{LABEL}}认定。</p>{{/DET_SOURCE}}
<p class="d-date">{{Y}} 年 {{M}} 月 {{D}} 日</p>{{/DET}}
</td></tr>
<tr><th scope="row">联系人</th><td class="f-contact-name">{{CONTACT_NAME}}</td><th scope="row">联系电话</th><td class="f-contact-phone">{{CONTACT_PHONE}}</td></tr>
</tbody>
</table>
<p class="form-note">注：如填写内容较多，表格内无法填写，可另加附页。</p>
{{#ANNEX}}<section class="annex" aria-labelledby="annex-{{N}}">
<h2 id="annex-{{N}}">附页 {{N}}</h2>
<p class="annex-of">梅州市 12345 政府服务热线受理事项争议认定表 · 工单编号 {{NUMBER}} · {{FIELD}}</p>
<div class="text annex-text">{{TEXT}}</div>
</section>
{{/ANNEX}}
</article>
