import { z } from 'zod';
import { currentResident, currentStaff } from '../../http/auth';
import { defineRoute, type AnyRoute } from '../../http/route';
import type { AuditService } from '../audit/audit.service';
import { MEDIA_ROLES } from '../media/media.routes';
import {
  adminAudioListQuery, adminTrackView, audioListQuery, createTrackBody, listeningBody, listeningParams, listeningView,
  trackDetail, trackIdParams, trackView, updateTrackBody, videoView,
} from './audio.schemas';
import type { AudioService } from './audio.service';
import { videoAdminRoutes } from './video.routes';

export function audioPublicRoutes(deps: { audio: AudioService }): AnyRoute[] {
  return [
    defineRoute({
      method: 'get', path: '/audio', tags: ['audio'], access: { kind: 'public' },
      summary: 'Published relaxation tracks, by category in the fixed order',
      query: audioListQuery,
      responses: { 200: { description: 'Tracks', schema: z.object({ items: z.array(trackView) }) } },
      async handler(ctx, { query }) {
        ctx.body = await deps.audio.listPublic(query.category);
      },
    }),
    defineRoute({
      method: 'get', path: '/audio/:id', tags: ['audio'], access: { kind: 'public' },
      summary: 'One published track with its transcript and play count',
      params: trackIdParams,
      responses: { 200: { description: 'Track', schema: trackDetail } },
      errors: { 404: 'AUDIO_NOT_FOUND' },
      async handler(ctx, { params }) {
        ctx.body = await deps.audio.getPublic(params.id);
      },
    }),
    defineRoute({
      method: 'post', path: '/audio/:id/plays', tags: ['audio'], access: { kind: 'public' },
      summary: 'Count one play of a track (send {}): once per listener and China day (the resident when a resident token is sent, else the client address and user agent); repeats also answer 204',
      params: trackIdParams,
      body: z.object({}),
      responses: { 204: { description: 'Counted, or already counted today' } },
      errors: { 404: 'AUDIO_NOT_FOUND' },
      async handler(ctx, { params }) {
        await deps.audio.recordPlay(params.id, deps.audio.viewerOf(ctx));
        ctx.status = 204;
      },
    }),
    defineRoute({
      method: 'get', path: '/videos', tags: ['audio'], access: { kind: 'public' },
      summary: 'Published relaxation videos',
      responses: { 200: { description: 'Videos', schema: z.object({ items: z.array(videoView) }) } },
      async handler(ctx) {
        ctx.body = await deps.audio.listVideos();
      },
    }),
  ];
}

export function listeningRoutes(deps: { audio: AudioService }): AnyRoute[] {
  return [
    defineRoute({
      method: 'get', path: '/me/listening', tags: ['audio'], access: { kind: 'resident' },
      summary: 'Where the resident stopped in each track (shared by all their devices), most recent first',
      responses: { 200: { description: 'Positions', schema: z.object({ items: z.array(listeningView) }) } },
      async handler(ctx) {
        ctx.body = await deps.audio.listPositions(currentResident(ctx).id);
      },
    }),
    defineRoute({
      method: 'put', path: '/me/listening/:trackId', tags: ['audio'], access: { kind: 'resident' },
      summary: 'Remember the position in a track; the last save wins',
      params: listeningParams,
      body: listeningBody,
      responses: { 204: { description: 'Saved' } },
      errors: { 404: 'AUDIO_NOT_FOUND' },
      async handler(ctx, { params, body }) {
        await deps.audio.savePosition(currentResident(ctx).id, params.trackId, body.positionSec);
        ctx.status = 204;
      },
    }),
  ];
}

export function audioAdminRoutes(deps: { audio: AudioService; audit: AuditService }): AnyRoute[] {
  const audited = async (ctx: Parameters<AnyRoute['handler']>[0], action: string, trackId: string) => {
    const staff = currentStaff(ctx);
    await deps.audit.record(ctx, { actor: `staff:${staff.id}`, role: staff.role, action, target: `audio:${trackId}`, result: 'success' });
  };
  return [
    defineRoute({
      method: 'get', path: '/admin/audio', tags: ['audio'], access: { kind: 'staff', roles: MEDIA_ROLES },
      summary: 'All tracks, published and archived, with play counts',
      query: adminAudioListQuery,
      responses: { 200: { description: 'Tracks', schema: z.object({ items: z.array(adminTrackView) }) } },
      async handler(ctx, { query }) {
        ctx.body = await deps.audio.listAdmin(query);
      },
    }),
    defineRoute({
      method: 'get', path: '/admin/audio/:id', tags: ['audio'], access: { kind: 'staff', roles: MEDIA_ROLES },
      summary: 'One track, whatever its state',
      params: trackIdParams,
      responses: { 200: { description: 'Track', schema: adminTrackView } },
      errors: { 404: 'AUDIO_NOT_FOUND' },
      async handler(ctx, { params }) {
        ctx.body = await deps.audio.get(params.id);
      },
    }),
    defineRoute({
      method: 'post', path: '/admin/audio', tags: ['audio'], access: { kind: 'staff', roles: MEDIA_ROLES },
      summary: 'Publish an uploaded audio file as a track (no review step for audio)',
      body: createTrackBody,
      responses: { 201: { description: 'Published track', schema: adminTrackView } },
      errors: { 400: 'VALIDATION_FAILED, MEDIA_KIND_MISMATCH', 404: 'MEDIA_NOT_FOUND' },
      async handler(ctx, { body }) {
        const track = await deps.audio.create(body, currentStaff(ctx).id);
        await audited(ctx, 'audio.create', track.id);
        ctx.status = 201;
        ctx.body = track;
      },
    }),
    defineRoute({
      method: 'patch', path: '/admin/audio/:id', tags: ['audio'], access: { kind: 'staff', roles: MEDIA_ROLES },
      summary: 'Change a track\'s details, file or cover; `state: published` puts an archived track back',
      params: trackIdParams,
      body: updateTrackBody,
      responses: { 200: { description: 'Updated track', schema: adminTrackView } },
      errors: { 400: 'VALIDATION_FAILED, MEDIA_KIND_MISMATCH', 404: 'AUDIO_NOT_FOUND, MEDIA_NOT_FOUND' },
      async handler(ctx, { params, body }) {
        if (Object.keys(body).length === 0) {
          ctx.body = await deps.audio.get(params.id);
          return;
        }
        ctx.body = await deps.audio.update(params.id, body, currentStaff(ctx).id);
        await audited(ctx, 'audio.update', params.id);
      },
    }),
    defineRoute({
      method: 'post', path: '/admin/audio/:id/archive', tags: ['audio'], access: { kind: 'staff', roles: MEDIA_ROLES },
      summary: 'Take a track off the residents\' list (send {}); its file and play counts are kept',
      params: trackIdParams,
      body: z.object({}),
      responses: { 200: { description: 'Archived track', schema: adminTrackView } },
      errors: { 404: 'AUDIO_NOT_FOUND' },
      async handler(ctx, { params }) {
        ctx.body = await deps.audio.update(params.id, { state: 'archived' }, currentStaff(ctx).id);
        await audited(ctx, 'audio.archive', params.id);
      },
    }),
  ];
}

/** Everything this module serves, for app.ts. */
export function audioRoutes(deps: { audio: AudioService; audit: AuditService }): AnyRoute[] {
  return [...audioPublicRoutes(deps), ...listeningRoutes(deps), ...audioAdminRoutes(deps), ...videoAdminRoutes({ videos: deps.audio.videos, audit: deps.audit })];
}
