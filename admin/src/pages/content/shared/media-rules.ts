// What the media library accepts, checked in the browser before a long upload starts. The server decides for
// real by sniffing the bytes; this only spares the editor a wait for an answer we can already give. Pure.
import type { MediaKind } from '../../../services/content';
import { formatBytes } from './format';

const MB = 1024 * 1024;

export const MEDIA_SIZE_LIMITS: Record<MediaKind, number> = {
  image: 5 * MB,
  audio: 50 * MB,
  video: 200 * MB,
};

export const MEDIA_KIND_LABELS: Record<MediaKind, string> = {
  image: '图片',
  audio: '音频',
  video: '视频',
};

/** For the file chooser. */
export const MEDIA_ACCEPT =
  'image/png,image/jpeg,image/webp,audio/mpeg,audio/mp4,audio/aac,audio/x-m4a,video/mp4,.png,.jpg,.jpeg,.webp,.mp3,.m4a,.aac,.mp4';

const EXTENSION_KINDS: Record<string, MediaKind> = {
  png: 'image',
  jpg: 'image',
  jpeg: 'image',
  webp: 'image',
  mp3: 'audio',
  m4a: 'audio',
  aac: 'audio',
  mp4: 'video',
};

/** The kind the file claims to be (browser MIME type first, then the extension), or null if none we take. */
export function claimedKind(file: { type?: string; name: string }): MediaKind | null {
  const type = (file.type ?? '').toLowerCase();
  if (/^image\/(png|jpeg|webp)$/.test(type)) return 'image';
  if (/^audio\/(mpeg|mp3|mp4|aac|x-m4a|m4a)$/.test(type)) return 'audio';
  if (type === 'video/mp4') return 'video';
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
  return EXTENSION_KINDS[extension] ?? null;
}

/** Why this file will not be accepted, or null to go ahead and upload. */
export function uploadProblem(file: { type?: string; name: string; size: number }): string | null {
  if (file.size === 0) return '这个文件是空的，请换一个文件';
  const kind = claimedKind(file);
  if (!kind) return '只能上传 PNG、JPEG、WebP 图片，MP3、M4A/AAC 音频或 MP4 视频';
  const limit = MEDIA_SIZE_LIMITS[kind];
  if (file.size > limit) return `${MEDIA_KIND_LABELS[kind]}不能超过 ${formatBytes(limit)}，这个文件有 ${formatBytes(file.size)}`;
  return null;
}

/** A track title to start from: the media title, else the file name without its extension and separators. */
export function suggestedTrackTitle(media: { title?: string | null; originalName: string }): string {
  const title = media.title?.trim();
  if (title) return title.slice(0, 60);
  return media.originalName
    .replace(/\.[a-z0-9]+$/i, '')
    .replace(/[_-]+/g, ' ')
    .trim()
    .slice(0, 60);
}
