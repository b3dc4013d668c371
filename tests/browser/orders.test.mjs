// Work orders, end to end: an operator takes a call and dispatches it on
// the routing rule's suggestion, the unit's clerk is refused a return
// without a basis, accepts and replies, and the office closes the order
// with the caller's callback. Each person works in their own browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, OUT, launch, login, clickAndLoad } from './lib.mjs';

const CATEGORY = '养老保险';                 // a demo leaf category
const UNIT = '梅州市人力资源和社会保障局';   // its routing rule's unit in 梅州市

async function signedIn(browser, user) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await login(page, user);
  return page;
}

function timeline(page) {
  return page.locator('ol.timeline li').allTextContents();
}

test('operator dispatches a call, the clerk accepts and replies, the office closes it', async () => {
  const browser = await launch();
  try {
    const phone = `139${String(Date.now()).slice(-8)}`;
    const content = `退休后养老金本月没有到账（${phone}）`;

    // 1. The operator takes the call.
    const op = await signedIn(browser, 'operator');
    await clickAndLoad(op, op.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '受理来电' }));
    assert.equal(await op.locator('h1').textContent(), '受理来电');
    await op.getByLabel('来电号码').fill(phone);
    await op.getByLabel('来电人').fill('陈先生');
    const option = op.locator('#category_id option', { hasText: CATEGORY }).first();
    await op.getByLabel('问题分类').selectOption(await option.getAttribute('value'));
    await op.getByLabel('诉求内容').fill(content);
    await op.getByLabel('主要诉求').fill('尽快补发本月养老金');
    await op.getByLabel('问题起因').fill('社保卡账户变更后未同步');
    // The routing rule suggests the unit; the form keeps what was typed.
    await clickAndLoad(op, op.getByRole('button', { name: '按分类和区域建议' }));
    assert.match(await op.locator('p.suggested').textContent(), new RegExp(UNIT));
    assert.equal(await op.getByLabel('诉求内容').inputValue(), content);
    assert.match(await op.locator('#unit_id option:checked').textContent(), new RegExp(UNIT));
    await op.getByRole('button', { name: '派单', exact: true }).click();
    await op.waitForURL(/\/orders\/\d+\?done=dispatched$/);
    const number = (await op.locator('h1').textContent()).replace('工单 ', '');
    assert.match(number, /^meizhou-\d{8}-\d{4}$/);
    assert.equal(await op.locator('p.meta .state').textContent(), '待签收');
    assert.equal(await op.locator('dd.o-unit').textContent(), UNIT);
    assert.equal(await op.locator('dd.o-phone').textContent(), phone);
    const orderUrl = op.url().replace(/\?.*$/, '');

    // 2. The clerk finds it in the unit's queue, with the number masked.
    const clerk = await signedIn(browser, 'clerk_hrss');
    await clickAndLoad(clerk, clerk.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '本单位工单' }));
    const row = clerk.locator('table.queue tr', { hasText: number });
    assert.equal(await row.count(), 1);
    assert.match(await row.textContent(), new RegExp(`${phone.slice(0, 3)}\\*{4}${phone.slice(-4)}`));
    await row.getByRole('link', { name: number }).click();
    await clerk.waitForURL(orderUrl);

    // A return without its basis is refused in place: the form stays open
    // with what was typed, the missing basis marked beside it, and the
    // order stays put.
    await clerk.locator('details.return-form summary').click();
    await clerk.getByLabel('退回理由').fill('养老金发放属社保经办机构职责');
    await clerk.getByLabel('建议承办单位').selectOption({ label: '梅州市医疗保障局（梅州市）' });
    await clickAndLoad(clerk, clerk.getByRole('button', { name: '提交退回申请' }));
    const refused = clerk.locator('form[action$="/return"] p[role="alert"]');
    assert.match(await refused.textContent(), /退回理由、依据.*缺一不可/);
    assert.equal(await clerk.getByLabel('退回理由').inputValue(), '养老金发放属社保经办机构职责');
    assert.equal(await clerk.getByLabel('依据').getAttribute('aria-invalid'), 'true');
    assert.equal((await clerk.locator('#basis-err').textContent()).trim(), '请填写此项。');
    assert.equal(await clerk.locator('#suggested_unit_id option:checked').textContent(),
                 '梅州市医疗保障局（梅州市）');
    await clerk.goto(orderUrl);
    assert.equal(await clerk.locator('p.meta .state').textContent(), '待签收');
    assert.equal(await clerk.locator('section.return-request').count(), 0);

    await clerk.getByRole('button', { name: '签收' }).click();
    await clerk.waitForURL(/done=accepted/);
    assert.equal(await clerk.locator('p.meta .state').textContent(), '办理中');
    await clerk.getByLabel('办理结果').fill('经核查，系账户变更未同步，已于今日补发，来电人已知悉。');
    await clerk.getByRole('button', { name: '办结回复' }).click();
    await clerk.waitForURL(/done=replied/);
    assert.equal(await clerk.locator('p.meta .state').textContent(), '待审核');

    // 3. The office finds the order by number and closes it.
    const office = await signedIn(browser, 'coordinator');
    await office.goto(`${BASE}/orders`);
    await office.getByLabel('工单编号').fill(number);
    await clickAndLoad(office, office.getByRole('button', { name: '查询' }));
    await office.getByRole('link', { name: number }).click();
    await office.waitForURL(orderUrl);
    assert.match(await office.locator('dd.o-reply').textContent(), /已于今日补发/);
    await office.getByLabel('回访结果').selectOption({ label: '满意' });
    await office.getByRole('button', { name: '审核办结' }).click();
    await office.waitForURL(/done=closed/);
    assert.equal(await office.locator('p.meta .state').textContent(), '已办结');
    assert.equal(await office.locator('dd.o-callback').textContent(), '满意');
    const steps = await timeline(office);
    assert.equal(steps.length, 4);
    assert.match(steps[0], new RegExp(`李晓敏（梅州市12345热线呼叫中心） 派单 → ${UNIT}`));
    assert.match(steps[1], /（梅州市人力资源和社会保障局） 签收/);
    assert.match(steps[2], /办结回复 经核查/);
    assert.match(steps[3], /张伟明（梅州市政务服务中心管理办公室） 审核办结 回访结果：满意/);
    await office.goto(`${orderUrl}/print`);
    await office.screenshot({ path: `${OUT}order-sheet.png`, fullPage: true });
    assert.equal(await office.locator('h1').textContent(), '梅州市12345政府服务热线工单');
  } finally {
    await browser.close();
  }
});
