import { Types } from 'mongoose';
import { AppError, ForbiddenError } from '../../http/errors';
import { ConsentModel, type CONSENT_PURPOSES } from './consent.model';

export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

// The privacy notice residents agree to; bump it when the notice changes so new consent is asked for.
export const PRIVACY_POLICY_VERSION = '2026-11-23';

/**
 * The privacy-policy version a form was agreed under: absent means the current one; anything else that is not the
 * current one (an older version, an empty string) is 409 before the caller writes anything.
 */
export function agreedPolicyVersion(sent: string | undefined): string {
  if (sent === undefined) return PRIVACY_POLICY_VERSION;
  if (sent !== PRIVACY_POLICY_VERSION) {
    throw new AppError(409, 'POLICY_VERSION_OUTDATED', '隐私说明已更新，请重新阅读后再同意', { current: PRIVACY_POLICY_VERSION });
  }
  return sent;
}

const CONSENT_REQUIRED_MESSAGES: Record<ConsentPurpose, string> = {
  store_results: '保存自测结果需要你单独同意。不保存也可以正常自测。',
  referral_contact: '请站点联系你需要你同意我们把联系方式交给站点。',
  booking_contact: '预约需要你同意我们把姓名和电话交给所选站点。',
};

export function createConsentsService(deps: { onWithdraw?: Partial<Record<ConsentPurpose, (residentId: string) => Promise<void>>> } = {}) {
  return {
    async active(residentId: string) {
      const rows = await ConsentModel.find({ residentId: new Types.ObjectId(residentId), withdrawnAt: null }).sort({ grantedAt: 1 }).lean();
      return rows.map((c) => ({ purpose: c.purpose, policyVersion: c.policyVersion, grantedAt: c.grantedAt.toISOString() }));
    },

    async grant(residentId: string, purpose: ConsentPurpose, policyVersion: string) {
      agreedPolicyVersion(policyVersion);
      const existing = await ConsentModel.findOne({ residentId: new Types.ObjectId(residentId), purpose, withdrawnAt: null, policyVersion }).lean();
      const row = existing ?? (await ConsentModel.create({ residentId, purpose, policyVersion }));
      return { purpose: row.purpose, policyVersion: row.policyVersion, grantedAt: row.grantedAt.toISOString() };
    },

    /** Withdraws and, for stored results, deletes what the consent covered in the same request. */
    async withdraw(residentId: string, purpose: ConsentPurpose) {
      await ConsentModel.updateMany({ residentId: new Types.ObjectId(residentId), purpose, withdrawnAt: null }, { $set: { withdrawnAt: new Date() } });
      await deps.onWithdraw?.[purpose]?.(residentId);
    },

    async require(residentId: string, purpose: ConsentPurpose) {
      const ok = await ConsentModel.exists({ residentId: new Types.ObjectId(residentId), purpose, withdrawnAt: null, policyVersion: PRIVACY_POLICY_VERSION });
      if (!ok) throw new ForbiddenError('CONSENT_REQUIRED', CONSENT_REQUIRED_MESSAGES[purpose]);
    },

    /** Every record, withdrawn ones included (the resident's data export). */
    async exportForResident(residentId: string) {
      const rows = await ConsentModel.find({ residentId: new Types.ObjectId(residentId) }).sort({ grantedAt: 1 }).lean();
      return rows.map((c) => ({ purpose: c.purpose, policyVersion: c.policyVersion, grantedAt: c.grantedAt.toISOString(), withdrawnAt: c.withdrawnAt?.toISOString() ?? null }));
    },

    /** Account deletion: the evidence records go with the account they were evidence for. */
    async eraseResident(residentId: string): Promise<number> {
      return (await ConsentModel.deleteMany({ residentId: new Types.ObjectId(residentId) })).deletedCount;
    },
  };
}

export type ConsentsService = ReturnType<typeof createConsentsService>;
