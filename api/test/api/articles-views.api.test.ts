import type { Context } from 'koa';
import mongoose from 'mongoose';
import { startApi, staffLogin, type TestApi } from '../support/api';

// Article views count once per reader, article and China day, so a script repeating POST /views cannot inflate them.

let api: TestApi;
let editor: string;
let reviewer: string;
beforeAll(async () => {
  api = await startApi();
  editor = (await staffLogin(api, 'demo-editor')).accessToken;
  reviewer = (await staffLogin(api, 'demo-reviewer')).accessToken;
});
afterAll(async () => { await api.close(); });

let n = 0;
async function publish() {
  n += 1;
  const draft = await api.request('POST', '/api/v1/admin/articles', {
    token: editor,
    body: {
      title: `阅读计数测试 ${n}`, summary: '一句话摘要。', category: '情绪与压力', audience: ['全体居民'], tags: ['测试'],
      markdown: '## 小标题\n\n正文第一段。', references: [],
    },
  });
  expect(draft.status).toBe(201);
  expect((await api.request('POST', `/api/v1/admin/articles/${draft.body.id}/submit`, { token: editor, body: {} })).status).toBe(200);
  expect((await api.request('POST', `/api/v1/admin/articles/${draft.body.id}/approve`, { token: reviewer, body: {} })).status).toBe(200);
  return draft.body as { id: string; slug: string };
}

async function resident() {
  const res = await api.request('POST', '/api/v1/auth/dev-login', { body: { openid: `views-${Date.now()}-${n++}` } });
  return res.body as { token: string; user: { id: string } };
}

const view = (slug: string, opts: { token?: string; headers?: Record<string, string> } = {}) =>
  api.request('POST', `/api/v1/articles/${slug}/views`, { body: {}, ...opts });
const viewsOf = async (slug: string) => (await api.request('GET', `/api/v1/articles/${slug}`)).body.views as number;
const events = (articleId: string) => mongoose.connection.db!.collection('article_views').find({ articleId: new mongoose.Types.ObjectId(articleId) }).toArray();

/** The viewer the API sees for a request with these headers from this test process. */
function viewerFor(headers: Record<string, string>) {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return api.services.articles.viewerOf({ ip: '127.0.0.1', get: (h: string) => lower[h.toLowerCase()] ?? '' } as unknown as Context);
}

describe('POST /api/v1/articles/:slug/views counts a reader once a day', () => {
  test('50 views at once from one client count once, and every one answers 204', async () => {
    const a = await publish();
    const results = await Promise.all(Array.from({ length: 50 }, () => view(a.slug)));
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(204));
    expect(await viewsOf(a.slug)).toBe(1);
    expect(await events(a.id)).toHaveLength(1);
  });

  test('50 views at once from one resident count once; a second resident adds one', async () => {
    const a = await publish();
    const [first, second] = await Promise.all([resident(), resident()]);
    const results = await Promise.all(Array.from({ length: 50 }, () => view(a.slug, { token: first.token })));
    expect(results.every((r) => r.status === 204)).toBe(true);
    expect(await viewsOf(a.slug)).toBe(1);
    await Promise.all([view(a.slug, { token: second.token }), view(a.slug, { token: second.token })]);
    expect(await viewsOf(a.slug)).toBe(2);
    // The same resident is the same reader on another device (another user agent).
    await view(a.slug, { token: first.token, headers: { 'User-Agent': 'another-phone' } });
    expect(await viewsOf(a.slug)).toBe(2);
  });

  test('without a usable token the client counts by address and user agent; a bad token is not an error', async () => {
    const a = await publish();
    await view(a.slug, { headers: { 'User-Agent': 'phone-a' } });
    expect((await view(a.slug, { headers: { 'User-Agent': 'phone-a', Authorization: 'Bearer not.a.token' } })).status).toBe(204);
    // A staff token is not a resident token: the client is counted like any other.
    expect((await view(a.slug, { token: editor, headers: { 'User-Agent': 'phone-a' } })).status).toBe(204);
    expect(await viewsOf(a.slug)).toBe(1);
    await view(a.slug, { headers: { 'User-Agent': 'phone-b' } });
    expect(await viewsOf(a.slug)).toBe(2);
  });

  test('the next China day the same reader counts again, once', async () => {
    const a = await publish();
    const { token } = await resident();
    await view(a.slug, { token });
    expect(await viewsOf(a.slug)).toBe(1);
    const viewer = viewerFor({ Authorization: `Bearer ${token}` });
    // Same day, through the service: the same claim as the HTTP view.
    await api.services.articles.recordView(a.slug, viewer);
    expect(await viewsOf(a.slug)).toBe(1);
    const tomorrow = new Date(Date.now() + 24 * 3600_000);
    await Promise.all([1, 2, 3].map(() => api.services.articles.recordView(a.slug, viewer, tomorrow)));
    expect(await viewsOf(a.slug)).toBe(2);
  });

  test('a view keeps neither the address, the user agent nor the resident', async () => {
    const a = await publish();
    const me = await resident();
    await view(a.slug, { token: me.token });
    await view(a.slug, { headers: { 'User-Agent': 'Mozilla/5.0 (iPhone) MicroMessenger/8.0' } });
    const docs = await events(a.id);
    expect(docs).toHaveLength(2);
    for (const doc of docs) {
      expect(Object.keys(doc).sort()).toEqual(['_id', 'articleId', 'at']);
      const text = JSON.stringify(doc);
      expect(text).not.toContain('127.0.0.1');
      expect(text).not.toContain(me.user.id);
      expect(text).not.toContain('MicroMessenger');
      expect(String(doc._id)).toMatch(new RegExp(`^${a.id}:\\d{4}-\\d{2}-\\d{2}:[A-Za-z0-9_-]{32}$`));
    }
  });

  test('an unpublished or unknown article is 404 and nothing is counted', async () => {
    const draft = await api.request('POST', '/api/v1/admin/articles', {
      token: editor,
      body: { title: '草稿不计数', summary: '摘要', category: '焦虑', audience: [], tags: [], markdown: '正文', references: [] },
    });
    expect((await view(draft.body.slug)).status).toBe(404);
    expect(await events(draft.body.id)).toHaveLength(0);
    expect((await view('no-such-article')).status).toBe(404);
    expect((await view('Bad Slug!')).status).toBe(404);
  });
});
