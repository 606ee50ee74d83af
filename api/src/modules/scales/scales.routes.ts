import { z } from 'zod';
import { defineRoute, type AnyRoute } from '../../http/route';
import { assessmentBody, assessmentResult, scaleCodeParams, scaleList, scaleListQuery } from './scales.schemas';
import type { ScalesService } from './scales.service';

export function scaleRoutes(deps: { scales: ScalesService }): AnyRoute[] {
  return [
    defineRoute({
      method: 'get', path: '/scales', tags: ['scales'], access: { kind: 'public' },
      summary: 'Self-test scales residents can take',
      query: scaleListQuery,
      responses: { 200: { description: 'Scales', schema: scaleList } },
      handler(ctx, { query }) {
        const items = deps.scales.list(query.audience);
        ctx.set('Cache-Control', 'public, max-age=300');
        ctx.body = { items, total: items.length };
      },
    }),
    defineRoute({
      method: 'get', path: '/scales/:code', tags: ['scales'], access: { kind: 'public' },
      summary: 'A whole scale definition: items, options, bands, critical items, licence and citation',
      params: scaleCodeParams,
      responses: { 200: { description: 'Scale definition', schema: z.record(z.string(), z.unknown()) }, 304: { description: 'Not modified' } },
      errors: { 404: 'SCALE_NOT_FOUND' },
      handler(ctx, { params }) {
        const body = deps.scales.get(params.code);
        ctx.set('Cache-Control', 'public, max-age=300');
        ctx.etag = deps.scales.etag(params.code);
        ctx.status = 200;
        if (ctx.fresh) {
          ctx.status = 304;
          return;
        }
        ctx.body = body;
      },
    }),
    defineRoute({
      method: 'post', path: '/scales/:code/assessments', tags: ['scales'], access: { kind: 'public' },
      summary: 'Score a self-test anonymously; a critical answer returns the crisis hotlines',
      params: scaleCodeParams,
      body: assessmentBody,
      idempotencyKey: 'optional',
      responses: { 200: { description: 'Result', schema: assessmentResult } },
      errors: { 404: 'SCALE_NOT_FOUND' },
      async handler(ctx, { params, body, idempotencyKey: key }) {
        const result = await deps.scales.score(params.code, body.answers, body.regionStationId);
        await deps.scales.count(result, { regionStationId: body.regionStationId, idempotencyKey: key });
        ctx.body = result;
      },
    }),
  ];
}
