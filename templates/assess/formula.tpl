{{%AUTOESCAPE context="HTML"}}<h1>考核公式</h1>
<p class="hint">得分 = 各项得分率按权重的加权平均（满分 100）。某项本月不适用时（如没有相关来电或抽检）按其余各项计算。每次修改生成新的版本；已计算的月份保留计算时的版本，已发布的通报不受影响。现行第 {{VERSION}} 版。</p>
<ul class="hint"><li>及时性：按时录入的变更（政策变化 5 个工作日、重大新闻 1 个工作日）、当月完成审核的条目、按期答复的知识更新工单，占全部应办的比例。</li>
<li>完整性：必填项齐全的条目占“发布条目 + 未补的知识缺失”的比例。</li>
<li>一次性解答率：与本单位事项有关的来电中，用本单位知识当场解答或三方通话解决的比例。</li>
<li>准确解答率：质检员抽检用本单位知识解答的来电中，评定为准确的比例。</li>
<li>规范性：没有错别字、关键词、格式或重复问题的条目占发布条目的比例。</li></ul>
{{#EDIT}}<form method="post" action="/assessment/formula" class="formula"><input type="hidden" name="csrf" value="{{CSRF}}">
<fieldset><legend>权重（0–100）</legend>
{{#PART}}<p><label for="{{NAME}}">{{LABEL}}</label> <input id="{{NAME}}" name="{{NAME}}" type="number" min="0" max="100" required value="{{W}}"></p>
{{/PART}}</fieldset>
<fieldset><legend>每月解答质检样本</legend>
<p><label for="sample_pct">抽检比例（%）</label> <input id="sample_pct" name="sample_pct" type="number" min="1" max="100" required value="{{SAMPLE_PCT}}">
<label for="sample_min">至少抽检（件）</label> <input id="sample_min" name="sample_min" type="number" min="0" max="10000" required value="{{SAMPLE_MIN}}"></p></fieldset>
<p><button type="submit">保存为新版本</button></p></form>{{/EDIT}}
{{#READONLY}}<table><thead><tr><th>项目</th><th>权重</th></tr></thead><tbody>{{#PART}}<tr><td>{{LABEL}}</td><td class="num">{{W}}</td></tr>{{/PART}}</tbody></table>
<p>质检样本：{{SAMPLE_PCT}}%，至少 {{SAMPLE_MIN}} 件。考核公式全市统一，由市管理办设定。</p>{{/READONLY}}
