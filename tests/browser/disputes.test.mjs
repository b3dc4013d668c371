// A disputed order, end to end (D6): the 人社局 clerk asks to return an
// order naming 户政支队; the office opens a dispute, both units give their
// opinions, the office seals its coordination, tells the caller and refers
// it to 编办; 编办 refers it on to 法制局, which gives a temporary opinion;
// the office puts it on a joint meeting's agenda, the convener schedules
// the meeting and records its decision; the office issues the
// determination and 户政支队 accepts it. Then the printed 争议认定表, with
// the sealing units' names in its seals. Each person works in their own
// browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, OUT, launch, login, today, clickAndLoad } from './lib.mjs';

const CATEGORY = '养老保险';                  // a demo leaf category
const HRSS = '梅州市人力资源和社会保障局';   // its routing rule's unit
const PSB = '梅州市公安局户政支队';
const OFFICE = '梅州市政务服务中心管理办公室';
const BIANBAN = '梅州市机构编制委员会办公室';
const LEGAL = '梅州市法制局';

async function signedIn(browser, user) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await login(page, user);
  return page;
}

async function state(page) {
  return (await page.locator('p.meta .state').textContent()).trim();
}

// Submits with the named button and waits for the redirect's notice.
async function submit(page, button, done) {
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.waitForURL(new RegExp(`done=${done}`));
}

test('a return becomes a dispute: 编办, 法制局, a joint meeting, the determination, the lead unit accepts', async () => {
  const browser = await launch();
  try {
    const phone = `137${String(Date.now()).slice(-8)}`;
    const content = `随迁子女入户后养老保险关系转移无人受理（${phone}）`;

    // 1. The operator dispatches the call to 人社局.
    const op = await signedIn(browser, 'operator');
    await op.goto(`${BASE}/orders/new`);
    await op.getByLabel('来电号码').fill(phone);
    await op.getByLabel('来电人').fill('吴女士');
    const option = op.locator('#category_id option', { hasText: CATEGORY }).first();
    await op.getByLabel('问题分类').selectOption(await option.getAttribute('value'));
    await op.getByLabel('诉求内容').fill(content);
    await op.getByLabel('主要诉求').fill('明确由哪个部门办理');
    await op.getByLabel('承办单位').selectOption({ label: `${HRSS}（梅州市）` });
    await op.getByRole('button', { name: '派单', exact: true }).click();
    await op.waitForURL(/\/orders\/\d+\?done=dispatched$/);
    const number = (await op.locator('dd.o-number').textContent()).trim();
    const orderUrl = op.url().replace(/\?.*$/, '');

    // 2. 人社局 asks to return it, with reason, basis and the unit it names.
    const clerk = await signedIn(browser, 'clerk_hrss');
    await clerk.goto(orderUrl);
    await clerk.locator('details.return-form summary').click();
    await clerk.getByLabel('退回理由').fill('入户登记不属本局职责');
    await clerk.getByLabel('依据', { exact: true }).fill('本局“三定”规定未列户籍管理职责');
    await clerk.getByLabel('建议承办单位').selectOption({ label: `${PSB}（梅州市）` });
    await submit(clerk, '提交退回申请', 'return_asked');

    // 3. The office opens a dispute from the return.
    const office = await signedIn(browser, 'coordinator');
    await office.goto(orderUrl);
    assert.match(await office.locator('section.return-request').textContent(), new RegExp(PSB));
    await office.getByLabel('争议说明').fill('两单位对承办主体有争议');
    await submit(office, '提请争议认定', 'disputed');
    assert.equal(await state(office), '争议认定中');
    await office.locator('dd a[href^="/disputes/"]').click();
    await office.waitForURL(/\/disputes\/\d+$/);
    const disputeUrl = office.url();
    const id = disputeUrl.match(/\/disputes\/(\d+)$/)[1];
    assert.equal(await state(office), '转办中');
    assert.equal(await office.locator('table.dispute-units tbody tr').count(), 2);

    // 4. Each unit gives its own opinion.
    await clerk.goto(disputeUrl);
    await clerk.getByLabel('本单位处理意见').fill('入户登记属户政支队职责，本局负责随后的社保转移。');
    await submit(clerk, '提交处理意见', 'saved');
    const psb = await signedIn(browser, 'clerk_psb');
    await clickAndLoad(psb, psb.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '争议事项' }));
    await clickAndLoad(psb, psb.getByRole('link', { name: `争议 #${id}`, exact: true }));
    await psb.getByLabel('本单位处理意见').fill('养老保险关系转移属人社局职责。');
    await submit(psb, '提交处理意见', 'saved');

    // 5. The office seals its coordination, tells the caller, refers to 编办.
    await office.goto(disputeUrl);
    await office.getByLabel('协调情况', { exact: true }).fill('经协调，两单位对承办主体仍有分歧。');
    await submit(office, '填写并盖章', 'sealed');
    await office.getByLabel('告知来电人').fill('已电话告知来电人正在认定承办单位。');
    await submit(office, '记录告知', 'saved');
    assert.match(await office.locator('ul.contacts li').first().textContent(), /张伟明：已电话告知来电人/);
    await submit(office, `转${BIANBAN}认定`, 'referred');
    assert.equal(await state(office), '编办审核中');

    // 6. 编办 finds it with its countdown and refers it on to 法制局.
    const bb = await signedIn(browser, 'reviewer_bianban');
    await clickAndLoad(bb, bb.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '争议认定' }));
    const row = bb.locator('table.disputes tbody tr', { hasText: `争议 #${id}` });
    assert.match(await row.textContent(), /剩 5 个工作日/);
    await clickAndLoad(bb, row.getByRole('link', { name: `争议 #${id}` }));
    await bb.getByLabel('意见类型').selectOption('legal');
    await bb.getByLabel('意见', { exact: true }).fill('“三定”规定未予明确，转市法制局提出意见。');
    await submit(bb, '提交并盖章', 'referred');
    assert.equal(await state(bb), '法制局审核中');

    // 7. 法制局: a temporary opinion, and a joint meeting asked for.
    const legal = await signedIn(browser, 'reviewer_legal');
    await legal.goto(disputeUrl);
    await legal.getByLabel('意见类型').selectOption('temporary');
    await legal.getByLabel('临时承办单位').selectOption({ label: HRSS });
    await legal.getByLabel('意见', { exact: true }).fill('法律法规未予明确，暂由人社局先行处理，提请联席会议审议。');
    await submit(legal, '提交并盖章', 'sealed');
    assert.equal(await state(legal), '待联席会议审议');
    // 人社局, named the temporary handling unit, has the order in its queue
    // at once, with the interim deadline.
    await clerk.goto(`${BASE}/orders/queue`);
    const held = clerk.locator('table.queue tbody tr', { hasText: number });
    assert.equal(await held.count(), 1);
    assert.match(await held.textContent(), /争议认定中/);

    // 8. The office proposes a joint meeting with the dispute on its agenda.
    await office.goto(disputeUrl);
    await clickAndLoad(office, office.getByRole('link', { name: '提请联席会议审议' }));
    await office.getByLabel('会议内容').fill(`审议工单 ${number} 承办主体`);
    await office.locator(`#dispute_${id}`).check();
    await office.getByRole('button', { name: '提请召开联席会议' }).click();
    await office.waitForURL(/\/meetings\/\d+\?done=proposed$/);
    const meetingUrl = office.url().replace(/\?.*$/, '');

    // 9. The convener schedules it; the decision waits for the meeting to
    //    be held; then the minutes, then the decision.
    const conv = await signedIn(browser, 'convener');
    await conv.goto(meetingUrl);
    assert.match(await conv.getByLabel('参会人员').inputValue(), new RegExp(BIANBAN));
    await conv.getByLabel('会议时间').fill('2030-06-03T09:30');
    await conv.getByLabel('会议地点').fill('市政府第三会议室');
    await submit(conv, '保存会议安排', 'scheduled');
    assert.equal(await conv.getByRole('button', { name: '记录会议决定' }).count(), 0);
    assert.equal(await conv.getByRole('button', { name: '记录会议已召开' }).count(), 0);
    assert.match(await conv.locator('section.actions').textContent(), /2030-06-03 09:30 到后/);
    // It was in fact held this morning: the convener corrects the time.
    await conv.getByLabel('会议时间').fill(`${today()}T00:01`);
    await submit(conv, '保存会议安排', 'scheduled');
    await conv.getByLabel('出席情况').fill('工作小组成员及人社局、户政支队负责人出席');
    await conv.getByLabel('会议纪要').fill('会议审议并确定承办单位。');
    await submit(conv, '记录会议已召开', 'held');
    assert.equal(await state(conv), '已召开');
    await conv.getByLabel('牵头单位').selectOption({ label: PSB });
    await conv.getByLabel('配合单位').selectOption({ label: HRSS });
    await conv.getByLabel('认定原则').selectOption('timely');
    await conv.getByLabel('依据').fill('有利于问题及时解决、维护群众利益');
    await conv.getByLabel('会议决定').fill('由户政支队牵头办理，人社局配合转移养老保险关系。');
    await submit(conv, '记录会议决定', 'decided');

    // 10. The office issues the determination, starting from the meeting's
    //     decision; the order goes to 户政支队.
    await office.goto(disputeUrl);
    assert.equal(await state(office), '待出具认定意见');
    assert.equal(await office.getByLabel('认定意见').inputValue(),
                 '由户政支队牵头办理，人社局配合转移养老保险关系。');
    await office.getByLabel('认定意见').fill('根据联席会议决定，由户政支队牵头办理，人社局配合。');
    await submit(office, '出具认定意见', 'determined');
    assert.equal(await state(office), '待承办单位接收');
    assert.equal((await office.locator('dd.d-lead').textContent()).trim(), PSB);

    // 11. 户政支队 finds the order in its queue and accepts the determination.
    await clickAndLoad(psb, psb.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '本单位工单' }));
    assert.equal(await psb.locator('table.queue tr', { hasText: number }).count(), 1);
    await psb.goto(disputeUrl);
    await submit(psb, '接收认定并签收工单', 'accepted');
    assert.equal(await state(psb), '已接收执行');
    await psb.goto(orderUrl);
    assert.equal(await state(psb), '办理中');
    assert.equal((await psb.locator('dd.o-unit').textContent()).trim(), PSB);
    // The determination binds 户政支队: no 申请退回, and the page says why.
    assert.equal(await psb.locator('summary', { hasText: '申请退回' }).count(), 0);
    assert.match(await psb.locator('p.bound').textContent(), /认定具有约束力/);
    // 人社局 cooperates: the order is in its 配合办理的工单, no longer in
    // its own queue.
    await clerk.goto(`${BASE}/orders/queue`);
    assert.equal(await clerk.locator('table.queue tr', { hasText: number }).count(), 0);
    assert.equal(await clerk.locator('table.coops tr', { hasText: number }).count(), 1);
    // ... with a deadline of its own, and records its part on the order.
    assert.match(await clerk.locator('table.coops tr', { hasText: number }).textContent(), /待反馈/);
    await clerk.goto(orderUrl);
    await clerk.getByLabel('本单位配合办理情况').fill('已协助核实养老保险缴费记录。');
    await submit(clerk, '提交配合办理情况', 'coop');
    assert.match(await clerk.locator('table.coop-parts').textContent(), /已协助核实养老保险缴费记录/);
    assert.match(await clerk.locator('ol.timeline li').last().textContent(), /配合办理情况/);

    // 12. The printed form, with each office's seal.
    await office.goto(`${disputeUrl}/form`);
    await office.emulateMedia({ media: 'print' });
    assert.equal((await office.locator('h1.form-title').textContent()).trim(),
      '梅州市 12345 政府服务热线受理事项争议认定表');
    assert.equal((await office.locator('td.f-number').textContent()).trim(), number);
    assert.equal(await office.locator('nav.main').isVisible(), false);
    const seals = { office: OFFICE, establishment: BIANBAN, legal: LEGAL };
    for (const [step, unit] of Object.entries(seals)) {
      const seal = office.locator(`tr.step-${step} svg.seal`);
      assert.equal(await seal.isVisible(), true, `the ${step} seal is not shown`);
      assert.equal((await seal.locator('.seal-name').textContent()).trim(), unit);
      assert.equal(await seal.getAttribute('aria-label'), `${unit}（印）`);
      assert.match(await office.locator(`tr.step-${step} .seal-date`).textContent(),
        /^\d{4} 年 \d{1,2} 月 \d{1,2} 日$/);
    }
    assert.match(await office.locator('td.f-determination').textContent(), /根据联席会议决定认定/);
    await office.screenshot({ path: `${OUT}dispute-form.png`, fullPage: true });
  } finally {
    await browser.close();
  }
});
