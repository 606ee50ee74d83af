import { PassThrough, pipeline, type Readable } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
  type CompletedPart,
} from '@aws-sdk/client-s3';
import { checkMediaKey, newMediaKey, type MediaStore } from './media-store';

export interface S3MediaStoreConfig {
  /** Base URL of an S3-compatible server; undefined means AWS S3 itself. */
  endpoint: string | undefined;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** endpoint/bucket/key (MinIO, versitygw) rather than bucket.endpoint/key (required by Aliyun OSS). */
  forcePathStyle: boolean;
}

/**
 * Object names inside the bucket: one prefix so the bucket can be shared and a lifecycle rule can target media.
 * The key itself is always one we made (checkMediaKey), so a record can never name another object.
 */
export const s3ObjectKey = (key: string) => `media/${checkMediaKey(key)}`;

// Uploads are cut into parts of this size (S3's minimum is 5 MiB): one request for most files, and at most one part
// in memory per upload however large the file is.
const PART_BYTES = 8 * 1024 * 1024;
// Calls without a streamed body should answer quickly; a store that hangs must not hang the request with it.
const SHORT_CALL_MS = 30_000;
// One part is at most PART_BYTES: generous for a slow link, still finite.
const PART_CALL_MS = 5 * 60_000;
// Connections to the store per API instance: about as many media downloads as one instance serves at once.
const MAX_CONNECTIONS = 1000;

export function createS3Client(config: S3MediaStoreConfig): S3Client {
  return new S3Client({
    region: config.region,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    forcePathStyle: config.forcePathStyle,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    // The SDK's default extra checksums (CRC32 headers and trailers) are refused by several S3-compatible servers
    // (Aliyun OSS, Tencent COS, older MinIO); send them only when an operation requires one.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // No socket idle timeout: a player may pause reading a long download, and that must not cut its stream. Each
    // listener holds one connection for as long as it downloads, so the SDK's default pool of 50 would make the
    // 51st listener wait.
    requestHandler: { connectionTimeout: 5_000, httpAgent: { maxSockets: MAX_CONNECTIONS }, httpsAgent: { maxSockets: MAX_CONNECTIONS } },
  });
}

const isNotFound = (e: unknown) => {
  const err = e as { name?: string; $metadata?: { httpStatusCode?: number } };
  return err?.name === 'NotFound' || err?.name === 'NoSuchKey' || err?.$metadata?.httpStatusCode === 404;
};

/** The MediaStore on an S3-compatible bucket (MEDIA_STORE=s3). The bucket must exist. */
export function createS3MediaStore(config: S3MediaStoreConfig, client: S3Client = createS3Client(config)): MediaStore {
  const Bucket = config.bucket;

  async function uploadMultipart(Key: string, first: Buffer, rest: AsyncIterator<Buffer>): Promise<number> {
    const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket, Key }), { abortSignal: AbortSignal.timeout(SHORT_CALL_MS) });
    if (!UploadId) throw new Error('the S3 store started a multipart upload without an UploadId');
    const parts: CompletedPart[] = [];
    let size = 0;
    try {
      const sendPart = async (body: Buffer) => {
        const PartNumber = parts.length + 1;
        const { ETag } = await client.send(
          new UploadPartCommand({ Bucket, Key, UploadId, PartNumber, Body: body, ContentLength: body.length }),
          { abortSignal: AbortSignal.timeout(PART_CALL_MS) },
        );
        parts.push({ PartNumber, ETag });
        size += body.length;
      };
      await sendPart(first);
      for (let part = await nextPart(rest); part.length > 0; part = await nextPart(rest)) await sendPart(part);
      await client.send(
        new CompleteMultipartUploadCommand({ Bucket, Key, UploadId, MultipartUpload: { Parts: parts } }),
        { abortSignal: AbortSignal.timeout(PART_CALL_MS) },
      );
      return size;
    } catch (e) {
      // Parts of an unfinished upload are invisible but stored (and billed): drop them. Should this fail too, a
      // bucket lifecycle rule (abort incomplete multipart uploads after a day) is the safety net.
      await client.send(new AbortMultipartUploadCommand({ Bucket, Key, UploadId }), { abortSignal: AbortSignal.timeout(SHORT_CALL_MS) })
        .catch(() => undefined);
      throw e;
    }
  }

  return {
    async put(source) {
      const key = newMediaKey();
      const Key = s3ObjectKey(key);
      const chunks = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
      try {
        const first = await nextPart(chunks);
        // A file smaller than one part (most of them) is one PutObject: S3 shows an object only once it is complete.
        if (first.length < PART_BYTES) {
          await client.send(
            new PutObjectCommand({ Bucket, Key, Body: first, ContentLength: first.length }),
            { abortSignal: AbortSignal.timeout(PART_CALL_MS) },
          );
          return { key, size: first.length };
        }
        return { key, size: await uploadMultipart(Key, first, chunks) };
      } catch (e) {
        source.destroy();
        throw e;
      }
    },

    async stat(key) {
      try {
        const head = await client.send(new HeadObjectCommand({ Bucket, Key: s3ObjectKey(key) }), { abortSignal: AbortSignal.timeout(SHORT_CALL_MS) });
        return { size: Number(head.ContentLength ?? 0) };
      } catch (e) {
        if (isNotFound(e)) return null;
        throw e;
      }
    },

    createReadStream(key, range) {
      const Key = s3ObjectKey(key);
      const out = new PassThrough();
      // Until the object's headers arrive the request may be abandoned: by the client going away, or by a store
      // that does not answer. Once the body flows, pipeline ties its life to `out` instead.
      const request = new AbortController();
      const headersTimer = setTimeout(() => request.abort(new Error('the S3 store did not answer in time')), SHORT_CALL_MS);
      const abandon = () => request.abort();
      out.once('close', abandon);
      client.send(
        new GetObjectCommand({ Bucket, Key, ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}) }),
        { abortSignal: request.signal },
      ).then((res) => {
        clearTimeout(headersTimer);
        out.removeListener('close', abandon);
        const body = res.Body as Readable | undefined;
        if (!body) { out.destroy(new Error('the S3 store answered without a body')); return; }
        if (out.destroyed) { body.destroy(); return; }
        // Errors reach `out` (and so Koa) through pipeline; a consumer that goes away destroys the S3 body too.
        pipeline(body, out, () => undefined);
      }, (e: unknown) => {
        clearTimeout(headersTimer);
        out.removeListener('close', abandon);
        out.destroy(e instanceof Error ? e : new Error(String(e)));
      });
      return out;
    },

    async remove(key) {
      try {
        await client.send(new DeleteObjectCommand({ Bucket, Key: s3ObjectKey(key) }), { abortSignal: AbortSignal.timeout(SHORT_CALL_MS) });
      } catch (e) {
        if (!isNotFound(e)) throw e;
      }
    },
  };
}

/** Reads up to PART_BYTES from the stream; shorter only at its end (empty when it has ended). */
async function nextPart(chunks: AsyncIterator<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  let length = 0;
  while (length < PART_BYTES) {
    const { value, done } = await chunks.next();
    if (done) break;
    const chunk = Buffer.isBuffer(value) ? value : Buffer.from(value as Uint8Array);
    parts.push(chunk);
    length += chunk.length;
  }
  return Buffer.concat(parts, length);
}
