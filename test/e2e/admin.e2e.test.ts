import type { Page } from 'playwright-core';
import { baseUrl, openBrowser, snapshot } from './support/browser';

let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
beforeEach(async () => {
  browser = await openBrowser({ width: 1280, height: 800 });
  page = browser.page;
});
afterEach(async () => {
  await browser.close();
});

async function login(username: string, password = process.env.E2E_DEMO_PASSWORD!) {
  await page.goto(`${baseUrl()}/admin/login`);
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.getByRole('button', { name: '登录' }).click();
}

async function menuLabels(): Promise<string[]> {
  await page.waitForSelector('.role-menu .ant-menu-item');
  return (await page.locator('.role-menu .ant-menu-item').allInnerTexts()).map((t) => t.trim());
}

describe('admin site', () => {
  test('an editor logs in and sees the editor menu, and a station page answers 403', async () => {
    await login('demo-editor');
    await page.waitForSelector('.dashboard-greeting');
    expect(await page.textContent('.dashboard-greeting')).toContain('演示编辑');
    expect(await page.textContent('.header-role-tag')).toContain('编辑');
    const menu = await menuLabels();
    expect(menu).toEqual(expect.arrayContaining(['工作台', '文章管理', '媒体库']));
    expect(menu).not.toContain('站点管理');
    expect(menu).not.toContain('预约收件箱');
    await snapshot(page, 'admin-editor');
    await page.goto(`${baseUrl()}/admin/stations`);
    await page.waitForSelector('.ant-result-403');
    expect(await page.textContent('.ant-result-403')).toContain('没有权限');
  });

  test('station staff see their inbox menu and only their own stations, loaded from the API', async () => {
    await login('station-s1');
    const menu = await menuLabels();
    expect(menu).toEqual(expect.arrayContaining(['工作台', '预约收件箱', '站点信息']));
    expect(menu).not.toContain('文章管理');
    expect(await page.textContent('.header-station')).toContain('东湖街道社会心理服务站');
    await page.locator('.role-menu .ant-menu-item', { hasText: '站点信息' }).click();
    await page.waitForSelector('.stations-table .ant-table-row');
    const rows = await page.locator('.stations-table .ant-table-row').allInnerTexts();
    expect(rows).toHaveLength(4);
    expect(rows.join('\n')).toContain('湖滨社区心理服务室');
    expect(rows.join('\n')).not.toContain('西园街道');
  });

  test('a district admin sees the management menu', async () => {
    await login('demo-admin');
    const menu = await menuLabels();
    expect(menu).toEqual(expect.arrayContaining(['站点管理', '人员账号', '数据概览', '审核队列', '文章管理']));
  });

  test('a wrong password shows the error and stays on the login page', async () => {
    await login('demo-reviewer', 'not-the-password');
    await page.waitForSelector('.login-error');
    expect(await page.textContent('.login-error')).toContain('用户名或密码不正确');
    expect(page.url()).toContain('/admin/login');
    await snapshot(page, 'admin-wrong-password');
  });

  test('logging out ends the session on the server', async () => {
    await login('demo-reviewer');
    await page.waitForSelector('.dashboard-greeting');
    await page.click('.user-menu');
    await page.getByText('退出登录').click();
    await page.waitForURL(/\/admin\/login/);
    await page.goto(`${baseUrl()}/admin/`);
    await page.waitForURL(/\/admin\/login/);
  });

  test('the first admin must replace the initial password before anything else, then reaches the workplace', async () => {
    // ADMIN_INITIAL_PASSWORD from support/global-setup.js: others have seen it, so the first login must replace it.
    const initial = 'E2e-admin-password-1!';
    const chosen = 'Quiet-river-42!';
    await login('admin', initial);
    await page.waitForURL(/\/admin\/change-password/);
    await page.waitForSelector('.change-password-required');
    // There is no way around it: no menu, and any other page leads back here.
    expect(await page.locator('.role-menu').count()).toBe(0);
    await page.goto(`${baseUrl()}/admin/stations`);
    await page.waitForURL(/\/admin\/change-password/);
    await page.waitForSelector('#currentPassword');

    await page.fill('#currentPassword', initial);
    await page.fill('#newPassword', 'Short-1!');
    await page.fill('#confirmPassword', 'Short-1!');
    await page.getByRole('button', { name: '确认修改' }).click();
    await page.getByText('密码至少需要12位').waitFor();
    await snapshot(page, 'admin-change-password');

    await page.fill('#newPassword', chosen);
    await page.fill('#confirmPassword', chosen);
    await page.getByRole('button', { name: '确认修改' }).click();
    await page.waitForSelector('.dashboard-greeting');
    expect(await menuLabels()).toEqual(expect.arrayContaining(['站点管理', '人员账号']));

    // The user menu leads to 修改密码 any time, with a way back; the new password is the one that works now.
    await page.click('.user-menu');
    await page.getByText('修改密码').click();
    await page.waitForSelector('.change-password-back');
    expect(await page.locator('.change-password-required').count()).toBe(0);
    await page.click('.change-password-back');
    await page.waitForSelector('.dashboard-greeting');
    await page.click('.user-menu');
    await page.getByText('退出登录').click();
    await page.waitForURL(/\/admin\/login/);
    await login('admin', initial);
    await page.waitForSelector('.login-error');
    await login('admin', chosen);
    await page.waitForSelector('.dashboard-greeting');
  });
});
