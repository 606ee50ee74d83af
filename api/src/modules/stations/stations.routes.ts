import { z } from 'zod';
import { currentStaff } from '../../http/auth';
import { defineRoute, type AnyRoute } from '../../http/route';
import type { CounselorsService } from '../counselors/counselors.service';
import { counselorView } from '../counselors/counselors.schemas';
import {
  stationAdminList, stationAdminView, stationIdParams, stationListQuery, stationTreeNode, stationUpdateBody, stationView,
} from './stations.schemas';
import type { StationsService } from './stations.service';

const STATION_ROLES = ['station_staff', 'district_admin'] as const;

export function stationPublicRoutes(deps: { stations: StationsService; counselors?: CounselorsService }): AnyRoute[] {
  const routes = [
    defineRoute({
      method: 'get', path: '/stations', tags: ['stations'], access: { kind: 'public' },
      summary: 'The station network: a list (nearest first when lat/lng are sent, with distanceKm) or a tree (view=tree)',
      query: stationListQuery,
      responses: { 200: { description: 'Stations (list items, or tree roots with children)', schema: z.object({ items: z.array(z.union([stationView, stationTreeNode])), total: z.number().int() }) } },
      errors: { 404: 'STATION_NOT_FOUND' },
      async handler(ctx, { query }) {
        ctx.body = await deps.stations.listPublic(query);
        // A position-dependent answer is personal: it keeps the API's no-store.
        if (query.lat === undefined && query.lng === undefined) ctx.set('Cache-Control', 'public, max-age=300');
      },
    }),
  ];
  if (deps.counselors) {
    const counselors = deps.counselors;
    routes.push(defineRoute({
      method: 'get', path: '/stations/:id', tags: ['stations'], access: { kind: 'public' },
      summary: 'One station with its effective booking policy and its counselors',
      params: stationIdParams,
      responses: { 200: { description: 'Station', schema: stationView.extend({ counselors: z.array(counselorView) }) } },
      errors: { 404: 'STATION_NOT_FOUND' },
      async handler(ctx, { params }) {
        const { view } = await deps.stations.getWithPolicy(params.id);
        ctx.body = { ...view, counselors: await counselors.listPublic(params.id) };
      },
    }));
  }
  return routes;
}

export function stationAdminRoutes(deps: { stations: StationsService }): AnyRoute[] {
  return [
    defineRoute({
      method: 'get', path: '/admin/stations', tags: ['stations'], access: { kind: 'staff', roles: STATION_ROLES },
      summary: 'Stations the signed-in staff member may act for',
      responses: { 200: { description: 'Stations in scope', schema: stationAdminList } },
      async handler(ctx) {
        const items = await deps.stations.listInScope(currentStaff(ctx));
        ctx.body = { items, total: items.length };
      },
    }),
    defineRoute({
      method: 'get', path: '/admin/stations/:id', tags: ['stations'], access: { kind: 'staff', roles: STATION_ROLES },
      summary: 'One station, if it is in the caller\'s scope',
      params: stationIdParams,
      responses: { 200: { description: 'Station', schema: stationAdminView } },
      errors: { 404: 'STATION_NOT_FOUND' },
      async handler(ctx, { params }) {
        ctx.body = await deps.stations.getInScope(ctx, currentStaff(ctx), params.id);
      },
    }),
    defineRoute({
      method: 'patch', path: '/admin/stations/:id', tags: ['stations'], access: { kind: 'staff', roles: STATION_ROLES },
      summary: 'Update a station (own station or one under it): contact details, location, services; name and policies are district admin only',
      params: stationIdParams,
      body: stationUpdateBody,
      responses: { 200: { description: 'Updated station', schema: stationAdminView } },
      errors: { 404: 'STATION_NOT_FOUND', 403: 'STATION_OUT_OF_SCOPE, DISTRICT_ADMIN_ONLY' },
      async handler(ctx, { params, body }) {
        // An empty PATCH changes nothing and answers the station as it is (still scope-checked).
        ctx.body = Object.keys(body).length === 0
          ? await deps.stations.getInScope(ctx, currentStaff(ctx), params.id)
          : await deps.stations.updateInScope(ctx, currentStaff(ctx), params.id, body);
      },
    }),
  ];
}
