import { z } from 'zod';
import { currentResident } from '../../http/auth';
import { defineRoute, type AnyRoute } from '../../http/route';
import { objectId, pageQuery, pagedList } from '../../http/schema-helpers';
import { MESSAGE_KINDS } from './message.model';
import { TEMPLATE_NAMES, type MessagesService } from './messages.service';

const messageView = z.object({
  id: z.string(), kind: z.enum(MESSAGE_KINDS), title: z.string(), body: z.string(), read: z.boolean(), createdAt: z.string(),
  bookingId: z.string().nullable(), activityId: z.string().nullable(), stationId: z.string().nullable(),
});

export function messageRoutes(deps: { messages: MessagesService }): AnyRoute[] {
  return [
    defineRoute({
      method: 'get', path: '/me/messages', tags: ['messages'], access: { kind: 'resident' },
      summary: 'My in-app messages (bookings, waitlist, activities), newest first, with the unread count',
      query: z.object({
        ...pageQuery(),
        unread: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
      }),
      responses: { 200: { description: 'Messages', schema: pagedList(messageView).extend({ unread: z.number().int() }) } },
      async handler(ctx, { query }) {
        ctx.body = await deps.messages.list(currentResident(ctx).id, query);
      },
    }),
    defineRoute({
      method: 'post', path: '/me/messages/read-all', tags: ['messages'], access: { kind: 'resident' },
      summary: 'Mark all my messages read',
      body: z.object({}),
      responses: { 204: { description: 'Done' } },
      async handler(ctx) {
        await deps.messages.markAllRead(currentResident(ctx).id);
        ctx.status = 204;
      },
    }),
    defineRoute({
      method: 'post', path: '/me/messages/:id/read', tags: ['messages'], access: { kind: 'resident' },
      summary: 'Mark one message read',
      params: z.object({ id: objectId('消息编号格式不正确') }),
      body: z.object({}),
      responses: { 204: { description: 'Done' } },
      errors: { 404: 'MESSAGE_NOT_FOUND' },
      async handler(ctx, { params }) {
        await deps.messages.markRead(currentResident(ctx).id, params.id);
        ctx.status = 204;
      },
    }),
    defineRoute({
      method: 'get', path: '/bookings/subscribe-templates', tags: ['messages'], access: { kind: 'public' },
      summary: 'Subscribe-message template ids for wx.requestSubscribeMessage (null when not configured)',
      responses: { 200: { description: 'Template ids', schema: z.object(Object.fromEntries(TEMPLATE_NAMES.map((t) => [t, z.string().nullable()]))) } },
      handler(ctx) {
        ctx.body = deps.messages.templateIds();
      },
    }),
  ];
}
