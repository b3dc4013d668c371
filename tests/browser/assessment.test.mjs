// Assessment and bulletins (K10): a unit opens last month's published
// bulletin (the demo's) from its home page; the charts are SVG drawn on the
// server and render with their labels, each with its table; the bulletin
// prints on A4 without the page's navigation. The office reads the month's
// scores and opens a unit's findings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { BASE, OUT, launch, login, logout, clickAndLoad } from './lib.mjs';

function nav(page, name) {
  return page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name, exact: true });
}

// The box of a locator lies inside the box of another.
function inside(inner, outer) {
  return inner.x >= outer.x - 1 && inner.y >= outer.y - 1 &&
    inner.x + inner.width <= outer.x + outer.width + 1 &&
    inner.y + inner.height <= outer.y + outer.height + 1;
}

test('a unit opens the published bulletin; its charts render and it prints on A4', async () => {
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await login(page, 'editor_hrss');
    const home = page.getByRole('region', { name: '通报' });
    const link = home.getByRole('link', { name: /知识库维护考核通报/ }).first();
    await link.click();
    await page.waitForURL(/\/bulletins\/\d+$/);
    assert.match(await page.locator('h1').textContent(), /年\d+月知识库维护考核通报/);
    assert.equal(await page.locator('header.bulletin-head .state').textContent(), '已发布');

    // The trend chart: drawn, its two lines and month labels on screen.
    const trend = page.locator('svg.chart-trend');
    await trend.scrollIntoViewIfNeeded();
    const box = await trend.boundingBox();
    assert.ok(box && box.width > 300 && box.height > 100, `chart box ${JSON.stringify(box)}`);
    const month = Number((await page.locator('h1').textContent()).match(/年(\d+)月/)[1]);
    const label = trend.locator('text', { hasText: new RegExp(`^${month}月$`) });
    assert.ok(await label.isVisible(), 'the last month is labelled');
    assert.ok(inside(await label.boundingBox(), box), 'its label lies in the chart');
    assert.ok(await trend.locator('text', { hasText: '100%' }).isVisible());
    const line = trend.locator('polyline.line-one');
    const lineBox = await line.boundingBox();
    assert.ok(lineBox && lineBox.width > box.width / 2, 'the line spans the months');
    assert.equal(await trend.locator('circle.dot-one').count(), 12);
    writeFileSync(`${OUT}bulletin-trend.png`, await trend.screenshot());
    // its table, for screen readers and copying
    const rows = page.locator('table.data', { has: page.locator('caption', { hasText: '近 12 个月' }) })
      .locator('tbody tr');
    assert.equal(await rows.count(), 12);

    // The distribution and on-time charts are drawn too, with labels.
    const dist = page.locator('svg.chart-dist');
    assert.equal(await dist.locator('rect.col').count(), 10);
    assert.ok(await dist.locator('text', { hasText: '得分（分）' }).isVisible());
    const bars = page.locator('svg.chart-updates rect.bar');
    assert.ok(await bars.count() > 0);
    writeFileSync(`${OUT}bulletin-page.png`, await page.screenshot({ fullPage: true }));

    // Printed: A4, no navigation, no buttons, the charts kept.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('nav.main').isVisible(), false);
    assert.equal(await page.locator('.no-print').first().isVisible(), false);
    assert.ok(await trend.isVisible(), 'the chart prints');
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    assert.ok(pdf.length > 20000, `pdf of ${pdf.length} bytes`);
    writeFileSync(`${OUT}bulletin.pdf`, pdf);
    await page.emulateMedia({ media: 'screen' });

    // The unit's own findings, from the named list or its scores page.
    await clickAndLoad(page, nav(page, '本单位考核'));
    assert.equal(await page.locator('h1').textContent(), '单位考核：梅州市人力资源和社会保障局');
    assert.ok(await page.locator('table.scores tbody tr').count() >= 12);
    const findings = page.locator('table.findings tbody tr');
    assert.ok(await findings.count() > 0, 'the month lists what to fix');
    assert.ok(await findings.first().getByRole('link').first().isVisible(), 'each linked');
    await logout(page);

    // The office: the month's scores, a unit's findings one click away.
    await login(page, 'coordinator');
    await clickAndLoad(page, nav(page, '考核'));
    assert.equal(await page.locator('h1').textContent(), '知识库考核');
    const first = page.locator('table.scores tbody tr').first();
    assert.equal(await first.locator('td').first().textContent(), '1');
    const unit = await first.locator('td a').first().textContent();
    await clickAndLoad(page, first.locator('td a').first());
    assert.equal(await page.locator('h1').textContent(), `单位考核：${unit}`);
    await page.goto(`${BASE}/assessment/formula`);
    assert.equal(await page.getByLabel('一次性解答率').inputValue() !== '', true);
  } finally {
    await browser.close();
  }
});
