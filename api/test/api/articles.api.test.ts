import { ArticleViewModel } from '../../src/modules/articles/article.model';
import { rawRequest, startApi, staffLogin, type TestApi } from '../support/api';

// Public reads of articles, driven through the editorial API as people would: an editor writes, a reviewer publishes.

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
/** A word no other article contains: random CJK ideographs, so search tests see only their own articles. */
function uniqueWord(length = 4): string {
  n += 1;
  return Array.from({ length }, (_, i) => String.fromCharCode(0x4e00 + ((Date.now() + n * 7919 + i * 104729) % 20000))).join('');
}

interface Draft { title?: string; summary?: string; category?: string; tags?: string[]; audience?: string[]; markdown?: string; slug?: string }
async function createDraft(d: Draft = {}) {
  const res = await api.request('POST', '/api/v1/admin/articles', {
    token: editor,
    body: {
      title: d.title ?? `一篇测试文章${uniqueWord()}`, summary: d.summary ?? '一句话摘要。', category: d.category ?? '情绪与压力',
      audience: d.audience ?? ['全体居民'], tags: d.tags ?? ['测试'], markdown: d.markdown ?? '## 小标题\n\n正文第一段。\n\n- 要点一\n- 要点二',
      references: [{ text: '国家卫生健康委员会. 心理健康素养十条（2018年版）.', url: null }], ...(d.slug ? { slug: d.slug } : {}),
    },
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; slug: string; version: number };
}

async function submit(id: string) {
  const res = await api.request('POST', `/api/v1/admin/articles/${id}/submit`, { token: editor, body: {} });
  expect(res.status).toBe(200);
  return res.body;
}

async function publish(d: Draft = {}, publishAt?: string) {
  const draft = await createDraft(d);
  await submit(draft.id);
  const res = await api.request('POST', `/api/v1/admin/articles/${draft.id}/approve`, { token: reviewer, body: publishAt ? { publishAt } : {} });
  expect(res.status).toBe(200);
  return res.body as { id: string; slug: string; publishedAt: string; publishAt: string | null; version: number };
}

const getArticle = (slug: string) => api.request('GET', `/api/v1/articles/${encodeURIComponent(slug)}`);
const list = (query: string) => api.request('GET', `/api/v1/articles?${query}`);

describe('GET /api/v1/articles/:slug', () => {
  test('an article an editor wrote and a reviewer approved is public, with sanitized html, reviewer and date', async () => {
    const word = uniqueWord();
    const a = await publish({ title: `睡前放下手机${word}`, category: '睡眠', tags: ['失眠'], markdown: `## 睡前一小时\n\n把手机放远一点，**慢慢**呼吸。${word}` });
    const res = await getArticle(a.slug);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: a.id, slug: a.slug, title: `睡前放下手机${word}`, category: '睡眠', tags: ['失眠'], audience: ['全体居民'], cover: null,
      readingMinutes: 1, reviewedBy: '演示审核员', views: 0,
      references: [{ text: '国家卫生健康委员会. 心理健康素养十条（2018年版）.', url: null }],
    });
    expect(res.body.html).toContain('<h2 class="xa-h2">睡前一小时</h2>');
    expect(res.body.html).toContain('<strong class="xa-strong">慢慢</strong>');
    expect(Date.parse(res.body.reviewedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(res.body.publishedAt).toBe(a.publishedAt);
    expect(res.body.markdown).toBeUndefined();
    expect(res.body.flags).toBeUndefined();
  });

  test('a draft, an article in review and an archived article are 404 publicly, and absent from the list', async () => {
    const word = uniqueWord();
    const draft = await createDraft({ title: `草稿${word}` });
    const expectHidden = async () => {
      const one = await getArticle(draft.slug);
      expect(one.status).toBe(404);
      expect(one.body.error.code).toBe('ARTICLE_NOT_FOUND');
      expect((await list(`q=${encodeURIComponent(word)}`)).body.total).toBe(0);
      expect((await api.request('POST', `/api/v1/articles/${draft.slug}/views`, { body: {} })).status).toBe(404);
    };
    await expectHidden();
    await submit(draft.id);
    await expectHidden();
    const approved = await api.request('POST', `/api/v1/admin/articles/${draft.id}/approve`, { token: reviewer, body: {} });
    expect(approved.status).toBe(200);
    expect((await getArticle(draft.slug)).status).toBe(200);
    expect((await list(`q=${encodeURIComponent(word)}`)).body.total).toBe(1);
    const archived = await api.request('POST', `/api/v1/admin/articles/${draft.id}/archive`, { token: editor, body: {} });
    expect(archived.status).toBe(200);
    expect(archived.body.state).toBe('archived');
    await expectHidden();
  });

  test('an unknown slug, a slug that cannot be one, and a path trick are 404', async () => {
    for (const slug of ['no-such-article', 'UPPER-case', '睡眠', '..%2f..%2fadmin', 'a'.repeat(150)]) {
      const res = await api.request('GET', `/api/v1/articles/${slug}`);
      expect(res.status).toBe(404);
    }
    expect((await api.request('GET', `/api/v1/articles/${'a'.repeat(201)}`)).status).toBe(400);
  });

  test('an XSS payload written into the Markdown is gone from the public html', async () => {
    const markdown = [
      '正文开始。',
      '<script>alert(document.cookie)</script>',
      '<img src=x onerror="alert(1)">',
      '[点我](javascript:alert(1))',
      '<iframe src="https://evil.example/"></iframe>',
      '![追踪](https://evil.example/pixel.png)',
      '![数据](data:image/png;base64,iVBORw0KGgo=)',
      '<svg onload="alert(1)"></svg>',
      '正文结束。',
    ].join('\n\n');
    const a = await publish({ markdown });
    const { html } = (await getArticle(a.slug)).body as { html: string };
    expect(html).not.toMatch(/<(script|iframe|svg|object|embed|style)\b/i);
    expect(html.replace(/="[^"]*"/g, '=""')).not.toMatch(/<[^>]*\son\w+=/i);
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).not.toMatch(/<img/);
    expect(html).not.toContain('evil.example/pixel');
    expect(html).toContain('正文开始。');
    expect(html).toContain('正文结束。');
  });

  test('related: up to 3 other public articles of the same category, newest first', async () => {
    const category = '老年';
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await publish({ category }));
    const res = await getArticle(made[4]!.slug);
    const related = res.body.related as { slug: string; category: string }[];
    expect(related).toHaveLength(3);
    expect(related.every((r) => r.category === category)).toBe(true);
    expect(related.map((r) => r.slug)).toEqual([made[3]!.slug, made[2]!.slug, made[1]!.slug]);
  });
});

describe('scheduled publishing', () => {
  test('an article approved with publishAt a moment ahead is invisible until then and appears on time, with no restart', async () => {
    const word = uniqueWord();
    const at = new Date(Date.now() + 2500);
    const a = await publish({ title: `定时发布${word}` }, at.toISOString());
    expect(a.publishAt).toBe(at.toISOString());
    expect(a.publishedAt).toBe(at.toISOString());
    expect((await getArticle(a.slug)).status).toBe(404);
    expect((await list(`q=${encodeURIComponent(word)}`)).body.total).toBe(0);
    // The admin list shows it as published with its time still ahead.
    const admin = await api.request('GET', `/api/v1/admin/articles?q=${encodeURIComponent(word)}`, { token: editor });
    expect(admin.body.items[0]).toMatchObject({ state: 'published', publishAt: at.toISOString() });

    await new Promise((r) => setTimeout(r, at.getTime() - Date.now() + 200));
    const res = await getArticle(a.slug);
    expect(res.status).toBe(200);
    expect(res.body.publishedAt).toBe(at.toISOString());
    expect((await list(`q=${encodeURIComponent(word)}`)).body.items.map((i: { slug: string }) => i.slug)).toEqual([a.slug]);
  });
});

describe('GET /api/v1/articles', () => {
  test('lists published articles only, newest first, as cards without the body', async () => {
    const tag = uniqueWord();
    const first = await publish({ tags: [tag] });
    await createDraft({ tags: [tag] });
    const second = await publish({ tags: [tag] });
    const res = await list(`q=${encodeURIComponent(tag)}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 2, page: 1, pageSize: 10 });
    expect(res.body.items.map((i: { id: string }) => i.id)).toEqual([second.id, first.id]);
    expect(Object.keys(res.body.items[0]).sort()).toEqual(
      ['audience', 'category', 'cover', 'id', 'publishedAt', 'readingMinutes', 'slug', 'summary', 'tags', 'title'],
    );
  });

  test('search finds Chinese words in the title, the summary and the tags, and needs every word', async () => {
    const [w1, w2, w3] = [uniqueWord(), uniqueWord(), uniqueWord()];
    const inTitle = await publish({ title: `关于${w1}的文章` });
    const inSummary = await publish({ summary: `摘要里有${w2}这个词` });
    const inTags = await publish({ tags: [w3, '其他'] });
    const both = await publish({ title: `${w1}与${w2}` });
    const ids = async (q: string) => (await list(`q=${encodeURIComponent(q)}`)).body.items.map((i: { id: string }) => i.id).sort();
    expect(await ids(w1)).toEqual([inTitle.id, both.id].sort());
    expect(await ids(w2)).toEqual([inSummary.id, both.id].sort());
    expect(await ids(w3)).toEqual([inTags.id]);
    expect(await ids(`${w1} ${w2}`)).toEqual([both.id]);
    expect(await ids(w1.slice(1, 3))).toContain(inTitle.id);
  });

  test('regression (found by schemathesis): control characters in q are a 400, not a 500', async () => {
    for (const q of ['%00', 'a%00b', '%1F']) {
      const res = await api.request('GET', `/api/v1/articles?q=${q}`);
      expect([q, res.status, res.body.error.code]).toEqual([q, 400, 'VALIDATION_FAILED']);
    }
    expect(api.logs.join('\n')).not.toContain('"level":50');
  });

  test('regex characters in q are searched literally, never as a pattern', async () => {
    const word = uniqueWord();
    const literal = await publish({ title: `${word}(1+1)*[a]` });
    await publish({ title: `${word}11a` });
    for (const q of ['.*', '(', '[', '\\', '^$', '(a+)+$']) {
      const res = await list(`q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
    }
    const res = await list(`q=${encodeURIComponent(`${word}(1+1)*[a]`)}`);
    expect(res.body.items.map((i: { id: string }) => i.id)).toEqual([literal.id]);
    expect((await list(`q=${encodeURIComponent(`${word}.*`)}`)).body.total).toBe(0);
  });

  test('filters by category', async () => {
    const tag = uniqueWord();
    const sleep = await publish({ category: '睡眠', tags: [tag] });
    await publish({ category: '焦虑', tags: [tag] });
    const res = await list(`category=${encodeURIComponent('睡眠')}&q=${encodeURIComponent(tag)}`);
    expect(res.body.items.map((i: { id: string }) => i.id)).toEqual([sleep.id]);
    expect((await list(`category=${encodeURIComponent('星座')}`)).status).toBe(400);
  });

  test('pagination: pages do not overlap, a page past the end is empty, and the bounds are checked', async () => {
    const tag = uniqueWord();
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await publish({ tags: [tag] }));
    const q = `q=${encodeURIComponent(tag)}`;
    const pages = await Promise.all([1, 2, 3].map((p) => list(`${q}&page=${p}&pageSize=2`)));
    expect(pages.map((p) => p.body.items.length)).toEqual([2, 2, 1]);
    expect(pages.flatMap((p) => p.body.items.map((i: { id: string }) => i.id))).toEqual(made.map((m) => m.id).reverse());
    expect(pages[0]!.body).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    const past = await list(`${q}&page=4&pageSize=2`);
    expect(past.body).toMatchObject({ items: [], total: 5, page: 4 });
    for (const bad of ['page=0', 'page=-1', 'page=1.5', 'page=abc', 'page=10001', 'pageSize=0', 'pageSize=51', 'pageSize=1e9']) {
      const res = await list(bad);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    expect((await list('pageSize=50')).status).toBe(200);
  });

  test('bad query input: operators, repeated keys, unknown keys and a huge q are 400, not a query', async () => {
    for (const query of ['q[$ne]=x', 'q=a&q=b', 'category[$gt]=', 'state=draft', `q=${'长'.repeat(51)}`, 'page[$gt]=0']) {
      const res = await list(query);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
  });

  test('the list and an article answer 304 to their ETag; a new article or a new view changes it', async () => {
    const tag = uniqueWord();
    const a = await publish({ tags: [tag] });
    const path = `/api/v1/articles?q=${encodeURIComponent(tag)}`;
    const first = await rawRequest(api.url + path, 'GET');
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toBe('public, max-age=60');
    const etag = first.headers.etag!;
    expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
    const again = await rawRequest(api.url + path, 'GET', { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
    await publish({ tags: [tag] });
    expect((await rawRequest(api.url + path, 'GET', { 'If-None-Match': etag })).status).toBe(200);

    const one = await rawRequest(`${api.url}/api/v1/articles/${a.slug}`, 'GET');
    const tag1 = one.headers.etag!;
    expect((await rawRequest(`${api.url}/api/v1/articles/${a.slug}`, 'GET', { 'If-None-Match': tag1 })).status).toBe(304);
    expect((await api.request('POST', `/api/v1/articles/${a.slug}/views`, { body: {} })).status).toBe(204);
    const changed = await rawRequest(`${api.url}/api/v1/articles/${a.slug}`, 'GET', { 'If-None-Match': tag1 });
    expect(changed.status).toBe(200);
    expect(JSON.parse(changed.body).views).toBe(1);
  });
});

describe('text limits', () => {
  test('regression (found by schemathesis): a limit counts the text as sent, so padding cannot smuggle a longer title in', async () => {
    const write = (title: string) => api.request('POST', '/api/v1/admin/articles', { token: editor, body: { title, category: '焦虑' } });
    // 80 characters is the limit; with leading and trailing white space the text sent is longer than that.
    const padded = await write(`\t\r${'长'.repeat(79)}\r\n`);
    expect([padded.status, padded.body.error?.code]).toEqual([400, 'VALIDATION_FAILED']);
    const fits = await write(` ${'长'.repeat(78)} `);
    expect(fits.status).toBe(201);
    expect(fits.body.title).toBe('长'.repeat(78));
  });
});

describe('GET /api/v1/articles/categories', () => {
  test('the 12 categories in order, with counts of public articles that follow publishing and archiving', async () => {
    const before = (await api.request('GET', '/api/v1/articles/categories')).body.items as { name: string; count: number }[];
    expect(before.map((c) => c.name)).toEqual(['情绪与压力', '焦虑', '抑郁', '睡眠', '人际关系', '亲子与家庭', '青少年与学生', '老年', '职场', '孕产与女性', '危机与求助', '心理健康素养']);
    const count = (items: { name: string; count: number }[], name: string) => items.find((c) => c.name === name)!.count;
    const a = await publish({ category: '孕产与女性' });
    await createDraft({ category: '孕产与女性' });
    const after = (await api.request('GET', '/api/v1/articles/categories')).body.items;
    expect(count(after, '孕产与女性')).toBe(count(before, '孕产与女性') + 1);
    await api.request('POST', `/api/v1/admin/articles/${a.id}/archive`, { token: editor, body: {} });
    expect(count((await api.request('GET', '/api/v1/articles/categories')).body.items, '孕产与女性')).toBe(count(before, '孕产与女性'));
  });
});

describe('POST /api/v1/articles/:slug/views', () => {
  test('ten reads at once from one reader are one event (once per reader and day: articles-views.api.test.ts); the article shows the count', async () => {
    const a = await publish();
    const results = await Promise.all(Array.from({ length: 10 }, () => api.request('POST', `/api/v1/articles/${a.slug}/views`, { body: {} })));
    expect(results.every((r) => r.status === 204)).toBe(true);
    expect((await getArticle(a.slug)).body.views).toBe(1);
    expect(await ArticleViewModel.countDocuments({ articleId: a.id })).toBe(1);
  });

  test('a body with unknown keys is 400 and a non-JSON body 415; neither is counted', async () => {
    const a = await publish();
    expect((await api.request('POST', `/api/v1/articles/${a.slug}/views`, { body: { count: 1000 } })).status).toBe(400);
    expect((await api.request('POST', `/api/v1/articles/${a.slug}/views`, { raw: 'x', headers: { 'Content-Type': 'text/plain' } })).status).toBe(415);
    expect((await getArticle(a.slug)).body.views).toBe(0);
  });
});
