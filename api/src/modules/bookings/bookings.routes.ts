import { PassThrough } from 'node:stream';
import { Types } from 'mongoose';
import { z } from 'zod';
import { currentResident, currentStaff } from '../../http/auth';
import { ForbiddenError, UnauthenticatedError } from '../../http/errors';
import { defineRoute, type AnyRoute } from '../../http/route';
import { objectId, pagedList, prefixedId } from '../../http/schema-helpers';
import type { AuthenticatedStaff } from '../auth/staff-auth.service';
import { chinaDate } from '../counselors/counselors.schemas';
import { StaffModel } from '../staff/staff.model';
import { stationIdParams } from '../stations/stations.schemas';
import type { StationsService } from '../stations/stations.service';
import type { BlocksService } from './blocks.service';
import type { BookingEventHub } from './booking-events';
import type { SlotFinder } from './booking-slots';
import {
  adminBookingQuery, adminBookingView, blockBody, blockView, bookingBody, bookingIdParams, bookingView, rescheduleBody,
  serviceEnum, slotView, waitlistBody, waitlistView,
} from './bookings.schemas';
import type { BookingsService } from './bookings.service';
import { ratingRollup, scoreDistribution } from './rating-rollup';
import { STREAM_TOKEN_TTL_SECONDS, type StreamTokens } from './stream-token';
import type { WaitlistService } from './waitlist.service';
import { CounselorModel } from '../counselors/counselor.model';

const STATION_ROLES = ['station_staff', 'district_admin'] as const;

export function bookingPublicRoutes(deps: { slots: SlotFinder; stations: StationsService }): AnyRoute[] {
  return [
    defineRoute({
      method: 'get', path: '/stations/:id/slots', tags: ['bookings'], access: { kind: 'public' },
      summary: 'Slots of a station on a China date, with remaining seats (0 = full); empty outside the booking horizon',
      params: stationIdParams,
      query: z.object({ date: chinaDate, service: serviceEnum.optional(), counselorId: objectId('咨询师编号格式不正确').optional() }),
      responses: { 200: { description: 'Slots', schema: z.object({ stationId: z.string(), date: z.string(), items: z.array(slotView) }) } },
      errors: { 404: 'STATION_NOT_FOUND' },
      async handler(ctx, { params, query }) {
        const { station, policy } = await deps.stations.getWithPolicy(params.id);
        const slots = await deps.slots.slotsFor(station, policy, [query.date], { service: query.service, counselorId: query.counselorId });
        ctx.body = { stationId: params.id, date: query.date, items: slots.get(query.date) ?? [] };
      },
    }),
    defineRoute({
      method: 'get', path: '/stations/:id/availability', tags: ['bookings'], access: { kind: 'public' },
      summary: 'Free slots per day; when none is free, the street or district station above is offered (overflow)',
      params: stationIdParams,
      query: z.object({ from: chinaDate.optional(), days: z.coerce.number().int().min(1).max(31).optional(), service: serviceEnum.optional() }),
      responses: {
        200: {
          description: 'Availability', schema: z.object({
            stationId: z.string(), days: z.array(z.object({ date: z.string(), free: z.number().int() })),
            overflow: z.object({ stationId: z.string(), name: z.string(), level: z.string(), firstFreeDate: z.string() }).nullable(),
          }),
        },
      },
      errors: { 404: 'STATION_NOT_FOUND' },
      async handler(ctx, { params, query }) {
        ctx.body = await deps.slots.availability(params.id, query);
      },
    }),
    defineRoute({
      method: 'get', path: '/stations/:id/ratings', tags: ['bookings'], access: { kind: 'public' },
      summary: 'Ratings of a station\'s completed sessions: count, average, distribution and per counselor',
      params: stationIdParams,
      responses: {
        200: {
          description: 'Ratings', schema: z.object({
            stationId: z.string(), count: z.number().int(), average: z.number().nullable(),
            distribution: z.record(z.string(), z.number().int()),
            counselors: z.array(z.object({ counselorId: z.string(), name: z.string(), count: z.number().int(), average: z.number().nullable() })),
          }),
        },
      },
      errors: { 404: 'STATION_NOT_FOUND' },
      async handler(ctx, { params }) {
        const station = await deps.stations.get(params.id);
        const overall = (await ratingRollup('stationId', [station._id])).get(params.id) ?? { count: 0, average: null };
        const counselors = await CounselorModel.find({ stationId: station._id }, { name: 1 }).lean();
        const per = await ratingRollup('counselorId', counselors.map((c) => c._id));
        ctx.body = {
          stationId: params.id, ...overall, distribution: await scoreDistribution(new Types.ObjectId(params.id)),
          counselors: counselors.map((c) => ({ counselorId: String(c._id), name: c.name, ...(per.get(String(c._id)) ?? { count: 0, average: null }) })),
        };
      },
    }),
  ];
}

export function bookingResidentRoutes(deps: { bookings: BookingsService; waitlist: WaitlistService }): AnyRoute[] {
  return [
    defineRoute({
      method: 'post', path: '/bookings', tags: ['bookings'], access: { kind: 'resident' },
      summary: 'Book a slot (Idempotency-Key required: a replay answers the first booking and creates nothing)',
      body: bookingBody,
      idempotencyKey: 'required',
      responses: { 201: { description: 'Booking (status pending); header Idempotent-Replayed: true on a replay', schema: bookingView } },
      errors: {
        400: 'IDEMPOTENCY_KEY_REQUIRED', 404: 'STATION_NOT_FOUND, COUNSELOR_NOT_FOUND',
        409: 'BOOKING_SLOT_TAKEN, BOOKING_SLOT_UNAVAILABLE, BOOKING_LIMIT_REACHED, BOOKING_OVERLAP, BOOKING_IN_PROGRESS, POLICY_VERSION_OUTDATED',
      },
      async handler(ctx, { body, idempotencyKey }) {
        const { consent: _given, forOther, ...input } = body;
        const result = await deps.bookings.create(currentResident(ctx).id, {
          ...input, ...(forOther ? { forOther: { relationship: forOther.relationship, name: forOther.name, phone: forOther.phone } } : {}),
        }, idempotencyKey);
        if (result.replayed) ctx.set('Idempotent-Replayed', 'true');
        ctx.status = 201;
        ctx.body = result.booking;
      },
    }),
    defineRoute({
      method: 'get', path: '/me/bookings', tags: ['bookings'], access: { kind: 'resident' },
      summary: 'My bookings: upcoming (soonest first), past, or all (newest first)',
      query: z.object({ scope: z.enum(['upcoming', 'past', 'all']).default('all') }),
      responses: { 200: { description: 'Bookings', schema: z.object({ items: z.array(bookingView) }) } },
      async handler(ctx, { query }) {
        ctx.body = await deps.bookings.listMine(currentResident(ctx).id, query.scope);
      },
    }),
    defineRoute({
      method: 'get', path: '/me/bookings/:id', tags: ['bookings'], access: { kind: 'resident' },
      summary: 'One of my bookings',
      params: bookingIdParams,
      responses: { 200: { description: 'Booking', schema: bookingView } },
      errors: { 404: 'BOOKING_NOT_FOUND' },
      async handler(ctx, { params }) {
        ctx.body = await deps.bookings.getMine(currentResident(ctx).id, params.id);
      },
    }),
    defineRoute({
      method: 'post', path: '/me/bookings/:id/cancel', tags: ['bookings'], access: { kind: 'resident' },
      summary: 'Cancel my booking (until the station\'s cancel window); the time is freed at once',
      params: bookingIdParams,
      body: z.object({ reason: z.string().max(200).trim().optional() }),
      responses: { 200: { description: 'Cancelled booking', schema: bookingView } },
      errors: { 404: 'BOOKING_NOT_FOUND', 409: 'BOOKING_CANCEL_WINDOW_PASSED, BOOKING_INVALID_TRANSITION, BOOKING_STATE_CHANGED' },
      async handler(ctx, { params, body }) {
        ctx.body = await deps.bookings.cancelMine(currentResident(ctx).id, params.id, body.reason);
      },
    }),
    defineRoute({
      method: 'post', path: '/me/bookings/:id/reschedule', tags: ['bookings'], access: { kind: 'resident' },
      summary: 'Move my booking to another slot of the same station and service (new time claimed before the old is freed)',
      params: bookingIdParams,
      body: rescheduleBody,
      responses: { 200: { description: 'Rescheduled booking (pending again)', schema: bookingView } },
      errors: { 404: 'BOOKING_NOT_FOUND', 409: 'BOOKING_SLOT_TAKEN, BOOKING_SLOT_UNAVAILABLE, BOOKING_OVERLAP, BOOKING_CANCEL_WINDOW_PASSED, BOOKING_INVALID_TRANSITION, BOOKING_STATE_CHANGED' },
      async handler(ctx, { params, body }) {
        ctx.body = await deps.bookings.rescheduleMine(currentResident(ctx).id, params.id, body);
      },
    }),
    defineRoute({
      method: 'post', path: '/me/bookings/:id/rating', tags: ['bookings'], access: { kind: 'resident' },
      summary: 'Rate a completed session (1–5, optional comment); once per booking',
      params: bookingIdParams,
      body: z.object({ score: z.number().int().min(1).max(5), comment: z.string().max(500).trim().optional() }),
      responses: { 201: { description: 'Rating', schema: z.object({ bookingId: z.string(), score: z.number().int(), comment: z.string(), createdAt: z.string() }) } },
      errors: { 404: 'BOOKING_NOT_FOUND', 409: 'RATING_NOT_ALLOWED, RATING_EXISTS' },
      async handler(ctx, { params, body }) {
        ctx.status = 201;
        ctx.body = await deps.bookings.rate(currentResident(ctx).id, params.id, body.score, body.comment);
      },
    }),
    defineRoute({
      method: 'post', path: '/me/waitlist', tags: ['bookings'], access: { kind: 'resident' },
      summary: 'Wait for a seat at a station on a date (told in-app and by subscribe message when one frees)',
      body: waitlistBody,
      responses: { 201: { description: 'Waitlist entry (the same one when joined twice)', schema: waitlistView } },
      errors: { 404: 'STATION_NOT_FOUND', 409: 'WAITLIST_DATE_INVALID' },
      async handler(ctx, { body }) {
        ctx.status = 201;
        ctx.body = await deps.waitlist.join(currentResident(ctx).id, body);
      },
    }),
    defineRoute({
      method: 'get', path: '/me/waitlist', tags: ['bookings'], access: { kind: 'resident' },
      summary: 'My waitlist entries (today and later)',
      responses: { 200: { description: 'Entries', schema: z.object({ items: z.array(waitlistView) }) } },
      async handler(ctx) {
        ctx.body = await deps.waitlist.list(currentResident(ctx).id);
      },
    }),
    defineRoute({
      method: 'delete', path: '/me/waitlist/:id', tags: ['bookings'], access: { kind: 'resident' },
      summary: 'Leave the waitlist',
      params: z.object({ id: prefixedId('wl', '候补编号格式不正确') }),
      responses: { 204: { description: 'Removed' } },
      errors: { 404: 'WAITLIST_NOT_FOUND' },
      async handler(ctx, { params }) {
        await deps.waitlist.leave(currentResident(ctx).id, params.id);
        ctx.status = 204;
      },
    }),
  ];
}

export function bookingAdminRoutes(deps: { bookings: BookingsService; blocks: BlocksService; events: BookingEventHub; streamTokens: StreamTokens; heartbeatMs?: number }): AnyRoute[] {
  const heartbeatMs = deps.heartbeatMs ?? 15_000;
  const action = (path: string, summary: string, run: (ctx: Parameters<AnyRoute['handler']>[0], staff: AuthenticatedStaff, id: string) => Promise<unknown>, errors = 'BOOKING_INVALID_TRANSITION, BOOKING_STATE_CHANGED') => defineRoute({
    method: 'post', path: `/admin/bookings/:id/${path}`, tags: ['bookings'], access: { kind: 'staff', roles: STATION_ROLES },
    summary, params: bookingIdParams, body: z.object({}),
    responses: { 200: { description: 'Booking', schema: adminBookingView } },
    errors: { 404: 'BOOKING_NOT_FOUND', 403: 'STATION_OUT_OF_SCOPE', 409: errors },
    async handler(ctx, { params }) {
      ctx.body = await run(ctx, currentStaff(ctx), params.id);
    },
  });
  return [
    defineRoute({
      method: 'get', path: '/admin/bookings', tags: ['bookings'], access: { kind: 'staff', roles: STATION_ROLES },
      summary: 'Bookings of the caller\'s stations (a station and its subtree), by start time, with contacts',
      query: adminBookingQuery,
      responses: { 200: { description: 'Bookings', schema: pagedList(adminBookingView) } },
      errors: { 403: 'STATION_OUT_OF_SCOPE', 404: 'STATION_NOT_FOUND' },
      async handler(ctx, { query }) {
        ctx.body = await deps.bookings.listAdmin(ctx, currentStaff(ctx), query);
      },
    }),
    defineRoute({
      method: 'post', path: '/admin/bookings/stream-token', tags: ['bookings'], access: { kind: 'staff', roles: STATION_ROLES },
      summary: 'A 60-second token for opening the live inbox stream with EventSource (which cannot send headers)',
      body: z.object({}),
      responses: { 200: { description: 'Token', schema: z.object({ token: z.string(), expiresIn: z.number().int() }) } },
      async handler(ctx) {
        ctx.body = { token: deps.streamTokens.sign(currentStaff(ctx).id), expiresIn: STREAM_TOKEN_TTL_SECONDS };
      },
    }),
    defineRoute({
      method: 'get', path: '/admin/bookings/stream', tags: ['bookings'], access: { kind: 'public' },
      summary: 'Live inbox (server-sent events booking.created / booking.updated with id, stationId, start, status, version; heartbeat every 15 s). Auth: ?token= from POST /admin/bookings/stream-token',
      query: z.object({ token: z.string().max(2000), stationId: objectId('站点编号格式不正确').optional() }),
      responses: { 200: { description: 'Event stream', contentType: 'text/event-stream', schema: z.string() } },
      errors: { 401: 'STREAM_TOKEN_INVALID', 403: 'STATION_OUT_OF_SCOPE', 404: 'STATION_NOT_FOUND' },
      async handler(ctx, { query }) {
        const staffId = deps.streamTokens.verify(query.token);
        const doc = staffId && Types.ObjectId.isValid(staffId) ? await StaffModel.findById(staffId, { role: 1, stationId: 1, disabled: 1 }).lean() : null;
        if (!doc || doc.disabled) throw new UnauthenticatedError('STREAM_TOKEN_INVALID', '连接已过期，请刷新页面');
        if (!(STATION_ROLES as readonly string[]).includes(doc.role)) throw new ForbiddenError('FORBIDDEN', '没有权限进行此操作');
        const staff: AuthenticatedStaff = { id: String(doc._id), role: doc.role, stationId: doc.stationId ? String(doc.stationId) : null, sessionId: '' };
        const scope = await deps.bookings.scopeStationIdsFor(staff, query.stationId);

        ctx.req.socket.setTimeout(0);
        ctx.req.socket.setNoDelay(true);
        ctx.req.socket.setKeepAlive(true);
        const stream = new PassThrough();
        ctx.status = 200;
        ctx.set('Cache-Control', 'no-store');
        ctx.set('X-Accel-Buffering', 'no');
        ctx.body = stream;
        ctx.type = 'text/event-stream; charset=utf-8';
        stream.write('retry: 3000\n\n');
        const unsubscribe = deps.events.subscribe((e) => {
          if (scope && !scope.has(e.stationId)) return;
          const data = { id: e.id, stationId: e.stationId, start: e.start, status: e.status, version: e.version };
          stream.write(`event: ${e.type}\nid: ${e.id}:${e.version}\ndata: ${JSON.stringify(data)}\n\n`);
        });
        const heartbeat = setInterval(() => stream.write(': ping\n\n'), heartbeatMs);
        let ended = false;
        const end = () => {
          if (ended) return;
          ended = true;
          clearInterval(heartbeat);
          unsubscribe();
          offClose();
          stream.end();
        };
        const offClose = deps.events.onClose(end);
        ctx.res.on('close', end);
      },
    }),
    defineRoute({
      method: 'get', path: '/admin/bookings/:id', tags: ['bookings'], access: { kind: 'staff', roles: STATION_ROLES },
      summary: 'One booking with contacts, notes and history (station in scope)',
      params: bookingIdParams,
      responses: { 200: { description: 'Booking', schema: adminBookingView } },
      errors: { 404: 'BOOKING_NOT_FOUND', 403: 'STATION_OUT_OF_SCOPE' },
      async handler(ctx, { params }) {
        ctx.body = await deps.bookings.getAdmin(ctx, currentStaff(ctx), params.id);
      },
    }),
    action('confirm', 'Confirm a pending booking (the resident gets the confirmation message)', (ctx, s, id) => deps.bookings.confirm(ctx, s, id)),
    defineRoute({
      method: 'post', path: '/admin/bookings/:id/decline', tags: ['bookings'], access: { kind: 'staff', roles: STATION_ROLES },
      summary: 'Decline or cancel a pending/confirmed booking with a reason (cancelled_by_station; the time is freed)',
      params: bookingIdParams,
      body: z.object({ reason: z.string().max(200).trim().min(1, '请填写取消原因') }),
      responses: { 200: { description: 'Booking', schema: adminBookingView } },
      errors: { 404: 'BOOKING_NOT_FOUND', 403: 'STATION_OUT_OF_SCOPE', 409: 'BOOKING_INVALID_TRANSITION, BOOKING_STATE_CHANGED' },
      async handler(ctx, { params, body }) {
        ctx.body = await deps.bookings.decline(ctx, currentStaff(ctx), params.id, body.reason);
      },
    }),
    action('check-in', 'The resident arrived', (ctx, s, id) => deps.bookings.checkIn(ctx, s, id)),
    action('complete', 'The session took place', (ctx, s, id) => deps.bookings.complete(ctx, s, id)),
    action('no-show', 'The resident did not come (only after the start)', (ctx, s, id) => deps.bookings.noShow(ctx, s, id), 'BOOKING_INVALID_TRANSITION, BOOKING_STATE_CHANGED, BOOKING_NOT_STARTED'),
    defineRoute({
      method: 'post', path: '/admin/bookings/:id/reschedule', tags: ['bookings'], access: { kind: 'staff', roles: STATION_ROLES },
      summary: 'Move a booking to another slot (minimum notice not applied; the resident gets the change message)',
      params: bookingIdParams,
      body: rescheduleBody,
      responses: { 200: { description: 'Booking', schema: adminBookingView } },
      errors: { 404: 'BOOKING_NOT_FOUND', 403: 'STATION_OUT_OF_SCOPE', 409: 'BOOKING_SLOT_TAKEN, BOOKING_SLOT_UNAVAILABLE, BOOKING_OVERLAP, BOOKING_INVALID_TRANSITION, BOOKING_STATE_CHANGED' },
      async handler(ctx, { params, body }) {
        ctx.body = await deps.bookings.rescheduleByStaff(ctx, currentStaff(ctx), params.id, body);
      },
    }),
    defineRoute({
      method: 'put', path: '/admin/bookings/:id/notes', tags: ['bookings'], access: { kind: 'staff', roles: STATION_ROLES },
      summary: 'Session notes (sealed at rest)',
      params: bookingIdParams,
      body: z.object({ notes: z.string().max(2000) }),
      responses: { 200: { description: 'Booking', schema: adminBookingView } },
      errors: { 404: 'BOOKING_NOT_FOUND', 403: 'STATION_OUT_OF_SCOPE', 409: 'BOOKING_ANONYMIZED' },
      async handler(ctx, { params, body }) {
        ctx.body = await deps.bookings.setNotes(ctx, currentStaff(ctx), params.id, body.notes);
      },
    }),
    defineRoute({
      method: 'post', path: '/admin/blocks', tags: ['bookings'], access: { kind: 'staff', roles: STATION_ROLES },
      summary: 'Block a counselor\'s time (claims the same cells bookings do)',
      body: blockBody,
      responses: { 201: { description: 'Block', schema: blockView } },
      errors: { 404: 'COUNSELOR_NOT_FOUND', 403: 'STATION_OUT_OF_SCOPE', 409: 'BLOCK_CONFLICT' },
      async handler(ctx, { body }) {
        ctx.status = 201;
        ctx.body = await deps.blocks.create(ctx, currentStaff(ctx), body);
      },
    }),
    defineRoute({
      method: 'get', path: '/admin/blocks', tags: ['bookings'], access: { kind: 'staff', roles: STATION_ROLES },
      summary: 'Blocked time in scope (by counselor or station subtree, optional China date range)',
      query: z.object({ counselorId: objectId().optional(), stationId: objectId().optional(), from: chinaDate.optional(), to: chinaDate.optional() }),
      responses: { 200: { description: 'Blocks', schema: z.object({ items: z.array(blockView) }) } },
      errors: { 404: 'COUNSELOR_NOT_FOUND, STATION_NOT_FOUND', 403: 'STATION_OUT_OF_SCOPE' },
      async handler(ctx, { query }) {
        ctx.body = await deps.blocks.list(ctx, currentStaff(ctx), query);
      },
    }),
    defineRoute({
      method: 'delete', path: '/admin/blocks/:id', tags: ['bookings'], access: { kind: 'staff', roles: STATION_ROLES },
      summary: 'Remove a block (the time becomes bookable again)',
      params: z.object({ id: prefixedId('bl', '编号格式不正确') }),
      responses: { 204: { description: 'Removed' } },
      errors: { 404: 'BLOCK_NOT_FOUND', 403: 'STATION_OUT_OF_SCOPE' },
      async handler(ctx, { params }) {
        await deps.blocks.remove(ctx, currentStaff(ctx), params.id);
        ctx.status = 204;
      },
    }),
  ];
}
