import mongoose, { Types } from 'mongoose';
import { FavoriteModel } from '../../src/modules/favorites/favorite.model';
import { startApi, staffLogin, type TestApi } from '../support/api';

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
async function resident() {
  const res = await api.request('POST', '/api/v1/auth/dev-login', { body: { openid: `o-fav-${Date.now()}-${n++}` } });
  const token = res.body.token as string;
  return { token, id: JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).sub as string };
}

async function article(opts: { publish?: boolean; title?: string } = {}) {
  const created = await api.request('POST', '/api/v1/admin/articles', {
    token: editor,
    body: { title: opts.title ?? `收藏测试${n++}`, summary: '摘要。', category: '睡眠', audience: [], tags: [], markdown: '正文。', references: [] },
  });
  const { id, slug } = created.body as { id: string; slug: string };
  if (opts.publish !== false) {
    await api.request('POST', `/api/v1/admin/articles/${id}/submit`, { token: editor, body: {} });
    await api.request('POST', `/api/v1/admin/articles/${id}/approve`, { token: reviewer, body: {} });
  }
  return { id, slug };
}

/** A track as the audio module stores it (inserted directly: this file tests favorites, not audio). */
async function track(state: 'published' | 'archived' = 'published') {
  const _id = new Types.ObjectId();
  await mongoose.connection.db!.collection('audio_tracks').insertOne({
    _id, title: `海浪声${n++}`, category: '自然声音', description: '', guided: false, transcript: null, mediaId: new Types.ObjectId(),
    coverMediaId: null, durationSec: 300, state, seedKey: null, createdBy: 'test', updatedBy: 'test', createdAt: new Date(), updatedAt: new Date(),
  });
  return _id.toHexString();
}

const put = (token: string, kind: string, id: string) => api.request('PUT', `/api/v1/me/favorites/${kind}/${id}`, { token, body: {} });
const del = (token: string, kind: string, id: string) => api.request('DELETE', `/api/v1/me/favorites/${kind}/${id}`, { token });
const mine = async (token: string, kind?: string) => {
  const res = await api.request('GET', `/api/v1/me/favorites${kind ? `?kind=${kind}` : ''}`, { token });
  expect(res.status).toBe(200);
  return res.body.items as { kind: string; id: string; title: string; subtitle: string; ref: string; createdAt: string }[];
};

describe('/api/v1/me/favorites', () => {
  test('needs a signed-in resident; a staff token is not one', async () => {
    expect((await api.request('GET', '/api/v1/me/favorites')).status).toBe(401);
    expect((await api.request('PUT', `/api/v1/me/favorites/article/${new Types.ObjectId().toHexString()}`, { body: {} })).status).toBe(401);
    expect((await api.request('GET', '/api/v1/me/favorites', { token: editor })).status).toBe(401);
  });

  test('a resident saves an article and a track and sees them newest first with title, subtitle and what to open', async () => {
    const me = await resident();
    const a = await article({ title: '收藏的文章' });
    const t = await track();
    expect((await put(me.token, 'article', a.id)).status).toBe(204);
    expect((await put(me.token, 'track', t)).status).toBe(204);
    const items = await mine(me.token);
    expect(items).toEqual([
      { kind: 'track', id: t, title: expect.stringMatching(/^海浪声/), subtitle: '自然声音 · 5 分钟', ref: t, createdAt: expect.any(String) },
      { kind: 'article', id: a.id, title: '收藏的文章', subtitle: '睡眠', ref: a.slug, createdAt: expect.any(String) },
    ]);
    expect((await mine(me.token, 'article')).map((i) => i.id)).toEqual([a.id]);
    expect((await mine(me.token, 'track')).map((i) => i.id)).toEqual([t]);
  });

  test('saving twice, or ten times at once, keeps one favorite', async () => {
    const me = await resident();
    const a = await article();
    const results = await Promise.all(Array.from({ length: 10 }, () => put(me.token, 'article', a.id)));
    expect(results.every((r) => r.status === 204)).toBe(true);
    expect((await put(me.token, 'article', a.id)).status).toBe(204);
    expect(await FavoriteModel.countDocuments({ residentId: me.id })).toBe(1);
    expect(await mine(me.token)).toHaveLength(1);
  });

  test('removing is idempotent and only touches my own favorite', async () => {
    const [me, other] = [await resident(), await resident()];
    const a = await article();
    await put(me.token, 'article', a.id);
    await put(other.token, 'article', a.id);
    expect((await del(me.token, 'article', a.id)).status).toBe(204);
    expect((await del(me.token, 'article', a.id)).status).toBe(204);
    expect(await mine(me.token)).toEqual([]);
    expect((await mine(other.token)).map((i) => i.id)).toEqual([a.id]);
  });

  test('an unknown article or track, a draft and an archived track are 404 FAVORITE_TARGET_NOT_FOUND', async () => {
    const me = await resident();
    const draft = await article({ publish: false });
    const archived = await track('archived');
    for (const [kind, id] of [['article', new Types.ObjectId().toHexString()], ['article', draft.id], ['track', archived], ['track', 'no-such-track'], ['article', 'not-an-id']]) {
      const res = await put(me.token, kind!, id!);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('FAVORITE_TARGET_NOT_FOUND');
    }
    expect(await FavoriteModel.countDocuments({ residentId: me.id })).toBe(0);
  });

  test('an article archived after it was saved drops out of the list, and comes back if it is published again', async () => {
    const me = await resident();
    const a = await article();
    await put(me.token, 'article', a.id);
    const archived = await api.request('POST', `/api/v1/admin/articles/${a.id}/archive`, { token: editor, body: {} });
    expect(await mine(me.token)).toEqual([]);
    const edited = await api.request('PATCH', `/api/v1/admin/articles/${a.id}`, { token: editor, body: { version: archived.body.version, summary: '修订后的摘要。' } });
    await api.request('POST', `/api/v1/admin/articles/${a.id}/submit`, { token: editor, body: {} });
    expect(edited.status).toBe(200);
    await api.request('POST', `/api/v1/admin/articles/${a.id}/approve`, { token: reviewer, body: {} });
    expect((await mine(me.token)).map((i) => i.id)).toEqual([a.id]);
  });

  test('bad input: an unknown kind, a malformed id, operators and unknown keys are 400', async () => {
    const me = await resident();
    const a = await article();
    expect((await put(me.token, 'video', a.id)).status).toBe(400);
    expect((await put(me.token, 'article', 'a%24ne')).status).toBe(400);
    expect((await put(me.token, 'article', 'x'.repeat(65))).status).toBe(400);
    expect((await api.request('PUT', `/api/v1/me/favorites/article/${a.id}`, { token: me.token, body: { residentId: 'someone-else' } })).status).toBe(400);
    expect((await api.request('GET', '/api/v1/me/favorites?kind=video', { token: me.token })).status).toBe(400);
    expect((await api.request('GET', '/api/v1/me/favorites?kind[$ne]=x', { token: me.token })).status).toBe(400);
    expect(await FavoriteModel.countDocuments({ residentId: me.id })).toBe(0);
  });
});
