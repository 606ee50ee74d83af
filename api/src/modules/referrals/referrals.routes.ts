import { z } from 'zod';
import { currentResident } from '../../http/auth';
import { defineRoute, type AnyRoute } from '../../http/route';
import { objectId } from '../../http/schema-helpers';
import type { ReferralsService } from './referrals.service';

// Mainland mobile numbers, or a landline with area code (e.g. 0519-80000000).
const phone = z.string().trim().regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '请填写正确的手机号或带区号的固定电话');

export const referralBody = z.object({
  stationId: objectId('站点编号格式不正确'),
  phone,
  name: z.string().max(20).trim().min(1).optional(),
  code: z.string().regex(/^[a-z][a-z0-9]{1,15}$/),
  bandKey: z.string().max(32).optional(),
  crisis: z.boolean(),
  urgent: z.boolean(),
  consent: z.literal(true, { message: '需要你同意把联系方式交给站点，站点才能联系你' }),
  policyVersion: z.string().max(32),
});

export function referralRoutes(deps: { referrals: ReferralsService }): AnyRoute[] {
  return [
    defineRoute({
      method: 'post', path: '/me/referrals', tags: ['referrals'], access: { kind: 'resident' },
      summary: 'Ask a station to contact me about a self-test result (records the contact consent)',
      body: referralBody,
      idempotencyKey: 'optional',
      responses: { 201: { description: 'Follow-up request created', schema: z.object({ id: z.string(), status: z.literal('new'), stationName: z.string() }) } },
      errors: { 404: 'STATION_NOT_FOUND, SCALE_NOT_FOUND', 409: 'POLICY_VERSION_OUTDATED' },
      async handler(ctx, { body, idempotencyKey }) {
        const { consent: _given, ...input } = body;
        ctx.status = 201;
        ctx.body = await deps.referrals.request(currentResident(ctx).id, input, idempotencyKey);
      },
    }),
    defineRoute({
      method: 'get', path: '/me/referrals', tags: ['referrals'], access: { kind: 'resident' },
      summary: 'My follow-up requests and their status',
      responses: { 200: { description: 'Requests', schema: z.object({ items: z.array(z.object({ id: z.string(), stationName: z.string(), status: z.string(), createdAt: z.string() })) }) } },
      async handler(ctx) {
        ctx.body = { items: await deps.referrals.listForResident(currentResident(ctx).id) };
      },
    }),
  ];
}
