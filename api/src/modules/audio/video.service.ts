import { Types } from 'mongoose';
import { AppError, NotFoundError } from '../../http/errors';
import { mediaUrl, type MediaService } from '../media/media.service';
import type { TrackState } from './audio-track.model';
import type { AdminVideoView } from './video.schemas';
import { VideoModel } from './video.model';

interface Deps {
  media: Pick<MediaService, 'kindOf'>;
  now?: () => Date;
}

type VideoDoc = {
  _id: Types.ObjectId; title: string; description?: string | null; mediaId: Types.ObjectId; coverMediaId?: Types.ObjectId | null;
  durationSec?: number | null; state: string; createdAt: Date; updatedAt?: Date | null;
};

export interface VideoInput {
  mediaId?: string | undefined; title?: string | undefined; description?: string | undefined;
  coverMediaId?: string | null | undefined; state?: TrackState | undefined;
}

const LIST_LIMIT = 500;
const videoNotFound = () => new NotFoundError('VIDEO_NOT_FOUND', '没有找到这段视频，它可能已经下架了');
// Residents see videos in the order they were added (the catalog's order for the seeded ones).
const byAge = (a: VideoDoc, b: VideoDoc) => a.createdAt.getTime() - b.createdAt.getTime() || String(a._id).localeCompare(String(b._id));

function publicViewOf(v: VideoDoc) {
  return {
    id: String(v._id), title: v.title, durationSec: v.durationSec ?? null, url: mediaUrl(v.mediaId),
    cover: v.coverMediaId ? mediaUrl(v.coverMediaId) : null, description: v.description ?? '',
  };
}

function adminViewOf(v: VideoDoc): AdminVideoView {
  return {
    ...publicViewOf(v), state: v.state as TrackState, mediaId: String(v.mediaId), coverMediaId: v.coverMediaId ? String(v.coverMediaId) : null,
    createdAt: v.createdAt.toISOString(), updatedAt: (v.updatedAt ?? v.createdAt).toISOString(),
  };
}

/** Relaxation videos: the public list, and the editors' publish / edit / archive of uploaded MP4s. */
export function createVideoService(deps: Deps) {
  const now = deps.now ?? (() => new Date());

  /** The file a video plays must be a video; its cover must be an image. Returns the video's duration. */
  async function checkMedia(input: { mediaId?: string | undefined; coverMediaId?: string | null | undefined }) {
    let durationSec: number | null | undefined;
    if (input.mediaId !== undefined) {
      const m = await deps.media.kindOf(input.mediaId);
      if (!m) throw new NotFoundError('MEDIA_NOT_FOUND', '没有找到选择的视频文件');
      if (m.kind !== 'video') throw new AppError(400, 'MEDIA_KIND_MISMATCH', '请选择一个视频文件（MP4）');
      durationSec = m.durationSec;
    }
    if (input.coverMediaId) {
      const c = await deps.media.kindOf(input.coverMediaId);
      if (!c) throw new NotFoundError('MEDIA_NOT_FOUND', '没有找到选择的封面图片');
      if (c.kind !== 'image') throw new AppError(400, 'MEDIA_KIND_MISMATCH', '封面需要是一张图片');
    }
    return durationSec;
  }

  async function load(_id: Types.ObjectId): Promise<AdminVideoView> {
    const doc = await VideoModel.findById(_id).lean<VideoDoc>();
    if (!doc) throw videoNotFound();
    return adminViewOf(doc);
  }

  return {
    async listPublic() {
      const rows = await VideoModel.find({ state: 'published' }).sort({ createdAt: 1, _id: 1 }).limit(LIST_LIMIT).lean<VideoDoc[]>();
      return { items: rows.map(publicViewOf) };
    },

    async listAdmin(q: { state?: TrackState | undefined }): Promise<{ items: AdminVideoView[] }> {
      const rows = await VideoModel.find(q.state ? { state: q.state } : {}).limit(LIST_LIMIT).lean<VideoDoc[]>();
      return { items: rows.sort(byAge).map(adminViewOf) };
    },

    get(id: string): Promise<AdminVideoView> {
      return load(new Types.ObjectId(id));
    },

    /** Published at once: like audio, videos have no review step. */
    async create(input: VideoInput & { mediaId: string; title: string }, staffId: string): Promise<AdminVideoView> {
      const durationSec = await checkMedia(input);
      const at = now();
      const doc = await VideoModel.create({
        title: input.title, description: input.description ?? '', mediaId: new Types.ObjectId(input.mediaId),
        coverMediaId: input.coverMediaId ? new Types.ObjectId(input.coverMediaId) : null, durationSec: durationSec ?? null,
        state: 'published', createdBy: staffId, updatedBy: staffId, createdAt: at, updatedAt: at,
      });
      return adminViewOf(doc.toObject() as VideoDoc);
    },

    /** Saves the given fields; concurrent edits of different fields both stick, of the same field the last one wins. */
    async update(id: string, input: VideoInput, staffId: string): Promise<AdminVideoView> {
      const _id = new Types.ObjectId(id);
      if (!(await VideoModel.exists({ _id }))) throw videoNotFound();
      const durationSec = await checkMedia(input);
      const set: Record<string, unknown> = { updatedBy: staffId, updatedAt: now() };
      for (const key of ['title', 'description', 'state'] as const) {
        if (input[key] !== undefined) set[key] = input[key];
      }
      if (input.mediaId !== undefined) Object.assign(set, { mediaId: new Types.ObjectId(input.mediaId), durationSec: durationSec ?? null });
      if (input.coverMediaId !== undefined) set.coverMediaId = input.coverMediaId ? new Types.ObjectId(input.coverMediaId) : null;
      const res = await VideoModel.updateOne({ _id }, { $set: set });
      if (res.matchedCount !== 1) throw videoNotFound();
      return load(_id);
    },
  };
}

export type VideoService = ReturnType<typeof createVideoService>;
