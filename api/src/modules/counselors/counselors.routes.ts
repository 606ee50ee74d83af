import { z } from 'zod';
import { currentStaff } from '../../http/auth';
import { defineRoute, type AnyRoute } from '../../http/route';
import { objectId, pageQuery, pagedList } from '../../http/schema-helpers';
import { serviceEnum } from '../stations/stations.schemas';
import {
  chinaDate, counselorAdminView, counselorCreateBody, counselorIdParams, counselorPatchBody, counselorView,
  credentialStatusEnum, exceptionBody, exceptionView, scheduleBody,
} from './counselors.schemas';
import type { CounselorsService } from './counselors.service';

const STATION_ROLES = ['station_staff', 'district_admin'] as const;

export function counselorPublicRoutes(deps: { counselors: CounselorsService }): AnyRoute[] {
  return [
    defineRoute({
      method: 'get', path: '/counselors', tags: ['counselors'], access: { kind: 'public' },
      summary: 'Counselors of one station (active ones), with services offered and rating',
      query: z.object({ stationId: objectId('站点编号格式不正确'), service: serviceEnum.optional() }),
      responses: { 200: { description: 'Counselors', schema: z.object({ items: z.array(counselorView), total: z.number().int() }) } },
      errors: { 404: 'STATION_NOT_FOUND' },
      async handler(ctx, { query }) {
        const items = await deps.counselors.listPublic(query.stationId, query.service);
        ctx.body = { items, total: items.length };
      },
    }),
    defineRoute({
      method: 'get', path: '/counselors/:id', tags: ['counselors'], access: { kind: 'public' },
      summary: 'One counselor (public profile)',
      params: counselorIdParams,
      responses: { 200: { description: 'Counselor', schema: counselorView } },
      errors: { 404: 'COUNSELOR_NOT_FOUND' },
      async handler(ctx, { params }) {
        ctx.body = await deps.counselors.getPublic(params.id);
      },
    }),
  ];
}

export function counselorAdminRoutes(deps: { counselors: CounselorsService }): AnyRoute[] {
  return [
    defineRoute({
      method: 'get', path: '/admin/counselors', tags: ['counselors'], access: { kind: 'staff', roles: STATION_ROLES },
      summary: 'Counselors in the caller\'s scope, with credentials and schedules',
      query: z.object({ stationId: objectId('站点编号格式不正确').optional(), credential: credentialStatusEnum.optional(), ...pageQuery() }),
      responses: { 200: { description: 'Counselors', schema: pagedList(counselorAdminView) } },
      errors: { 404: 'STATION_NOT_FOUND' },
      async handler(ctx, { query }) {
        ctx.body = await deps.counselors.listAdmin(ctx, currentStaff(ctx), query);
      },
    }),
    defineRoute({
      method: 'get', path: '/admin/counselors/alerts', tags: ['counselors'], access: { kind: 'staff', roles: STATION_ROLES },
      summary: 'Counselors whose credential lapsed, is missing or ends within 30 days (they cannot be booked once lapsed)',
      responses: { 200: { description: 'Counselors needing attention', schema: z.object({ items: z.array(counselorAdminView) }) } },
      async handler(ctx) {
        ctx.body = await deps.counselors.alerts(currentStaff(ctx));
      },
    }),
    defineRoute({
      method: 'post', path: '/admin/counselors', tags: ['counselors'], access: { kind: 'staff', roles: ['district_admin'] },
      summary: 'Add a counselor to a station (unverified until a district admin verifies the qualification)',
      body: counselorCreateBody,
      responses: { 201: { description: 'Counselor', schema: counselorAdminView } },
      errors: { 404: 'STATION_NOT_FOUND' },
      async handler(ctx, { body }) {
        ctx.status = 201;
        ctx.body = await deps.counselors.create(ctx, currentStaff(ctx), body);
      },
    }),
    defineRoute({
      method: 'get', path: '/admin/counselors/:id', tags: ['counselors'], access: { kind: 'staff', roles: STATION_ROLES },
      summary: 'One counselor in scope',
      params: counselorIdParams,
      responses: { 200: { description: 'Counselor', schema: counselorAdminView } },
      errors: { 404: 'COUNSELOR_NOT_FOUND' },
      async handler(ctx, { params }) {
        ctx.body = await deps.counselors.getAdmin(ctx, currentStaff(ctx), params.id);
      },
    }),
    defineRoute({
      method: 'patch', path: '/admin/counselors/:id', tags: ['counselors'], access: { kind: 'staff', roles: STATION_ROLES },
      summary: 'Edit a counselor (station staff: intro, specialties, photo; district admin: everything)',
      params: counselorIdParams,
      body: counselorPatchBody,
      responses: { 200: { description: 'Counselor', schema: counselorAdminView } },
      errors: { 404: 'COUNSELOR_NOT_FOUND, STATION_NOT_FOUND' },
      async handler(ctx, { params, body }) {
        ctx.body = await deps.counselors.update(ctx, currentStaff(ctx), params.id, body);
      },
    }),
    defineRoute({
      method: 'post', path: '/admin/counselors/:id/verify', tags: ['counselors'], access: { kind: 'staff', roles: ['district_admin'] },
      summary: 'Mark the counselor\'s qualification as checked (or not)',
      params: counselorIdParams,
      body: z.object({ verified: z.boolean() }),
      responses: { 200: { description: 'Counselor', schema: counselorAdminView } },
      errors: { 404: 'COUNSELOR_NOT_FOUND' },
      async handler(ctx, { params, body }) {
        ctx.body = await deps.counselors.verify(ctx, currentStaff(ctx), params.id, body.verified);
      },
    }),
    defineRoute({
      method: 'put', path: '/admin/counselors/:id/schedule', tags: ['counselors'], access: { kind: 'staff', roles: STATION_ROLES },
      summary: 'Replace the weekly template (sessions, buffer, windows, group sessions); existing bookings stay',
      params: counselorIdParams,
      body: scheduleBody,
      responses: { 200: { description: 'Counselor', schema: counselorAdminView } },
      errors: { 404: 'COUNSELOR_NOT_FOUND' },
      async handler(ctx, { params, body }) {
        ctx.body = await deps.counselors.setSchedule(ctx, currentStaff(ctx), params.id, body);
      },
    }),
    defineRoute({
      method: 'get', path: '/admin/counselors/:id/exceptions', tags: ['counselors'], access: { kind: 'staff', roles: STATION_ROLES },
      summary: 'Date exceptions (holiday, leave, extra hours) of a counselor',
      params: counselorIdParams,
      query: z.object({ from: chinaDate.optional(), to: chinaDate.optional() }),
      responses: { 200: { description: 'Exceptions', schema: z.object({ items: z.array(exceptionView) }) } },
      errors: { 404: 'COUNSELOR_NOT_FOUND' },
      async handler(ctx, { params, query }) {
        ctx.body = await deps.counselors.listExceptions(ctx, currentStaff(ctx), params.id, query.from, query.to);
      },
    }),
    defineRoute({
      method: 'post', path: '/admin/counselors/:id/exceptions', tags: ['counselors'], access: { kind: 'staff', roles: STATION_ROLES },
      summary: 'Add a date exception: holiday (whole day), leave (whole day or hours) or extra hours',
      params: counselorIdParams,
      body: exceptionBody,
      responses: { 201: { description: 'Exception', schema: exceptionView } },
      errors: { 404: 'COUNSELOR_NOT_FOUND' },
      async handler(ctx, { params, body }) {
        ctx.status = 201;
        ctx.body = await deps.counselors.addException(ctx, currentStaff(ctx), params.id, body);
      },
    }),
    defineRoute({
      method: 'delete', path: '/admin/counselors/:id/exceptions/:exceptionId', tags: ['counselors'], access: { kind: 'staff', roles: STATION_ROLES },
      summary: 'Remove a date exception',
      params: counselorIdParams.extend({ exceptionId: objectId() }),
      responses: { 204: { description: 'Removed' } },
      errors: { 404: 'COUNSELOR_NOT_FOUND, EXCEPTION_NOT_FOUND' },
      async handler(ctx, { params }) {
        await deps.counselors.removeException(ctx, currentStaff(ctx), params.id, params.exceptionId);
        ctx.status = 204;
      },
    }),
  ];
}
