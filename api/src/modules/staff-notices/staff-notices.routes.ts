import { z } from 'zod';
import { currentStaff } from '../../http/auth';
import { defineRoute, type AnyRoute } from '../../http/route';
import { noticeIdParams, noticeList, noticeListQuery } from './staff-notices.schemas';
import type { StaffNoticesService } from './staff-notices.service';

// Notices are for the staff who act on counselors and bookings; editors and reviewers have none.
const NOTICE_ROLES = ['station_staff', 'district_admin'] as const;

export function staffNoticeRoutes(deps: { staffNotices: StaffNoticesService }): AnyRoute[] {
  return [
    defineRoute({
      method: 'get', path: '/admin/notices', tags: ['notices'], access: { kind: 'staff', roles: NOTICE_ROLES },
      summary: 'My notices (district admin: all; station staff: their stations), newest first, with my unread count',
      query: noticeListQuery,
      responses: { 200: { description: 'Notices', schema: noticeList } },
      async handler(ctx, { query }) {
        ctx.body = await deps.staffNotices.list(currentStaff(ctx), query);
      },
    }),
    defineRoute({
      method: 'get', path: '/admin/notices/unread-count', tags: ['notices'], access: { kind: 'staff', roles: NOTICE_ROLES },
      summary: 'How many of my notices I have not read (for the bell badge)',
      responses: { 200: { description: 'Unread count', schema: z.object({ unread: z.number().int() }) } },
      async handler(ctx) {
        ctx.body = await deps.staffNotices.unreadCount(currentStaff(ctx));
      },
    }),
    defineRoute({
      method: 'post', path: '/admin/notices/read-all', tags: ['notices'], access: { kind: 'staff', roles: NOTICE_ROLES },
      summary: 'Mark all my notices read (for me only; other staff keep theirs)',
      body: z.object({}),
      responses: { 204: { description: 'Done' } },
      async handler(ctx) {
        await deps.staffNotices.markAllRead(currentStaff(ctx));
        ctx.status = 204;
      },
    }),
    defineRoute({
      method: 'post', path: '/admin/notices/:id/read', tags: ['notices'], access: { kind: 'staff', roles: NOTICE_ROLES },
      summary: 'Mark one notice read (for me only)',
      params: noticeIdParams,
      body: z.object({}),
      responses: { 204: { description: 'Done' } },
      errors: { 404: 'NOTICE_NOT_FOUND' },
      async handler(ctx, { params }) {
        await deps.staffNotices.markRead(currentStaff(ctx), params.id);
        ctx.status = 204;
      },
    }),
  ];
}
