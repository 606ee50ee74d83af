import fs from 'node:fs';
import mongoose from 'mongoose';
import type { Page } from 'playwright-core';
import { baseUrl, openBrowser, snapshot } from './support/browser';
import { withProductDb } from './support/database';

let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
beforeEach(async () => {
  browser = await openBrowser();
  page = browser.page;
});
afterEach(async () => {
  await browser.close();
});

// Taro H5 keeps visited pages in the DOM, hidden; every selector is scoped to the visible page.
const visiblePage = (name: 'me' | 'my-data') => page.locator(`.page.${name}:visible`);

/** Opens 我的 signed in and returns the resident's token and id (from the dev-login answer). */
async function signedInAtMe(): Promise<{ token: string; id: string }> {
  const login = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/dev-login') && r.status() === 200);
  await page.goto(`${baseUrl()}/app/#/pages/me/index`);
  const body = (await (await login).json()) as { token: string; user: { id: string } };
  await visiblePage('me').locator('.me-status').filter({ hasText: '已登录' }).waitFor();
  return { token: body.token, id: body.user.id };
}

async function api(token: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${baseUrl()}/api/v1${path}`, {
    method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> | null };
}

describe('我的数据与注销 (H5)', () => {
  test('export downloads a JSON file with my saved result; deleting the account removes it and 我的 starts afresh', async () => {
    const me = await signedInAtMe();
    // The privacy notice version the app consents to (miniapp/src/me/types.ts POLICY_VERSION).
    expect((await api(me.token, 'POST', '/me/consents', { purpose: 'store_results', policyVersion: '2026-11-23' })).status).toBe(201);
    const saved = await api(me.token, 'POST', '/me/assessments', { code: 'gad7', answers: [1, 1, 1, 1, 1, 1, 1] });
    expect(saved.status).toBe(201);

    await visiblePage('me').locator('.me-link--myPrivacy').click();
    const data = visiblePage('my-data');
    await data.locator('.my-data-export__start').waitFor();
    const explained = await data.locator('.my-data-delete').innerText();
    expect(explained).toContain('站点会保留不含个人信息的统计');
    expect(explained).toContain('立即取消');

    const download = page.waitForEvent('download');
    await data.locator('.my-data-export__start').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^xinan-my-data-\d{8}\.json$/);
    const doc = JSON.parse(fs.readFileSync((await file.path())!, 'utf8')) as { profile: { id: string }; assessments: Array<{ id: string; answers: number[] }> };
    expect(doc.profile.id).toBe(me.id);
    expect(doc.assessments).toEqual([expect.objectContaining({ id: saved.body!.id, answers: [1, 1, 1, 1, 1, 1, 1] })]);
    expect(await data.locator('.my-data-export__summary').innerText()).toContain('保存的自测记录 1 条');

    // Deleting needs the typed word: the button does nothing before.
    await data.locator('.my-data-delete__start').click();
    await data.locator('.my-data-delete__confirm-button').click();
    expect(await withProductDb((db) => db.collection('residents').countDocuments({ _id: new mongoose.Types.ObjectId(me.id) }))).toBe(1);
    await data.locator('.my-data-delete__input input').fill('注销');
    const deleted = page.waitForResponse((r) => r.request().method() === 'DELETE' && r.url().endsWith('/api/v1/me'));
    const relogin = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/dev-login') && r.status() === 200);
    await data.locator('.my-data-delete__confirm-button').click();
    expect((await deleted).status()).toBe(200);
    await data.locator('.my-data-done').waitFor();
    expect(await data.locator('.my-data-done__message').innerText()).toContain('你的账号已经注销');
    await page.waitForTimeout(600);
    await snapshot(page, 'h5-me-account-deleted');

    const fresh = (await (await relogin).json()) as { user: { id: string } };
    expect(fresh.user.id).not.toBe(me.id);
    const left = await withProductDb(async (db) => ({
      resident: await db.collection('residents').countDocuments({ _id: new mongoose.Types.ObjectId(me.id) }),
      results: await db.collection('saved_assessments').countDocuments({ residentId: new mongoose.Types.ObjectId(me.id) }),
      consents: await db.collection('consents').countDocuments({ residentId: new mongoose.Types.ObjectId(me.id) }),
    }));
    expect(left).toEqual({ resident: 0, results: 0, consents: 0 });
    // The old token no longer opens anything; 我的 shows the new account.
    expect((await api(me.token, 'GET', '/me')).status).toBe(401);
    await data.locator('.my-data-done__home').click();
    await page.goto(`${baseUrl()}/app/#/pages/me/index`);
    await visiblePage('me').locator('.me-status').filter({ hasText: fresh.user.id.slice(-6) }).waitFor();
  });
});
