import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import mongoose, { Types } from 'mongoose';
import { z } from 'zod';
import { isDuplicateKey } from '../../db';
import { MediaModel } from '../media/media.model';
import type { MediaService } from '../media/media.service';
import { AUDIO_CATEGORIES, AudioTrackModel } from './audio-track.model';
import { VideoModel } from './video.model';

// content/media/catalog.json, made by content/scripts/make-media.sh. Paths are relative to content/media.
const relativeFile = z.string().min(1).max(200).regex(/^[A-Za-z0-9._/-]+$/).refine((p) => !p.split('/').includes('..') && !p.startsWith('/'), 'path must stay inside content/media');
const catalogSchema = z.object({
  tracks: z.array(z.object({
    key: z.string().regex(/^[a-z0-9-]{1,60}$/),
    title: z.string().min(1).max(60),
    category: z.enum(AUDIO_CATEGORIES),
    file: relativeFile,
    cover: relativeFile.nullable().optional(),
    description: z.string().max(500).default(''),
    guided: z.boolean().default(false),
    transcript: z.string().max(10000).nullable().optional(),
  }).loose()).default([]),
  videos: z.array(z.object({
    key: z.string().regex(/^[a-z0-9-]{1,60}$/),
    title: z.string().min(1).max(60),
    file: relativeFile,
    cover: relativeFile.nullable().optional(),
    description: z.string().max(500).default(''),
  }).loose()).default([]),
}).loose();

/** A stable ObjectId for a seeded record: the insert of that _id is the "exactly once" claim across instances and restarts. */
export function seedObjectId(kind: string, key: string): Types.ObjectId {
  return new Types.ObjectId(crypto.createHash('sha256').update(`xinan-seed:${kind}:${key}`).digest().subarray(0, 12).toString('hex'));
}

async function sha256Of(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

/**
 * Loads the relaxation library from content/media/catalog.json: copies each file into the media store once, and
 * creates the tracks and videos with durations read from the files. A record that exists (seeded before, maybe
 * edited or archived since) is left alone, so a restart only reads the catalog and does one lookup per collection.
 * Without a catalog it does nothing.
 */
export async function seedMedia(deps: { media: MediaService }, mediaDir: string, print: (line: string) => void = () => undefined) {
  const catalogFile = path.join(mediaDir, 'catalog.json');
  if (!fs.existsSync(catalogFile)) return { tracks: 0, videos: 0 };
  const catalog = catalogSchema.parse(JSON.parse(fs.readFileSync(catalogFile, 'utf8')));

  const trackIds = catalog.tracks.map((t) => seedObjectId('track', t.key));
  const videoIds = catalog.videos.map((v) => seedObjectId('video', v.key));
  const [haveTracks, haveVideos] = await Promise.all([
    AudioTrackModel.find({ _id: mongoose.trusted({ $in: trackIds }) }, { _id: 1 }).lean(),
    VideoModel.find({ _id: mongoose.trusted({ $in: videoIds }) }, { _id: 1 }).lean(),
  ]);
  const existing = new Set([...haveTracks, ...haveVideos].map((d) => String(d._id)));

  /** The media record of one catalog file, stored on first use; null (with a warning) when the file is missing or unusable. */
  async function ensureMedia(seedKey: string, relative: string): Promise<{ _id: Types.ObjectId; durationSec: number | null } | null> {
    const _id = seedObjectId('media', seedKey);
    const have = await MediaModel.findById(_id, { durationSec: 1 }).lean();
    if (have) return { _id, durationSec: have.durationSec ?? null };
    const file = path.join(mediaDir, relative);
    try {
      const size = (await fs.promises.stat(file)).size;
      const inspected = await deps.media.inspect(file, size, path.basename(file));
      const stored = await deps.media.storeFile(file, {
        _id, size, sha256: await sha256Of(file), originalName: path.basename(file), title: null, uploadedBy: 'seed', seedKey,
      }, inspected);
      return { _id, durationSec: stored.durationSec ?? null };
    } catch (e) {
      if (isDuplicateKey(e)) {
        // Another instance stored it at the same moment (our copy of the bytes was removed again).
        const theirs = await MediaModel.findById(_id, { durationSec: 1 }).lean();
        if (theirs) return { _id, durationSec: theirs.durationSec ?? null };
      }
      print(`媒体库：跳过 ${relative}（${(e as Error).message}）`);
      return null;
    }
  }

  async function insertOnce(create: () => Promise<unknown>): Promise<boolean> {
    try {
      await create();
      return true;
    } catch (e) {
      if (isDuplicateKey(e)) return false;
      throw e;
    }
  }

  // Creation times follow the catalog order, which is the order residents see within a category.
  const base = Date.now();
  // In parallel: hashing and copying a dozen files one by one is most of the seed step's time.
  const trackResults = await Promise.all(catalog.tracks.map(async (t, i) => {
    const _id = trackIds[i]!;
    if (existing.has(String(_id))) return false;
    const audio = await ensureMedia(`track:${t.key}:audio`, t.file);
    if (!audio) return false;
    const cover = t.cover ? await ensureMedia(`track:${t.key}:cover`, t.cover) : null;
    const at = new Date(base + i);
    return insertOnce(() => AudioTrackModel.create({
      _id, title: t.title, category: t.category, description: t.description, guided: t.guided,
      transcript: t.transcript?.trim() || null, mediaId: audio._id, coverMediaId: cover?._id ?? null,
      durationSec: audio.durationSec, state: 'published', seedKey: t.key, createdBy: 'seed', updatedBy: 'seed', createdAt: at, updatedAt: at,
    }));
  }));
  const videoResults = await Promise.all(catalog.videos.map(async (v, i) => {
    const _id = videoIds[i]!;
    if (existing.has(String(_id))) return false;
    const video = await ensureMedia(`video:${v.key}:video`, v.file);
    if (!video) return false;
    const cover = v.cover ? await ensureMedia(`video:${v.key}:cover`, v.cover) : null;
    return insertOnce(() => VideoModel.create({
      _id, title: v.title, description: v.description, mediaId: video._id, coverMediaId: cover?._id ?? null,
      durationSec: video.durationSec, state: 'published', seedKey: v.key, createdBy: 'seed', updatedBy: 'seed',
      createdAt: new Date(base + i), updatedAt: new Date(base + i),
    }));
  }));
  const tracks = trackResults.filter(Boolean).length;
  const videos = videoResults.filter(Boolean).length;
  if (tracks || videos) print(`放松音频：载入 ${tracks} 段音频、${videos} 段视频`);
  return { tracks, videos };
}
