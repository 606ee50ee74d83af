import { currentStaff } from '../../http/auth';
import { ValidationError } from '../../http/errors';
import { defineRoute, type AnyRoute } from '../../http/route';
import { stationIdParams, stationList, stationUpdateBody, stationView } from './stations.schemas';
import type { StationsService } from './stations.service';

const STATION_ROLES = ['station_staff', 'district_admin'] as const;

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
      async handler(ctx, { params, body }) {
        if (Object.keys(body).length === 0) throw new ValidationError([{ in: 'body', path: '', message: '请至少修改一项' }]);
        ctx.body = await deps.stations.updateInScope(ctx, currentStaff(ctx), params.id, body);
      },
    }),
  ];
}
