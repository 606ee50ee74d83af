import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose, { Types } from 'mongoose';
import { ArticleModel, ArticleVersionModel } from '../../src/modules/articles/article.model';
import { seedArticleId, seedArticles } from '../../src/modules/articles/articles.seed';
import { AuditEventModel } from '../../src/modules/audit/audit-event.model';
import { startApi, staffLogin, type TestApi } from '../support/api';

// The editorial desk: roles, review with safe-messaging flags, versions and conflicts, restore, audit, and the seeder.

let api: TestApi;
let editor: string;
let reviewer: string;
let admin: string;
let stationStaff: string;
beforeAll(async () => {
  api = await startApi();
  const token = async (username: string) => (await staffLogin(api, username)).accessToken;
  editor = await token('demo-editor');
  reviewer = await token('demo-reviewer');
  admin = await token('demo-admin');
  stationStaff = await token('station-s1');
});
afterAll(async () => { await api.close(); });

const FIXTURES = path.resolve(__dirname, '../fixtures/articles');
const HELP = '如果你有伤害自己的想法，请拨打全国心理援助热线 12356。';
const base = () => ({
  title: `编辑台测试${Date.now()}${Math.random().toString(36).slice(2, 6)}`, summary: '摘要。', category: '焦虑', audience: ['青少年'],
  tags: ['测试'], markdown: '## 小标题\n\n正文。', references: [{ text: '世界卫生组织. 心理健康事实清单.', url: 'https://www.who.int/' }],
});
const call = (method: string, p: string, token: string, body?: unknown) => api.request(method, `/api/v1/admin/articles${p}`, { token, ...(body === undefined ? {} : { body }) });

async function create(overrides: Record<string, unknown> = {}, token = editor) {
  const res = await call('POST', '', token, { ...base(), ...overrides });
  expect(res.status).toBe(201);
  return res.body as { id: string; slug: string; version: number; state: string; flags: { code: string }[] };
}
const auditOf = (id: string, action: string) => AuditEventModel.find({ target: `article:${id}`, action }).lean();

describe('POST /api/v1/admin/articles', () => {
  test('creates a draft at version 1 with rendered html, reading time and no reviewer; a slug is made up', async () => {
    const res = await call('POST', '', editor, { ...base(), title: 'Sleep 睡眠小贴士' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      state: 'draft', version: 1, reviewedBy: null, reviewedAt: null, publishAt: null, publishedAt: null, reviewComment: null,
      html: '<h2 class="xa-h2">小标题</h2>\n<p class="xa-p">正文。</p>', readingMinutes: 1, coverMediaId: null, cover: null, flags: [],
    });
    expect(res.body.slug).toMatch(/^sleep-[a-z0-9]{8}$/);
    expect((await call('POST', '', editor, { ...base(), title: '只有中文的标题' })).body.slug).toMatch(/^article-[a-z0-9]{8}$/);
    const read = await call('GET', `/${res.body.id}`, reviewer);
    expect(read.body).toEqual(res.body);
  });

  test('a slug that is taken is 409 ARTICLE_SLUG_TAKEN, also when two editors create it at once', async () => {
    const slug = `taken-${Date.now()}`;
    const results = await Promise.all(Array.from({ length: 4 }, () => call('POST', '', editor, { ...base(), slug })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    expect(results.find((r) => r.status === 409)!.body.error.code).toBe('ARTICLE_SLUG_TAKEN');
    expect(await ArticleModel.countDocuments({ slug })).toBe(1);
  });

  test.each<[string, Record<string, unknown>]>([
    ['an operator instead of a title', { title: { $gt: '' } }],
    ['an operator instead of a category', { category: { $ne: null } }],
    ['a number as the title', { title: 42 }],
    ['a blank title', { title: '   ' }],
    ['a title over 80 characters', { title: '长'.repeat(81) }],
    ['a category outside the 12', { category: '星座' }],
    ['an audience outside the list', { audience: ['网民'] }],
    ['seven tags', { tags: ['一', '二', '三', '四', '五', '六', '七'] }],
    ['tags as a string', { tags: '焦虑' }],
    ['a Markdown body over 30000 characters', { markdown: 'a'.repeat(30_001) }],
    ['a javascript: reference URL', { references: [{ text: 'x', url: 'javascript:alert(1)' }] }],
    ['an upper-case slug', { slug: 'Bad-Slug' }],
    ['a cover id that is not an id', { coverMediaId: { $ne: null } }],
    ['an unknown key', { state: 'published' }],
    ['a reviewer set by the client', { reviewedBy: '我自己' }],
  ])('%s is 400 and nothing is created', async (_name, patch) => {
    const before = await ArticleModel.countDocuments();
    const res = await call('POST', '', editor, { ...base(), ...patch });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(await ArticleModel.countDocuments()).toBe(before);
  });

  test('a body over the JSON limit is 413', async () => {
    const res = await call('POST', '', editor, { ...base(), markdown: '长'.repeat(40_000) });
    expect(res.status).toBe(413);
  });

  test('the cover must be an image in the media library; it is served as a media URL', async () => {
    expect((await call('POST', '', editor, { ...base(), coverMediaId: new Types.ObjectId().toHexString() })).status).toBe(400);
    const audioId = new Types.ObjectId();
    const imageId = new Types.ObjectId();
    await mongoose.connection.db!.collection('media').insertMany([{ _id: audioId, kind: 'audio' }, { _id: imageId, kind: 'image' }]);
    expect((await call('POST', '', editor, { ...base(), coverMediaId: audioId.toHexString() })).status).toBe(400);
    const res = await call('POST', '', editor, { ...base(), coverMediaId: imageId.toHexString() });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ coverMediaId: imageId.toHexString(), cover: `/api/v1/media/${imageId.toHexString()}` });
  });

  test('station staff and residents cannot use the editorial desk', async () => {
    expect((await call('POST', '', stationStaff, base())).status).toBe(403);
    expect((await call('GET', '', stationStaff)).status).toBe(403);
    expect((await api.request('GET', '/api/v1/admin/articles')).status).toBe(401);
  });
});

describe('review: submit, approve, return', () => {
  test('an editor cannot approve or return (403, audited), so an editor cannot publish without a reviewer', async () => {
    const a = await create();
    expect((await call('POST', `/${a.id}/submit`, editor, {})).status).toBe(200);
    const approve = await call('POST', `/${a.id}/approve`, editor, {});
    expect(approve.status).toBe(403);
    expect(approve.body.error.code).toBe('FORBIDDEN');
    expect((await call('POST', `/${a.id}/return`, editor, { comment: '自己退回' })).status).toBe(403);
    expect((await call('GET', `/${a.id}`, editor)).body.state).toBe('in_review');
    expect((await api.request('GET', `/api/v1/articles/${a.slug}`)).status).toBe(404);
    expect(await AuditEventModel.countDocuments({ action: 'access.denied', target: `POST /api/v1/admin/articles/${a.id}/approve` })).toBe(1);
  });

  test('nobody publishes without review: approving a draft is 409 ARTICLE_WRONG_STATE, even for a reviewer', async () => {
    const a = await create({}, reviewer);
    const res = await call('POST', `/${a.id}/approve`, reviewer, {});
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('ARTICLE_WRONG_STATE');
    expect((await call('GET', `/${a.id}`, reviewer)).body.state).toBe('draft');
  });

  test('a reviewer (or district admin) may publish what they wrote, after submitting it for review', async () => {
    for (const token of [reviewer, admin]) {
      const a = await create({}, token);
      expect((await call('POST', `/${a.id}/submit`, token, {})).status).toBe(200);
      const res = await call('POST', `/${a.id}/approve`, token, {});
      expect(res.status).toBe(200);
      expect(res.body.state).toBe('published');
    }
  });

  test('submit runs the safe-messaging check; the reviewer sees the flags in the queue and the article', async () => {
    const a = await create({ markdown: '## 一个故事\n\n她曾经割腕，后来慢慢好了起来。他觉得自杀是一种解脱。' });
    expect(a.flags.map((f) => f.code).sort()).toEqual(['METHOD_DETAIL', 'NO_HELPLINE', 'SENSATIONAL_WORDING']);
    const submitted = await call('POST', `/${a.id}/submit`, editor, {});
    expect(submitted.body.state).toBe('in_review');
    const queue = await call('GET', '?state=in_review&pageSize=100', reviewer);
    const item = queue.body.items.find((i: { id: string }) => i.id === a.id);
    expect(item.flags.map((f: { code: string }) => f.code).sort()).toEqual(['METHOD_DETAIL', 'NO_HELPLINE', 'SENSATIONAL_WORDING']);
    expect(item.flags.find((f: { code: string }) => f.code === 'METHOD_DETAIL')).toMatchObject({ message: expect.stringContaining('世界卫生组织'), excerpt: expect.stringContaining('割腕') });
    expect(item.updatedBy).toBe('演示编辑');
    expect(queue.body.items.every((i: { state: string }) => i.state === 'in_review')).toBe(true);
    const [audit] = await auditOf(a.id, 'article.submit');
    expect(audit!.detail).toMatchObject({ flags: expect.arrayContaining(['METHOD_DETAIL', 'NO_HELPLINE']) });
  });

  test('preview renders exactly like the public page and flags the same things', async () => {
    const markdown = `## 标题\n\n正文 <script>alert(1)</script>\n\n${'字'.repeat(1200)}`;
    const res = await api.request('POST', '/api/v1/admin/articles/preview', { token: editor, body: { markdown, title: '震惊！' } });
    expect(res.status).toBe(200);
    expect(res.body.readingMinutes).toBe(3);
    expect(res.body.html).not.toContain('<script');
    expect(res.body.flags.map((f: { code: string }) => f.code)).toEqual(['SENSATIONAL_WORDING']);
    const a = await create({ markdown });
    await call('POST', `/${a.id}/submit`, editor, {});
    await call('POST', `/${a.id}/approve`, reviewer, {});
    expect((await api.request('GET', `/api/v1/articles/${a.slug}`)).body.html).toBe(res.body.html);
    expect((await api.request('POST', '/api/v1/admin/articles/preview', { token: stationStaff, body: { markdown } })).status).toBe(403);
  });

  test('submitting without a summary or body is 409 ARTICLE_INCOMPLETE; submitting twice is 409 ARTICLE_WRONG_STATE', async () => {
    const empty = await create({ summary: '', markdown: '' });
    const res = await call('POST', `/${empty.id}/submit`, editor, {});
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'ARTICLE_INCOMPLETE', details: { missing: ['summary', 'markdown'] } });
    const a = await create();
    expect((await call('POST', `/${a.id}/submit`, editor, {})).status).toBe(200);
    expect((await call('POST', `/${a.id}/submit`, editor, {})).body.error.code).toBe('ARTICLE_WRONG_STATE');
  });

  test('return sends it back to draft with the comment; the editor fixes it, resubmits, and it is approved (all audited)', async () => {
    const a = await create({ markdown: '谈到自杀的一段话。' });
    await call('POST', `/${a.id}/submit`, editor, {});
    expect((await call('POST', `/${a.id}/return`, reviewer, {})).status).toBe(400);
    const returned = await call('POST', `/${a.id}/return`, reviewer, { comment: '请加上 12356 热线。' });
    expect(returned.body).toMatchObject({ state: 'draft', reviewComment: '请加上 12356 热线。' });
    const fixed = await call('PATCH', `/${a.id}`, editor, { version: returned.body.version, markdown: `谈到自杀的一段话。${HELP}` });
    expect(fixed.status).toBe(200);
    expect(fixed.body.flags).toEqual([]);
    await call('POST', `/${a.id}/submit`, editor, {});
    const approved = await call('POST', `/${a.id}/approve`, reviewer, {});
    expect(approved.body).toMatchObject({ state: 'published', reviewedBy: '演示审核员', reviewComment: null });
    const reviewerId = (await staffLogin(api, 'demo-reviewer')).user.id;
    const [ret] = await auditOf(a.id, 'article.return');
    const [app] = await auditOf(a.id, 'article.approve');
    expect(ret).toMatchObject({ actor: `staff:${reviewerId}`, role: 'reviewer', result: 'success' });
    expect(app).toMatchObject({ actor: `staff:${reviewerId}`, role: 'reviewer', result: 'success', detail: expect.objectContaining({ publishAt: null, from: 'in_review' }) });
  });

  test('publishAt in the past, more than a year ahead, or not a date is refused', async () => {
    const a = await create();
    await call('POST', `/${a.id}/submit`, editor, {});
    for (const publishAt of [new Date(Date.now() - 3_600_000).toISOString(), new Date(Date.now() + 400 * 86_400_000).toISOString(), '明天早上', '2026-13-01T00:00:00Z']) {
      const res = await call('POST', `/${a.id}/approve`, reviewer, { publishAt });
      expect(res.status).toBe(400);
    }
    expect((await call('GET', `/${a.id}`, reviewer)).body.state).toBe('in_review');
  });

  test('archiving is audited; archiving twice is 409; an unknown id is 404 and a malformed one 400', async () => {
    const a = await create();
    await call('POST', `/${a.id}/submit`, editor, {});
    await call('POST', `/${a.id}/approve`, reviewer, {});
    expect((await call('POST', `/${a.id}/archive`, editor, {})).body.state).toBe('archived');
    expect((await call('POST', `/${a.id}/archive`, editor, {})).body.error.code).toBe('ARTICLE_WRONG_STATE');
    expect((await auditOf(a.id, 'article.archive'))[0]).toMatchObject({ role: 'editor', detail: expect.objectContaining({ from: 'published' }) });
    const unknown = await call('GET', `/${new Types.ObjectId().toHexString()}`, editor);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('ARTICLE_NOT_FOUND');
    expect((await call('GET', '/not-an-id', editor)).status).toBe(400);
  });
});

describe('PATCH /api/v1/admin/articles/:id — versions and conflicts', () => {
  test('each save is the next version; a stale version is 409 ARTICLE_EDIT_CONFLICT and changes nothing', async () => {
    const a = await create();
    const v2 = await call('PATCH', `/${a.id}`, editor, { version: 1, title: '第二版标题' });
    expect(v2.status).toBe(200);
    expect(v2.body).toMatchObject({ version: 2, title: '第二版标题', state: 'draft' });
    const stale = await call('PATCH', `/${a.id}`, reviewer, { version: 1, title: '基于旧版本的修改' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('ARTICLE_EDIT_CONFLICT');
    expect((await call('GET', `/${a.id}`, editor)).body).toMatchObject({ version: 2, title: '第二版标题' });
  });

  test('of several saves of the same version at once, exactly one wins; the others are told to reload', async () => {
    const a = await create();
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => call('PATCH', `/${a.id}`, editor, { version: 1, title: `并发保存${i}` })));
    const ok = results.filter((r) => r.status === 200);
    expect(ok).toHaveLength(1);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'ARTICLE_EDIT_CONFLICT')).toBe(true);
    const now = (await call('GET', `/${a.id}`, editor)).body;
    expect(now).toMatchObject({ version: 2, title: ok[0]!.body.title });
    expect(await ArticleVersionModel.countDocuments({ articleId: a.id })).toBe(2);
  });

  test('a save whose instance died after claiming its version is rolled forward instead of blocking the article for good', async () => {
    const a = await create();
    const current = await ArticleVersionModel.findById(`${a.id}:1`).lean();
    // What a crashed save leaves behind: the claim of version 2, made a minute ago, and the article still at 1.
    await ArticleVersionModel.create({ ...current, _id: `${a.id}:2`, version: 2, title: '崩溃前保存的标题', action: 'edit', savedAt: new Date(Date.now() - 60_000) });
    const res = await call('PATCH', `/${a.id}`, editor, { version: 1, title: '新的修改' });
    expect(res.status).toBe(409);
    const after = (await call('GET', `/${a.id}`, editor)).body;
    expect(after).toMatchObject({ version: 2, title: '崩溃前保存的标题' });
    expect((await call('PATCH', `/${a.id}`, editor, { version: 2, title: '新的修改' })).body).toMatchObject({ version: 3, title: '新的修改' });
  });

  test('in review or published an article is not editable (409 ARTICLE_NOT_EDITABLE); an archived one becomes a draft when edited', async () => {
    const a = await create();
    const inReview = await call('POST', `/${a.id}/submit`, editor, {});
    expect((await call('PATCH', `/${a.id}`, editor, { version: inReview.body.version, title: '偷偷改' })).body.error.code).toBe('ARTICLE_NOT_EDITABLE');
    const published = await call('POST', `/${a.id}/approve`, reviewer, {});
    expect((await call('PATCH', `/${a.id}`, editor, { version: published.body.version, title: '偷偷改' })).body.error.code).toBe('ARTICLE_NOT_EDITABLE');
    expect((await api.request('GET', `/api/v1/articles/${a.slug}`)).body.title).not.toBe('偷偷改');
    const archived = await call('POST', `/${a.id}/archive`, editor, {});
    const edited = await call('PATCH', `/${a.id}`, editor, { version: archived.body.version, title: '修订后再送审' });
    expect(edited.body).toMatchObject({ state: 'draft', title: '修订后再送审' });
    expect((await api.request('GET', `/api/v1/articles/${a.slug}`)).status).toBe(404);
  });

  test('changing the slug to one that is taken is 409 and the version is not used up', async () => {
    const other = await create();
    const a = await create();
    const res = await call('PATCH', `/${a.id}`, editor, { version: 1, slug: other.slug });
    expect(res.body.error.code).toBe('ARTICLE_SLUG_TAKEN');
    expect((await call('PATCH', `/${a.id}`, editor, { version: 1, slug: `${other.slug}-2` })).body).toMatchObject({ version: 2, slug: `${other.slug}-2` });
  });

  test('PATCH refuses operators, wrong types, a missing version and unknown keys', async () => {
    const a = await create();
    for (const body of [{ title: 'x' }, { version: '1', title: 'x' }, { version: { $gt: 0 }, title: 'x' }, { version: 1, title: { $ne: '' } }, { version: 1, state: 'published' }, { version: 1.5 }]) {
      const res = await call('PATCH', `/${a.id}`, editor, body);
      expect(res.status).toBe(400);
    }
    expect((await call('GET', `/${a.id}`, editor)).body.version).toBe(1);
  });
});

describe('version history and restore', () => {
  test('lists versions newest first, shows one with its Markdown, and restores it as a new draft version (audited)', async () => {
    const a = await create({ title: '第一版', markdown: '第一版的正文。' });
    await call('PATCH', `/${a.id}`, editor, { version: 1, title: '第二版', markdown: '第二版的正文。' });
    await call('POST', `/${a.id}/submit`, editor, {});
    const approved = await call('POST', `/${a.id}/approve`, reviewer, {});
    const versions = await call('GET', `/${a.id}/versions`, editor);
    expect(versions.body.items.map((v: { version: number; action: string; state: string }) => [v.version, v.action, v.state])).toEqual([
      [4, 'approve', 'published'], [3, 'submit', 'in_review'], [2, 'edit', 'draft'], [1, 'create', 'draft'],
    ]);
    expect(versions.body.items[0]).toMatchObject({ title: '第二版', savedBy: '演示审核员' });
    const v1 = await call('GET', `/${a.id}/versions/1`, editor);
    expect(v1.body).toMatchObject({ version: 1, title: '第一版', markdown: '第一版的正文。', html: '<p class="xa-p">第一版的正文。</p>', savedBy: '演示编辑' });
    expect((await call('GET', `/${a.id}/versions/99`, editor)).body.error.code).toBe('ARTICLE_VERSION_NOT_FOUND');
    expect((await call('GET', `/${a.id}/versions/abc`, editor)).status).toBe(400);

    // Published: restoring would silently unpublish, so it has to be archived (or returned) first.
    expect((await call('POST', `/${a.id}/versions/1/restore`, editor, {})).body.error.code).toBe('ARTICLE_NOT_EDITABLE');
    await call('POST', `/${a.id}/archive`, editor, { });
    const restored = await call('POST', `/${a.id}/versions/1/restore`, editor, {});
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ state: 'draft', version: approved.body.version + 2, title: '第一版', markdown: '第一版的正文。' });
    expect((await call('GET', `/${a.id}/versions/2`, editor)).body.title).toBe('第二版');
    expect((await auditOf(a.id, 'article.restore'))[0]).toMatchObject({ role: 'editor', detail: expect.objectContaining({ restoredVersion: 1 }) });
    expect((await call('POST', `/${a.id}/versions/1/restore`, editor, { version: 1 })).body.error.code).toBe('ARTICLE_EDIT_CONFLICT');
  });
});

describe('seedArticles', () => {
  test('loads a folder of Markdown as published articles reviewed by the editorial team, dated from the front matter', async () => {
    const report = await seedArticles(FIXTURES);
    expect(report).toMatchObject({ inserted: 3, existing: 0, problems: [] });
    const res = await api.request('GET', '/api/v1/articles/fixture-sleep-small-steps');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: seedArticleId('fixture-sleep-small-steps').toHexString(), category: '睡眠', reviewedBy: '心安驿站编辑部',
      publishedAt: '2025-03-20T16:00:00.000Z', reviewedAt: '2025-03-20T16:00:00.000Z', tags: ['失眠', '睡眠卫生'],
    });
    expect(res.body.references[0].url).toMatch(/^https:\/\/www\.who\.int\//);
    const admin = await call('GET', `/${res.body.id}`, editor);
    expect(admin.body).toMatchObject({ state: 'published', version: 1, flags: [] });
    expect((await api.request('GET', '/api/v1/articles/fixture-workplace-breaks')).body.html).toContain('<table class="xa-table">');
  });

  test('is idempotent, also when two instances seed at once, and keeps what editors changed since', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinan-seed-'));
    try {
      for (const f of fs.readdirSync(FIXTURES)) {
        fs.writeFileSync(path.join(dir, f.replace('fixture-', 'again-')), fs.readFileSync(path.join(FIXTURES, f), 'utf8').replace(/slug: fixture-/, 'slug: again-'));
      }
      fs.writeFileSync(path.join(dir, 'broken.md'), '---\nslug: broken\n---\n正文');
      const lines: string[] = [];
      const reports = await Promise.all([seedArticles(dir, { print: (l) => lines.push(l) }), seedArticles(dir)]);
      expect(reports[0].inserted + reports[1].inserted).toBe(3);
      expect(reports[0].problems.map((p) => p.file)).toEqual(['broken.md']);
      expect(lines.join('\n')).toContain('broken.md');
      expect(await ArticleModel.countDocuments({ slug: mongoose.trusted({ $regex: '^again-' }) })).toBe(3);
      expect(await ArticleVersionModel.countDocuments({ articleId: seedArticleId('again-sleep-small-steps') })).toBe(1);

      // An editor archives one seeded article and renames another; a restart must not undo either.
      const sleep = seedArticleId('again-sleep-small-steps').toHexString();
      await call('POST', `/${sleep}/archive`, editor, {});
      const work = seedArticleId('again-workplace-breaks').toHexString();
      const archived = await call('POST', `/${work}/archive`, editor, {});
      await call('PATCH', `/${work}`, editor, { version: archived.body.version, slug: 'renamed-by-editor', title: '编辑改过的标题' });
      const again = await seedArticles(dir);
      expect(again.inserted).toBe(0);
      expect((await call('GET', `/${sleep}`, editor)).body.state).toBe('archived');
      expect((await call('GET', `/${work}`, editor)).body).toMatchObject({ slug: 'renamed-by-editor', title: '编辑改过的标题' });
      expect(await ArticleModel.countDocuments({ slug: 'again-workplace-breaks' })).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
