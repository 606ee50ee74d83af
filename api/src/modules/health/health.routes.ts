import { z } from 'zod';
import { defineRoute, type AnyRoute } from '../../http/route';

const healthBody = z.object({ status: z.enum(['ok', 'degraded']), db: z.enum(['up', 'down']) });

export function healthRoutes(deps: { ping: () => Promise<boolean> }): AnyRoute[] {
  return [
    defineRoute({
      method: 'get', path: '/healthz', tags: ['health'], access: { kind: 'public' },
      summary: 'Liveness and database reachability',
      responses: {
        200: { description: 'The API and its database are up', schema: healthBody },
        503: { description: 'The database cannot be reached', schema: healthBody },
      },
      async handler(ctx) {
        const up = await deps.ping();
        ctx.set('Cache-Control', 'no-store');
        ctx.status = up ? 200 : 503;
        ctx.body = { status: up ? 'ok' : 'degraded', db: up ? 'up' : 'down' };
      },
    }),
  ];
}
