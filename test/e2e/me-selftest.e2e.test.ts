import type { Page, Request } from 'playwright-core';
import { baseUrl, openBrowser } from './support/browser';
import { withProductDb } from './support/database';
import * as flow from './support/selftest-flow';

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
type PageName = 'selftest-referrals' | 'me' | 'tests' | 'selftest-intro' | 'selftest-question' | 'selftest-result' | 'selftest-records' | 'selftest-referral-page';
const visiblePage = (name: PageName) => flow.visiblePage(page, name);
const { exactly } = flow;
const isPost = (path: string) => (r: Request) => r.method() === 'POST' && r.url().endsWith(`/api/v1${path}`);

const picture = (name: string) => flow.picture(page, name);

/** Opens 我的 and waits until the resident is signed in (dev login in the H5 test build). */
async function signedInAtMe() {
  await page.goto(`${baseUrl()}/app/#/pages/me/index`);
  await visiblePage('me').locator('.me-status').filter({ hasText: '已登录' }).waitFor();
}

const openIntro = (code: string) => flow.openIntro(page, code);

async function answerAllAndSubmit(labels: string[]) {
  await flow.answerAll(page, labels);
  await flow.submit(page);
  await visiblePage('selftest-result').locator('.selftest-score__total').waitFor();
}

describe('signed-in resident: saved self-tests and referral (H5)', () => {
  test('GAD-7: save after consenting, see it under 我的 with its score, delete it', async () => {
    await signedInAtMe();
    await openIntro('gad7');
    await answerAllAndSubmit(Array(7).fill('好几天') as string[]);
    const result = visiblePage('selftest-result');
    expect(await result.locator('.selftest-score__total').innerText()).toBe('7');

    // Nothing is saved until asked: the anonymous POST only.
    await result.locator('.selftest-save__button').click();
    const sheet = result.locator('.selftest-consent');
    await sheet.waitFor();
    const sheetText = await sheet.innerText();
    expect(sheetText).toContain('答案加密保存');
    expect(sheetText).toContain('不保存也完全可以');
    expect(sheetText).toContain('我的 → 我的自测记录');
    await picture('h5-me-selftest-consent');

    const consentPost = page.waitForResponse((r) => isPost('/me/consents')(r.request()));
    const savePost = page.waitForResponse((r) => isPost('/me/assessments')(r.request()));
    await sheet.locator('.selftest-consent__agree').click();
    expect((await consentPost).status()).toBe(201);
    const saved = await savePost;
    expect(saved.status()).toBe(201);
    const { id } = (await saved.json()) as { id: string };
    expect(saved.request().headers()['idempotency-key']).toMatch(/^[A-Za-z0-9]{24}$/);
    await result.locator('.selftest-save--saved').waitFor();

    const doc = await withProductDb((db) => db.collection('saved_assessments').findOne({ _id: id as never }));
    expect(doc).toMatchObject({ scale: 'gad7', total: 7 });
    // Answers are sealed, not stored in clear.
    expect(Array.isArray((doc as { answers?: unknown }).answers)).toBe(false);

    // 我的 → 我的自测记录
    await page.goto(`${baseUrl()}/app/#/pages/me/index`);
    await visiblePage('me').locator('.me-link--selftestRecords').click();
    const records = visiblePage('selftest-records');
    const item = records.locator('.records-item--gad7').first();
    await item.waitFor();
    expect(await item.locator('.records-item__score').innerText()).toContain('7 分');
    expect(await records.locator('.records-trend--gad7').count()).toBe(1);
    await picture('h5-me-selftest-records');

    await item.locator('.records-item__delete').click();
    await page.locator('.taro-model__confirm:visible').click();
    await records.locator('.records-empty').waitFor();
    expect(await records.locator('.records-empty').innerText()).toContain('只有你在结果页选择「保存这次结果」');
    expect(await withProductDb((db) => db.collection('saved_assessments').countDocuments({ _id: id as never }))).toBe(0);

    // Withdrawing the consent is offered (and would delete everything). Wait for the first dialog to close.
    await page.locator('.taro-model__confirm').first().waitFor({ state: 'hidden' });
    await records.locator('.records-withdraw__button').click();
    await page.locator('.taro-model__confirm:visible').click();
    await records.locator('.records-notice').filter({ hasText: '已撤回保存授权' }).waitFor();
    await records.locator('.records-withdraw').waitFor({ state: 'detached' });
  });

  test('PHQ-9 with a crisis answer: 请站点联系我 → choose a station, phone, consent → success', async () => {
    await signedInAtMe();
    await openIntro('phq9');
    await answerAllAndSubmit([...Array(8).fill('完全不会'), '好几天'] as string[]);
    const result = visiblePage('selftest-result');
    await result.locator('.crisis-card').waitFor();
    await result.locator('.selftest-referral__open').click();

    const form = visiblePage('selftest-referral-page');
    const firstStation = form.locator('.referral-station').first();
    await firstStation.waitFor();
    expect(await form.locator('.referral-group__label').count()).toBeGreaterThan(0);

    // Client-side checks, in Chinese, before anything is sent.
    await form.locator('.referral-phone input').fill('12345');
    await form.locator('.referral-submit').click();
    expect(await form.locator('.referral-error--phone').innerText()).toContain('请填写正确的手机号');
    expect(await form.innerText()).toContain('需要你勾选同意');

    const stationName = (await firstStation.locator('.referral-station__name').innerText()).trim();
    await firstStation.click();
    await form.locator('.referral-phone input').fill('13800138000');
    await form.locator('.referral-consent').click();
    await picture('h5-me-referral-form');
    const posted = page.waitForResponse((r) => isPost('/me/referrals')(r.request()));
    await form.locator('.referral-submit').click();
    const response = await posted;
    expect(response.status()).toBe(201);
    expect(response.request().headers()['idempotency-key']).toMatch(/^[A-Za-z0-9]{24}$/);
    expect(response.request().postDataJSON()).toMatchObject({ code: 'phq9', crisis: true, consent: true, phone: '13800138000' });
    const { id } = (await response.json()) as { id: string };

    const success = form.locator('.referral-success');
    await success.waitFor();
    expect(await success.innerText()).toContain(stationName);
    expect(await success.innerText()).toContain('会尽快打电话给你');
    await picture('h5-me-referral-success');

    const doc = await withProductDb((db) => db.collection('follow_up_requests').findOne({ _id: id as never }));
    expect(doc).toMatchObject({ scale: 'phq9', crisis: true, status: 'new' });
    expect(typeof (doc as { phone?: unknown }).phone).toBe('object'); // sealed, not the number in clear

    // 我的求助申请 lists it.
    await form.locator('.referral-success__list').click();
    const list = visiblePage('selftest-referrals');
    await list.locator('.referrals-item').filter({ hasText: stationName }).first().waitFor();
    expect(await list.innerText()).toContain('已提交，等待站点联系');
  });
});
