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
const visiblePage = (name: 'tests' | 'selftest-intro' | 'selftest-question' | 'selftest-result') => flow.visiblePage(page, name);
const { exactly } = flow;

const isAssessmentPost = (code: string) => (r: Request) =>
  r.method() === 'POST' && r.url().endsWith(`/api/v1/scales/${code}/assessments`);

const picture = (name: string) => flow.picture(page, name);
const openIntro = (code: string, listPicture?: string) => flow.openIntro(page, code, listPicture);
const answerAll = (labels: string[]) => flow.answerAll(page, labels);
const submit = () => flow.submit(page);

/** The class list of the first element inside the visible result page. */
async function firstElementClasses(): Promise<string> {
  return visiblePage('selftest-result').evaluate((el) => el.firstElementChild?.className ?? '');
}

const PHQ9_ITEM9_SEVERAL_DAYS = [...Array(8).fill('完全不会'), '好几天'] as string[];

describe('self-tests (H5)', () => {
  test('PHQ-9 with item 9 「好几天」: the first thing on the result page is the crisis card with 12356', async () => {
    await openIntro('phq9');
    const intro = visiblePage('selftest-intro');
    expect(await intro.innerText()).toContain('自测结果只是筛查参考，不是诊断');
    expect(await intro.innerText()).toContain('匿名自测，不会保存你的答案');
    await picture('h5-selftest-intro');

    const posted = page.waitForResponse((r) => isAssessmentPost('phq9')(r.request()));
    await answerAll(PHQ9_ITEM9_SEVERAL_DAYS);
    // The critical answer shows crisis help at once, still on the question screen.
    await visiblePage('selftest-question').locator('.crisis-card').waitFor();
    await picture('h5-selftest-question');
    await submit();
    const response = await posted;
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ total: 1, crisis: true, band: { key: 'minimal' } });

    const result = visiblePage('selftest-result');
    await result.locator('.selftest-score__total').filter({ hasText: exactly('1') }).waitFor();
    expect(await firstElementClasses()).toMatch(/\bcrisis-card\b/);
    const card = result.locator('.crisis-card');
    expect(await card.locator('.crisis-card__call--psy').innerText()).toContain('12356');
    expect(await card.locator('.crisis-card__call--local').innerText()).toContain('96111');
    // The crisis card comes before the score, and the severe-band box is not shown instead of it.
    expect(await result.locator('.selftest-urgent').count()).toBe(0);
    await picture('h5-selftest-phq9-crisis');
  });

  test('GAD-7 anonymously: a score and band, no token sent, one Idempotency-Key, no crisis card', async () => {
    await openIntro('gad7', 'h5-selftest-list');
    const request = page.waitForRequest(isAssessmentPost('gad7'));
    await answerAll(Array(7).fill('好几天'));
    expect(await visiblePage('selftest-question').locator('.crisis-card').count()).toBe(0);
    await submit();

    const sent = await request;
    const headers = await sent.allHeaders();
    expect(headers.authorization).toBeUndefined();
    expect(headers['idempotency-key']).toMatch(/^[A-Za-z0-9]{24}$/);
    expect(sent.postDataJSON()).toEqual({ answers: [1, 1, 1, 1, 1, 1, 1] });

    const result = visiblePage('selftest-result');
    await result.locator('.selftest-score__total').filter({ hasText: exactly('7') }).waitFor();
    expect(await result.locator('.selftest-band').innerText()).toContain('轻度焦虑症状');
    expect(await result.locator('.selftest-disclaimer').innerText()).toContain('不是诊断');
    expect(await result.locator('.crisis-card').count()).toBe(0);
    await picture('h5-selftest-gad7');

    // Checked in the database: the only trace is one anonymous rollup row (scale, band, week, region); no saved
    // result, no answers anywhere, nothing tied to the resident the app signed in as.
    const key = headers['idempotency-key'];
    await withProductDb(async (db) => {
      const row = await db.collection('assessment_events').findOne({ _id: `gad7:${key}` as never });
      expect(row).not.toBeNull();
      expect(Object.keys(row!).sort()).toEqual(['_id', 'band', 'region', 'scale', 'week']);
      expect(row).toMatchObject({ scale: 'gad7', region: null });
      expect(await db.collection('saved_assessments').countDocuments()).toBe(0);
      for (const { name } of await db.listCollections().toArray()) {
        const docs = await db.collection(name).find({}).toArray();
        expect(JSON.stringify(docs)).not.toContain('[1,1,1,1,1,1,1]');
      }
    });
  });

  test('GAD-7 severe band without a crisis item: the 建议尽快联系专业人员 box with a booking shortcut, not the crisis card', async () => {
    await openIntro('gad7');
    await answerAll(Array(7).fill('几乎每天'));
    await submit();
    const result = visiblePage('selftest-result');
    await result.locator('.selftest-score__total').filter({ hasText: exactly('21') }).waitFor();
    expect(await result.locator('.crisis-card').count()).toBe(0);
    expect(await firstElementClasses()).toMatch(/\bselftest-score\b/);
    const urgent = result.locator('.selftest-urgent');
    expect(await urgent.innerText()).toContain('建议尽快联系专业人员');
    await urgent.locator('.selftest-urgent__booking').click();
    // The old booking tab hands over to the stations list at once; where the resident ends up is what matters.
    await page.locator('.page.booking-stations:visible').waitFor();
  });

  test('closing the app midway loses nothing: the intro offers 继续上次 and the answers are still there', async () => {
    await openIntro('phq9');
    await visiblePage('selftest-intro').locator('.selftest-start').click();
    const question = visiblePage('selftest-question');
    for (const [i, label] of ['好几天', '一半以上的天数', '完全不会'].entries()) {
      await question.locator('.selftest-progress__text').filter({ hasText: `第 ${i + 1} / 9 题` }).waitFor();
      await question.locator('.selftest-option__label').filter({ hasText: exactly(label) }).click();
    }
    await question.locator('.selftest-progress__text').filter({ hasText: '第 4 / 9 题' }).waitFor();

    // A fresh start of the app (the person closed it), back to the same test.
    await page.goto(`${baseUrl()}/app/#/pages/tests/index`);
    await page.reload();
    await visiblePage('tests').locator('#selftest-item-phq9').click();
    const intro = visiblePage('selftest-intro');
    await intro.locator('.selftest-resume').waitFor();
    expect(await intro.innerText()).toContain('已答 3 / 9 题');
    expect(await intro.locator('.selftest-restart').innerText()).toContain('重新开始');
    await intro.locator('.selftest-resume').click();

    await question.locator('.selftest-progress__text').filter({ hasText: '第 4 / 9 题' }).waitFor();
    await question.locator('.selftest-nav__prev').click();
    await question.locator('.selftest-progress__text').filter({ hasText: '第 3 / 9 题' }).waitFor();
    expect(await question.locator('.selftest-option--selected .selftest-option__label').innerText()).toBe('完全不会');
    await question.locator('.selftest-nav__prev').click();
    await question.locator('.selftest-progress__text').filter({ hasText: '第 2 / 9 题' }).waitFor();
    expect(await question.locator('.selftest-option--selected .selftest-option__label').innerText()).toBe('一半以上的天数');
  });

  test('API down after the definition loaded: item 9 > 0 still shows the crisis card; the answers are sent when the network returns', async () => {
    await openIntro('phq9');
    const abortedKeys: string[] = [];
    await page.route('**/api/**', async (route) => {
      if (isAssessmentPost('phq9')(route.request())) {
        abortedKeys.push((await route.request().allHeaders())['idempotency-key'] ?? '');
      }
      await route.abort('connectionrefused');
    });

    await answerAll(PHQ9_ITEM9_SEVERAL_DAYS);
    await submit();
    const result = visiblePage('selftest-result');
    await result.locator('.crisis-card').waitFor();
    expect(await firstElementClasses()).toMatch(/\bcrisis-card\b/);
    expect(await result.locator('.crisis-card__call--psy').innerText()).toContain('12356');
    await result.locator('.selftest-pending__text').filter({ hasText: '答案已经保存在本机' }).waitFor();
    expect(abortedKeys.length).toBeGreaterThanOrEqual(1);
    await picture('h5-selftest-offline-crisis');

    // The network comes back: the kept submission goes out once more with the same Idempotency-Key.
    await page.unroute('**/api/**');
    const resent = page.waitForRequest(isAssessmentPost('phq9'));
    await browser.context.setOffline(true);
    await browser.context.setOffline(false);
    const request = await resent;
    expect((await request.allHeaders())['idempotency-key']).toBe(abortedKeys[0]);
    await result.locator('.selftest-score__total').filter({ hasText: exactly('1') }).waitFor();
    expect(await firstElementClasses()).toMatch(/\bcrisis-card\b/);
  });
});
