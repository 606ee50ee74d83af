import fs from 'node:fs';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import mongoose, { Types } from 'mongoose';
import { ConflictError, NotFoundError } from '../../http/errors';
import { AudioTrackModel } from '../audio/audio-track.model';
import { VideoModel } from '../audio/video.model';
import { sniffFile, sniffHead, readDurationSec, SNIFF_HEAD_BYTES } from './media-probe';
import { createLocalMediaStore, type MediaStore } from './media-store';
import { allowedType, nameContradictsKind, sanitizeOriginalName, type MediaKind } from './media-type';
import { notAllowed, receiveUpload, tooLarge, type UploadLimits } from './media-upload';
import { MediaModel } from './media.model';
import type { MediaView } from './media.schemas';

export const MEDIA_URL_PREFIX = '/api/v1/media/';
export const mediaUrl = (id: string | Types.ObjectId) => `${MEDIA_URL_PREFIX}${String(id)}`;

interface Deps {
  store: MediaStore;
  /** Scratch space for uploads in progress (DATA_DIR/media/.incoming). */
  tmpDir: string;
  limits: UploadLimits;
}

type MediaDoc = {
  _id: Types.ObjectId; kind: string; mime: string; size: number; durationSec?: number | null; originalName: string;
  title?: string | null; createdAt: Date;
};

export function mediaViewOf(m: MediaDoc): MediaView {
  return {
    id: String(m._id), kind: m.kind as MediaKind, mime: m.mime, size: m.size, durationSec: m.durationSec ?? null,
    url: mediaUrl(m._id), originalName: m.originalName, title: m.title ?? null, createdAt: m.createdAt.toISOString(),
  };
}

/** What a file on disk turned out to be, checked the same way for uploads and for the seed library. */
export interface InspectedFile { kind: MediaKind; mime: string; durationSec: number | null }

export function createMediaService(deps: Deps) {
  const { store } = deps;

  async function inspect(file: string, size: number, originalName: string): Promise<InspectedFile> {
    const type = allowedType(await sniffFile(file));
    if (!type) throw notAllowed();
    if (size > deps.limits[type.kind]) throw tooLarge(type.kind, deps.limits);
    if (nameContradictsKind(originalName, type.kind)) {
      throw notAllowed(`文件内容与扩展名不符：这个文件的内容是${KIND_LABEL[type.kind]}，请检查是否选错了文件`);
    }
    if (type.kind === 'image') return { ...type, durationSec: null };
    const durationSec = await readDurationSec(file);
    if (durationSec === null) throw notAllowed('无法读取这个文件的时长，文件可能已损坏，请重新导出后再上传');
    return { ...type, durationSec };
  }

  /** Stores a file that is already on disk (an upload's temp file or a seed file) and records it. */
  async function storeFile(file: string, info: {
    _id?: Types.ObjectId; size: number; sha256: string; originalName: string; title: string | null; uploadedBy: string; seedKey?: string | null;
  }, inspected: InspectedFile) {
    const { key } = await store.put(fs.createReadStream(file));
    try {
      const doc = await MediaModel.create({
        ...(info._id ? { _id: info._id } : {}),
        kind: inspected.kind, mime: inspected.mime, size: info.size, durationSec: inspected.durationSec, sha256: info.sha256,
        storageKey: key, originalName: info.originalName, title: info.title, uploadedBy: info.uploadedBy,
        seedKey: info.seedKey ?? null, createdAt: new Date(),
      });
      return doc.toObject() as MediaDoc & { sha256: string };
    } catch (e) {
      await store.remove(key);
      throw e;
    }
  }

  /** Names the first record that points at this media file, or null when nothing does. */
  async function usedBy(id: Types.ObjectId): Promise<string | null> {
    const track = await AudioTrackModel.findOne({ $or: [{ mediaId: id }, { coverMediaId: id }] }, { title: 1 }).lean();
    if (track) return `音频「${track.title}」`;
    const video = await VideoModel.findOne({ $or: [{ mediaId: id }, { coverMediaId: id }] }, { title: 1 }).lean();
    if (video) return `视频「${video.title}」`;
    // Articles belong to another module; their collection is read directly so media does not depend on it. The
    // cover id may be stored as ObjectId or string, and an article body may embed the file's URL.
    const db = mongoose.connection.db;
    if (db) {
      const article = await db.collection('articles').findOne(
        { $or: [{ coverMediaId: { $in: [id, String(id)] } }, { markdown: { $regex: String(id) } }] },
        { projection: { title: 1 } },
      );
      if (article) return `文章「${String(article.title ?? '')}」`;
    }
    return null;
  }

  return {
    store,
    inspect,
    storeFile,

    /** Receives a multipart upload, checks it by its content and stores it. */
    async upload(req: IncomingMessage, uploadedBy: string): Promise<MediaView> {
      const received = await receiveUpload(req, { tmpDir: deps.tmpDir, limits: deps.limits, sniffHead, headBytes: SNIFF_HEAD_BYTES });
      try {
        const originalName = sanitizeOriginalName(received.filename);
        const inspected = await inspect(received.tmpPath, received.size, originalName);
        const doc = await storeFile(received.tmpPath, {
          size: received.size, sha256: received.sha256, originalName, title: received.title, uploadedBy,
        }, inspected);
        return mediaViewOf(doc);
      } finally {
        await fs.promises.rm(received.tmpPath, { force: true });
      }
    },

    async get(id: string) {
      const doc = Types.ObjectId.isValid(id) ? await MediaModel.findById(id).lean() : null;
      if (!doc) throw new NotFoundError('MEDIA_NOT_FOUND', '没有找到这个文件');
      return doc;
    },

    async list(q: { kind?: MediaKind | undefined; page: number; pageSize: number }) {
      const filter = q.kind ? { kind: q.kind } : {};
      const [rows, total] = await Promise.all([
        MediaModel.find(filter).sort({ createdAt: -1, _id: -1 }).skip((q.page - 1) * q.pageSize).limit(q.pageSize).lean(),
        MediaModel.countDocuments(filter),
      ]);
      return { items: rows.map(mediaViewOf), total, page: q.page, pageSize: q.pageSize };
    },

    /** Deletes a file nothing uses any more; the record goes first, so a half-done delete never serves missing bytes. */
    async remove(id: string): Promise<MediaView> {
      const doc = await MediaModel.findById(id).lean();
      if (!doc) throw new NotFoundError('MEDIA_NOT_FOUND', '没有找到这个文件');
      const user = await usedBy(doc._id);
      if (user) throw new ConflictError('MEDIA_IN_USE', `${user}正在使用这个文件，请先更换或下架后再删除`, { usedBy: user });
      const res = await MediaModel.deleteOne({ _id: doc._id });
      if (res.deletedCount !== 1) throw new NotFoundError('MEDIA_NOT_FOUND', '没有找到这个文件');
      await store.remove(doc.storageKey);
      return mediaViewOf(doc);
    },

    /** Kind of an existing media record (null when there is none): tracks check their audio and cover with it. */
    async kindOf(id: string): Promise<{ kind: MediaKind; durationSec: number | null } | null> {
      const doc = Types.ObjectId.isValid(id) ? await MediaModel.findById(id, { kind: 1, durationSec: 1 }).lean() : null;
      return doc ? { kind: doc.kind as MediaKind, durationSec: doc.durationSec ?? null } : null;
    },
  };
}

const KIND_LABEL: Record<MediaKind, string> = { image: '图片', audio: '音频', video: '视频' };

export type MediaService = ReturnType<typeof createMediaService>;
export const mediaTmpDir = (mediaDir: string) => path.join(mediaDir, '.incoming');

/** The media service on the local-disk store under `dir` (config.media). */
export function createLocalMediaService(media: { dir: string; maxBytes: UploadLimits }): MediaService {
  return createMediaService({ store: createLocalMediaStore(media.dir), tmpDir: mediaTmpDir(media.dir), limits: media.maxBytes });
}
