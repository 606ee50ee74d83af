import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mongoose from 'mongoose';
import { seedMedia, seedObjectId } from '../../src/modules/audio/media-catalog.seed';
import { staffLogin, startApi, type TestApi } from '../support/api';

let api: TestApi;
let editor: string;
beforeAll(async () => {
  api = await startApi();
  editor = (await staffLogin(api, 'demo-editor')).accessToken;
});
afterAll(async () => { await api.close(); });

const FIXTURES = path.join(__dirname, '../fixtures/media');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));
const db = () => mongoose.connection.db!;

async function upload(name: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(fixture(name))]), name);
  const res = await fetch(`${api.url}/api/v1/admin/media`, { method: 'POST', body: form, headers: { Authorization: `Bearer ${editor}` } });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; url: string; durationSec: number };
}

async function newTrack(over: Record<string, unknown> = {}) {
  const audio = await upload('tone-3s.mp3');
  const res = await api.request('POST', '/api/v1/admin/audio', {
    token: editor, body: { mediaId: audio.id, title: '测试呼吸', category: '呼吸练习', description: '跟着声音慢慢呼吸', ...over },
  });
  expect(res.status).toBe(201);
  return res.body;
}

let n = 0;
async function resident(openid = `audio-${Date.now()}-${n++}`) {
  return (await api.request('POST', '/api/v1/auth/dev-login', { body: { openid } })).body.token as string;
}

describe('from an editor\'s upload to a resident\'s list', () => {
  test('an uploaded mp3 published as a track is listed, playable and its plays counted', async () => {
    const audio = await upload('tone-3s.mp3');
    const cover = await upload('cover.png');
    const created = await api.request('POST', '/api/v1/admin/audio', {
      token: editor,
      body: { mediaId: audio.id, coverMediaId: cover.id, title: '4-7-8 呼吸', category: '呼吸练习', description: '吸气四拍，屏息七拍，呼气八拍', transcript: '现在，轻轻吸气……' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      title: '4-7-8 呼吸', category: '呼吸练习', state: 'published', guided: true, url: audio.url, cover: cover.url, plays: 0,
      durationSec: audio.durationSec,
    });
    expect(created.body.durationSec).toBeGreaterThan(2.5);

    const list = await api.request('GET', `/api/v1/audio?category=${encodeURIComponent('呼吸练习')}`);
    expect(list.status).toBe(200);
    const item = list.body.items.find((t: { id: string }) => t.id === created.body.id);
    expect(item).toEqual({
      id: created.body.id, title: '4-7-8 呼吸', category: '呼吸练习', durationSec: audio.durationSec, url: audio.url, cover: cover.url,
      description: '吸气四拍，屏息七拍，呼气八拍', guided: true,
    });
    const other = await api.request('GET', `/api/v1/audio?category=${encodeURIComponent('助眠')}`);
    expect(other.body.items.map((t: { id: string }) => t.id)).not.toContain(created.body.id);

    const file = await fetch(api.url + item.url);
    expect(Buffer.from(await file.arrayBuffer()).equals(fixture('tone-3s.mp3'))).toBe(true);

    const plays = await Promise.all([1, 2, 3].map(() => api.request('POST', `/api/v1/audio/${item.id}/plays`, { body: {} })));
    expect(plays.map((p) => p.status)).toEqual([204, 204, 204]);
    // One listener, one day: counted once (audio-plays.api.test.ts has the details).
    const detail = await api.request('GET', `/api/v1/audio/${item.id}`);
    expect(detail.body).toMatchObject({ id: item.id, transcript: '现在，轻轻吸气……', plays: 1 });
    expect(await db().collection('audio_plays').countDocuments({ trackId: new mongoose.Types.ObjectId(item.id) })).toBe(1);
    const admin = await api.request('GET', '/api/v1/admin/audio', { token: editor });
    expect(admin.body.items.find((t: { id: string }) => t.id === item.id)).toMatchObject({ plays: 1, state: 'published', mediaId: audio.id });
  });

  test('an archived track disappears for residents and comes back when republished', async () => {
    const track = await newTrack();
    const archived = await api.request('POST', `/api/v1/admin/audio/${track.id}/archive`, { token: editor, body: {} });
    expect(archived.status).toBe(200);
    expect(archived.body.state).toBe('archived');
    expect((await api.request('GET', '/api/v1/audio')).body.items.map((t: { id: string }) => t.id)).not.toContain(track.id);
    expect((await api.request('GET', `/api/v1/audio/${track.id}`)).status).toBe(404);
    expect((await api.request('POST', `/api/v1/audio/${track.id}/plays`, { body: {} })).status).toBe(404);
    expect((await api.request('GET', '/api/v1/admin/audio?state=archived', { token: editor })).body.items.map((t: { id: string }) => t.id)).toContain(track.id);
    const back = await api.request('PATCH', `/api/v1/admin/audio/${track.id}`, { token: editor, body: { state: 'published', title: '改过的标题' } });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ state: 'published', title: '改过的标题' });
    expect((await api.request('GET', `/api/v1/audio/${track.id}`)).body.title).toBe('改过的标题');
  });

  test('editing a published track\'s title, category, description, cover and transcript is what residents see at once, and is audited', async () => {
    const track = await newTrack({ transcript: '旧的文字稿' });
    const cover = await upload('cover.webp');
    const edit = {
      title: '睡前的身体扫描', category: '身体扫描', description: '从脚尖到头顶，慢慢放松', coverMediaId: cover.id, transcript: '  新的文字稿  ',
    };
    const res = await api.request('PATCH', `/api/v1/admin/audio/${track.id}`, { token: editor, body: edit });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ...edit, transcript: '新的文字稿', cover: cover.url, state: 'published', mediaId: track.mediaId });

    const inNewCategory = await api.request('GET', `/api/v1/audio?category=${encodeURIComponent('身体扫描')}`);
    expect(inNewCategory.body.items.find((t: { id: string }) => t.id === track.id)).toEqual({
      id: track.id, title: '睡前的身体扫描', category: '身体扫描', description: '从脚尖到头顶，慢慢放松', cover: cover.url,
      url: track.url, durationSec: track.durationSec, guided: true,
    });
    const inOldCategory = await api.request('GET', `/api/v1/audio?category=${encodeURIComponent('呼吸练习')}`);
    expect(inOldCategory.body.items.map((t: { id: string }) => t.id)).not.toContain(track.id);
    expect((await api.request('GET', `/api/v1/audio/${track.id}`)).body).toMatchObject({ title: '睡前的身体扫描', transcript: '新的文字稿' });

    // Clearing the transcript (empty or null) removes it for residents.
    await api.request('PATCH', `/api/v1/admin/audio/${track.id}`, { token: editor, body: { transcript: '   ' } });
    expect((await api.request('GET', `/api/v1/audio/${track.id}`)).body.transcript).toBeNull();

    const audit = await db().collection('audit_events').find({ target: `audio:${track.id}` }).toArray();
    expect(audit.map((e) => e.action).sort()).toEqual(['audio.create', 'audio.update', 'audio.update']);
  });

  test.each([
    ['a number as the title', { title: 42 }],
    ['an operator as the category', { category: { $ne: '' } }],
    ['a huge transcript', { transcript: '字'.repeat(10001) }],
    ['a huge description', { description: '字'.repeat(501) }],
    ['an unknown key', { plays: 0 }],
    ['a state that does not exist', { state: 'deleted' }],
    ['a malformed cover id', { coverMediaId: 'not-an-id' }],
  ])('editing a track with %s is refused and changes nothing', async (_n, body) => {
    const track = await newTrack();
    const res = await api.request('PATCH', `/api/v1/admin/audio/${track.id}`, { token: editor, body });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect((await api.request('GET', `/api/v1/admin/audio/${track.id}`, { token: editor })).body).toEqual(track);
  });

  test('PATCH changes only what is sent; a new file brings its own duration; a cover can be removed', async () => {
    const cover = await upload('cover.jpg');
    const track = await newTrack({ coverMediaId: cover.id });
    const m4a = await upload('tone-3s.m4a');
    const res = await api.request('PATCH', `/api/v1/admin/audio/${track.id}`, { token: editor, body: { mediaId: m4a.id, coverMediaId: null } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ title: '测试呼吸', description: '跟着声音慢慢呼吸', mediaId: m4a.id, url: m4a.url, cover: null, durationSec: m4a.durationSec });
    expect((await api.request('PATCH', `/api/v1/admin/audio/${track.id}`, { token: editor, body: {} })).body.id).toBe(track.id);
    expect((await api.request('PATCH', `/api/v1/admin/audio/${'b'.repeat(24)}`, { token: editor, body: { title: 'x' } })).status).toBe(404);
  });

  test.each([
    ['an image as the audio', async () => ({ mediaId: (await upload('cover.png')).id }), 400, 'MEDIA_KIND_MISMATCH'],
    ['a sound as the cover', async () => ({ coverMediaId: (await upload('tone-3s.mp3')).id }), 400, 'MEDIA_KIND_MISMATCH'],
    ['an unknown file', async () => ({ mediaId: 'c'.repeat(24) }), 404, 'MEDIA_NOT_FOUND'],
    ['a category that does not exist', async () => ({ category: '摇滚' }), 400, 'VALIDATION_FAILED'],
    ['an operator instead of a title', async () => ({ title: { $gt: '' } }), 400, 'VALIDATION_FAILED'],
    ['an empty title', async () => ({ title: '   ' }), 400, 'VALIDATION_FAILED'],
    ['a huge title', async () => ({ title: '长'.repeat(5000) }), 400, 'VALIDATION_FAILED'],
    ['a state (tracks are published on creation)', async () => ({ state: 'archived' }), 400, 'VALIDATION_FAILED'],
    ['an unknown key', async () => ({ plays: 1000 }), 400, 'VALIDATION_FAILED'],
  ])('creating a track with %s is refused', async (_n, make, status, code) => {
    const audio = await upload('tone-3s.mp3');
    const before = await db().collection('audio_tracks').countDocuments();
    const res = await api.request('POST', '/api/v1/admin/audio', {
      token: editor, body: { mediaId: audio.id, title: '标题', category: '助眠', description: '', ...(await make()) },
    });
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(await db().collection('audio_tracks').countDocuments()).toBe(before);
  });

  test('residents, anonymous callers and station staff cannot manage tracks', async () => {
    const track = await newTrack();
    const station = (await staffLogin(api, 'station-s1')).accessToken;
    const body = { mediaId: track.mediaId, title: 'x', category: '助眠', description: '' };
    expect((await api.request('POST', '/api/v1/admin/audio', { body })).status).toBe(401);
    expect((await api.request('POST', '/api/v1/admin/audio', { body, token: await resident() })).status).toBe(401);
    expect((await api.request('POST', '/api/v1/admin/audio', { body, token: station })).status).toBe(403);
    expect((await api.request('GET', '/api/v1/admin/audio', { token: station })).status).toBe(403);
    expect((await api.request('POST', `/api/v1/admin/audio/${track.id}/archive`, { body: {}, token: station })).status).toBe(403);
    const reviewer = (await staffLogin(api, 'demo-reviewer')).accessToken;
    expect((await api.request('PATCH', `/api/v1/admin/audio/${track.id}`, { body: { description: '审核员也能改' }, token: reviewer })).status).toBe(200);
  });

  test('public reads refuse bad input', async () => {
    expect((await api.request('GET', '/api/v1/audio?category=摇滚')).status).toBe(400);
    expect((await api.request('GET', '/api/v1/audio?category[$ne]=x')).status).toBe(400);
    expect((await api.request('GET', '/api/v1/audio/not-an-id')).status).toBe(400);
    expect((await api.request('GET', `/api/v1/audio/${'d'.repeat(24)}`)).body.error.code).toBe('AUDIO_NOT_FOUND');
    const track = await newTrack();
    expect((await api.request('POST', `/api/v1/audio/${track.id}/plays`, { body: { count: 100 } })).status).toBe(400);
    expect((await api.request('POST', `/api/v1/audio/${track.id}/plays`, { raw: 'x', headers: { 'Content-Type': 'text/plain' } })).status).toBe(415);
  });
});

describe('listening position across devices', () => {
  test('a position saved on one device is where the other device resumes; the last save wins', async () => {
    const track = await newTrack();
    const openid = `two-devices-${Date.now()}`;
    const phone = await resident(openid);
    expect((await api.request('PUT', `/api/v1/me/listening/${track.id}`, { token: phone, body: { positionSec: 1.5 } })).status).toBe(204);
    // The second device logs in on its own, later (same WeChat account, so the same resident).
    const tablet = await resident(openid);
    const seen = await api.request('GET', '/api/v1/me/listening', { token: tablet });
    expect(seen.status).toBe(200);
    expect(seen.body.items).toEqual([{ trackId: track.id, positionSec: 1.5, updatedAt: expect.any(String) }]);
    await api.request('PUT', `/api/v1/me/listening/${track.id}`, { token: tablet, body: { positionSec: 0.5 } });
    expect((await api.request('GET', '/api/v1/me/listening', { token: phone })).body.items).toEqual([
      expect.objectContaining({ trackId: track.id, positionSec: 0.5 }),
    ]);
    // Another resident sees nothing of it.
    expect((await api.request('GET', '/api/v1/me/listening', { token: await resident() })).body.items).toEqual([]);
  });

  test('a double submit (and concurrent saves) leave one position per track', async () => {
    const track = await newTrack();
    const token = await resident();
    const results = await Promise.all([1, 1, 1, 2, 2].map((p) => api.request('PUT', `/api/v1/me/listening/${track.id}`, { token, body: { positionSec: p } })));
    expect(results.map((r) => r.status)).toEqual([204, 204, 204, 204, 204]);
    const items = (await api.request('GET', '/api/v1/me/listening', { token })).body.items;
    expect(items).toHaveLength(1);
    expect([1, 2]).toContain(items[0].positionSec);
  });

  test('a position past the end is kept as the end', async () => {
    const track = await newTrack();
    const token = await resident();
    await api.request('PUT', `/api/v1/me/listening/${track.id}`, { token, body: { positionSec: 3000 } });
    expect((await api.request('GET', '/api/v1/me/listening', { token })).body.items[0].positionSec).toBe(track.durationSec);
  });

  test.each([
    ['negative', { positionSec: -1 }],
    ['a string', { positionSec: '12' }],
    ['null', { positionSec: null }],
    ['huge', { positionSec: 1e12 }],
    ['an operator', { positionSec: { $gt: 0 } }],
    ['missing', {}],
    ['with an unknown key', { positionSec: 1, residentId: 'someone-else' }],
  ])('a position that is %s is refused', async (_n, body) => {
    const track = await newTrack();
    const token = await resident();
    const res = await api.request('PUT', `/api/v1/me/listening/${track.id}`, { token, body });
    expect(res.status).toBe(400);
    expect((await api.request('GET', '/api/v1/me/listening', { token })).body.items).toEqual([]);
  });

  test('NaN is not JSON and is refused', async () => {
    const track = await newTrack();
    const res = await api.request('PUT', `/api/v1/me/listening/${track.id}`, { token: await resident(), raw: '{"positionSec": NaN}', headers: { 'Content-Type': 'application/json' } });
    expect(res.status).toBe(400);
  });

  test('an unknown or archived track is 404, a malformed id 400, and a token is needed', async () => {
    const token = await resident();
    expect((await api.request('PUT', `/api/v1/me/listening/${'e'.repeat(24)}`, { token, body: { positionSec: 1 } })).status).toBe(404);
    expect((await api.request('PUT', '/api/v1/me/listening/xyz', { token, body: { positionSec: 1 } })).status).toBe(400);
    const track = await newTrack();
    await api.request('POST', `/api/v1/admin/audio/${track.id}/archive`, { token: editor, body: {} });
    expect((await api.request('PUT', `/api/v1/me/listening/${track.id}`, { token, body: { positionSec: 1 } })).status).toBe(404);
    expect((await api.request('GET', '/api/v1/me/listening')).status).toBe(401);
    expect((await api.request('PUT', `/api/v1/me/listening/${track.id}`, { body: { positionSec: 1 } })).status).toBe(401);
    expect((await api.request('GET', '/api/v1/me/listening', { token: editor })).status).toBe(401);
  });
});

describe('seedMedia (content/media/catalog.json)', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinan-catalog-'));
    for (const [from, to] of [['tone-3s.mp3', 'audio/calm.mp3'], ['cover.png', 'covers/calm.png'], ['tiny-2s.mp4', 'video/box.mp4'], ['cover.jpg', 'covers/box.jpg']]) {
      fs.mkdirSync(path.join(dir, path.dirname(to!)), { recursive: true });
      fs.copyFileSync(path.join(FIXTURES, from!), path.join(dir, to!));
    }
    fs.writeFileSync(path.join(dir, 'catalog.json'), JSON.stringify({
      tracks: [
        { key: 't-calm', title: '安静的海', category: '自然声音', file: 'audio/calm.mp3', cover: 'covers/calm.png', description: '海浪声', guided: false },
        { key: 't-missing', title: '缺失的文件', category: '助眠', file: 'audio/missing.mp3', description: '' },
      ],
      videos: [{ key: 'v-box', title: '方块呼吸动画', file: 'video/box.mp4', cover: 'covers/box.jpg', description: '跟着方块呼吸' }],
    }));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('loads tracks and videos with durations from the files, once; editors\' changes survive a restart', async () => {
    const lines: string[] = [];
    const first = await seedMedia({ media: api.services.media }, dir, (l) => lines.push(l));
    expect(first).toEqual({ tracks: 1, videos: 1 });
    expect(lines.join('\n')).toContain('audio/missing.mp3');

    const id = String(seedObjectId('track', 't-calm'));
    const track = await api.request('GET', `/api/v1/audio/${id}`);
    expect(track.body).toMatchObject({ title: '安静的海', category: '自然声音', guided: false, transcript: null });
    expect(track.body.durationSec).toBeCloseTo(3.1, 0);
    const bytes = Buffer.from(await (await fetch(api.url + track.body.url)).arrayBuffer());
    expect(bytes.equals(fixture('tone-3s.mp3'))).toBe(true);
    const videos = await api.request('GET', '/api/v1/videos');
    const video = videos.body.items.find((v: { id: string }) => v.id === String(seedObjectId('video', 'v-box')));
    expect(video).toMatchObject({ title: '方块呼吸动画', description: '跟着方块呼吸', cover: expect.stringMatching(/^\/api\/v1\/media\//) });
    expect(video.durationSec).toBeCloseTo(2, 0);

    await api.request('PATCH', `/api/v1/admin/audio/${id}`, { token: editor, body: { title: '编辑改过的海' } });
    const mediaCount = await db().collection('media').countDocuments();
    // A restart: the files are not read again (they could even be gone) and nothing is duplicated or overwritten.
    fs.rmSync(path.join(dir, 'audio/calm.mp3'));
    const again = await seedMedia({ media: api.services.media }, dir);
    expect(again).toEqual({ tracks: 0, videos: 0 });
    expect(await db().collection('media').countDocuments()).toBe(mediaCount);
    expect((await api.request('GET', `/api/v1/audio/${id}`)).body.title).toBe('编辑改过的海');
  });

  test('two instances seeding at once create each record once', async () => {
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'xinan-catalog-'));
    fs.mkdirSync(path.join(other, 'audio'));
    fs.copyFileSync(path.join(FIXTURES, 'tone-3s.m4a'), path.join(other, 'audio/race.m4a'));
    fs.writeFileSync(path.join(other, 'catalog.json'), JSON.stringify({ tracks: [{ key: 't-race', title: '并发', category: '正念冥想', file: 'audio/race.m4a' }] }));
    const results = await Promise.all([1, 2, 3].map(() => seedMedia({ media: api.services.media }, other)));
    expect(results.reduce((s, r) => s + r.tracks, 0)).toBe(1);
    expect(await db().collection('audio_tracks').countDocuments({ seedKey: 't-race' })).toBe(1);
    expect(await db().collection('media').countDocuments({ seedKey: 'track:t-race:audio' })).toBe(1);
    fs.rmSync(other, { recursive: true, force: true });
  });

  test('without a catalog nothing happens', async () => {
    expect(await seedMedia({ media: api.services.media }, path.join(os.tmpdir(), 'no-such-catalog-dir'))).toEqual({ tracks: 0, videos: 0 });
  });
});
