import type { Context } from 'koa';
import { z } from 'zod';
import { currentStaff } from '../../http/auth';
import { AppError } from '../../http/errors';
import { defineRoute, type AnyRoute } from '../../http/route';
import type { AuditService } from '../audit/audit.service';
import { decideRange, etagMatches } from './http-range';
import { mediaIdParams, mediaList, mediaListQuery, mediaView } from './media.schemas';
import type { MediaService } from './media.service';
import { TITLE_MAX } from './media-upload';

export const MEDIA_ROLES = ['editor', 'reviewer', 'district_admin'] as const;
const IMMUTABLE = 'public, max-age=31536000, immutable';

export function mediaPublicRoutes(deps: { media: MediaService }): AnyRoute[] {
  return [
    defineRoute({
      method: 'get', path: '/media/:id', tags: ['media'], access: { kind: 'public' },
      summary: 'The bytes of an image, audio or video file. Supports one HTTP Range (seeking), ETag/If-None-Match and HEAD; cached for a year (files never change)',
      params: mediaIdParams,
      responses: {
        200: { description: 'The whole file (Content-Type is the file\'s own, e.g. audio/mpeg)', contentType: '*/*', schema: z.string().describe('binary') },
        206: { description: 'The requested byte range (Content-Range says which)', contentType: '*/*', schema: z.string().describe('binary') },
        304: { description: 'Not modified (If-None-Match matched the ETag)' },
      },
      errors: { 404: 'MEDIA_NOT_FOUND', 416: 'RANGE_NOT_SATISFIABLE' },
      async handler(ctx, { params }) {
        await serveMedia(ctx, deps.media, params.id);
      },
    }),
  ];
}

async function serveMedia(ctx: Context, media: MediaService, id: string) {
  const doc = await media.get(id);
  const etag = `"${doc.sha256.slice(0, 32)}"`;
  ctx.set('ETag', etag);
  ctx.set('Accept-Ranges', 'bytes');
  // A revalidation is answered from the record alone: no round trip to the store (an S3 HEAD) for the bytes it has.
  if (etagMatches(ctx.get('If-None-Match'), etag, true)) {
    ctx.set('Cache-Control', IMMUTABLE);
    ctx.status = 304;
    return;
  }
  const stat = await media.store.stat(doc.storageKey);
  if (!stat) {
    ctx.log.error({ mediaId: id }, 'media record without stored bytes');
    throw new AppError(404, 'MEDIA_NOT_FOUND', '没有找到这个文件');
  }
  const size = stat.size;
  // If-Range: send the range only if the client's copy is this very file; otherwise the whole (new) file.
  const ifRange = ctx.get('If-Range');
  const rangeHeader = ifRange && !etagMatches(ifRange, etag, false) ? undefined : ctx.get('Range') || undefined;
  const decision = decideRange(rangeHeader, size);
  if (decision.type === 'unsatisfiable') {
    throw new AppError(416, 'RANGE_NOT_SATISFIABLE', '请求的范围超出了文件大小', { size }, { 'Content-Range': `bytes */${size}` });
  }
  ctx.set('Cache-Control', IMMUTABLE);
  // Public files meant to be embedded (the mini-program's <image>/<audio>, also in the WeChat devtools browser).
  ctx.set('Cross-Origin-Resource-Policy', 'cross-origin');
  ctx.type = doc.mime;
  const range = decision.type === 'partial' ? { start: decision.start, end: decision.end } : undefined;
  if (range) {
    ctx.status = 206;
    ctx.set('Content-Range', `bytes ${range.start}-${range.end}/${size}`);
  } else {
    ctx.status = 200;
  }
  const length = range ? range.end - range.start + 1 : size;
  // HEAD answers the same headers without opening the file (Koa would never read, and so never close, the stream).
  if (ctx.method !== 'HEAD') ctx.body = media.store.createReadStream(doc.storageKey, range);
  ctx.length = length;
}

export function mediaAdminRoutes(deps: { media: MediaService; audit: AuditService }): AnyRoute[] {
  return [
    defineRoute({
      method: 'post', path: '/admin/media', tags: ['media'], access: { kind: 'staff', roles: MEDIA_ROLES },
      summary: 'Upload an image (PNG, JPEG, WebP ≤ 5 MB), audio (MP3, M4A/AAC ≤ 50 MB) or video (MP4 ≤ 200 MB) as multipart/form-data: field `file`, optional `title`. The type is read from the content, not the name',
      multipart: z.object({
        file: z.string().describe('binary'),
        title: z.string().max(TITLE_MAX).optional(),
      }),
      responses: { 201: { description: 'Stored', schema: mediaView } },
      errors: { 413: 'MEDIA_TOO_LARGE', 415: 'MEDIA_TYPE_NOT_ALLOWED, UNSUPPORTED_MEDIA_TYPE (not multipart/form-data)' },
      async handler(ctx) {
        const staff = currentStaff(ctx);
        const stored = await deps.media.upload(ctx.req, staff.id);
        await deps.audit.record(ctx, {
          actor: `staff:${staff.id}`, role: staff.role, action: 'media.upload', target: `media:${stored.id}`, result: 'success',
          detail: { kind: stored.kind, size: stored.size },
        });
        ctx.status = 201;
        ctx.body = stored;
      },
    }),
    defineRoute({
      method: 'get', path: '/admin/media', tags: ['media'], access: { kind: 'staff', roles: MEDIA_ROLES },
      summary: 'The media library, newest first',
      query: mediaListQuery,
      responses: { 200: { description: 'A page of media', schema: mediaList } },
      async handler(ctx, { query }) {
        ctx.body = await deps.media.list(query);
      },
    }),
    defineRoute({
      method: 'delete', path: '/admin/media/:id', tags: ['media'], access: { kind: 'staff', roles: MEDIA_ROLES },
      summary: 'Delete a file that no track, video or article uses',
      params: mediaIdParams,
      responses: { 204: { description: 'Deleted' } },
      errors: { 404: 'MEDIA_NOT_FOUND', 409: 'MEDIA_IN_USE' },
      async handler(ctx, { params }) {
        const staff = currentStaff(ctx);
        const removed = await deps.media.remove(params.id);
        await deps.audit.record(ctx, {
          actor: `staff:${staff.id}`, role: staff.role, action: 'media.delete', target: `media:${removed.id}`, result: 'success',
          detail: { kind: removed.kind, originalName: removed.originalName },
        });
        ctx.status = 204;
      },
    }),
  ];
}

/** Everything this module serves, for app.ts. */
export function mediaRoutes(deps: { media: MediaService; audit: AuditService }): AnyRoute[] {
  return [...mediaPublicRoutes(deps), ...mediaAdminRoutes(deps)];
}
