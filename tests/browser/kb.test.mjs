// Knowledge base, end to end: 人社局's editor drafts an FAQ through the
// form, its approver publishes it from 知识审核, and a member of the public
// finds it on /kb and reads the answer, on a phone-sized screen too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, OUT, launch, login, logout } from './lib.mjs';

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
    await nav(page, '本单位知识').click();
    await page.getByRole('link', { name: '新增常见问题' }).click();
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
    await nav(page, '知识审核').click();
    assert.equal(await page.locator('h1').textContent(), '待审核知识');
    await page.getByRole('link', { name: title }).click();
    await page.waitForURL(/\/knowledge\/versions\/\d+$/);
    assert.match(await page.locator('dd.f-answer').textContent(), /广东人社/);
    await page.getByRole('button', { name: '审核通过并发布' }).click();
    await page.waitForURL(/done=saved/);
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
