import type { Page } from 'playwright-core';
import { baseUrl, openBrowser, snapshot } from './support/browser';

let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
beforeEach(async () => {
  browser = await openBrowser();
  page = browser.page;
});
afterEach(async () => {
  await browser.close();
});

// Taro H5 keeps visited tab pages in the DOM, hidden; selectors stay on visible elements.
const visible = (selector: string) => page.locator(`${selector}:visible`);

describe('resident H5 app', () => {
  test('opens logged in: 我的 shows the signed-in state from the API', async () => {
    const devLogin = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/dev-login') && r.status() === 200);
    await page.goto(`${baseUrl()}/app/`);
    await devLogin;
    await page.getByText('我的', { exact: true }).last().click();
    await visible('.me-status').filter({ hasText: '已登录' }).waitFor();
    expect(await visible('.me-status').innerText()).toMatch(/已登录[\s\S]*编号\s*[a-f0-9]{6}/);
    await snapshot(page, 'h5-me');
  });

  test('from a tab, the crisis entry opens the hotline page with 12356, 110, 120 and the local line', async () => {
    await page.goto(`${baseUrl()}/app/`);
    await page.getByText('科普', { exact: true }).last().click();
    // The entry inside the articles page itself, once that page is shown (the home page's own entry is hidden then).
    const articles = page.locator('.page.articles');
    await articles.waitFor({ state: 'visible' });
    await articles.locator('.crisis-entry').click();
    await page.locator('#hotline-psy').waitFor();
    expect(await page.locator('#hotline-psy').innerText()).toContain('12356');
    expect(await page.locator('#hotline-police').innerText()).toContain('110');
    expect(await page.locator('#hotline-ambulance').innerText()).toContain('120');
    expect(await page.locator('#hotline-local').innerText()).toContain('96111');
    await page.waitForTimeout(600); // let the page's slide-in finish before the picture
    await snapshot(page, 'h5-hotline');
  });

  test('the hotline page works with the API down, and tapping 12356 dials it', async () => {
    await page.goto(`${baseUrl()}/app/`);
    await visible('.crisis-entry').waitFor();
    await page.route('**/api/**', (route) => route.abort('connectionrefused'));
    await visible('.crisis-entry').click();
    await page.locator('#hotline-psy').waitFor();
    // Taro's H5 makePhoneCall navigates to tel:<number>; Chromium either issues that request or leaves it in the URL.
    const dialed = page.waitForRequest((r) => r.url().startsWith('tel:'), { timeout: 5000 }).then((r) => r.url()).catch(() => null);
    await page.locator('#hotline-psy').click();
    const target = (await dialed) ?? (await page.evaluate(() => window.location.href));
    expect(target).toContain('tel:12356');
  });
});
