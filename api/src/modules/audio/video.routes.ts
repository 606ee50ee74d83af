import type { Context } from 'koa';
import { z } from 'zod';
import { currentStaff } from '../../http/auth';
import { defineRoute, type AnyRoute } from '../../http/route';
import type { AuditService } from '../audit/audit.service';
import { MEDIA_ROLES } from '../media/media.routes';
import { adminVideoListQuery, adminVideoView, createVideoBody, updateVideoBody, videoIdParams } from './video.schemas';
import type { VideoService } from './video.service';

/** Editors publish uploaded MP4s as relaxation videos, edit and archive them (the public list is GET /videos). */
export function videoAdminRoutes(deps: { videos: VideoService; audit: AuditService }): AnyRoute[] {
  const audited = async (ctx: Context, action: string, videoId: string) => {
    const staff = currentStaff(ctx);
    await deps.audit.record(ctx, { actor: `staff:${staff.id}`, role: staff.role, action, target: `video:${videoId}`, result: 'success' });
  };
  return [
    defineRoute({
      method: 'get', path: '/admin/videos', tags: ['audio'], access: { kind: 'staff', roles: MEDIA_ROLES },
      summary: 'All relaxation videos, published and archived, oldest first',
      query: adminVideoListQuery,
      responses: { 200: { description: 'Videos', schema: z.object({ items: z.array(adminVideoView) }) } },
      async handler(ctx, { query }) {
        ctx.body = await deps.videos.listAdmin(query);
      },
    }),
    defineRoute({
      method: 'get', path: '/admin/videos/:id', tags: ['audio'], access: { kind: 'staff', roles: MEDIA_ROLES },
      summary: 'One video, whatever its state',
      params: videoIdParams,
      responses: { 200: { description: 'Video', schema: adminVideoView } },
      errors: { 404: 'VIDEO_NOT_FOUND' },
      async handler(ctx, { params }) {
        ctx.body = await deps.videos.get(params.id);
      },
    }),
    defineRoute({
      method: 'post', path: '/admin/videos', tags: ['audio'], access: { kind: 'staff', roles: MEDIA_ROLES },
      summary: 'Publish an uploaded MP4 as a relaxation video (no review step, as for audio)',
      body: createVideoBody,
      responses: { 201: { description: 'Published video', schema: adminVideoView } },
      errors: { 400: 'VALIDATION_FAILED, MEDIA_KIND_MISMATCH', 404: 'MEDIA_NOT_FOUND' },
      async handler(ctx, { body }) {
        const video = await deps.videos.create(body, currentStaff(ctx).id);
        await audited(ctx, 'video.create', video.id);
        ctx.status = 201;
        ctx.body = video;
      },
    }),
    defineRoute({
      method: 'patch', path: '/admin/videos/:id', tags: ['audio'], access: { kind: 'staff', roles: MEDIA_ROLES },
      summary: 'Change a video\'s title, description, file or cover; `state: published` puts an archived video back',
      params: videoIdParams,
      body: updateVideoBody,
      responses: { 200: { description: 'Updated video', schema: adminVideoView } },
      errors: { 400: 'VALIDATION_FAILED, MEDIA_KIND_MISMATCH', 404: 'VIDEO_NOT_FOUND, MEDIA_NOT_FOUND' },
      async handler(ctx, { params, body }) {
        if (Object.keys(body).length === 0) {
          ctx.body = await deps.videos.get(params.id);
          return;
        }
        ctx.body = await deps.videos.update(params.id, body, currentStaff(ctx).id);
        await audited(ctx, 'video.update', params.id);
      },
    }),
    defineRoute({
      method: 'post', path: '/admin/videos/:id/archive', tags: ['audio'], access: { kind: 'staff', roles: MEDIA_ROLES },
      summary: 'Take a video off the residents\' list (send {}); its file is kept',
      params: videoIdParams,
      body: z.object({}),
      responses: { 200: { description: 'Archived video', schema: adminVideoView } },
      errors: { 404: 'VIDEO_NOT_FOUND' },
      async handler(ctx, { params }) {
        ctx.body = await deps.videos.update(params.id, { state: 'archived' }, currentStaff(ctx).id);
        await audited(ctx, 'video.archive', params.id);
      },
    }),
  ];
}
