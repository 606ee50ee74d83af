import { currentResident } from '../../http/auth';
import { defineRoute, type AnyRoute } from '../../http/route';
import { attachmentHeader } from './export-document';
import type { PrivacyService } from './privacy.service';
import { deleteAccountBody, deleteAccountResponse, exportDocumentSchema } from './privacy.schemas';

export function privacyRoutes(deps: { privacy: PrivacyService }): AnyRoute[] {
  return [
    defineRoute({
      method: 'get', path: '/me/export', tags: ['residents'], access: { kind: 'resident' },
      summary: 'Download all my data as one JSON file (PIPL Art. 45); sensitive fields opened for their owner',
      responses: { 200: { description: 'The export, as an attachment (Content-Disposition) that is never cached', schema: exportDocumentSchema } },
      errors: { 401: 'ACCOUNT_NOT_FOUND (the account was deleted)' },
      async handler(ctx) {
        const { fileName, document } = await deps.privacy.exportFor(ctx, currentResident(ctx).id);
        ctx.set('Cache-Control', 'no-store');
        ctx.set('Content-Disposition', attachmentHeader(fileName));
        ctx.type = 'application/json; charset=utf-8';
        // Indented: the file is meant to be opened and read by the resident.
        ctx.body = JSON.stringify(document, null, 2);
      },
    }),
    defineRoute({
      method: 'delete', path: '/me', tags: ['residents'], access: { kind: 'resident' },
      summary: 'Delete my account: cancel upcoming bookings and registrations, anonymize past bookings, delete the rest and the account',
      body: deleteAccountBody,
      responses: { 200: { description: 'Deleted; a later login starts a new, empty account', schema: deleteAccountResponse } },
      errors: {
        401: 'ACCOUNT_NOT_FOUND (already deleted)',
        503: 'ACCOUNT_DELETION_INCOMPLETE (a step failed; the account is still there and the same request finishes the job)',
      },
      async handler(ctx) {
        const report = await deps.privacy.deleteAccount(ctx, currentResident(ctx).id);
        ctx.body = { deleted: true, cancelledBookings: report.bookingsCancelled ?? 0, cancelledRegistrations: report.activityRegistrationsCancelled ?? 0 };
      },
    }),
  ];
}
