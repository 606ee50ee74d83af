import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import {
  DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, ListMultipartUploadsCommand, ListObjectsV2Command, S3Client,
} from '@aws-sdk/client-s3';
import mongoose from 'mongoose';
import { startS3Server, type S3TestServer } from '../../scripts/s3-server';
import { ConfigError, loadConfig } from '../../src/config';
import { createS3MediaStore, s3ObjectKey } from '../../src/modules/media/s3-media-store';
import { staffLogin, startApi, type TestApi } from '../support/api';

// The API with MEDIA_STORE=s3 against a real S3-compatible server (versitygw over a temporary folder, built once
// into .tools/bin by scripts/s3-server.js): uploads, Range serving, deletion and the seed all go through the bucket.

const BUCKET = 'xinan-media-test';
let s3: S3TestServer;
let s3Dir: string;
let client: S3Client;
let api: TestApi;
let editor: string;

beforeAll(async () => {
  s3Dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinan-s3-'));
  // The first run on a machine builds versitygw (minutes on a cold Go cache); later runs start it in well under a second.
  s3 = await startS3Server({ dataDir: s3Dir, bucket: BUCKET });
  client = new S3Client({
    endpoint: s3.endpoint, region: s3.region, forcePathStyle: true,
    credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
  });
  api = await startApi({ ...s3.env, MEDIA_DIR: path.join(s3Dir, 'api-media') });
  editor = (await staffLogin(api, 'demo-editor')).accessToken;
}, 15 * 60_000);

afterAll(async () => {
  await api?.close();
  client?.destroy();
  await s3?.stop();
  if (s3Dir) fs.rmSync(s3Dir, { recursive: true, force: true });
});

const FIXTURES = path.join(__dirname, '../fixtures/media');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));
const mediaDocs = () => mongoose.connection.db!.collection('media');

/** Every object in the bucket, by name. */
async function objectsInBucket(): Promise<string[]> {
  const names: string[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: BUCKET, ContinuationToken: token }));
    names.push(...(page.Contents ?? []).map((o) => o.Key!));
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return names.sort();
}

async function objectBytes(name: string): Promise<Buffer> {
  const res = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: name }));
  return Buffer.from(await res.Body!.transformToByteArray());
}

/** Files under MEDIA_DIR: with the S3 store only uploads in progress may ever be there. */
function localMediaFiles(): string[] {
  const walk = (dir: string): string[] => (fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : [])
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  return walk(api.config.media.dir);
}

async function upload(data: Buffer, name: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(data)]), name);
  const res = await fetch(`${api.url}/api/v1/admin/media`, { method: 'POST', body: form, headers: { Authorization: `Bearer ${editor}` } });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

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

const storageKeyOf = async (id: string) => (await mediaDocs().findOne({ _id: new mongoose.Types.ObjectId(id) }))!.storageKey as string;

describe('MEDIA_STORE=s3 against a real S3-compatible server (versitygw)', () => {
  test('the seed stores the catalog media in the bucket, and a seeded track plays from it', async () => {
    const seeded = await mediaDocs().find({ seedKey: { $ne: null } }).toArray();
    expect(seeded.length).toBeGreaterThanOrEqual(12);
    const objects = await objectsInBucket();
    for (const doc of seeded) expect(objects).toContain(s3ObjectKey(doc.storageKey));
    const track = (await api.request('GET', '/api/v1/audio')).body.items[0];
    const played = await bytes(api.url + track.url, { Range: 'bytes=0-9' });
    expect(played.status).toBe(206);
    expect(played.body).toHaveLength(10);
    // Nothing of the catalog was written to the local media folder.
    expect(localMediaFiles()).toEqual([]);
  });

  describe('an uploaded MP3', () => {
    const data = fixture('tone-3s.mp3');
    let url: string;
    let objectName: string;
    beforeAll(async () => {
      const res = await upload(data, '睡前放松.mp3');
      expect(res.status).toBe(201);
      url = api.url + res.body.url;
      objectName = s3ObjectKey(await storageKeyOf(res.body.id));
    });

    test('is stored in the bucket, byte for byte, and nowhere on local disk', async () => {
      expect(await objectsInBucket()).toContain(objectName);
      expect((await objectBytes(objectName)).equals(data)).toBe(true);
      expect(localMediaFiles()).toEqual([]);
      const whole = await bytes(url);
      expect(whole.status).toBe(200);
      expect(whole.headers['content-type']).toBe('audio/mpeg');
      expect(whole.headers['content-length']).toBe(String(data.length));
      expect(whole.body.equals(data)).toBe(true);
    });

    test('a range is 206 with exactly those bytes', async () => {
      const res = await bytes(url, { Range: 'bytes=100-1123' });
      expect(res.status).toBe(206);
      expect(res.headers['content-range']).toBe(`bytes 100-1123/${data.length}`);
      expect(res.headers['content-length']).toBe('1024');
      expect(res.body.equals(data.subarray(100, 1124))).toBe(true);
    });

    test('open and suffix ranges', async () => {
      const open = await bytes(url, { Range: 'bytes=100-' });
      expect(open.status).toBe(206);
      expect(open.body.equals(data.subarray(100))).toBe(true);
      const suffix = await bytes(url, { Range: 'bytes=-500' });
      expect(suffix.status).toBe(206);
      expect(suffix.headers['content-range']).toBe(`bytes ${data.length - 500}-${data.length - 1}/${data.length}`);
      expect(suffix.body.equals(data.subarray(data.length - 500))).toBe(true);
    });

    test('a range past the end is 416 with Content-Range: bytes */size', async () => {
      const res = await bytes(url, { Range: `bytes=${data.length}-` });
      expect(res.status).toBe(416);
      expect(res.headers['content-range']).toBe(`bytes */${data.length}`);
      expect(JSON.parse(res.body.toString()).error.code).toBe('RANGE_NOT_SATISFIABLE');
    });

    test('HEAD answers the size and type without a body', async () => {
      const res = await bytes(url, {}, 'HEAD');
      expect(res.status).toBe(200);
      expect(res.headers['content-length']).toBe(String(data.length));
      expect(res.headers['content-type']).toBe('audio/mpeg');
      expect(res.body).toHaveLength(0);
      const ranged = await bytes(url, { Range: 'bytes=0-99' }, 'HEAD');
      expect([ranged.status, ranged.headers['content-length']]).toEqual([206, '100']);
    });
  });

  test('an image over 5 MB is 413 and leaves nothing in the bucket or on disk', async () => {
    const before = { objects: await objectsInBucket(), docs: await mediaDocs().countDocuments() };
    const png = fixture('cover.png');
    const res = await upload(Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024 + 10 - png.length)]), 'huge.png');
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('MEDIA_TOO_LARGE');
    expect(await objectsInBucket()).toEqual(before.objects);
    expect(await mediaDocs().countDocuments()).toBe(before.docs);
    expect(localMediaFiles()).toEqual([]);
  });

  test('a text file renamed to .mp3 is 415 and leaves nothing in the bucket or on disk', async () => {
    const before = { objects: await objectsInBucket(), docs: await mediaDocs().countDocuments() };
    const res = await upload(Buffer.from('这不是音频，只是一段改了扩展名的文字。\n'.repeat(400)), 'relax.mp3');
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('MEDIA_TYPE_NOT_ALLOWED');
    expect(await objectsInBucket()).toEqual(before.objects);
    expect(await mediaDocs().countDocuments()).toBe(before.docs);
    expect(localMediaFiles()).toEqual([]);
  });

  test('deleting a media item removes its object from the bucket', async () => {
    const res = await upload(fixture('cover.png'), 'delete-me.png');
    expect(res.status).toBe(201);
    const name = s3ObjectKey(await storageKeyOf(res.body.id));
    expect(await objectsInBucket()).toContain(name);
    expect((await api.request('DELETE', `/api/v1/admin/media/${res.body.id}`, { token: editor })).status).toBe(204);
    expect(await objectsInBucket()).not.toContain(name);
    expect((await api.request('GET', res.body.url)).status).toBe(404);
  });

  test('a record whose object vanished from the bucket is a 404 (and logged), not a broken stream', async () => {
    const res = await upload(fixture('cover.jpg'), 'vanishing.jpg');
    await client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: s3ObjectKey(await storageKeyOf(res.body.id)) }));
    const missing = await api.request('GET', res.body.url);
    expect([missing.status, missing.body.error.code]).toEqual([404, 'MEDIA_NOT_FOUND']);
    expect(api.logs.join('\n')).toContain('media record without stored bytes');
  });

  test('the S3 secret key never appears in the logs', () => {
    expect(api.logs.length).toBeGreaterThan(0);
    expect(api.logs.join('\n')).not.toContain(s3.secretAccessKey);
  });
});

describe('the S3 store itself (files bigger than one 8 MiB part)', () => {
  const store = () => createS3MediaStore(api.config.media.s3!);

  test('a 17 MB stream is stored in parts; whole and ranged reads return the right bytes', async () => {
    const data = crypto.randomBytes(17 * 1024 * 1024 + 123);
    const { key, size } = await store().put(Readable.from(chunksOf(data, 64 * 1024)));
    expect(size).toBe(data.length);
    expect(await store().stat(key)).toEqual({ size: data.length });
    const head = await client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: s3ObjectKey(key) }));
    expect(head.ContentLength).toBe(data.length);
    expect((await readAll(store().createReadStream(key))).equals(data)).toBe(true);
    const start = 8 * 1024 * 1024 - 5;
    expect((await readAll(store().createReadStream(key, { start, end: start + 9 }))).equals(data.subarray(start, start + 10))).toBe(true);
    await store().remove(key);
    expect(await store().stat(key)).toBeNull();
    await store().remove(key); // a missing object is not an error
  });

  test('a source that fails half-way leaves no object and no unfinished multipart upload behind', async () => {
    const before = await objectsInBucket();
    const data = crypto.randomBytes(9 * 1024 * 1024);
    async function* failing() {
      yield* chunksOf(data, 64 * 1024);
      throw new Error('the upload was abandoned');
    }
    await expect(store().put(Readable.from(failing()))).rejects.toThrow('the upload was abandoned');
    expect(await objectsInBucket()).toEqual(before);
    const pending = await client.send(new ListMultipartUploadsCommand({ Bucket: BUCKET }));
    expect(pending.Uploads ?? []).toEqual([]);
  });

  test('a reader that goes away early does not break later reads', async () => {
    const { key } = await store().put(Readable.from([crypto.randomBytes(3 * 1024 * 1024)]));
    const early = store().createReadStream(key);
    await new Promise<void>((resolve) => early.once('data', () => { early.destroy(); resolve(); }));
    expect((await readAll(store().createReadStream(key, { start: 0, end: 9 }))).length).toBe(10);
    await store().remove(key);
  });

  test('sixty slow listeners holding their downloads open do not block the next one', async () => {
    const s = store();
    const { key } = await s.put(Readable.from([crypto.randomBytes(8 * 1024 * 1024)]));
    // Each of these got its headers and then stopped reading, as a paused player does: its connection stays busy.
    const slow = await Promise.all(Array.from({ length: 60 }, () => new Promise<Readable>((resolve, reject) => {
      const r = s.createReadStream(key);
      r.once('readable', () => resolve(r));
      r.once('error', reject);
    })));
    try {
      const started = Date.now();
      expect(await readAll(s.createReadStream(key, { start: 0, end: 9 }))).toHaveLength(10);
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      for (const r of slow) r.destroy();
      await s.remove(key);
    }
  });

  test('a key the store did not make is refused before any request', () => {
    expect(() => store().createReadStream('../../etc/passwd')).toThrow('invalid media key');
  });
});

describe('MEDIA_STORE=s3 configuration', () => {
  const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'xinan-config-s3-'));

  test('names every missing setting and never echoes the secret', () => {
    let message = '';
    try {
      loadConfig({ DATA_DIR: dir(), MEDIA_STORE: 's3', S3_SECRET_ACCESS_KEY: 'super-secret-value-1234' });
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      message = (e as Error).message;
    }
    expect(message).toMatch(/S3_BUCKET is required when MEDIA_STORE=s3/);
    expect(message).toMatch(/S3_ACCESS_KEY_ID is required when MEDIA_STORE=s3/);
    expect(message).not.toMatch(/S3_SECRET_ACCESS_KEY is required/);
    expect(message).not.toContain('super-secret-value-1234');
  });

  test('rejects a malformed endpoint, bucket, path-style flag or store name', () => {
    const ok = { DATA_DIR: dir(), MEDIA_STORE: 's3', S3_BUCKET: 'xinan-media', S3_ACCESS_KEY_ID: 'a', S3_SECRET_ACCESS_KEY: 'b' };
    expect(() => loadConfig({ ...ok, S3_ENDPOINT: 'not a url' })).toThrow(/S3_ENDPOINT/);
    expect(() => loadConfig({ ...ok, S3_ENDPOINT: 'ftp://files.example.com' })).toThrow(/S3_ENDPOINT/);
    expect(() => loadConfig({ ...ok, S3_BUCKET: 'Bad_Bucket' })).toThrow(/S3_BUCKET must be a valid bucket name/);
    expect(() => loadConfig({ ...ok, S3_FORCE_PATH_STYLE: 'yes' })).toThrow(/S3_FORCE_PATH_STYLE/);
    expect(() => loadConfig({ ...ok, MEDIA_STORE: 'ftp' })).toThrow(/MEDIA_STORE/);
  });

  test('defaults: local store without S3 settings; with s3, region us-east-1 and path-style addressing', () => {
    expect(loadConfig({ DATA_DIR: dir() }).media).toMatchObject({ store: 'local', s3: null });
    const s3Config = loadConfig({
      DATA_DIR: dir(), MEDIA_STORE: 's3', S3_ENDPOINT: 'https://oss-cn-hangzhou.aliyuncs.com/', S3_BUCKET: 'xinan-media',
      S3_ACCESS_KEY_ID: 'a', S3_SECRET_ACCESS_KEY: 'b', S3_FORCE_PATH_STYLE: 'false',
    }).media;
    expect(s3Config).toMatchObject({
      store: 's3',
      s3: { endpoint: 'https://oss-cn-hangzhou.aliyuncs.com', region: 'us-east-1', bucket: 'xinan-media', forcePathStyle: false },
    });
  });
});

function* chunksOf(data: Buffer, size: number) {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}
