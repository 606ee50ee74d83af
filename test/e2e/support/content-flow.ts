import path from 'node:path';
import type { BrowserContext, Page, Response } from 'playwright-core';
import { baseUrl, openBrowser } from './browser';

// Shared steps of the content journeys (articles, relaxation audio): admin sign-in, the public API seen from
// outside the browser, and reading the H5 player's clock.

export const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** A 45 s mono mp3 (test/fixtures/README.md): long enough to play past 00:02 and then skip 15 s forward. */
export const FIXTURE_MP3 = path.join(repoRoot, 'test', 'fixtures', 'tone-45s.mp3');

export const SEED_ARTICLES_DIR = path.join(repoRoot, 'content', 'articles');
export const MEDIA_CATALOG = path.join(repoRoot, 'content', 'media', 'catalog.json');

export type Browser = Awaited<ReturnType<typeof openBrowser>>;

/**
 * Every browser a test opens, closed after it whatever happened. Each role gets its own browser (its own
 * profile), as an editor, a reviewer and a resident are different people on different machines.
 */
export function browsers() {
  const open: Browser[] = [];
  return {
    async open(viewport?: { width: number; height: number }): Promise<Browser> {
      const browser = await openBrowser(viewport);
      // Closing early (to free the 2-core CI machine for the next role) and again after the test is fine.
      let closing: Promise<void> | null = null;
      const once: Browser = { ...browser, close: () => (closing ??= browser.close()) };
      open.push(once);
      return once;
    },
    async closeAll() {
      await Promise.all(open.splice(0).map((b) => b.close()));
    },
  };
}

export const ADMIN_VIEWPORT = { width: 1280, height: 800 };

/** Signs in on the admin login page and waits for the workplace. */
export async function adminLogin(page: Page, username: string, password = process.env.E2E_DEMO_PASSWORD!) {
  await page.goto(`${baseUrl()}/admin/login`);
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForSelector('.dashboard-greeting');
}

/** A few Chinese characters unlikely to appear in any seeded title, summary or tag: a search for them finds only ours. */
export function randomWord(length = 4): string {
  const pool = '澜岫檀芷蘅璎珂琮瑶苒蔚霁岚汐翎篁棠琰瑾璟筠蓁萱菡箬';
  return Array.from({ length }, () => pool[Math.floor(Math.random() * pool.length)]).join('');
}

/** Waits for the page's call to the API (path below /api/v1, without the query) and returns the response. */
export function apiResponse(page: Page, method: string, apiPath: string | RegExp): Promise<Response> {
  return page.waitForResponse((r) => {
    if (r.request().method() !== method) return false;
    const { pathname } = new URL(r.url());
    if (!pathname.startsWith('/api/v1/')) return false;
    const rest = pathname.slice('/api/v1'.length);
    return typeof apiPath === 'string' ? rest === apiPath : apiPath.test(rest);
  }, { timeout: 30000 });
}

/** GET on the public API from outside any browser: what anyone on the internet would see. */
export async function publicGet<T = unknown>(apiPath: string, headers: Record<string, string> = {}): Promise<{ status: number; body: T; headers: Headers }> {
  const response = await fetch(`${baseUrl()}/api/v1${apiPath}`, { headers });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON (a media file, an empty 304): the raw text is enough for the assertion messages.
  }
  return { status: response.status, body: body as T, headers: response.headers };
}

/** Polls `read` until `ok` holds; on timeout fails with the last value seen, so a red run says what the page showed. */
export async function pollUntil<T>(
  what: string,
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  { timeout = 30000, interval = 200 } = {},
): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await read();
      if (ok(last)) return last;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const seen = last === undefined ? `nothing (${String(lastError)})` : JSON.stringify(last);
      throw new Error(`timed out after ${timeout} ms waiting for ${what}; last seen: ${seen}`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** Seconds from the player's "mm:ss / mm:ss". */
export function parseProgress(text: string): { current: number; duration: number } {
  const match = /(\d+):(\d{2})\s*\/\s*(\d+):(\d{2})/.exec(text);
  if (!match) throw new Error(`not a player time: ${JSON.stringify(text)}`);
  const [, cm, cs, dm, ds] = match.map(Number) as [number, number, number, number, number];
  return { current: cm * 60 + cs, duration: dm * 60 + ds };
}

/**
 * The H5 player plays through an Audio element it never attaches to the document. Remembering each media element
 * that is asked to play lets the test read the element's own currentTime as a second opinion on the shown clock.
 */
export async function rememberPlayingMedia(context: BrowserContext) {
  await context.addInitScript(() => {
    const play = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = function rememberedPlay(this: HTMLMediaElement) {
      (window as unknown as { __e2eMedia?: HTMLMediaElement }).__e2eMedia = this;
      return play.call(this);
    };
  });
}

/** The playing media element's state, as the browser itself reports it. */
export async function mediaState(page: Page): Promise<{ currentTime: number; paused: boolean; src: string } | null> {
  return page.evaluate(() => {
    const el = (window as unknown as { __e2eMedia?: HTMLMediaElement }).__e2eMedia ?? document.querySelector('audio');
    return el ? { currentTime: el.currentTime, paused: el.paused, src: el.currentSrc || el.src } : null;
  });
}
