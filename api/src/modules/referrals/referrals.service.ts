import mongoose, { Types } from 'mongoose';
import { NotFoundError, ValidationError } from '../../http/errors';
import type { FieldCipher } from '../../security/field-cipher';
import type { ConsentsService } from '../consents/consents.service';
import { PRIVACY_POLICY_VERSION } from '../consents/consents.service';
import type { ScalesService } from '../scales/scales.service';
import { StationModel } from '../stations/station.model';
import { FollowUpRequestModel } from './follow-up-request.model';
import { isDuplicateKey } from '../../db';

export interface ReferralInput {
  stationId: string;
  phone: string;
  name?: string | undefined;
  code: string;
  bandKey?: string | undefined;
  crisis: boolean;
  urgent: boolean;
  policyVersion: string;
}

export function createReferralsService(deps: { consents: ConsentsService; scales: ScalesService; cipher: FieldCipher }) {
  return {
    /** Records the contact consent and creates the station's follow-up request in one step the resident takes. */
    async request(residentId: string, input: ReferralInput, idempotencyKey?: string) {
      const station = await StationModel.findById(input.stationId, { name: 1 }).lean();
      if (!station) throw new NotFoundError('STATION_NOT_FOUND', '没有找到这个站点');
      const def = deps.scales.get(input.code); // 404 for an unknown scale
      if (input.bandKey && !(def.bands ?? []).some((b) => b.key === input.bandKey) && !def.subscales.some((s) => (s.bands ?? []).some((b) => b.key === input.bandKey))) {
        throw new ValidationError([{ in: 'body', path: 'bandKey', message: '结果分段不属于这个量表' }]);
      }
      await deps.consents.grant(residentId, 'referral_contact', input.policyVersion);
      const _id = idempotencyKey ? `${residentId}:${idempotencyKey}` : new Types.ObjectId().toHexString();
      try {
        await FollowUpRequestModel.create({
          _id, residentId, stationId: station._id,
          phone: deps.cipher.seal(input.phone), name: input.name ? deps.cipher.seal(input.name) : null,
          scale: def.code, bandKey: input.bandKey ?? null, crisis: input.crisis, urgent: input.urgent,
          consentPolicyVersion: PRIVACY_POLICY_VERSION,
        });
      } catch (e) {
        if (!isDuplicateKey(e)) throw e; // a double submit: created already
      }
      return { id: _id, status: 'new' as const, stationName: station.name };
    },

    async listForResident(residentId: string) {
      const rows = await FollowUpRequestModel.find({ residentId: new Types.ObjectId(residentId) }, { phone: 0, name: 0 }).sort({ createdAt: -1 }).lean();
      const stations = new Map((await StationModel.find({ _id: mongoose.trusted({ $in: rows.map((r) => r.stationId) }) }, { name: 1 }).lean()).map((s) => [String(s._id), s.name]));
      return rows.map((r) => ({ id: r._id, stationName: stations.get(String(r.stationId)) ?? '', status: r.status, createdAt: r.createdAt.toISOString() }));
    },

    /** Every request with the contact the resident gave, opened (the resident's data export). */
    async exportForResident(residentId: string) {
      const rows = await FollowUpRequestModel.find({ residentId: new Types.ObjectId(residentId) }).sort({ createdAt: 1 }).lean();
      const stations = new Map((await StationModel.find({ _id: mongoose.trusted({ $in: rows.map((r) => r.stationId) }) }, { name: 1 }).lean()).map((s) => [String(s._id), s.name]));
      const open = (s: unknown) => (s ? deps.cipher.open(s as never) : null);
      return rows.map((r) => ({
        id: r._id, stationId: String(r.stationId), stationName: stations.get(String(r.stationId)) ?? '', phone: open(r.phone), name: open(r.name),
        scale: r.scale, bandKey: r.bandKey ?? null, urgent: r.urgent, crisis: r.crisis, status: r.status, createdAt: r.createdAt.toISOString(),
      }));
    },

    /** Account deletion: the station's copy of the request goes too (it holds the phone number). */
    async eraseResident(residentId: string): Promise<number> {
      return (await FollowUpRequestModel.deleteMany({ residentId: new Types.ObjectId(residentId) })).deletedCount;
    },
  };
}

export type ReferralsService = ReturnType<typeof createReferralsService>;
