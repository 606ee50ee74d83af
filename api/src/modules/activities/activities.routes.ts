import { z } from 'zod';
import { currentResident, currentStaff } from '../../http/auth';
import { defineRoute, type AnyRoute } from '../../http/route';
import { objectId, pageQuery, pagedList, prefixedId } from '../../http/schema-helpers';
import { instant, personName, phone } from '../bookings/bookings.schemas';
import { chinaDate } from '../counselors/counselors.schemas';
import { ACTIVITY_KINDS, ACTIVITY_STATUSES } from './activity.model';
import type { ActivitiesService } from './activities.service';

const STATION_ROLES = ['station_staff', 'district_admin'] as const;
const activityIdParams = z.object({ id: objectId('活动编号格式不正确') });

const activityView = z.object({
  id: z.string(), stationId: z.string(), stationName: z.string(), kind: z.enum(ACTIVITY_KINDS), title: z.string(), description: z.string(),
  place: z.string(), start: z.string(), end: z.string(), seats: z.number().int(), remaining: z.number().int(), status: z.enum(ACTIVITY_STATUSES),
});
const registrationView = z.object({ id: z.string(), activityId: z.string(), activity: activityView, seat: z.number().int(), status: z.enum(['registered', 'cancelled']), createdAt: z.string() });
const activityPage = pagedList(activityView);
const activityListQuery = z.object({ stationId: objectId('站点编号格式不正确').optional(), from: chinaDate.optional(), ...pageQuery() });

const fields = {
  kind: z.enum(ACTIVITY_KINDS),
  title: z.string().max(60).trim().min(1),
  description: z.string().max(2000).trim(),
  place: z.string().max(100).trim(),
  start: instant,
  end: instant,
  seats: z.number().int().min(1).max(500),
};

export function activityRoutes(deps: { activities: ActivitiesService }): AnyRoute[] {
  return [
    defineRoute({
      method: 'get', path: '/activities', tags: ['activities'], access: { kind: 'public' },
      summary: 'Published activities (group counseling, lectures, check-up days), soonest first; stationId includes its subtree',
      query: activityListQuery,
      responses: { 200: { description: 'Activities', schema: activityPage } },
      errors: { 404: 'STATION_NOT_FOUND' },
      async handler(ctx, { query }) {
        ctx.body = await deps.activities.listPublic(query);
      },
    }),
    defineRoute({
      method: 'get', path: '/activities/:id', tags: ['activities'], access: { kind: 'public' },
      summary: 'One activity with remaining seats',
      params: activityIdParams,
      responses: { 200: { description: 'Activity', schema: activityView } },
      errors: { 404: 'ACTIVITY_NOT_FOUND' },
      async handler(ctx, { params }) {
        ctx.body = await deps.activities.getPublic(params.id);
      },
    }),
    defineRoute({
      method: 'post', path: '/activities/:id/registrations', tags: ['activities'], access: { kind: 'resident' },
      summary: 'Register for an activity (Idempotency-Key required; one seat per resident; registering again returns the first)',
      params: activityIdParams,
      body: z.object({ name: personName, phone, consent: z.literal(true, { message: '需要你同意把姓名和电话交给站点，才能报名' }), policyVersion: z.string().max(32).optional() }),
      idempotencyKey: 'required',
      responses: { 201: { description: 'Registration', schema: registrationView } },
      errors: { 400: 'IDEMPOTENCY_KEY_REQUIRED', 404: 'ACTIVITY_NOT_FOUND', 409: 'ACTIVITY_FULL, ACTIVITY_CLOSED, BOOKING_IN_PROGRESS, POLICY_VERSION_OUTDATED' },
      async handler(ctx, { params, body, idempotencyKey }) {
        const result = await deps.activities.register(currentResident(ctx).id, params.id, body, idempotencyKey);
        if (result.replayed) ctx.set('Idempotent-Replayed', 'true');
        ctx.status = 201;
        ctx.body = result.registration;
      },
    }),
    defineRoute({
      method: 'get', path: '/me/activity-registrations', tags: ['activities'], access: { kind: 'resident' },
      summary: 'My activity registrations, newest first',
      responses: { 200: { description: 'Registrations', schema: z.object({ items: z.array(registrationView) }) } },
      async handler(ctx) {
        ctx.body = await deps.activities.listMine(currentResident(ctx).id);
      },
    }),
    defineRoute({
      method: 'post', path: '/me/activity-registrations/:id/cancel', tags: ['activities'], access: { kind: 'resident' },
      summary: 'Cancel my registration before the start; the seat is freed at once',
      params: z.object({ id: prefixedId('ar', '报名编号格式不正确') }),
      body: z.object({}),
      responses: { 200: { description: 'Registration', schema: registrationView } },
      errors: { 404: 'REGISTRATION_NOT_FOUND', 409: 'ACTIVITY_CLOSED' },
      async handler(ctx, { params }) {
        ctx.body = await deps.activities.cancelMine(currentResident(ctx).id, params.id);
      },
    }),
    defineRoute({
      method: 'get', path: '/admin/activities', tags: ['activities'], access: { kind: 'staff', roles: STATION_ROLES },
      summary: 'Activities of the caller\'s stations',
      query: activityListQuery,
      responses: { 200: { description: 'Activities', schema: activityPage } },
      errors: { 403: 'STATION_OUT_OF_SCOPE', 404: 'STATION_NOT_FOUND' },
      async handler(ctx, { query }) {
        ctx.body = await deps.activities.listAdmin(ctx, currentStaff(ctx), query);
      },
    }),
    defineRoute({
      method: 'post', path: '/admin/activities', tags: ['activities'], access: { kind: 'staff', roles: STATION_ROLES },
      summary: 'Publish an activity for a station in scope',
      body: z.object({ stationId: objectId('站点编号格式不正确'), ...fields, description: fields.description.optional(), place: fields.place.optional() }),
      responses: { 201: { description: 'Activity', schema: activityView } },
      errors: { 403: 'STATION_OUT_OF_SCOPE', 404: 'STATION_NOT_FOUND' },
      async handler(ctx, { body }) {
        ctx.status = 201;
        ctx.body = await deps.activities.create(ctx, currentStaff(ctx), body);
      },
    }),
    defineRoute({
      method: 'patch', path: '/admin/activities/:id', tags: ['activities'], access: { kind: 'staff', roles: STATION_ROLES },
      summary: 'Edit or cancel an activity (seats never below the number registered; cancelling tells those registered)',
      params: activityIdParams,
      body: z.object({ ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof fields]: z.ZodOptional<(typeof fields)[K]> }, status: z.enum(ACTIVITY_STATUSES).optional() }),
      responses: { 200: { description: 'Activity', schema: activityView } },
      errors: { 403: 'STATION_OUT_OF_SCOPE', 404: 'ACTIVITY_NOT_FOUND', 409: 'ACTIVITY_SEATS_BELOW_REGISTERED' },
      async handler(ctx, { params, body }) {
        ctx.body = await deps.activities.update(ctx, currentStaff(ctx), params.id, body);
      },
    }),
    defineRoute({
      method: 'get', path: '/admin/activities/:id/registrations', tags: ['activities'], access: { kind: 'staff', roles: STATION_ROLES },
      summary: 'Who registered (names and phones; station in scope; audited)',
      params: activityIdParams,
      responses: { 200: { description: 'Registrations', schema: z.object({ items: z.array(z.object({ id: z.string(), seat: z.number().int(), status: z.string(), name: z.string(), phone: z.string(), createdAt: z.string() })) }) } },
      errors: { 403: 'STATION_OUT_OF_SCOPE', 404: 'ACTIVITY_NOT_FOUND' },
      async handler(ctx, { params }) {
        ctx.body = await deps.activities.registrations(ctx, currentStaff(ctx), params.id);
      },
    }),
  ];
}
