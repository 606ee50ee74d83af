import { z } from 'zod';
import { currentResident } from '../../http/auth';
import { defineRoute, type AnyRoute } from '../../http/route';
import { answersSchema, assessmentResult, scaleCodeParams } from '../scales/scales.schemas';
import type { AssessmentsService } from './assessments.service';

const band = z.object({ key: z.string(), label: z.string() }).nullable();
const historyItem = z.object({
  id: z.string(), code: z.string(), title: z.string(), total: z.number(), band, urgent: z.boolean(), crisis: z.boolean(), createdAt: z.string(),
});
const idParams = z.object({ id: z.string().regex(/^[A-Za-z0-9:_-]{8,120}$/, '记录编号格式不正确') });

export function assessmentRoutes(deps: { assessments: AssessmentsService }): AnyRoute[] {
  return [
    defineRoute({
      method: 'post', path: '/me/assessments', tags: ['assessments'], access: { kind: 'resident' },
      summary: 'Take a self-test and keep the result (needs store_results consent); answers are stored encrypted',
      body: z.object({ code: scaleCodeParams.shape.code, answers: answersSchema }),
      idempotencyKey: 'optional',
      responses: { 201: { description: 'Scored and saved', schema: assessmentResult.extend({ id: z.string() }) } },
      errors: { 403: 'CONSENT_REQUIRED', 404: 'SCALE_NOT_FOUND' },
      async handler(ctx, { body, idempotencyKey }) {
        ctx.set('Cache-Control', 'no-store');
        ctx.status = 201;
        ctx.body = await deps.assessments.saveForResident(currentResident(ctx).id, body.code, body.answers, idempotencyKey);
      },
    }),
    defineRoute({
      method: 'get', path: '/me/assessments', tags: ['assessments'], access: { kind: 'resident' },
      summary: 'The resident\'s saved results, newest first, with a trend per scale',
      responses: {
        200: {
          description: 'History',
          schema: z.object({
            items: z.array(historyItem), total: z.number().int(),
            trends: z.array(z.object({ code: z.string(), title: z.string(), points: z.array(z.object({ at: z.string(), total: z.number() })) })),
          }),
        },
      },
      async handler(ctx) {
        ctx.body = await deps.assessments.listForResident(currentResident(ctx).id);
      },
    }),
    defineRoute({
      method: 'get', path: '/me/assessments/:id', tags: ['assessments'], access: { kind: 'resident' },
      summary: 'One saved result with its answers',
      params: idParams,
      responses: {
        200: {
          description: 'Saved result',
          schema: z.object({ id: z.string(), code: z.string(), title: z.string(), total: z.number(), band, answers: z.array(z.number()), createdAt: z.string() }),
        },
      },
      errors: { 404: 'ASSESSMENT_NOT_FOUND' },
      async handler(ctx, { params }) {
        ctx.body = await deps.assessments.getForResident(currentResident(ctx).id, params.id);
      },
    }),
    defineRoute({
      method: 'delete', path: '/me/assessments/:id', tags: ['assessments'], access: { kind: 'resident' },
      summary: 'Delete one saved result',
      params: idParams,
      responses: { 204: { description: 'Deleted' } },
      errors: { 404: 'ASSESSMENT_NOT_FOUND' },
      async handler(ctx, { params }) {
        await deps.assessments.deleteForResident(currentResident(ctx).id, params.id);
        ctx.status = 204;
      },
    }),
    defineRoute({
      method: 'delete', path: '/me/assessments', tags: ['assessments'], access: { kind: 'resident' },
      summary: 'Delete all saved results',
      responses: { 204: { description: 'Deleted' } },
      async handler(ctx) {
        await deps.assessments.deleteForResident(currentResident(ctx).id);
        ctx.status = 204;
      },
    }),
  ];
}
