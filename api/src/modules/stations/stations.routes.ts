import { currentStaff } from '../../http/auth';
import { defineRoute, type AnyRoute } from '../../http/route';
import { stationIdParams, stationList, stationUpdateBody, stationView } from './stations.schemas';
import type { StationsService } from './stations.service';

const STATION_ROLES = ['station_staff', 'district_admin'] as const;

export function stationPublicRoutes(deps: { stations: StationsService }): AnyRoute[] {
  return [
    defineRoute({
      method: 'get', path: '/stations', tags: ['stations'], access: { kind: 'public' },
      summary: 'The station network (district, street, community), for residents to choose from',
      responses: { 200: { description: 'Stations', schema: stationList } },
      async handler(ctx) {
        const items = await deps.stations.listPublic();
        ctx.set('Cache-Control', 'public, max-age=300');
        ctx.body = { items, total: items.length };
      },
    }),
  ];
}

export function stationAdminRoutes(deps: { stations: StationsService }): AnyRoute[] {
  return [
    defineRoute({
      method: 'get', path: '/admin/stations', tags: ['stations'], access: { kind: 'staff', roles: STATION_ROLES },
      summary: 'Stations the signed-in staff member may act for',
      responses: { 200: { description: 'Stations in scope', schema: stationList } },
      async handler(ctx) {
        const items = await deps.stations.listInScope(currentStaff(ctx));
        ctx.body = { items, total: items.length };
      },
    }),
    defineRoute({
      method: 'get', path: '/admin/stations/:id', tags: ['stations'], access: { kind: 'staff', roles: STATION_ROLES },
      summary: 'One station, if it is in the caller\'s scope',
      params: stationIdParams,
      responses: { 200: { description: 'Station', schema: stationView } },
      errors: { 404: 'STATION_NOT_FOUND' },
      async handler(ctx, { params }) {
        ctx.body = await deps.stations.getInScope(ctx, currentStaff(ctx), params.id);
      },
    }),
    defineRoute({
      method: 'patch', path: '/admin/stations/:id', tags: ['stations'], access: { kind: 'staff', roles: STATION_ROLES },
      summary: 'Update a station\'s contact details (own station or one under it)',
      params: stationIdParams,
      body: stationUpdateBody,
      responses: { 200: { description: 'Updated station', schema: stationView } },
      errors: { 404: 'STATION_NOT_FOUND' },
      async handler(ctx, { params, body }) {
        // An empty PATCH changes nothing and answers the station as it is (still scope-checked).
        ctx.body = Object.keys(body).length === 0
          ? await deps.stations.getInScope(ctx, currentStaff(ctx), params.id)
          : await deps.stations.updateInScope(ctx, currentStaff(ctx), params.id, body);
      },
    }),
  ];
}
