// A resident's PIPL rights over their own data (security-privacy.md checklist 25): a copy of everything we hold
// (Art. 45) and deleting the account (Art. 47, GB/T 35273 8.5). This service touches no model: each module says
// what it holds about a resident (exportForResident) and removes it (eraseResident and similar); this file only
// decides the order and the shape.
import type { Context } from 'koa';
import { UnauthenticatedError, UnavailableError } from '../../http/errors';
import type { Logger } from '../../logger';
import type { ActivitiesService } from '../activities/activities.service';
import type { AssessmentsService } from '../assessments/assessments.service';
import type { AuditService } from '../audit/audit.service';
import type { AudioService } from '../audio/audio.service';
import type { BookingsService } from '../bookings/bookings.service';
import type { WaitlistService } from '../bookings/waitlist.service';
import type { ConsentsService } from '../consents/consents.service';
import type { FavoritesService } from '../favorites/favorites.service';
import type { MessagesService } from '../messages/messages.service';
import type { ReferralsService } from '../referrals/referrals.service';
import type { RemindersService } from '../reminders/reminders.service';
import { ErasureStepFailed, runErasure, type ErasureReport, type ErasureStep } from './erasure';
import { buildExportDocument, exportFileName, type ExportDocument } from './export-document';
import type { ResidentProfiles } from './resident-profiles';

export interface PrivacyDeps {
  profiles: ResidentProfiles;
  consents: Pick<ConsentsService, 'exportForResident' | 'eraseResident'>;
  assessments: Pick<AssessmentsService, 'exportForResident' | 'deleteForResident' | 'anonymizeCountsForResident'>;
  referrals: Pick<ReferralsService, 'exportForResident' | 'eraseResident'>;
  reminders: Pick<RemindersService, 'list' | 'eraseResident'>;
  bookings: Pick<BookingsService, 'exportForResident' | 'eraseResident'>;
  waitlist: Pick<WaitlistService, 'exportForResident' | 'eraseResident'>;
  activities: Pick<ActivitiesService, 'exportForResident' | 'eraseResident'>;
  favorites: Pick<FavoritesService, 'exportForResident' | 'deleteForResident'>;
  audio: Pick<AudioService, 'listPositions' | 'deletePositionsForResident'>;
  messages: Pick<MessagesService, 'exportForResident' | 'eraseResident'>;
  audit: AuditService;
  logger?: Pick<Logger, 'warn'>;
  now?: () => Date;
}

const accountGone = () => new UnauthenticatedError('ACCOUNT_NOT_FOUND', '这个账号已经注销或登录已失效，请重新进入');

/** The deletion steps in their safe order (see erasure.ts for why this order). */
export function erasureSteps(d: PrivacyDeps): ErasureStep[] {
  return [
    { name: 'waitlist', run: (id) => d.waitlist.eraseResident(id) },
    { name: 'bookings', run: (id) => d.bookings.eraseResident(id) },
    { name: 'activityRegistrations', run: (id) => d.activities.eraseResident(id) },
    { name: 'reminders', run: (id) => d.reminders.eraseResident(id) },
    { name: 'referrals', run: (id) => d.referrals.eraseResident(id) },
    { name: 'assessments', run: (id) => d.assessments.deleteForResident(id) },
    { name: 'assessmentCounts', run: (id) => d.assessments.anonymizeCountsForResident(id) },
    { name: 'favorites', run: async (id) => { await d.favorites.deleteForResident(id); } },
    { name: 'listeningPositions', run: (id) => d.audio.deletePositionsForResident(id) },
    { name: 'messages', run: (id) => d.messages.eraseResident(id) },
    { name: 'consents', run: (id) => d.consents.eraseResident(id) },
    { name: 'profile', run: async (id) => { await d.profiles.delete(id); } },
  ];
}

export function createPrivacyService(deps: PrivacyDeps) {
  const now = deps.now ?? (() => new Date());
  const steps = erasureSteps(deps);

  return {
    /** Everything held about the resident, as the downloadable document and its file name. */
    async exportFor(ctx: Context | undefined, residentId: string): Promise<{ fileName: string; document: ExportDocument }> {
      const profile = await deps.profiles.get(residentId);
      if (!profile) throw accountGone();
      const at = now();
      const [consents, assessments, referrals, reminders, bookings, waitlist, activityRegistrations, favorites, positions, messages] = await Promise.all([
        deps.consents.exportForResident(residentId),
        deps.assessments.exportForResident(residentId),
        deps.referrals.exportForResident(residentId),
        deps.reminders.list(residentId),
        deps.bookings.exportForResident(residentId),
        deps.waitlist.exportForResident(residentId),
        deps.activities.exportForResident(residentId),
        deps.favorites.exportForResident(residentId),
        deps.audio.listPositions(residentId),
        deps.messages.exportForResident(residentId),
      ]);
      const document = buildExportDocument({
        profile, consents, assessments, referrals, reminders: reminders.items, bookings, waitlist, activityRegistrations, favorites,
        listeningPositions: positions.items, messages,
      }, at);
      await deps.audit.record(ctx, { actor: `resident:${residentId}`, role: 'resident', action: 'privacy.export', target: `resident:${residentId}`, result: 'success' });
      return { fileName: exportFileName(at), document };
    },

    /**
     * Deletes the account: cancels what is upcoming, anonymizes what stations keep for statistics, deletes the rest
     * and finally the profile. A failure half-way answers 503 and leaves the profile, so the resident (or support)
     * can simply run it again. The audit record carries counts only.
     */
    async deleteAccount(ctx: Context | undefined, residentId: string): Promise<ErasureReport> {
      if (!(await deps.profiles.get(residentId))) throw accountGone();
      let report: ErasureReport;
      try {
        report = await runErasure(steps, residentId);
      } catch (e) {
        if (!(e instanceof ErasureStepFailed)) throw e;
        const cause = e.failure as Error | undefined;
        deps.logger?.warn({ step: e.step, err: { type: cause?.name, message: cause?.message } }, 'account deletion incomplete');
        await deps.audit.record(ctx, { actor: `resident:${residentId}`, role: 'resident', action: 'account.delete', target: `resident:${residentId}`, result: 'failure', detail: { step: e.step } });
        throw new UnavailableError('ACCOUNT_DELETION_INCOMPLETE', '注销还没有全部完成，请稍后再点一次“注销账号”，已经完成的部分不会重复。', 5);
      }
      await deps.audit.record(ctx, { actor: `resident:${residentId}`, role: 'resident', action: 'account.delete', target: `resident:${residentId}`, result: 'success', detail: report });
      return report;
    },
  };
}

export type PrivacyService = ReturnType<typeof createPrivacyService>;
