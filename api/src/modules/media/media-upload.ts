import crypto from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import type { Readable } from 'node:stream';
import busboy from 'busboy';
import { AppError, ValidationError } from '../../http/errors';
import { allowedType, type AllowedType, type MediaKind } from './media-type';

export interface UploadLimits { image: number; audio: number; video: number }

export interface ReceivedUpload {
  tmpPath: string;
  size: number;
  sha256: string;
  /** The type the first bytes showed; the service confirms it on the whole file. */
  provisional: AllowedType;
  filename: string;
  title: string | null;
}

interface ReceiveOptions {
  tmpDir: string;
  limits: UploadLimits;
  sniffHead: (head: Uint8Array) => Promise<{ ext: string; mime: string } | undefined>;
  headBytes: number;
}

const KIND_LABEL: Record<MediaKind, string> = { image: '图片', audio: '音频', video: '视频' };
const MB = 1024 * 1024;
// Room for the multipart boundaries and the title field around the file itself.
const MULTIPART_OVERHEAD = 64 * 1024;
export const TITLE_MAX = 100;

export function tooLarge(kind: MediaKind | null, limits: UploadLimits): AppError {
  const message = kind
    ? `文件太大了：${KIND_LABEL[kind]}不能超过 ${Math.round(limits[kind] / MB)} MB`
    : `文件太大了：最大不能超过 ${Math.round(Math.max(limits.image, limits.audio, limits.video) / MB)} MB`;
  return new AppError(413, 'MEDIA_TOO_LARGE', message);
}

export function notAllowed(message = '只能上传 PNG、JPEG、WebP 图片，MP3、M4A/AAC 音频或 MP4 视频'): AppError {
  return new AppError(415, 'MEDIA_TYPE_NOT_ALLOWED', message);
}

const badForm = (message: string) => new ValidationError([{ in: 'body', path: 'file', code: 'invalid_multipart', message }], message);

/**
 * Streams the one `file` part of a multipart/form-data request to a temporary file, hashing it on the way. The kind
 * is recognised from the first bytes, and that kind's size limit is enforced while the bytes arrive, so an oversize
 * upload is stopped early and never fills the disk. On any failure the temporary file is gone before this throws.
 */
export async function receiveUpload(req: IncomingMessage, opts: ReceiveOptions): Promise<ReceivedUpload> {
  if (!/^multipart\/form-data\s*;/i.test(req.headers['content-type'] ?? '')) {
    throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传文件（字段名 file）');
  }
  const maxFile = Math.max(opts.limits.image, opts.limits.audio, opts.limits.video);
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxFile + MULTIPART_OVERHEAD) {
    // Not worth reading at all; the connection is closed after the answer instead of draining it.
    throw new AppError(413, 'MEDIA_TOO_LARGE', tooLarge(null, opts.limits).message, undefined, { Connection: 'close' });
  }

  await fs.promises.mkdir(opts.tmpDir, { recursive: true });
  const tmpPath = path.join(opts.tmpDir, `upload-${crypto.randomBytes(12).toString('hex')}`);
  let title: string | null = null;
  let file: Promise<Omit<ReceivedUpload, 'tmpPath' | 'title'> | undefined> | undefined;
  let fileStream: Readable | undefined;
  let failure: unknown;

  try {
    await new Promise<void>((resolve, reject) => {
      let bb: busboy.Busboy;
      try {
        bb = busboy({
          headers: req.headers,
          defParamCharset: 'utf8', // browsers send Chinese file names as raw UTF-8
          limits: { files: 1, fields: 2, parts: 3, fieldSize: 1024, headerPairs: 20, fileSize: maxFile + 1 },
        });
      } catch {
        reject(badForm('上传的内容格式不正确'));
        return;
      }
      const stop = (e: unknown) => {
        if (failure !== undefined) return;
        failure = e;
        req.unpipe(bb);
        // The parser gets no more bytes, so a file still being received would wait forever: end it here.
        fileStream?.destroy();
        // Reading the rest before answering lets the client see our answer instead of a reset connection.
        void drain(req, Number.isFinite(declared) ? declared : 32 * MB).then(() => reject(e));
      };
      // An exception inside a parser event would escape every request handler and end the process: turn it into
      // this upload's failure instead.
      const guarded = <A extends unknown[]>(fn: (...args: A) => void) => (...args: A) => {
        try { fn(...args); } catch (e) { stop(e); }
      };
      bb.on('file', guarded((name: string | undefined, stream: Readable, info: busboy.FileInfo) => {
        stream.on('error', () => undefined);
        if (failure !== undefined || name !== 'file' || file) {
          stream.resume();
          if (name !== 'file') stop(badForm('文件字段的名称应为 file'));
          else if (file) stop(badForm('一次只能上传一个文件'));
          return;
        }
        fileStream = stream;
        file = receiveFile(stream, tmpPath, opts).then(
          (r) => ({ ...r, filename: info.filename ?? '' }),
          (e) => { stream.resume(); stop(e); return undefined; },
        );
      }));
      bb.on('field', guarded((name: string | undefined, value: string, info: busboy.FieldInfo) => {
        // busboy reports a part without a usable name (name="") with name undefined.
        if (name !== 'title') return stop(badForm(`不认识的字段：${String(name ?? '').slice(0, 40)}`));
        if (info.valueTruncated || [...value].length > TITLE_MAX) return stop(badForm(`标题不能超过 ${TITLE_MAX} 个字`));
        title = value.trim() || null;
      }));
      bb.on('partsLimit', () => stop(badForm('上传的内容太多了')));
      bb.on('filesLimit', () => stop(badForm('一次只能上传一个文件')));
      bb.on('fieldsLimit', () => stop(badForm('上传的内容太多了')));
      bb.on('error', () => stop(badForm('上传的内容格式不正确')));
      bb.on('close', () => { if (failure === undefined) resolve(); });
      req.on('close', () => { if (!req.complete) stop(badForm('上传中断了，请重试')); });
      req.pipe(bb);
    });
    // The parser can finish before the last bytes reach the disk: wait for the file, then look for late failures.
    const received = file ? await file : undefined;
    if (failure !== undefined) throw failure;
    if (!received) throw badForm('请选择要上传的文件（字段名 file）');
    return { ...received, tmpPath, title };
  } catch (e) {
    await file?.catch(() => undefined);
    await fs.promises.rm(tmpPath, { force: true });
    throw e;
  }
}

async function receiveFile(stream: Readable & { truncated?: boolean }, tmpPath: string, opts: ReceiveOptions) {
  const hash = crypto.createHash('sha256');
  const out = fs.createWriteStream(tmpPath, { flags: 'wx' });
  out.on('error', () => undefined);
  let size = 0;
  let head: Buffer[] = [];
  let headSize = 0;
  let type: AllowedType | null = null;
  const recognise = async () => {
    const found = allowedType(await opts.sniffHead(Buffer.concat(head)));
    head = [];
    if (!found) throw notAllowed();
    return found;
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (!type) {
        head.push(chunk);
        headSize += chunk.length;
        if (headSize >= opts.headBytes) type = await recognise();
      }
      if (size > (type ? opts.limits[type.kind] : Math.max(opts.limits.image, opts.limits.audio, opts.limits.video))) {
        throw tooLarge(type?.kind ?? null, opts.limits);
      }
      hash.update(chunk);
      if (!out.write(chunk)) await once(out, 'drain');
    }
    if (stream.truncated) throw tooLarge(type?.kind ?? null, opts.limits);
    if (!type) type = await recognise(); // a file smaller than the sniffing window
    if (size > opts.limits[type.kind]) throw tooLarge(type.kind, opts.limits);
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    return { size, sha256: hash.digest('hex'), provisional: type };
  } catch (e) {
    // The stream must be closed before the caller deletes the file, or a late open could recreate it.
    if (!out.closed) await new Promise<void>((resolve) => { out.once('close', () => resolve()); out.destroy(); });
    throw e;
  }
}

function drain(req: IncomingMessage, cap: number): Promise<void> {
  return new Promise((resolve) => {
    if (req.complete || req.destroyed) return resolve();
    let seen = 0;
    req.on('data', (c: Buffer) => {
      seen += c.length;
      if (seen > cap + MULTIPART_OVERHEAD) {
        req.destroy();
        resolve();
      }
    });
    req.once('end', () => resolve());
    req.once('close', () => resolve());
    req.resume();
  });
}
