// A caller follows their order on the public page, on a phone-sized
// screen: the operator dispatches the call and reads out the number and
// the 查询码; the caller looks it up, sees it in progress, then the reply
// once the office closes it. And a call about a fire: the intake shows
// the 119 script and records it as referred, not as a work order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, OUT, launch, login, clickAndLoad } from './lib.mjs';

const CATEGORY = '养老保险';
const UNIT = '梅州市人力资源和社会保障局';

async function signedIn(browser, user) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await login(page, user);
  return page;
}

async function act(page, url, button, fill) {
  await page.goto(url);
  if (fill) await fill(page);
  await clickAndLoad(page, page.getByRole('button', { name: button, exact: true }));
}

test('a caller follows the order on /status from intake to reply', async () => {
  const browser = await launch();
  try {
    const phone = `137${String(Date.now()).slice(-8)}`;
    const op = await signedIn(browser, 'operator');
    await op.goto(`${BASE}/orders/new`);
    await op.getByLabel('来电号码').fill(phone);
    const option = op.locator('#category_id option', { hasText: CATEGORY }).first();
    await op.getByLabel('问题分类').selectOption(await option.getAttribute('value'));
    await op.getByLabel('诉求内容').fill(`养老金认证后仍未到账（${phone}）`);
    await op.getByLabel('主要诉求').fill('尽快发放');
    await clickAndLoad(op, op.getByRole('button', { name: '按分类和区域建议' }));
    await op.getByRole('button', { name: '派单', exact: true }).click();
    await op.waitForURL(/\/orders\/\d+\?done=dispatched$/);
    const number = await op.locator('dd.o-number').textContent();
    const code = await op.locator('strong.o-qcode').textContent();
    assert.match(code, /^[A-Z2-9]{6}$/);
    const orderUrl = op.url().replace(/\?.*$/, '');
    // Shown once: a reload no longer has it.
    await op.goto(orderUrl);
    assert.equal(await op.locator('strong.o-qcode').count(), 0);

    // The caller, on a phone, without an account.
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const pub = await ctx.newPage();
    await pub.goto(`${BASE}/kb`);
    await clickAndLoad(pub, pub.getByRole('link', { name: '工单查询' }));
    await pub.getByLabel('工单编号').fill(number);
    await pub.getByLabel('查询码或来电号码后四位').fill('AAAAAA');
    await clickAndLoad(pub, pub.getByRole('button', { name: '查询' }));
    assert.match(await pub.locator('p.alert').textContent(), /没有找到/);
    await pub.getByLabel('工单编号').fill(number);
    await pub.getByLabel('查询码或来电号码后四位').fill(code.toLowerCase());
    await clickAndLoad(pub, pub.getByRole('button', { name: '查询' }));
    assert.equal(await pub.locator('dd.state').textContent(), '办理中');
    assert.equal(await pub.locator('dd.unit').textContent(), UNIT);
    // Nothing wider than the screen.
    const wide = await pub.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= 390, `page is ${wide}px wide on a 390px screen`);
    await pub.screenshot({ path: `${OUT}/status-mobile.png`, fullPage: true });

    // The unit replies, the office closes: the caller reads the reply.
    const clerk = await signedIn(browser, 'clerk_hrss');
    await act(clerk, orderUrl, '签收');
    await act(clerk, orderUrl, '办结回复', (p) => p.getByLabel('办理结果').fill('已补发本月养老金，请查收。'));
    const coord = await signedIn(browser, 'coordinator');
    await act(coord, orderUrl, '审核办结', async (p) => {
      await p.locator('#satisfaction').selectOption('satisfied');
    });
    await pub.getByLabel('工单编号').fill(number);
    await pub.getByLabel('查询码或来电号码后四位').fill(phone.slice(-4));
    await clickAndLoad(pub, pub.getByRole('button', { name: '查询' }));
    assert.equal(await pub.locator('dd.state').textContent(), '已办结');
    assert.match(await pub.locator('dd.reply').textContent(), /已补发本月养老金/);
    const steps = await pub.locator('ol.public-timeline li').allTextContents();
    assert.ok(steps.some((s) => s.includes('已办结')), steps.join(' | '));
    assert.ok(!(await pub.content()).includes(phone));
  } finally {
    await browser.close();
  }
});

test('a call about a fire gets the 119 script and is not a work order', async () => {
  const browser = await launch();
  try {
    const phone = `136${String(Date.now()).slice(-8)}`;
    const op = await signedIn(browser, 'operator');
    await op.goto(`${BASE}/orders/new`);
    await op.getByLabel('来电号码').fill(phone);
    const option = op.locator('#category_id option', { hasText: CATEGORY }).first();
    await op.getByLabel('问题分类').selectOption(await option.getAttribute('value'));
    await op.getByLabel('诉求内容').fill('对面楼起火了，冒烟很大');
    await clickAndLoad(op, op.getByRole('button', { name: '检索知识库' }));
    const panel = op.locator('div.refer');
    assert.match(await panel.locator('p.script').first().textContent(), /119/);
    await op.getByRole('button', { name: '已按口径答复，记录为转其他渠道' }).click();
    await op.waitForURL(/done=refer_recorded/);
    assert.equal(await op.locator('p.meta .state').textContent(), '转其他渠道');
    assert.match(await op.locator('p.notice').first().textContent(), /不形成工单/);
  } finally {
    await browser.close();
  }
});
