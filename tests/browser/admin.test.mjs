// The administrator adds a unit and a user; the new user signs in and sees
// a workbench for their own role and unit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, OUT, launch, login, logout, clickAndLoad } from './lib.mjs';

test('admin adds a unit and a user, who then signs in', async () => {
  const browser = await launch();
  try {
    const page = await browser.newPage();
    const stamp = Date.now().toString(36);
    const unitName = `梅州市退役军人事务局${stamp}`;
    const username = `clerk_${stamp}`;

    await login(page, 'admin');
    assert.equal(await page.locator('h1').textContent(), '工作台');
    await clickAndLoad(page, page.getByRole('link', { name: '单位', exact: true }));
    assert.equal(await page.locator('h1').textContent(), '单位管理');

    await page.getByLabel('单位名称').fill(unitName);
    await page.getByLabel('编码').fill(`city-vet-${stamp}`);
    await page.getByLabel('类型').selectOption('department');
    await page.getByLabel('行政区域').selectOption({ label: '梅州市' });
    await page.getByRole('button', { name: '新增单位' }).click();
    await page.waitForURL(/done=created/);
    await assert.doesNotReject(page.getByRole('link', { name: unitName }).waitFor());
    assert.match(await page.locator('p.notice').textContent(), /已新增/);

    await clickAndLoad(page, page.getByRole('link', { name: '用户', exact: true }));
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('姓名').fill('陈晓梅');
    await page.getByLabel('电话').fill('13800000000');
    await page.getByLabel('初始密码').fill('Start2026a');
    await page.getByLabel('所属单位').selectOption({ label: `梅州市 · ${unitName}` });
    await page.getByLabel('角色').selectOption('clerk');
    await page.getByRole('button', { name: '新增用户' }).click();
    await page.waitForURL(/\/admin\/users\/\d+\?done=created/);
    assert.equal(await page.locator('h1').textContent(), `用户：${username}`);
    const row = page.locator('table tr', { hasText: unitName });
    assert.match(await row.textContent(), /经办人/);
    await page.screenshot({ path: `${OUT}admin-user.png`, fullPage: true });
    await logout(page);

    await login(page, username, 'Start2026a');
    assert.equal(await page.locator('h1').textContent(), '工作台');
    assert.match(await page.locator('header .unit').textContent(), new RegExp(unitName));
    assert.match(await page.locator('ul.roles').textContent(), /经办人/);
    // A clerk has no administration in the navigation, and is refused it.
    assert.equal(await page.getByRole('link', { name: '用户', exact: true }).count(), 0);
    const resp = await page.goto(`${BASE}/admin/users`);
    assert.equal(resp.status(), 403);
    assert.equal(await page.locator('h1').textContent(), '无权访问');
    await page.screenshot({ path: `${OUT}clerk-home.png`, fullPage: true });
  } finally {
    await browser.close();
  }
});
