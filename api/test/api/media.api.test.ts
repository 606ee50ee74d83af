import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import mongoose from 'mongoose';
import { rawRequest, staffLogin, startApi, type TestApi } from '../support/api';

let api: TestApi;
let editor: string;
beforeAll(async () => {
  api = await startApi();
  editor = (await staffLogin(api, 'demo-editor')).accessToken;
});
afterAll(async () => { await api.close(); });

const FIXTURES = path.join(__dirname, '../fixtures/media');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));
const mediaDocs = () => mongoose.connection.db!.collection('media');

/** Every file under the media directory (stored objects and uploads in progress). */
function filesOnDisk(): string[] {
  const walk = (dir: string): string[] => (fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : [])
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  return walk(api.config.media.dir).sort();
}

async function upload(token: string | undefined, data: Buffer, name: string, fields: Record<string, string> = {}, fieldName = 'file') {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append(fieldName, new Blob([new Uint8Array(data)]), name);
  const res = await fetch(`${api.url}/api/v1/admin/media`, { method: 'POST', body: form, headers: token ? { Authorization: `Bearer ${token}` } : {} });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}

/** A request whose answer is kept as bytes (rawRequest decodes to a string). */
function bytes(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('POST /api/v1/admin/media', () => {
  test.each([
    ['tone-3s.mp3', 'audio', 'audio/mpeg', 3.1],
    ['tone-3s.m4a', 'audio', 'audio/mp4', 3],
    // An ID3 tag with a cover picture bigger than the sniffing window, as music players write them.
    ['tagged-cover.mp3', 'audio', 'audio/mpeg', 3.1],
    ['tiny-2s.mp4', 'video', 'video/mp4', 2],
    ['cover.png', 'image', 'image/png', null],
    ['cover.jpg', 'image', 'image/jpeg', null],
    ['cover.webp', 'image', 'image/webp', null],
  ])('an editor uploads %s: kind, type and duration come from the bytes', async (name, kind, mime, duration) => {
    const data = fixture(name);
    const res = await upload(editor, data, name);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind, mime, size: data.length, originalName: name, title: null, url: `/api/v1/media/${res.body.id}` });
    if (duration === null) expect(res.body.durationSec).toBeNull();
    else expect(res.body.durationSec).toBeCloseTo(duration, 0);
    const stored = await mediaDocs().findOne({ _id: new mongoose.Types.ObjectId(res.body.id) });
    expect(stored).toMatchObject({ kind, sha256: expect.stringMatching(/^[a-f0-9]{64}$/), uploadedBy: expect.any(String) });
    const back = await bytes(api.url + res.body.url);
    expect(back.status).toBe(200);
    expect(back.headers['content-type']).toBe(mime);
    expect(back.body.equals(data)).toBe(true);
  });

  test('keeps a Chinese file name and the optional title; the name is cleaned and capped', async () => {
    const ok = await upload(editor, fixture('tone-3s.mp3'), '睡前放松.mp3', { title: '  晚安音乐  ' });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ originalName: '睡前放松.mp3', title: '晚安音乐' });
    const long = await upload(editor, fixture('cover.png'), `${'很'.repeat(300)}\u202e.png`);
    expect(long.status).toBe(201);
    expect([...long.body.originalName].length).toBeLessThanOrEqual(120);
    expect(long.body.originalName).not.toContain('\u202e');
    expect(long.body.originalName.endsWith('.png')).toBe(true);
  });

  test('a text file renamed to .mp3 is refused with 415, and nothing is stored', async () => {
    const before = { docs: await mediaDocs().countDocuments(), files: filesOnDisk() };
    const res = await upload(editor, Buffer.from('这不是音频，只是一段改了扩展名的文字。\n'.repeat(400)), 'relax.mp3');
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('MEDIA_TYPE_NOT_ALLOWED');
    expect(await mediaDocs().countDocuments()).toBe(before.docs);
    expect(filesOnDisk()).toEqual(before.files);
  });

  test.each([
    ['a picture renamed to .mp3', 'cover.png', 'song.mp3'],
    ['a sound renamed to .jpg', 'tone-3s.mp3', 'photo.jpg'],
    ['a video renamed to .m4a', 'tiny-2s.mp4', 'voice.m4a'],
  ])('%s is refused: the content contradicts the name', async (_n, file, name) => {
    const res = await upload(editor, fixture(file), name);
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('MEDIA_TYPE_NOT_ALLOWED');
  });

  test.each([
    ['an SVG (can carry script)', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'x.svg'],
    ['a GIF', Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(64)]), 'x.gif'],
    ['a PDF', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200)]), 'x.pdf'],
    ['an empty file', Buffer.alloc(0), 'empty.mp3'],
  ])('%s is not an allowed type', async (_n, data, name) => {
    const res = await upload(editor, data, name);
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('MEDIA_TYPE_NOT_ALLOWED');
  });

  test('an image over 5 MB is stopped while streaming with 413, and no file is left on disk', async () => {
    const before = { docs: await mediaDocs().countDocuments(), files: filesOnDisk() };
    const png = fixture('cover.png');
    const big = Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024 + 10 - png.length)]);
    const res = await upload(editor, big, 'huge.png');
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('MEDIA_TOO_LARGE');
    expect(res.body.error.message).toContain('5 MB');
    expect(await mediaDocs().countDocuments()).toBe(before.docs);
    expect(filesOnDisk()).toEqual(before.files);
    // The connection was drained, not reset: the next upload on the server works.
    expect((await upload(editor, png, 'small.png')).status).toBe(201);
  });

  test('a body declared larger than any allowed file is refused before it is read', async () => {
    const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(`${api.url}/api/v1/admin/media`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${editor}`, 'Content-Type': 'multipart/form-data; boundary=x', 'Content-Length': String(300 * 1024 * 1024) },
      }, (r) => {
        let body = '';
        r.on('data', (c) => { body += c; });
        r.on('end', () => { resolve({ status: r.statusCode ?? 0, body }); req.destroy(); });
      });
      req.on('error', reject);
      req.write('--x\r\n');
    });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.code).toBe('MEDIA_TOO_LARGE');
  });

  test('an upload the client abandons half-way leaves nothing behind', async () => {
    const before = { docs: await mediaDocs().countDocuments(), files: filesOnDisk() };
    const boundary = 'abandon';
    const req = http.request(`${api.url}/api/v1/admin/media`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${editor}`, 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'Content-Length': String(2 * 1024 * 1024) },
    });
    req.on('error', () => undefined);
    req.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="half.mp3"\r\nContent-Type: audio/mpeg\r\n\r\n`);
    req.write(fixture('tone-3s.mp3'));
    await new Promise((r) => setTimeout(r, 200));
    expect(filesOnDisk().length).toBe(before.files.length + 1); // the upload in progress
    req.destroy();
    for (let i = 0; i < 50 && filesOnDisk().length !== before.files.length; i++) await new Promise((r) => setTimeout(r, 20));
    expect(filesOnDisk()).toEqual(before.files);
    expect(await mediaDocs().countDocuments()).toBe(before.docs);
  });

  test('JSON or a form without a file is refused; other routes still insist on JSON', async () => {
    const json = await api.request('POST', '/api/v1/admin/media', { token: editor, body: { file: 'x' } });
    expect(json.status).toBe(415);
    expect(json.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const noFile = new FormData();
    noFile.append('title', '只有标题');
    const r1 = await fetch(`${api.url}/api/v1/admin/media`, { method: 'POST', body: noFile, headers: { Authorization: `Bearer ${editor}` } });
    expect(r1.status).toBe(400);
    expect((await upload(editor, fixture('cover.png'), 'a.png', {}, 'upload')).status).toBe(400);
    expect((await upload(editor, fixture('cover.png'), 'a.png', { owner: 'x' })).status).toBe(400);
    expect((await upload(editor, fixture('cover.png'), 'a.png', { title: '长'.repeat(101) })).status).toBe(400);
    const two = new FormData();
    two.append('file', new Blob([new Uint8Array(fixture('cover.png'))]), 'a.png');
    two.append('file', new Blob([new Uint8Array(fixture('cover.png'))]), 'b.png');
    expect((await fetch(`${api.url}/api/v1/admin/media`, { method: 'POST', body: two, headers: { Authorization: `Bearer ${editor}` } })).status).toBe(400);
    const broken = await api.request('POST', '/api/v1/admin/media', { token: editor, raw: '--nope\r\ngarbage', headers: { 'Content-Type': 'multipart/form-data; boundary=zzz' } });
    expect(broken.status).toBe(400);
    const elsewhere = await api.request('POST', '/api/v1/auth/staff/login', { raw: 'username=a', headers: { 'Content-Type': 'multipart/form-data; boundary=x' } });
    expect(elsewhere.status).toBe(415);
    expect(api.logs.join('\n')).not.toContain('"level":50');
  });

  test('regression (found by schemathesis): a form part with an empty name is a 400, and the server stays up', async () => {
    const b = 'c9710b39df1170d5aa7ccb1aa98827f3';
    const raw = `--${b}\r\nContent-Disposition: form-data; name=""\r\n\r\nnull\r\n--${b}--\r\n`;
    const res = await api.request('POST', '/api/v1/admin/media', { token: editor, raw, headers: { 'Content-Type': `multipart/form-data; boundary=${b}` } });
    expect([res.status, res.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await api.request('GET', '/healthz')).status).toBe(200);
  });

  test('only editors, reviewers and district admins may upload', async () => {
    const png = fixture('cover.png');
    expect((await upload(undefined, png, 'a.png')).status).toBe(401);
    const resident = (await api.request('POST', '/api/v1/auth/dev-login', { body: { openid: `media-res-${Date.now()}` } })).body.token;
    expect((await upload(resident, png, 'a.png')).status).toBe(401);
    const station = (await staffLogin(api, 'station-s1')).accessToken;
    const denied = await upload(station, png, 'a.png');
    expect(denied.status).toBe(403);
    for (const user of ['demo-reviewer', 'demo-admin']) {
      expect((await upload((await staffLogin(api, user)).accessToken, png, 'a.png')).status).toBe(201);
    }
  });
});

describe('GET /api/v1/media/:id', () => {
  let url: string;
  let data: Buffer;
  let etag: string;
  beforeAll(async () => {
    data = fixture('tone-3s.mp3');
    const res = await upload(editor, data, 'range.mp3');
    url = api.url + res.body.url;
    etag = (await bytes(url)).headers.etag as string;
  });

  test('the whole file with the caching headers (public, a year, immutable) and Accept-Ranges', async () => {
    const res = await bytes(url);
    expect(res.status).toBe(200);
    expect(res.body.equals(data)).toBe(true);
    expect(res.headers['content-length']).toBe(String(data.length));
    expect(res.headers['accept-ranges']).toBe('bytes');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.etag).toMatch(/^"[a-f0-9]{32}"$/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
  });

  test('a range is 206 with exactly those bytes and the right Content-Range', async () => {
    const res = await bytes(url, { Range: 'bytes=100-1123' });
    expect(res.status).toBe(206);
    expect(res.headers['content-range']).toBe(`bytes 100-1123/${data.length}`);
    expect(res.headers['content-length']).toBe('1024');
    expect(res.body.equals(data.subarray(100, 1124))).toBe(true);
  });

  test('open and suffix ranges: from 100 to the end, and the last 500 bytes', async () => {
    const open = await bytes(url, { Range: 'bytes=100-' });
    expect(open.status).toBe(206);
    expect(open.headers['content-range']).toBe(`bytes 100-${data.length - 1}/${data.length}`);
    expect(open.body.equals(data.subarray(100))).toBe(true);
    const suffix = await bytes(url, { Range: 'bytes=-500' });
    expect(suffix.status).toBe(206);
    expect(suffix.headers['content-range']).toBe(`bytes ${data.length - 500}-${data.length - 1}/${data.length}`);
    expect(suffix.body.equals(data.subarray(data.length - 500))).toBe(true);
    const pastEnd = await bytes(url, { Range: `bytes=${data.length - 10}-${data.length + 1000}` });
    expect(pastEnd.status).toBe(206);
    expect(pastEnd.body.equals(data.subarray(data.length - 10))).toBe(true);
  });

  test('a range past the end is 416 with Content-Range: bytes */size', async () => {
    const res = await bytes(url, { Range: `bytes=${data.length}-` });
    expect(res.status).toBe(416);
    expect(res.headers['content-range']).toBe(`bytes */${data.length}`);
    expect(JSON.parse(res.body.toString()).error.code).toBe('RANGE_NOT_SATISFIABLE');
  });

  test('several ranges, a malformed range or a stale If-Range get the whole file', async () => {
    const cases: Record<string, string>[] = [{ Range: 'bytes=0-9,20-29' }, { Range: 'bytes=50-10' }, { Range: 'pages=1-2' }, { Range: 'bytes=0-9', 'If-Range': '"stale"' }];
    for (const headers of cases) {
      const res = await bytes(url, headers);
      expect(res.status).toBe(200);
      expect(res.body.equals(data)).toBe(true);
    }
    const fresh = await bytes(url, { Range: 'bytes=0-9', 'If-Range': etag });
    expect(fresh.status).toBe(206);
  });

  test('HEAD answers the headers without a body', async () => {
    const res = await bytes(url, {}, 'HEAD');
    expect(res.status).toBe(200);
    expect(res.headers['content-length']).toBe(String(data.length));
    expect(res.headers['content-type']).toBe('audio/mpeg');
    expect(res.headers['accept-ranges']).toBe('bytes');
    expect(res.body.length).toBe(0);
    const ranged = await bytes(url, { Range: 'bytes=0-99' }, 'HEAD');
    expect(ranged.status).toBe(206);
    expect(ranged.headers['content-length']).toBe('100');
  });

  test('If-None-Match with the ETag is 304', async () => {
    const res = await rawRequest(url, 'GET', { 'If-None-Match': etag });
    expect(res.status).toBe(304);
    expect(res.body).toBe('');
    expect(res.headers.etag).toBe(etag);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await rawRequest(url, 'GET', { 'If-None-Match': '"other"' })).status).toBe(200);
  });

  test('unknown and malformed ids are 404 and 400, not cached', async () => {
    const missing = await api.request('GET', `/api/v1/media/${'a'.repeat(24)}`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('MEDIA_NOT_FOUND');
    expect(missing.headers.get('cache-control')).toBe('no-store');
    expect((await api.request('GET', '/api/v1/media/..%2F..%2Fetc%2Fpasswd')).status).toBe(400);
    expect((await api.request('GET', '/api/v1/media/abc')).status).toBe(400);
  });
});

describe('admin media library', () => {
  test('lists newest first, filters by kind, pages', async () => {
    const a = await upload(editor, fixture('cover.jpg'), 'list-a.jpg');
    const b = await upload(editor, fixture('tiny-2s.mp4'), 'list-b.mp4');
    const all = await api.request('GET', '/api/v1/admin/media?pageSize=2', { token: editor });
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ page: 1, pageSize: 2 });
    expect(all.body.items.map((m: { id: string }) => m.id)).toEqual([b.body.id, a.body.id]);
    expect(all.body.total).toBeGreaterThanOrEqual(2);
    const videos = await api.request('GET', '/api/v1/admin/media?kind=video&pageSize=100', { token: editor });
    expect(videos.body.items.every((m: { kind: string }) => m.kind === 'video')).toBe(true);
    expect(videos.body.items.map((m: { id: string }) => m.id)).toContain(b.body.id);
  });

  test.each([
    ['an operator in the query', '?kind[$ne]=image'],
    ['an unknown kind', '?kind=document'],
    ['a page size over the limit', '?pageSize=1000'],
    ['an unknown parameter', '?sort=size'],
  ])('%s is a 400', async (_n, qs) => {
    expect((await api.request('GET', `/api/v1/admin/media${qs}`, { token: editor })).status).toBe(400);
  });

  test('a file nothing uses is deleted with its bytes; one a track uses is 409 MEDIA_IN_USE', async () => {
    const before = filesOnDisk();
    const free = await upload(editor, fixture('cover.png'), 'delete-me.png');
    expect(filesOnDisk()).toHaveLength(before.length + 1);
    expect((await api.request('DELETE', `/api/v1/admin/media/${free.body.id}`, { token: editor })).status).toBe(204);
    expect(filesOnDisk()).toEqual(before);
    expect((await api.request('GET', free.body.url)).status).toBe(404);
    expect((await api.request('DELETE', `/api/v1/admin/media/${free.body.id}`, { token: editor })).status).toBe(404);

    const audio = await upload(editor, fixture('tone-3s.mp3'), 'used.mp3');
    const track = await api.request('POST', '/api/v1/admin/audio', {
      token: editor, body: { mediaId: audio.body.id, title: '使用中的音频', category: '助眠', description: '' },
    });
    expect(track.status).toBe(201);
    await api.request('POST', `/api/v1/admin/audio/${track.body.id}/archive`, { token: editor, body: {} });
    const inUse = await api.request('DELETE', `/api/v1/admin/media/${audio.body.id}`, { token: editor });
    expect(inUse.status).toBe(409);
    expect(inUse.body.error.code).toBe('MEDIA_IN_USE');
    expect(inUse.body.error.message).toContain('使用中的音频');
    expect((await bytes(api.url + audio.body.url)).status).toBe(200);
  });

  test('a file an article uses as its cover is 409 too', async () => {
    const cover = await upload(editor, fixture('cover.png'), 'article-cover.png');
    await mongoose.connection.db!.collection('articles').insertOne({ title: '测试文章', coverMediaId: new mongoose.Types.ObjectId(cover.body.id) });
    const res = await api.request('DELETE', `/api/v1/admin/media/${cover.body.id}`, { token: editor });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('MEDIA_IN_USE');
    await mongoose.connection.db!.collection('articles').deleteOne({ title: '测试文章' });
  });

  test('station staff cannot see or delete the library', async () => {
    const station = (await staffLogin(api, 'station-s1')).accessToken;
    expect((await api.request('GET', '/api/v1/admin/media', { token: station })).status).toBe(403);
    expect((await api.request('DELETE', `/api/v1/admin/media/${'a'.repeat(24)}`, { token: station })).status).toBe(403);
  });
});
