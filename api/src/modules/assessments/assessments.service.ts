import crypto from 'node:crypto';
import mongoose, { Types } from 'mongoose';
import { NotFoundError } from '../../http/errors';
import type { FieldCipher } from '../../security/field-cipher';
import type { ConsentsService } from '../consents/consents.service';
import type { ScalesService } from '../scales/scales.service';
import { AssessmentEventModel } from './assessment-event.model';
import { SavedAssessmentModel } from './saved-assessment.model';
import { isDuplicateKey } from '../../db';

/** The dedupe key of a saved result's anonymous count: stable for one submission, unlinkable to the account. */
export function anonymousCountKey(residentId: string, idempotencyKey: string): string {
  return crypto.createHash('sha256').update(`${residentId}:${idempotencyKey}`).digest('hex').slice(0, 32);
}

export function createAssessmentsService(deps: { scales: ScalesService; consents: ConsentsService; cipher: FieldCipher }) {
  return {
    /** Scores, counts anonymously, and keeps the result for the resident — only with store_results consent. */
    async saveForResident(residentId: string, code: string, answers: unknown[], idempotencyKey?: string) {
      await deps.consents.require(residentId, 'store_results');
      const result = await deps.scales.score(code, answers);
      // The anonymous rollup must not carry the account id: its dedupe key is a one-way hash of resident and key.
      await deps.scales.count(result, { idempotencyKey: idempotencyKey ? `h:${anonymousCountKey(residentId, idempotencyKey)}` : undefined });
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

    /** Every saved result with its answers opened, oldest first (the resident's data export). */
    async exportForResident(residentId: string) {
      const titleOrCode = (code: string) => { try { return deps.scales.title(code); } catch { return code; } };
      const rows = await SavedAssessmentModel.find({ residentId: new Types.ObjectId(residentId) }).sort({ createdAt: 1 }).lean();
      return rows.map((r) => ({
        // A scale since retired from the library still exports, under its code.
        id: r._id, code: r.scale, title: titleOrCode(r.scale), version: r.version, total: r.total,
        band: r.bandKey ? { key: r.bandKey, label: r.bandLabel ?? '' } : null, urgent: r.urgent, crisis: r.crisis,
        answers: JSON.parse(deps.cipher.open(r.answers as never)) as number[], createdAt: r.createdAt.toISOString(),
      }));
    },

    /**
     * Account deletion: rollup rows written before the dedupe key was hashed have ids `${scale}:r:${residentId}:${key}`
     * (scales.count); each is re-keyed by a one-way hash of that id, so the counts stay and the link to the account
     * goes. A repeat after a failure re-inserts the same new id (a duplicate, ignored) and deletes the old one.
     */
    async anonymizeCountsForResident(residentId: string): Promise<number> {
      if (!Types.ObjectId.isValid(residentId)) return 0;
      const rows = await AssessmentEventModel.find({ _id: mongoose.trusted({ $regex: `^[A-Za-z0-9_-]+:r:${residentId}:` }) }).lean();
      for (const r of rows) {
        const hashed = `${r.scale}:a:${crypto.createHash('sha256').update(r._id).digest('hex').slice(0, 32)}`;
        try {
          await AssessmentEventModel.create({ _id: hashed, scale: r.scale, band: r.band, week: r.week, region: r.region ?? null });
        } catch (e) {
          if (!isDuplicateKey(e)) throw e;
        }
        await AssessmentEventModel.deleteOne({ _id: r._id });
      }
      return rows.length;
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
