import mongoose, { Types } from 'mongoose';
import { AppError, NotFoundError } from '../../http/errors';
import { isDuplicateKey } from '../../db';
import { mediaUrl, type MediaService } from '../media/media.service';
import { AudioPlayModel } from './audio-play.model';
import { AUDIO_CATEGORIES, AudioTrackModel, type AudioCategory, type TrackState } from './audio-track.model';
import type { AdminTrackView, TrackView } from './audio.schemas';
import { ListeningPositionModel } from './listening-position.model';
import { createVideoService } from './video.service';
import type { ViewCounting } from './view-counting';

interface Deps {
  media: Pick<MediaService, 'kindOf'>;
  /** Counts a listener once per track and day. */
  viewCounting: ViewCounting;
  now?: () => Date;
}

type TrackDoc = {
  _id: Types.ObjectId; title: string; category: string; description?: string | null; guided?: boolean | null;
  transcript?: string | null; mediaId: Types.ObjectId; coverMediaId?: Types.ObjectId | null; durationSec?: number | null;
  state: string; createdAt: Date; updatedAt: Date;
};

const LIST_LIMIT = 500;
const categoryRank = (c: string) => AUDIO_CATEGORIES.indexOf(c as AudioCategory);
const trackNotFound = () => new NotFoundError('AUDIO_NOT_FOUND', '没有找到这段音频，它可能已经下架了');

export function trackViewOf(t: TrackDoc): TrackView {
  return {
    id: String(t._id), title: t.title, category: t.category as AudioCategory, durationSec: t.durationSec ?? null,
    url: mediaUrl(t.mediaId), cover: t.coverMediaId ? mediaUrl(t.coverMediaId) : null,
    description: t.description ?? '', guided: Boolean(t.guided),
  };
}

function adminViewOf(t: TrackDoc, plays: number): AdminTrackView {
  return {
    ...trackViewOf(t), state: t.state as TrackState, mediaId: String(t.mediaId),
    coverMediaId: t.coverMediaId ? String(t.coverMediaId) : null, transcript: t.transcript ?? null, plays,
    createdAt: t.createdAt.toISOString(), updatedAt: t.updatedAt.toISOString(),
  };
}

// Residents see categories in the fixed order, and within one the order tracks were added (the catalog's order).
const byCategoryThenAge = (a: TrackDoc, b: TrackDoc) =>
  categoryRank(a.category) - categoryRank(b.category) || a.createdAt.getTime() - b.createdAt.getTime() || String(a._id).localeCompare(String(b._id));

const published = (id: string) => ({ _id: new Types.ObjectId(id), state: 'published' as const });

export interface TrackInput {
  mediaId?: string | undefined; title?: string | undefined; category?: AudioCategory | undefined; description?: string | undefined;
  coverMediaId?: string | null | undefined; transcript?: string | null | undefined; guided?: boolean | undefined; state?: TrackState | undefined;
}

export function createAudioService(deps: Deps) {
  const now = deps.now ?? (() => new Date());
  const videos = createVideoService(deps);

  async function playCounts(ids: Types.ObjectId[]): Promise<Map<string, number>> {
    if (!ids.length) return new Map();
    const rows = await AudioPlayModel.aggregate<{ _id: Types.ObjectId; n: number }>([
      { $match: { trackId: { $in: ids } } },
      { $group: { _id: '$trackId', n: { $sum: 1 } } },
    ]);
    return new Map(rows.map((r) => [String(r._id), r.n]));
  }

  /** The audio file a track plays must be audio; its cover must be an image. Returns the audio's duration. */
  async function checkMedia(input: { mediaId?: string | undefined; coverMediaId?: string | null | undefined }) {
    let durationSec: number | null | undefined;
    if (input.mediaId !== undefined) {
      const m = await deps.media.kindOf(input.mediaId);
      if (!m) throw new NotFoundError('MEDIA_NOT_FOUND', '没有找到选择的音频文件');
      if (m.kind !== 'audio') throw new AppError(400, 'MEDIA_KIND_MISMATCH', '请选择一个音频文件（MP3 或 M4A）');
      durationSec = m.durationSec;
    }
    if (input.coverMediaId) {
      const c = await deps.media.kindOf(input.coverMediaId);
      if (!c) throw new NotFoundError('MEDIA_NOT_FOUND', '没有找到选择的封面图片');
      if (c.kind !== 'image') throw new AppError(400, 'MEDIA_KIND_MISMATCH', '封面需要是一张图片');
    }
    return durationSec;
  }

  async function adminView(id: Types.ObjectId): Promise<AdminTrackView> {
    const doc = await AudioTrackModel.findById(id).lean();
    if (!doc) throw trackNotFound();
    return adminViewOf(doc, (await playCounts([doc._id])).get(String(doc._id)) ?? 0);
  }

  return {
    async listPublic(category?: AudioCategory): Promise<{ items: TrackView[] }> {
      const rows = await AudioTrackModel.find({ state: 'published', ...(category ? { category } : {}) }).limit(LIST_LIMIT).lean();
      return { items: rows.sort(byCategoryThenAge).map(trackViewOf) };
    },

    async getPublic(id: string) {
      const doc = await AudioTrackModel.findOne(published(id)).lean();
      if (!doc) throw trackNotFound();
      return { ...trackViewOf(doc), transcript: doc.transcript ?? null, plays: await AudioPlayModel.countDocuments({ trackId: doc._id }) };
    },

    /** Who is listening, for recordPlay (see view-counting.ts). */
    viewerOf: deps.viewCounting.viewerOf,

    /** Counts a play at most once per listener and China day; a repeat is accepted and not counted. */
    async recordPlay(id: string, viewer: string, at: Date = now()): Promise<void> {
      if (!(await AudioTrackModel.exists(published(id)))) throw trackNotFound();
      try {
        await AudioPlayModel.create({ _id: deps.viewCounting.claimId('track', id, viewer, at), trackId: new Types.ObjectId(id), at });
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
      }
    },

    /** The relaxation videos (public list and editors' management). */
    videos,

    listVideos: videos.listPublic,

    async listAdmin(q: { category?: AudioCategory | undefined; state?: TrackState | undefined }): Promise<{ items: AdminTrackView[] }> {
      const rows = await AudioTrackModel.find({ ...(q.category ? { category: q.category } : {}), ...(q.state ? { state: q.state } : {}) })
        .limit(LIST_LIMIT).lean();
      const plays = await playCounts(rows.map((r) => r._id));
      return { items: rows.sort(byCategoryThenAge).map((r) => adminViewOf(r, plays.get(String(r._id)) ?? 0)) };
    },

    async create(input: TrackInput & { mediaId: string; title: string; category: AudioCategory; description: string }, staffId: string) {
      const durationSec = await checkMedia(input);
      const at = now();
      const transcript = input.transcript?.trim() || null;
      const doc = await AudioTrackModel.create({
        title: input.title, category: input.category, description: input.description, transcript,
        guided: input.guided ?? Boolean(transcript), mediaId: new Types.ObjectId(input.mediaId),
        coverMediaId: input.coverMediaId ? new Types.ObjectId(input.coverMediaId) : null, durationSec: durationSec ?? null,
        state: 'published', createdBy: staffId, updatedBy: staffId, createdAt: at, updatedAt: at,
      });
      return adminViewOf(doc.toObject(), 0);
    },

    /** Saves the given fields; concurrent edits of different fields both stick, of the same field the last one wins. */
    async update(id: string, input: TrackInput, staffId: string): Promise<AdminTrackView> {
      const _id = new Types.ObjectId(id);
      if (!(await AudioTrackModel.exists({ _id }))) throw trackNotFound();
      const durationSec = await checkMedia(input);
      const set: Record<string, unknown> = { updatedBy: staffId, updatedAt: now() };
      for (const key of ['title', 'category', 'description', 'guided', 'state'] as const) {
        if (input[key] !== undefined) set[key] = input[key];
      }
      if (input.transcript !== undefined) set.transcript = input.transcript?.trim() || null;
      if (input.mediaId !== undefined) Object.assign(set, { mediaId: new Types.ObjectId(input.mediaId), durationSec: durationSec ?? null });
      if (input.coverMediaId !== undefined) set.coverMediaId = input.coverMediaId ? new Types.ObjectId(input.coverMediaId) : null;
      const res = await AudioTrackModel.updateOne({ _id }, { $set: set });
      if (res.matchedCount !== 1) throw trackNotFound();
      return adminView(_id);
    },

    async get(id: string): Promise<AdminTrackView> {
      return adminView(new Types.ObjectId(id));
    },

    /** Where the resident stopped in each track, most recent first (any device). */
    async listPositions(residentId: string) {
      const rows = await ListeningPositionModel.find({ residentId: new Types.ObjectId(residentId) }).sort({ updatedAt: -1 }).limit(200).lean();
      return { items: rows.map((r) => ({ trackId: String(r.trackId), positionSec: r.positionSec, updatedAt: r.updatedAt.toISOString() })) };
    },

    /** Account deletion: every saved position of the resident. */
    async deletePositionsForResident(residentId: string): Promise<number> {
      return (await ListeningPositionModel.deleteMany({ residentId: new Types.ObjectId(residentId) })).deletedCount;
    },

    /** Remembers the position; the last save wins, whichever device sent it. Past the end counts as the end. */
    async savePosition(residentId: string, trackId: string, positionSec: number): Promise<void> {
      const track = await AudioTrackModel.findOne(published(trackId), { durationSec: 1 }).lean();
      if (!track) throw trackNotFound();
      const clamped = track.durationSec ? Math.min(positionSec, track.durationSec) : positionSec;
      const _id = `${residentId}:${trackId}`;
      const set = {
        residentId: new Types.ObjectId(residentId), trackId: track._id, positionSec: Math.round(clamped * 10) / 10, updatedAt: now(),
      };
      try {
        await ListeningPositionModel.updateOne({ _id }, { $set: set }, { upsert: true });
      } catch (e) {
        // Two first saves at once: both upserts try to insert, one loses on the unique _id and becomes an update.
        if (!isDuplicateKey(e)) throw e;
        await ListeningPositionModel.updateOne({ _id }, { $set: set });
      }
    },

    /** Titles of published tracks for the favorites list (unknown or archived ids are left out). */
    async describe(ids: string[]): Promise<Map<string, { title: string; subtitle: string }>> {
      const valid = ids.filter((id) => Types.ObjectId.isValid(id)).map((id) => new Types.ObjectId(id));
      const rows = await AudioTrackModel.find({ _id: mongoose.trusted({ $in: valid }), state: 'published' }, { title: 1, category: 1, durationSec: 1 }).lean();
      return new Map(rows.map((r) => [String(r._id), { title: r.title, subtitle: subtitleOf(r.category, r.durationSec ?? null) }]));
    },
  };
}

function subtitleOf(category: string, durationSec: number | null): string {
  return durationSec ? `${category} · ${Math.max(1, Math.round(durationSec / 60))} 分钟` : category;
}

export type AudioService = ReturnType<typeof createAudioService>;
