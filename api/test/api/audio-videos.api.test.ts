import fs from 'node:fs';
import path from 'node:path';
import mongoose from 'mongoose';
import { staffLogin, startApi, type TestApi } from '../support/api';

// Relaxation videos: an editor publishes an uploaded MP4, edits and archives it; residents see GET /videos.

let api: TestApi;
let editor: string;
beforeAll(async () => {
  api = await startApi();
  editor = (await staffLogin(api, 'demo-editor')).accessToken;
});
afterAll(async () => { await api.close(); });

const FIXTURES = path.join(__dirname, '../fixtures/media');
const db = () => mongoose.connection.db!;

async function upload(name: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)))]), name);
  const res = await fetch(`${api.url}/api/v1/admin/media`, { method: 'POST', body: form, headers: { Authorization: `Bearer ${editor}` } });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; url: string; durationSec: number };
}

async function newVideo(over: Record<string, unknown> = {}) {
  const mp4 = await upload('tiny-2s.mp4');
  const res = await api.request('POST', '/api/v1/admin/videos', { token: editor, body: { mediaId: mp4.id, title: '方块呼吸', ...over } });
  expect(res.status).toBe(201);
  return res.body as { id: string; mediaId: string; url: string; durationSec: number; title: string };
}

const publicVideos = async () => (await api.request('GET', '/api/v1/videos')).body.items as { id: string }[];
const publicVideo = async (id: string) => (await publicVideos()).find((v) => v.id === id);

let n = 0;
async function resident() {
  return (await api.request('POST', '/api/v1/auth/dev-login', { body: { openid: `videos-${Date.now()}-${n++}` } })).body.token as string;
}

describe('an editor publishes, edits and archives a video', () => {
  test('an uploaded mp4 published as a video is on the residents\' list, in the same shape as before', async () => {
    const mp4 = await upload('tiny-2s.mp4');
    const cover = await upload('cover.jpg');
    const created = await api.request('POST', '/api/v1/admin/videos', {
      token: editor, body: { mediaId: mp4.id, coverMediaId: cover.id, title: '方块呼吸动画', description: '跟着方块的边，吸气、停、呼气、停' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.stringMatching(/^[a-f0-9]{24}$/), title: '方块呼吸动画', description: '跟着方块的边，吸气、停、呼气、停',
      url: mp4.url, cover: cover.url, durationSec: mp4.durationSec, state: 'published', mediaId: mp4.id, coverMediaId: cover.id,
      createdAt: expect.any(String), updatedAt: expect.any(String),
    });
    expect(created.body.durationSec).toBeCloseTo(2, 0);
    expect(await publicVideo(created.body.id)).toEqual({
      id: created.body.id, title: '方块呼吸动画', durationSec: mp4.durationSec, url: mp4.url, cover: cover.url, description: '跟着方块的边，吸气、停、呼气、停',
    });
    const file = await fetch(api.url + mp4.url);
    expect(file.headers.get('content-type')).toBe('video/mp4');

    const admin = await api.request('GET', '/api/v1/admin/videos', { token: editor });
    expect(admin.status).toBe(200);
    expect(admin.body.items.find((v: { id: string }) => v.id === created.body.id)).toEqual(created.body);
    expect((await api.request('GET', `/api/v1/admin/videos/${created.body.id}`, { token: editor })).body).toEqual(created.body);
  });

  test('edits show at once; a new file brings its own duration; the cover can be removed', async () => {
    const cover = await upload('cover.png');
    const video = await newVideo({ coverMediaId: cover.id });
    const res = await api.request('PATCH', `/api/v1/admin/videos/${video.id}`, {
      token: editor, body: { title: '  睡前的方块呼吸 ', description: '慢一点也没关系', coverMediaId: null },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ title: '睡前的方块呼吸', description: '慢一点也没关系', cover: null, coverMediaId: null, mediaId: video.mediaId });
    expect(await publicVideo(video.id)).toMatchObject({ title: '睡前的方块呼吸', description: '慢一点也没关系', cover: null });

    const other = await upload('tiny-2s.mp4');
    const swapped = await api.request('PATCH', `/api/v1/admin/videos/${video.id}`, { token: editor, body: { mediaId: other.id } });
    expect(swapped.body).toMatchObject({ mediaId: other.id, url: other.url, durationSec: other.durationSec, title: '睡前的方块呼吸' });
    // An empty edit changes nothing and is not an error.
    expect((await api.request('PATCH', `/api/v1/admin/videos/${video.id}`, { token: editor, body: {} })).body).toEqual(swapped.body);
  });

  test('an archived video disappears for residents and comes back when republished; each change is audited', async () => {
    const video = await newVideo();
    expect(await publicVideo(video.id)).toBeDefined();
    const archived = await api.request('POST', `/api/v1/admin/videos/${video.id}/archive`, { token: editor, body: {} });
    expect(archived.status).toBe(200);
    expect(archived.body.state).toBe('archived');
    expect(await publicVideo(video.id)).toBeUndefined();
    const archivedList = await api.request('GET', '/api/v1/admin/videos?state=archived', { token: editor });
    expect(archivedList.body.items.map((v: { id: string }) => v.id)).toContain(video.id);
    const publishedList = await api.request('GET', '/api/v1/admin/videos?state=published', { token: editor });
    expect(publishedList.body.items.map((v: { id: string }) => v.id)).not.toContain(video.id);

    const back = await api.request('PATCH', `/api/v1/admin/videos/${video.id}`, { token: editor, body: { state: 'published' } });
    expect(back.body.state).toBe('published');
    expect(await publicVideo(video.id)).toBeDefined();

    const audit = await db().collection('audit_events').find({ target: `video:${video.id}` }).sort({ at: 1 }).toArray();
    expect(audit.map((e) => e.action)).toEqual(['video.create', 'video.archive', 'video.update']);
    expect(audit.every((e) => e.actor.startsWith('staff:') && e.role === 'editor')).toBe(true);
  });

  test('the file of a video cannot be deleted from the media library while the video uses it', async () => {
    const video = await newVideo();
    const res = await api.request('DELETE', `/api/v1/admin/media/${video.mediaId}`, { token: editor });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('MEDIA_IN_USE');
  });

  test('a video seeded before editors managed videos (no editor fields) can be listed and edited', async () => {
    const mp4 = await upload('tiny-2s.mp4');
    const _id = new mongoose.Types.ObjectId();
    await db().collection('videos').insertOne({
      _id, title: '旧的种子视频', description: '', mediaId: new mongoose.Types.ObjectId(mp4.id), coverMediaId: null, durationSec: 2,
      state: 'published', seedKey: 'legacy', createdAt: new Date('2026-01-01T00:00:00Z'),
    });
    const listed = (await api.request('GET', '/api/v1/admin/videos', { token: editor })).body.items.find((v: { id: string }) => v.id === String(_id));
    expect(listed).toMatchObject({ title: '旧的种子视频', updatedAt: '2026-01-01T00:00:00.000Z' });
    const edited = await api.request('PATCH', `/api/v1/admin/videos/${String(_id)}`, { token: editor, body: { title: '改过的种子视频' } });
    expect(edited.status).toBe(200);
    expect(await publicVideo(String(_id))).toMatchObject({ title: '改过的种子视频' });
  });
});

describe('what is refused', () => {
  test.each([
    ['an mp3', 'tone-3s.mp3'],
    ['an image', 'cover.png'],
  ])('publishing %s as a video is 400 MEDIA_KIND_MISMATCH and creates nothing', async (_n, file) => {
    const media = await upload(file);
    const before = await db().collection('videos').countDocuments();
    const res = await api.request('POST', '/api/v1/admin/videos', { token: editor, body: { mediaId: media.id, title: '不是视频' } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('MEDIA_KIND_MISMATCH');
    expect(await db().collection('videos').countDocuments()).toBe(before);
  });

  test('a non-video file or a non-image cover is refused on edit too, and the video stays as it was', async () => {
    const video = await newVideo();
    const mp3 = await upload('tone-3s.mp3');
    const asFile = await api.request('PATCH', `/api/v1/admin/videos/${video.id}`, { token: editor, body: { mediaId: mp3.id, title: '不该保存' } });
    expect(asFile.status).toBe(400);
    expect(asFile.body.error.code).toBe('MEDIA_KIND_MISMATCH');
    const asCover = await api.request('PATCH', `/api/v1/admin/videos/${video.id}`, { token: editor, body: { coverMediaId: video.mediaId } });
    expect(asCover.status).toBe(400);
    expect(asCover.body.error.code).toBe('MEDIA_KIND_MISMATCH');
    expect((await api.request('GET', `/api/v1/admin/videos/${video.id}`, { token: editor })).body).toEqual(video);
  });

  test('unknown files and videos are 404 with their own codes; malformed ids 400', async () => {
    const unknownMedia = await api.request('POST', '/api/v1/admin/videos', { token: editor, body: { mediaId: 'c'.repeat(24), title: 'x' } });
    expect([unknownMedia.status, unknownMedia.body.error.code]).toEqual([404, 'MEDIA_NOT_FOUND']);
    const missing = 'd'.repeat(24);
    for (const [method, p, body] of [
      ['GET', `/api/v1/admin/videos/${missing}`, undefined],
      ['PATCH', `/api/v1/admin/videos/${missing}`, { title: 'x' }],
      ['POST', `/api/v1/admin/videos/${missing}/archive`, {}],
    ] as const) {
      const res = await api.request(method, p, { token: editor, ...(body ? { body } : {}) });
      expect([method, p, res.status, res.body.error.code]).toEqual([method, p, 404, 'VIDEO_NOT_FOUND']);
    }
    expect((await api.request('GET', '/api/v1/admin/videos/not-an-id', { token: editor })).status).toBe(400);
    expect((await api.request('PATCH', '/api/v1/admin/videos/not-an-id', { token: editor, body: {} })).status).toBe(400);
  });

  test.each([
    ['no file', { title: '标题' }],
    ['a number as the title', { title: 7 }],
    ['an empty title', { title: '  ' }],
    ['a huge title', { title: '长'.repeat(5000) }],
    ['a huge description', { description: '长'.repeat(501) }],
    ['an operator as the file', { mediaId: { $gt: '' } }],
    ['an operator as the title', { title: { $ne: null } }],
    ['a malformed file id', { mediaId: '../../etc/passwd' }],
    ['a state (videos are published on creation)', { state: 'archived' }],
    ['an unknown key', { plays: 1000 }],
    ['an array body', [1, 2]],
  ])('creating a video with %s is 400 and creates nothing', async (_n, over) => {
    const mp4 = await upload('tiny-2s.mp4');
    const before = await db().collection('videos').countDocuments();
    const body = Array.isArray(over) ? over : { mediaId: mp4.id, title: '标题', ...over };
    if (!Array.isArray(over) && _n === 'no file') delete (body as Record<string, unknown>).mediaId;
    const res = await api.request('POST', '/api/v1/admin/videos', { token: editor, body });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(await db().collection('videos').countDocuments()).toBe(before);
  });

  test.each([
    ['a number as the title', { title: 7 }],
    ['null as the title', { title: null }],
    ['an operator as the description', { description: { $set: { state: 'archived' } } }],
    ['a state that does not exist', { state: 'deleted' }],
    ['an unknown key', { createdBy: 'someone' }],
    ['a huge description', { description: 'x'.repeat(100_000) }],
  ])('editing a video with %s is refused and changes nothing', async (_n, body) => {
    const video = await newVideo();
    const res = await api.request('PATCH', `/api/v1/admin/videos/${video.id}`, { token: editor, body });
    expect([400, 413]).toContain(res.status);
    expect((await api.request('GET', `/api/v1/admin/videos/${video.id}`, { token: editor })).body).toEqual(video);
  });

  test('residents, anonymous callers and station staff cannot manage videos; reviewers and district admins can', async () => {
    const video = await newVideo();
    const station = (await staffLogin(api, 'station-s1')).accessToken;
    const body = { mediaId: video.mediaId, title: 'x' };
    const token = await resident();
    for (const [method, p, b] of [
      ['GET', '/api/v1/admin/videos', undefined],
      ['GET', `/api/v1/admin/videos/${video.id}`, undefined],
      ['POST', '/api/v1/admin/videos', body],
      ['PATCH', `/api/v1/admin/videos/${video.id}`, { title: 'x' }],
      ['POST', `/api/v1/admin/videos/${video.id}/archive`, {}],
    ] as const) {
      const opts = b ? { body: b } : {};
      // A resident token is not staff credentials at all: 401, like no token.
      expect([method, p, (await api.request(method, p, opts)).status]).toEqual([method, p, 401]);
      expect([method, p, (await api.request(method, p, { ...opts, token })).status]).toEqual([method, p, 401]);
      expect([method, p, (await api.request(method, p, { ...opts, token: station })).status]).toEqual([method, p, 403]);
    }
    expect(await publicVideo(video.id)).toMatchObject({ title: '方块呼吸' });
    const reviewer = (await staffLogin(api, 'demo-reviewer')).accessToken;
    expect((await api.request('PATCH', `/api/v1/admin/videos/${video.id}`, { token: reviewer, body: { description: '审核员也能改' } })).status).toBe(200);
  });

  test('the public list takes no query and answers the same shape for everyone', async () => {
    await newVideo();
    const res = await api.request('GET', '/api/v1/videos');
    expect(res.status).toBe(200);
    for (const v of res.body.items) expect(Object.keys(v).sort()).toEqual(['cover', 'description', 'durationSec', 'id', 'title', 'url']);
    expect((await api.request('GET', '/api/v1/videos?state=archived')).status).toBe(400);
  });
});
