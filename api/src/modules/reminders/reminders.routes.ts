import { z } from 'zod';
import { currentResident } from '../../http/auth';
import { defineRoute, type AnyRoute } from '../../http/route';
import { scaleCodeParams } from '../scales/scales.schemas';
import { reminderIdParams, reminderView } from './reminders.schemas';
import type { RemindersService } from './reminders.service';

export function reminderRoutes(deps: { reminders: RemindersService }): AnyRoute[] {
  return [
    defineRoute({
      method: 'post', path: '/me/reminders', tags: ['reminders'], access: { kind: 'resident' },
      summary: 'Ask to be reminded in 14 days to retake a self-test (after wx.requestSubscribeMessage was accepted: one message)',
      body: z.object({ code: scaleCodeParams.shape.code }),
      responses: { 201: { description: 'Reminder recorded (the same one if asked again the same day)', schema: reminderView } },
      errors: { 404: 'SCALE_NOT_FOUND', 503: 'REMINDERS_UNAVAILABLE' },
      async handler(ctx, { body }) {
        ctx.status = 201;
        ctx.body = await deps.reminders.create(currentResident(ctx).id, body.code);
      },
    }),
    defineRoute({
      method: 'get', path: '/me/reminders', tags: ['reminders'], access: { kind: 'resident' },
      summary: 'The resident\'s retest reminders, newest first',
      responses: { 200: { description: 'Reminders', schema: z.object({ items: z.array(reminderView) }) } },
      async handler(ctx) {
        ctx.body = await deps.reminders.list(currentResident(ctx).id);
      },
    }),
    defineRoute({
      method: 'delete', path: '/me/reminders/:id', tags: ['reminders'], access: { kind: 'resident' },
      summary: 'Cancel (delete) one reminder',
      params: reminderIdParams,
      responses: { 204: { description: 'Deleted' } },
      errors: { 404: 'REMINDER_NOT_FOUND' },
      async handler(ctx, { params }) {
        await deps.reminders.remove(currentResident(ctx).id, params.id);
        ctx.status = 204;
      },
    }),
  ];
}
