// Knowledge base, end to end: 人社局's editor drafts an FAQ through the
// form, its approver publishes it from 知识审核, and a member of the public
// finds it on /kb and reads the answer, on a phone-sized screen too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, OUT, launch, login, logout, clickAndLoad } from './lib.mjs';

// A link of the main navigation (the workbench repeats some of them).
function nav(page, name) {
  return page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name, exact: true });
}

// Today in Asia/Shanghai, as the form's date field wants it.
function today() {
  return new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

test('editor drafts, approver publishes, the public finds the answer', async () => {
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const code = `kb${Date.now().toString(36)}`;
    const title = `退休后异地居住怎么办理养老金领取资格认证（${code}）`;

    // 1. The editor drafts and submits.
    await login(page, 'editor_hrss');
    await clickAndLoad(page, nav(page, '本单位知识'));
    await clickAndLoad(page, page.getByRole('link', { name: '新增常见问题' }));
    assert.equal(await page.locator('h1').textContent(), '编辑知识 · 常见问题');
    await page.getByLabel('标题').fill(title);
    await page.getByLabel('关键词').fill('养老金 资格认证 异地');
    await page.getByLabel('公开范围').selectOption('public');
    await page.getByLabel('变化日期').fill(today());
    await page.getByLabel('问题').fill('退休后长期住在外地，每年的养老金资格认证还要回梅州吗？');
    await page.getByLabel('规范答案').fill(
      '<p>不用回梅州。可以通过以下方式完成认证：</p>' +
      '<ul><li>在<strong>“广东人社”</strong>或“粤省事”上刷脸认证；</li>' +
      '<li>到居住地任一社保经办窗口办理。</li></ul>' +
      '<p>每个认证年度内完成一次即可。</p>');
    await page.getByLabel('答复口径').fill('如市民反映刷脸失败，引导到经办窗口，不要承诺代办。');
    await page.getByRole('button', { name: '保存并提交审核' }).click();
    await page.waitForURL(/\/knowledge\/versions\/\d+\?done=saved/);
    assert.equal(await page.locator('h1').textContent(), title);
    assert.equal(await page.locator('p.meta .state').textContent(), '待审核');
    await logout(page);

    // 2. The approver opens 知识审核 and publishes it.
    await login(page, 'approver_hrss');
    await clickAndLoad(page, nav(page, '知识审核'));
    assert.equal(await page.locator('h1').textContent(), '待审核知识');
    await page.getByRole('link', { name: title }).click();
    await page.waitForURL(/\/knowledge\/versions\/\d+$/);
    assert.match(await page.locator('dd.f-answer').textContent(), /广东人社/);
    await page.getByRole('button', { name: '审核通过并发布' }).click();
    await page.waitForURL(/done=published/);
    assert.equal(await page.locator('p.notice').textContent(), '已发布。');
    assert.equal(await page.locator('p.meta .state').textContent(), '已发布');
    await logout(page);

    // 3. Anyone, without signing in, finds it and reads the answer.
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    const pub = await phone.newPage();
    await pub.goto(`${BASE}/kb`);
    assert.equal(await pub.locator('h1').textContent(), '办事指南与常见问题查询');
    await pub.getByLabel('输入您的问题').fill(code);
    await pub.getByRole('button', { name: '查询' }).click();
    await pub.waitForURL(/\/kb\?q=/);
    await pub.screenshot({ path: `${OUT}kb-search-phone.png`, fullPage: true });
    const result = pub.getByRole('link', { name: title });
    assert.equal(await result.count(), 1);
    await result.click();
    await pub.waitForURL(/\/kb\/e\/\d+$/);
    assert.equal(await pub.locator('h1').textContent(), title);
    const answer = pub.locator('dd.f-answer');
    assert.match(await answer.textContent(), /不用回梅州/);
    assert.equal(await answer.locator('strong').first().textContent(), '“广东人社”');
    // The operators' 答复口径 is not for the public.
    assert.equal(await pub.getByText('答复口径').count(), 0);
    assert.equal(await pub.getByText('不要承诺代办').count(), 0);
    // Nothing is wider than the phone's screen.
    const overflow = await pub.evaluate(() =>
      document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px on a phone`);
    await pub.screenshot({ path: `${OUT}kb-public-phone.png`, fullPage: true });
    await phone.close();
  } finally {
    await browser.close();
  }
});

// Signs a person in on their own browser context (their own computer), so
// several people can take turns without signing out.
async function signedIn(browser, username) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await login(page, username);
  return page;
}

// The approver opens 知识审核 and publishes the version titled title.
async function publish(page, title) {
  await clickAndLoad(page, nav(page, '知识审核'));
  assert.equal(await page.locator('h1').textContent(), '待审核知识');
  await page.getByRole('link', { name: title }).click();
  await page.waitForURL(/\/knowledge\/versions\/\d+$/);
  await page.getByRole('button', { name: '审核通过并发布' }).click();
  await page.waitForURL(/done=published/);
  assert.equal(await page.locator('p.meta .state').textContent(), '已发布');
}

// The timeline of a 知识更新工单, one string per step.
async function timeline(page) {
  return (await page.locator('ol.timeline > li').allTextContents()).map((s) => s.trim());
}

test('operator reports a problem, the unit publishes a fix, the operator confirms', async () => {
  const browser = await launch();
  try {
    const code = `ku${Date.now().toString(36)}`;
    const title = `失业保险金申领需要哪些材料（${code}）`;
    const unit = '梅州市人力资源和社会保障局';
    const editor = await signedIn(browser, 'editor_hrss');
    const approver = await signedIn(browser, 'approver_hrss');
    const operator = await signedIn(browser, 'operator');

    // 0. 人社局 publishes an FAQ with an outdated answer.
    await clickAndLoad(editor, nav(editor, '本单位知识'));
    await clickAndLoad(editor, editor.getByRole('link', { name: '新增常见问题' }));
    await editor.getByLabel('标题').fill(title);
    await editor.getByLabel('关键词').fill('失业保险金 申领 材料');
    await editor.getByLabel('变化日期').fill(today());
    await editor.getByLabel('问题').fill('申领失业保险金要带什么材料？');
    await editor.getByLabel('规范答案').fill(
      '<p>须携带身份证、社保卡和原单位出具的<strong>终止劳动关系证明</strong>到窗口办理。</p>');
    await editor.getByRole('button', { name: '保存并提交审核' }).click();
    await editor.waitForURL(/\/knowledge\/versions\/\d+\?done=saved/);
    await publish(approver, title);

    // 1. The operator finds it in 知识检索 and reports that it is wrong.
    await clickAndLoad(operator, nav(operator, '知识检索'));
    await operator.getByLabel('问题或关键词').fill(code);
    await operator.getByRole('button', { name: '检索' }).click();
    await operator.waitForURL(/\/knowledge\?q=/);
    await operator.getByRole('link', { name: title }).click();
    await operator.waitForURL(/\/knowledge\/entries\/\d+$/);
    const entryUrl = operator.url();
    assert.equal(await operator.locator('h1').textContent(), title);
    assert.match(await operator.locator('p.meta').textContent(), new RegExp(`${unit} · 公开 · 第 1 版（已发布）`));
    const report = operator.locator('section.report');
    assert.equal(await report.getByRole('heading').textContent(), '反馈知识问题');
    await report.getByLabel('问题类型').selectOption({ label: '内容错误' });
    const complaint = '现已不需要终止劳动关系证明，可在“粤省事”上直接申领，市民按答案跑了冤枉路。';
    await report.getByLabel('具体说明').fill(complaint);
    await report.getByRole('button', { name: `提交给 ${unit}` }).click();
    await operator.waitForURL(/\/knowledge\/updates\/\d+\?done=created$/);
    const orderUrl = operator.url().replace(/\?.*$/, '');
    const orderNo = orderUrl.match(/(\d+)$/)[1];
    assert.equal(await operator.locator('h1').textContent(), `知识更新工单 #${orderNo}`);
    assert.equal(await operator.getByRole('status').textContent(), '已新增。');
    assert.equal(await operator.locator('dd.state').textContent(), '待处理');
    assert.equal(await operator.locator('dl.fields dd').nth(1).textContent(), unit);
    let steps = await timeline(operator);
    assert.equal(steps.length, 1);
    assert.match(steps[0], new RegExp(`李晓敏（梅州市12345热线呼叫中心） 反馈 内容错误：${complaint}`));
    // Only the unit answers; the reporter has nothing to confirm yet.
    assert.equal(await operator.getByRole('button', { name: '已发布新版本' }).count(), 0);
    assert.equal(await operator.getByRole('button', { name: '确认已解决' }).count(), 0);

    // 2. 人社局's editor finds the order in its queue and drafts a new version.
    await clickAndLoad(editor, nav(editor, '知识更新工单'));
    assert.equal(await editor.locator('h1').textContent(), `知识更新工单 · ${unit}`);
    const row = editor.locator('tbody tr', { hasText: title });
    assert.deepEqual((await row.locator('td').allTextContents()).slice(0, 5),
      [orderNo, title, unit, '内容错误', '待处理']);
    await row.getByRole('link', { name: orderNo, exact: true }).click();
    await editor.waitForURL(orderUrl);
    assert.match(await editor.locator('dl.fields').textContent(), new RegExp(complaint));
    await editor.getByRole('link', { name: title }).click();
    await editor.waitForURL(entryUrl);
    await editor.getByRole('button', { name: '修改（新建修订稿）' }).click();
    await editor.waitForURL(/\/knowledge\/versions\/\d+\/edit$/);
    assert.equal(await editor.locator('h1').textContent(), '编辑知识 · 常见问题');
    assert.match(await editor.getByLabel('规范答案').inputValue(), /终止劳动关系证明/);
    await editor.getByLabel('规范答案').fill(
      '<p>无需提供终止劳动关系证明。可在<strong>“粤省事”</strong>上直接申领，或携带身份证、社保卡到窗口办理。</p>');
    await editor.getByRole('button', { name: '保存并提交审核' }).click();
    await editor.waitForURL(/\/knowledge\/versions\/\d+\?done=saved/);
    assert.match(await editor.locator('p.meta').textContent(), /第 2 版 · 待审核/);

    // The approver publishes version 2, and the editor answers the order with it.
    await publish(approver, title);
    await editor.goto(orderUrl);
    assert.equal(await editor.locator('dd.state').textContent(), '待处理');
    await editor.getByLabel('说明（可选）', { exact: true }).fill('已按新政策更正申领材料。');
    await editor.getByRole('button', { name: '已发布新版本' }).click();
    await editor.waitForURL(`${orderUrl}?done=saved`);
    assert.equal(await editor.locator('dd.state').textContent(), '已答复（已关联第 2 版）');
    assert.equal(await editor.getByRole('button', { name: '已发布新版本' }).count(), 0);

    // 3. The operator sees the answer, reads the new version and confirms.
    await clickAndLoad(operator, nav(operator, '知识更新工单'));
    assert.equal(await operator.locator('h1').textContent(), '知识更新工单 · 我反馈的');
    const mine = operator.locator('tbody tr', { hasText: title });
    assert.equal(await mine.locator('td').nth(4).textContent(), '已答复');
    await mine.getByRole('link', { name: orderNo, exact: true }).click();
    await operator.waitForURL(orderUrl);
    assert.equal(await operator.locator('dd.state').textContent(), '已答复（已关联第 2 版）');
    await operator.getByRole('link', { name: title }).click();
    await operator.waitForURL(entryUrl);
    assert.match(await operator.locator('p.meta').textContent(), /第 2 版（已发布）/);
    const answer = await operator.locator('dd.f-answer').textContent();
    assert.match(answer, /无需提供终止劳动关系证明/);
    assert.match(answer, /“粤省事”上直接申领/);
    await operator.goBack();
    await operator.waitForURL(orderUrl);
    assert.equal(await operator.getByRole('heading', { name: '确认答复' }).count(), 1);
    await operator.getByRole('button', { name: '确认已解决' }).click();
    await operator.waitForURL(`${orderUrl}?done=saved`);
    assert.equal(await operator.locator('dd.state').textContent(), '已确认（已关联第 2 版）');
    assert.equal(await operator.getByRole('button', { name: '确认已解决' }).count(), 0);
    steps = await timeline(operator);
    assert.equal(steps.length, 3);
    assert.match(steps[0], /李晓敏（梅州市12345热线呼叫中心） 反馈 内容错误：/);
    assert.match(steps[1], new RegExp(`温少芳（${unit}） 已发布新版本 已发布第 2 版：已按新政策更正申领材料。`));
    assert.match(steps[2], /李晓敏（梅州市12345热线呼叫中心） 确认已解决/);
    await operator.screenshot({ path: `${OUT}kb-update-confirmed.png`, fullPage: true });

    // The unit's queue shows the order closed.
    await clickAndLoad(editor, nav(editor, '知识更新工单'));
    assert.equal(await editor.locator('tbody tr', { hasText: title }).locator('td').nth(4).textContent(), '已确认');
  } finally {
    await browser.close();
  }
});
