import { Types } from 'mongoose';
import { NotFoundError } from '../../http/errors';
import type { FieldCipher } from '../../security/field-cipher';
import type { ConsentsService } from '../consents/consents.service';
import type { ScalesService } from '../scales/scales.service';
import { SavedAssessmentModel } from './saved-assessment.model';
import { isDuplicateKey } from '../../db';

export function createAssessmentsService(deps: { scales: ScalesService; consents: ConsentsService; cipher: FieldCipher }) {
  return {
    /** Scores, counts anonymously, and keeps the result for the resident — only with store_results consent. */
    async saveForResident(residentId: string, code: string, answers: unknown[], idempotencyKey?: string) {
      await deps.consents.require(residentId, 'store_results');
      const result = await deps.scales.score(code, answers);
      await deps.scales.count(result, { idempotencyKey: idempotencyKey ? `r:${residentId}:${idempotencyKey}` : undefined });
      const _id = idempotencyKey
        ? `${residentId}:${idempotencyKey}`
        : new Types.ObjectId().toHexString();
      try {
        await SavedAssessmentModel.create({
          _id, residentId, scale: result.code, version: result.version, total: result.total,
          bandKey: result.band?.key ?? null, bandLabel: result.band?.label ?? null, urgent: result.urgent, crisis: result.crisis,
          answers: deps.cipher.seal(JSON.stringify(answers)),
        });
      } catch (e) {
        if (!isDuplicateKey(e)) throw e; // a resend: saved already
      }
      return { id: _id, ...result };
    },

    /** History newest first, and per scale the totals over time (oldest first) for a trend line. */
    async listForResident(residentId: string) {
      const rows = await SavedAssessmentModel.find({ residentId: new Types.ObjectId(residentId) }, { answers: 0 }).sort({ createdAt: -1 }).lean();
      const items = rows.map((r) => ({
        id: r._id, code: r.scale, title: deps.scales.title(r.scale), total: r.total,
        band: r.bandKey ? { key: r.bandKey, label: r.bandLabel ?? '' } : null, urgent: r.urgent, crisis: r.crisis,
        createdAt: r.createdAt.toISOString(),
      }));
      const trends = new Map<string, { code: string; title: string; points: { at: string; total: number }[] }>();
      for (const item of [...items].reverse()) {
        const t = trends.get(item.code) ?? { code: item.code, title: item.title, points: [] };
        t.points.push({ at: item.createdAt, total: item.total });
        trends.set(item.code, t);
      }
      return { items, total: items.length, trends: [...trends.values()] };
    },

    async getForResident(residentId: string, id: string) {
      const row = await SavedAssessmentModel.findOne({ _id: id, residentId: new Types.ObjectId(residentId) }).lean();
      // Someone else's result is "not found", never "forbidden": its existence is not revealed.
      if (!row) throw new NotFoundError('ASSESSMENT_NOT_FOUND', '没有找到这条自测记录');
      return {
        id: row._id, code: row.scale, title: deps.scales.title(row.scale), total: row.total,
        band: row.bandKey ? { key: row.bandKey, label: row.bandLabel ?? '' } : null,
        answers: JSON.parse(deps.cipher.open(row.answers as never)) as number[], createdAt: row.createdAt.toISOString(),
      };
    },

    async deleteForResident(residentId: string, id?: string) {
      const filter = { residentId: new Types.ObjectId(residentId), ...(id ? { _id: id } : {}) };
      const res = await SavedAssessmentModel.deleteMany(filter);
      if (id && res.deletedCount === 0) throw new NotFoundError('ASSESSMENT_NOT_FOUND', '没有找到这条自测记录');
      return res.deletedCount;
    },
  };
}

export type AssessmentsService = ReturnType<typeof createAssessmentsService>;
