import fs from 'node:fs';
import path from 'node:path';
import type { Context } from 'koa';
import mongoose from 'mongoose';
import { staffLogin, startApi, type TestApi } from '../support/api';

// Track plays count once per listener, track and China day, so a script repeating POST /plays cannot inflate them.

let api: TestApi;
let editor: string;
beforeAll(async () => {
  api = await startApi();
  editor = (await staffLogin(api, 'demo-editor')).accessToken;
});
afterAll(async () => { await api.close(); });

const FIXTURES = path.join(__dirname, '../fixtures/media');

async function newTrack() {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(fs.readFileSync(path.join(FIXTURES, 'tone-3s.mp3')))]), 'tone-3s.mp3');
  const uploaded = await fetch(`${api.url}/api/v1/admin/media`, { method: 'POST', body: form, headers: { Authorization: `Bearer ${editor}` } });
  expect(uploaded.status).toBe(201);
  const media = (await uploaded.json()) as { id: string };
  const res = await api.request('POST', '/api/v1/admin/audio', {
    token: editor, body: { mediaId: media.id, title: '计数测试', category: '助眠', description: '' },
  });
  expect(res.status).toBe(201);
  return res.body as { id: string };
}

let n = 0;
async function resident() {
  return (await api.request('POST', '/api/v1/auth/dev-login', { body: { openid: `plays-${Date.now()}-${n++}` } })).body.token as string;
}

const play = (id: string, opts: { token?: string; headers?: Record<string, string> } = {}) =>
  api.request('POST', `/api/v1/audio/${id}/plays`, { body: {}, ...opts });
const playsOf = async (id: string) => (await api.request('GET', `/api/v1/audio/${id}`)).body.plays as number;
const adminPlaysOf = async (id: string) =>
  (await api.request('GET', `/api/v1/admin/audio/${id}`, { token: editor })).body.plays as number;

describe('POST /api/v1/audio/:id/plays counts a listener once a day', () => {
  test('50 plays at once from one client count once, and every one answers 204', async () => {
    const track = await newTrack();
    const results = await Promise.all(Array.from({ length: 50 }, () => play(track.id)));
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(204));
    expect(await playsOf(track.id)).toBe(1);
    expect(await adminPlaysOf(track.id)).toBe(1);
    expect(await mongoose.connection.db!.collection('audio_plays').countDocuments({ trackId: new mongoose.Types.ObjectId(track.id) })).toBe(1);
  });

  test('two residents are two plays, however often each presses play', async () => {
    const track = await newTrack();
    const [a, b] = await Promise.all([resident(), resident()]);
    await Promise.all([...Array.from({ length: 20 }, () => play(track.id, { token: a })), ...Array.from({ length: 20 }, () => play(track.id, { token: b }))]);
    expect(await playsOf(track.id)).toBe(2);
    expect(await adminPlaysOf(track.id)).toBe(2);
  });

  test('the next China day the same listener counts again, once; a play counted for one track is not another\'s', async () => {
    const [track, other] = await Promise.all([newTrack(), newTrack()]);
    const token = await resident();
    await play(track.id, { token });
    const viewer = api.services.audio.viewerOf({ ip: '127.0.0.1', get: (h: string) => (h === 'Authorization' ? `Bearer ${token}` : '') } as unknown as Context);
    await api.services.audio.recordPlay(track.id, viewer);
    expect(await playsOf(track.id)).toBe(1);
    const tomorrow = new Date(Date.now() + 24 * 3600_000);
    await Promise.all([1, 2, 3].map(() => api.services.audio.recordPlay(track.id, viewer, tomorrow)));
    expect(await playsOf(track.id)).toBe(2);
    await play(other.id, { token });
    expect(await playsOf(other.id)).toBe(1);
    expect(await playsOf(track.id)).toBe(2);
  });

  test('a stored play keeps nothing about the listener', async () => {
    const track = await newTrack();
    await play(track.id, { headers: { 'User-Agent': 'Mozilla/5.0 MicroMessenger' } });
    const docs = await mongoose.connection.db!.collection('audio_plays').find({ trackId: new mongoose.Types.ObjectId(track.id) }).toArray();
    expect(docs).toHaveLength(1);
    expect(Object.keys(docs[0]!).sort()).toEqual(['_id', 'at', 'trackId']);
    expect(JSON.stringify(docs[0])).not.toMatch(/127\.0\.0\.1|MicroMessenger/);
  });
});
