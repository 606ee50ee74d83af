import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Where media bytes live. Records in the `media` collection point at a key; nothing else knows how bytes are kept.
 * The local-disk store below is the default (DATA_DIR/media). With several API instances the S3-compatible store
 * (s3-media-store.ts: MinIO, versitygw, COS, OSS; MEDIA_STORE=s3) goes behind this same interface.
 */
export interface MediaStore {
  /** Stores the stream's bytes under a new key; the object is visible only once complete. */
  put(source: Readable): Promise<{ key: string; size: number }>;
  /** Size of a stored object, or null when it is not there. */
  stat(key: string): Promise<{ size: number } | null>;
  /** The object's bytes, or only `start`..`end` (inclusive, as in HTTP Range). */
  createReadStream(key: string, range?: { start: number; end: number }): Readable;
  /** Deletes the object; a missing one is not an error. */
  remove(key: string): Promise<void>;
}

// Keys are ours (random hex), never a user's file name, so they cannot point outside the store.
const KEY = /^[a-f0-9]{32}$/;

export class InvalidMediaKey extends Error {}

export const newMediaKey = () => crypto.randomBytes(16).toString('hex');

/** Refuses anything that is not a key this code made (throws InvalidMediaKey). */
export function checkMediaKey(key: string): string {
  if (!KEY.test(key)) throw new InvalidMediaKey('invalid media key');
  return key;
}

export function createLocalMediaStore(dir: string): MediaStore {
  // Two-level fan-out keeps directories small with many thousands of files.
  const fileOf = (key: string) => path.join(dir, checkMediaKey(key).slice(0, 2), key);
  return {
    async put(source) {
      const key = newMediaKey();
      const target = fileOf(key);
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      // Written under a temporary name and renamed: a reader never sees half a file.
      const partial = `${target}.part`;
      try {
        await pipeline(source, fs.createWriteStream(partial, { flags: 'wx' }));
        await fs.promises.rename(partial, target);
      } catch (e) {
        await fs.promises.rm(partial, { force: true });
        throw e;
      }
      return { key, size: (await fs.promises.stat(target)).size };
    },
    async stat(key) {
      try {
        const s = await fs.promises.stat(fileOf(key));
        return s.isFile() ? { size: s.size } : null;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
    },
    createReadStream(key, range) {
      return fs.createReadStream(fileOf(key), range ? { start: range.start, end: range.end } : {});
    },
    async remove(key) {
      await fs.promises.rm(fileOf(key), { force: true });
    },
  };
}
