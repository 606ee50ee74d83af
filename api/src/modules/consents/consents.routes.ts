import { z } from 'zod';
import { currentResident } from '../../http/auth';
import { defineRoute, type AnyRoute } from '../../http/route';
import { CONSENT_PURPOSES } from './consent.model';
import type { ConsentsService } from './consents.service';

const consentView = z.object({ purpose: z.enum(CONSENT_PURPOSES), policyVersion: z.string(), grantedAt: z.string() });

export function consentRoutes(deps: { consents: ConsentsService }): AnyRoute[] {
  return [
    defineRoute({
      method: 'get', path: '/me/consents', tags: ['consents'], access: { kind: 'resident' },
      summary: 'The consents the resident currently gives',
      responses: { 200: { description: 'Active consents', schema: z.object({ items: z.array(consentView) }) } },
      async handler(ctx) {
        ctx.body = { items: await deps.consents.active(currentResident(ctx).id) };
      },
    }),
    defineRoute({
      method: 'post', path: '/me/consents', tags: ['consents'], access: { kind: 'resident' },
      summary: 'Give a separate consent for one purpose, for the current privacy notice version',
      body: z.object({ purpose: z.enum(CONSENT_PURPOSES), policyVersion: z.string().max(32) }),
      responses: { 201: { description: 'Consent recorded', schema: consentView } },
      errors: { 409: 'POLICY_VERSION_OUTDATED' },
      async handler(ctx, { body }) {
        ctx.status = 201;
        ctx.body = await deps.consents.grant(currentResident(ctx).id, body.purpose, body.policyVersion);
      },
    }),
    defineRoute({
      method: 'delete', path: '/me/consents/:purpose', tags: ['consents'], access: { kind: 'resident' },
      summary: 'Withdraw a consent; withdrawing store_results deletes the saved results at once',
      params: z.object({ purpose: z.enum(CONSENT_PURPOSES) }),
      responses: { 204: { description: 'Withdrawn' } },
      async handler(ctx, { params }) {
        await deps.consents.withdraw(currentResident(ctx).id, params.purpose);
        ctx.status = 204;
      },
    }),
  ];
}
