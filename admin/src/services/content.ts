// Typed calls for the editorial desk (issue 3 content contract): articles, review, media library, audio tracks.
// Everything goes through `http` (token, refresh, Chinese errors), except the media upload, which needs
// XMLHttpRequest for upload progress; it follows the same token and refresh rules (see uploadMedia).
import { CLIENT_ERROR_CODES, clientError, errorFromResponse } from './errors';
import { API_BASE_URL, http, type HttpClient } from './http';
import { sessionStore, type SessionStore } from './session';

// ---------------------------------------------------------------------------------------------------------------
// Fixed vocabularies (same order as the API's article-taxonomy.ts and audio-track.model.ts).

export const ARTICLE_CATEGORIES = [
  '情绪与压力',
  '焦虑',
  '抑郁',
  '睡眠',
  '人际关系',
  '亲子与家庭',
  '青少年与学生',
  '老年',
  '职场',
  '孕产与女性',
  '危机与求助',
  '心理健康素养',
] as const;
export type ArticleCategory = (typeof ARTICLE_CATEGORIES)[number];

export const ARTICLE_AUDIENCES = [
  '儿童',
  '青少年',
  '大学生',
  '家长',
  '职场人群',
  '孕产期女性',
  '老年人',
  '残疾人',
  '特殊困难家庭',
  '全体居民',
] as const;

export const ARTICLE_STATES = ['draft', 'in_review', 'published', 'archived'] as const;
export type ArticleState = (typeof ARTICLE_STATES)[number];

export const AUDIO_CATEGORIES = ['呼吸练习', '身体扫描', '正念冥想', '助眠', '自然声音', '音乐放松'] as const;
export type AudioCategory = (typeof AUDIO_CATEGORIES)[number];

export const MEDIA_KINDS = ['image', 'audio', 'video'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

// ---------------------------------------------------------------------------------------------------------------
// Shapes

export interface SafeMessagingFlag {
  code: string;
  /** Chinese, written for the editor and the reviewer. */
  message: string;
  excerpt?: string;
}

export interface ArticleReference {
  text: string;
  url: string | null;
}

export interface ArticleListItem {
  id: string;
  slug: string;
  title: string;
  category: ArticleCategory;
  state: ArticleState;
  updatedAt: string;
  updatedBy: string | null;
  publishAt: string | null;
  publishedAt: string | null;
  flags: SafeMessagingFlag[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** The fields an editor writes; what POST creates and PATCH changes. */
export interface ArticleFields {
  title: string;
  slug?: string;
  summary: string;
  category: ArticleCategory;
  audience: string[];
  tags: string[];
  coverMediaId: string | null;
  markdown: string;
  references: ArticleReference[];
}

export interface Article {
  id: string;
  slug: string;
  title: string;
  summary: string;
  category: ArticleCategory;
  audience: string[];
  tags: string[];
  coverMediaId: string | null;
  /** URL of the cover image, or null. */
  cover: string | null;
  markdown: string;
  html: string;
  references: ArticleReference[];
  state: ArticleState;
  version: number;
  flags: SafeMessagingFlag[];
  reviewComment: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  publishAt: string | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
  readingMinutes: number;
}

export interface ArticleVersionItem {
  version: number;
  title: string;
  savedAt: string;
  savedBy: string | null;
  /** What made the version: create, edit, submit, approve, return, archive, restore, seed. */
  action?: string;
  state?: ArticleState;
}

export interface ArticleVersionSnapshot extends ArticleVersionItem {
  slug: string;
  summary: string;
  category: ArticleCategory;
  audience: string[];
  tags: string[];
  coverMediaId: string | null;
  markdown: string;
  html?: string;
  references: ArticleReference[];
}

export interface ArticlePreview {
  html: string;
  flags: SafeMessagingFlag[];
  readingMinutes: number;
}

export interface MediaItem {
  id: string;
  kind: MediaKind;
  mime: string;
  size: number;
  durationSec: number | null;
  /** Public address of the bytes: /api/v1/media/<id>. */
  url: string;
  originalName: string;
  title?: string | null;
  createdAt: string;
}

export type TrackState = 'published' | 'archived';

export interface AudioTrack {
  id: string;
  title: string;
  category: AudioCategory;
  durationSec: number | null;
  url: string;
  cover: string | null;
  description: string;
  guided: boolean;
  state: TrackState;
  mediaId?: string;
  coverMediaId?: string | null;
  transcript?: string | null;
  plays?: number;
  createdAt?: string;
  updatedAt?: string;
}

export interface NewAudioTrack {
  mediaId: string;
  title: string;
  category: AudioCategory;
  description: string;
  coverMediaId?: string | null;
  transcript?: string | null;
}

// ---------------------------------------------------------------------------------------------------------------
// Articles

export interface ArticleListQuery {
  state?: ArticleState | undefined;
  category?: ArticleCategory | undefined;
  q?: string | undefined;
  page?: number;
  pageSize?: number;
}

export function listArticles(query: ArticleListQuery, signal?: AbortSignal): Promise<Page<ArticleListItem>> {
  return http.get<Page<ArticleListItem>>('/admin/articles', {
    query: { state: query.state, category: query.category, q: query.q || undefined, page: query.page, pageSize: query.pageSize },
    signal,
  });
}

export function getArticle(id: string, signal?: AbortSignal): Promise<Article> {
  return http.get<Article>(`/admin/articles/${encodeURIComponent(id)}`, { signal });
}

export function createArticle(fields: ArticleFields): Promise<Article> {
  return http.post<Article>('/admin/articles', fields);
}

/** A stale `version` answers 409 ARTICLE_EDIT_CONFLICT: someone else saved in between. */
export function updateArticle(id: string, version: number, fields: Partial<ArticleFields>): Promise<Article> {
  return http.request<Article>(`/admin/articles/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: { version, ...fields },
  });
}

function isArticle(value: unknown): value is Article {
  return typeof value === 'object' && value !== null && 'id' in value && 'version' in value && 'state' in value;
}

/** Workflow actions answer with the article; if one ever answers 204 instead, read it back. */
async function articleAction(id: string, action: string, body: object): Promise<Article> {
  const result = await http.post<unknown>(`/admin/articles/${encodeURIComponent(id)}/${action}`, body);
  return isArticle(result) ? result : getArticle(id);
}

export const submitArticle = (id: string) => articleAction(id, 'submit', {});
export const archiveArticle = (id: string) => articleAction(id, 'archive', {});
/** `publishAt` (ISO, in the future) schedules; without it the article is public at once. */
export const approveArticle = (id: string, publishAt?: string) =>
  articleAction(id, 'approve', publishAt ? { publishAt } : {});
export const returnArticle = (id: string, comment: string) => articleAction(id, 'return', { comment });

/** The exact renderer and safe-messaging check the API uses; title and summary are checked for wording too. */
export function previewArticle(
  input: { markdown: string; title?: string; summary?: string; category?: ArticleCategory },
  signal?: AbortSignal,
): Promise<ArticlePreview> {
  return http.request<ArticlePreview>('/admin/articles/preview', { method: 'POST', body: input, signal });
}

export async function listArticleVersions(id: string, signal?: AbortSignal): Promise<ArticleVersionItem[]> {
  const result = await http.get<{ items: ArticleVersionItem[] }>(`/admin/articles/${encodeURIComponent(id)}/versions`, {
    signal,
  });
  return result.items;
}

export function getArticleVersion(id: string, version: number, signal?: AbortSignal): Promise<ArticleVersionSnapshot> {
  return http.get<ArticleVersionSnapshot>(`/admin/articles/${encodeURIComponent(id)}/versions/${version}`, { signal });
}

/**
 * A new draft version with the content of `version`. `currentVersion` is the version the editor is looking at:
 * if someone saved since, the API answers 409 ARTICLE_EDIT_CONFLICT instead of replacing their work.
 */
export async function restoreArticleVersion(id: string, version: number, currentVersion: number): Promise<Article> {
  const result = await http.post<unknown>(`/admin/articles/${encodeURIComponent(id)}/versions/${version}/restore`, {
    version: currentVersion,
  });
  return isArticle(result) ? result : getArticle(id);
}

// ---------------------------------------------------------------------------------------------------------------
// Media library

export interface MediaListQuery {
  kind?: MediaKind | undefined;
  page?: number;
  pageSize?: number;
}

export function listMedia(query: MediaListQuery, signal?: AbortSignal): Promise<Page<MediaItem>> {
  return http.get<Page<MediaItem>>('/admin/media', {
    query: { kind: query.kind, page: query.page, pageSize: query.pageSize },
    signal,
  });
}

/** 409 MEDIA_IN_USE when an article or a track still uses the file. */
export function deleteMedia(id: string): Promise<void> {
  return http.request<void>(`/admin/media/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export interface UploadProgress {
  loaded: number;
  /** 0 when the browser cannot tell. */
  total: number;
}

export interface UploadOptions {
  title?: string;
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}

/** The slice of XMLHttpRequest the uploader uses, so tests can stand in for the browser. */
export type UploadXhr = Pick<
  XMLHttpRequest,
  'open' | 'setRequestHeader' | 'send' | 'abort' | 'status' | 'responseText' | 'onload' | 'onerror' | 'onabort'
> & { upload: Pick<XMLHttpRequestUpload, 'onprogress'> };

export interface UploaderDeps {
  baseUrl: string;
  session: SessionStore;
  /** Shares http.ts's single-flight refresh, so an upload never spends the refresh token twice. */
  refreshSession: HttpClient['refreshSession'];
  createXhr: () => UploadXhr;
}

const REFRESHABLE = new Set(['TOKEN_EXPIRED', 'UNAUTHENTICATED']);

interface XhrResult {
  status: number;
  body: unknown;
}

function parseBody(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function errorCodeOf(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || !('error' in body)) return null;
  const error = (body as { error: unknown }).error;
  if (typeof error !== 'object' || error === null || !('code' in error)) return null;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' ? code : null;
}

/**
 * POST /admin/media as multipart/form-data (field `file`, optional `title`) with upload progress. Like http.ts:
 * Bearer token from the session; on 401 TOKEN_EXPIRED / UNAUTHENTICATED one shared refresh and one retry (the
 * file is sent again, so progress starts over); every failure is an ApiError with a Chinese message. Abort via
 * `signal` rejects with a DOMException named AbortError.
 */
export function createUploader(deps: UploaderDeps) {
  function sendOnce(file: Blob, fileName: string, options: UploadOptions, token: string | null): Promise<XhrResult> {
    return new Promise((resolve, reject) => {
      const xhr = deps.createXhr();
      const onAbort = () => xhr.abort();
      options.signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => options.signal?.removeEventListener('abort', onAbort);

      xhr.open('POST', `${deps.baseUrl}/admin/media`);
      xhr.setRequestHeader('Accept', 'application/json');
      if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
      xhr.upload.onprogress = (event) => {
        options.onProgress?.({ loaded: event.loaded, total: event.lengthComputable ? event.total : 0 });
      };
      xhr.onload = () => {
        done();
        resolve({ status: xhr.status, body: parseBody(xhr.responseText) });
      };
      xhr.onerror = () => {
        done();
        reject(clientError(CLIENT_ERROR_CODES.network));
      };
      xhr.onabort = () => {
        done();
        reject(new DOMException('上传已取消', 'AbortError'));
      };

      const form = new FormData();
      // Text fields first: the server may read them before it streams the file.
      if (options.title) form.append('title', options.title);
      form.append('file', file, fileName);
      if (options.signal?.aborted) {
        done();
        reject(new DOMException('上传已取消', 'AbortError'));
        return;
      }
      xhr.send(form);
    });
  }

  return async function uploadMedia(file: Blob, fileName: string, options: UploadOptions = {}): Promise<MediaItem> {
    const tokenSent = deps.session.get()?.accessToken ?? null;
    let result = await sendOnce(file, fileName, options, tokenSent);
    if (result.status === 401 && REFRESHABLE.has(errorCodeOf(result.body) ?? '')) {
      const current = deps.session.get()?.accessToken ?? null;
      const fresh = current !== null && current !== tokenSent ? current : (await deps.refreshSession()).accessToken;
      result = await sendOnce(file, fileName, options, fresh);
      if (result.status === 401 && REFRESHABLE.has(errorCodeOf(result.body) ?? '')) deps.session.clear('expired');
    }
    if (result.status < 200 || result.status >= 300) throw errorFromResponse(result.status, result.body ?? null);
    if (result.body === undefined) throw clientError(CLIENT_ERROR_CODES.unexpectedResponse);
    return result.body as MediaItem;
  };
}

export const uploadMedia = createUploader({
  baseUrl: API_BASE_URL,
  session: sessionStore,
  refreshSession: () => http.refreshSession(),
  createXhr: () => new XMLHttpRequest(),
});

// ---------------------------------------------------------------------------------------------------------------
// Relaxation audio

export async function listAudioTracks(signal?: AbortSignal): Promise<AudioTrack[]> {
  const result = await http.get<{ items: AudioTrack[] }>('/admin/audio', { signal });
  return result.items;
}

/** Published at once: audio has no review step. */
export function createAudioTrack(input: NewAudioTrack): Promise<AudioTrack> {
  return http.post<AudioTrack>('/admin/audio', input);
}

export function archiveAudioTrack(id: string): Promise<AudioTrack | undefined> {
  return http.post<AudioTrack | undefined>(`/admin/audio/${encodeURIComponent(id)}/archive`, {});
}

/** Puts an archived track back on the shelf. */
export function republishAudioTrack(id: string): Promise<AudioTrack> {
  return http.request<AudioTrack>(`/admin/audio/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: { state: 'published' },
  });
}
