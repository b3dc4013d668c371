// Shared set-up for the browser flows: Debian's Chromium through
// playwright-core, never a downloaded browser.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

export const BASE = process.env.BASE_URL || 'http://127.0.0.1:8181';
export const PASSWORD = 'Demo@12345';
export const OUT = new URL('./out/', import.meta.url).pathname;
mkdirSync(OUT, { recursive: true });

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update',
      '--disable-sync'],
  });
}

// Signs in through the login form, as a person would.
export async function login(page, username, password = PASSWORD) {
  await page.goto(`${BASE}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await clickAndLoad(page, page.getByRole('button', { name: '登录' }));
}

// Clicks something that loads a new document and waits for that document.
// waitForLoadState alone would return at once on the page still showing.
export async function clickAndLoad(page, locator) {
  const loaded = page.waitForEvent('domcontentloaded');
  await locator.click();
  await loaded;
}

export async function logout(page) {
  await page.getByRole('button', { name: '退出' }).click();
  await page.waitForURL(/\/login/);
}

// Today's date in Beijing time (YYYY-MM-DD), the app's time zone.
export function today() {
  return new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}
