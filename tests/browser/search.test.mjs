// Knowledge search as callers and the office use it: a citizen types a
// question in their own words on a phone and finds the entry that answers
// it; the office adds a hotline synonym in the browser, an operator's
// search uses it at once and answers a call from the entry found, and the
// office sees what the search learned from that answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, OUT, launch, login, logout, clickAndLoad } from './lib.mjs';

function nav(page, name) {
  return page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name, exact: true });
}

test('a caller\'s question, not a title, finds its entry on the public page', async () => {
  const browser = await launch();
  try {
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
    });
    const pub = await phone.newPage();
    await pub.goto(`${BASE}/kb`);
    // Words the entry does not use (没电, 找谁): the search knows 没电 as 停电.
    await pub.getByLabel('输入您的问题').fill('家里没电了找谁');
    await pub.getByRole('button', { name: '查询' }).click();
    await pub.waitForURL(/\/kb\?q=/);
    await pub.screenshot({ path: `${OUT}kb-question-phone.png`, fullPage: true });
    const titles = await pub.locator('ol.results li a.title').allTextContents();
    assert.ok(titles.slice(0, 3).includes('家里突然停电了怎么判断和报修'),
      `not in the first three: ${titles.join(' / ')}`);
    assert.match(await pub.locator('p.relaxed').textContent(), /停电/);
    // The words found are marked in the results.
    assert.ok(await pub.locator('ol.results li mark').count() > 0);
    await pub.getByRole('link', { name: '家里突然停电了怎么判断和报修' }).click();
    await pub.waitForURL(/\/kb\/e\/\d+$/);
    assert.equal(await pub.locator('h1').textContent(), '家里突然停电了怎么判断和报修');

    // A question about something no entry covers: 没有找到, and the way on.
    await pub.goto(`${BASE}/kb`);
    await pub.getByLabel('输入您的问题').fill(`火星移民怎么申请${Date.now()}`);
    await pub.getByRole('button', { name: '查询' }).click();
    await pub.waitForURL(/\/kb\?q=/);
    assert.match(await pub.locator('p.alert').textContent(), /没有找到/);
    assert.equal(await pub.locator('ol.results li').count(), 0);
  } finally {
    await browser.close();
  }
});

test('the office adds a synonym, an operator finds and answers with it, the search learns', async () => {
  const browser = await launch();
  try {
    const page = await browser.newPage();
    // A caller's word for 社会保障卡 no entry uses, unique to this run:
    // 卡 and four rare characters (U+9F00..) from the clock.
    const t = Date.now();
    const word = '卡' + [0, 1, 2, 3].map((i) => String.fromCodePoint(0x9F00 + Math.floor(t / 160 ** i) % 160)).join('');

    await login(page, 'coordinator');
    await clickAndLoad(page, nav(page, '检索同义词'));
    assert.equal(await page.locator('h1').textContent(), '检索同义词');
    await page.getByLabel('来电人说法').fill(word);
    await page.getByLabel('知识用词').fill('社会保障卡');
    await page.getByRole('button', { name: '新增' }).click();
    await page.waitForURL(/done=created/);
    assert.equal(await page.locator('table.synonyms tr', { hasText: word }).count(), 1);
    await logout(page);

    // The operator takes a call using that word: found at once.
    await login(page, 'operator');
    await clickAndLoad(page, nav(page, '受理来电'));
    await page.getByLabel('来电号码').fill('13800138000');
    const option = page.locator('#category_id option[value]:not([value=""])').first();
    await page.getByLabel('问题分类').selectOption(await option.getAttribute('value'));
    await page.getByLabel('诉求内容').fill(`${word}丢了，怎么补办`);
    await page.getByLabel('检索', { exact: true }).fill(`${word}丢了怎么办`);
    await clickAndLoad(page, page.getByRole('button', { name: '检索知识库' }));
    const hit = page.locator('ol.results li', { hasText: '社会保障卡申领、补换办事指南' });
    assert.equal(await hit.count(), 1);
    await hit.getByLabel('用此条答复').check();
    await page.getByRole('button', { name: '一次性解答（依据所选知识）' }).click();
    await page.waitForURL(/\/orders\/\d+\?done=answered/);
    await logout(page);

    // The office sees the pair the answer taught the search.
    await login(page, 'coordinator');
    await clickAndLoad(page, nav(page, '检索学习'));
    const row = page.locator('table.learned tr', { hasText: `${word}丢了怎么办` });
    assert.equal(await row.count(), 1);
    assert.match(await row.textContent(), /社会保障卡申领、补换办事指南/);
    await page.screenshot({ path: `${OUT}search-learned.png`, fullPage: true });
  } finally {
    await browser.close();
  }
});
