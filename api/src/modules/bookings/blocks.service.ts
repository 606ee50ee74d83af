import crypto from 'node:crypto';
import type { Context } from 'koa';
import mongoose, { Schema, Types, model } from 'mongoose';
import { ConflictError, NotFoundError } from '../../http/errors';
import type { AuditService } from '../audit/audit.service';
import type { AuthenticatedStaff } from '../auth/staff-auth.service';
import { atChinaTime, addDays } from '../availability/china-time';
import { CELL_MINUTES, cellsCovering } from '../availability/slot-generation';
import type { CounselorsService } from '../counselors/counselors.service';
import type { StationsService } from '../stations/stations.service';
import { badInput } from './booking-errors';
import { cellClaimId, claimAll, ClaimConflict, releaseClaims } from './claims';
import { maxChars } from '../../model-limits';

// Time a station takes out of a counselor's calendar (training, supervision, an outside visit). It claims the same
// cells bookings claim, so a block and a booking can never hold the same time, whichever comes first.
const blockSchema = new Schema(
  {
    _id: { type: String, required: true },
    counselorId: { type: Schema.Types.ObjectId, ref: 'Counselor', required: true },
    stationId: { type: Schema.Types.ObjectId, ref: 'Station', required: true },
    start: { type: Date, required: true },
    end: { type: Date, required: true },
    reason: { type: String, validate: maxChars(100), default: '' },
    claimIds: { type: [String], default: [] },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true, default: () => new Date() },
  },
  { versionKey: false, collection: 'booking_blocks' },
);
blockSchema.index({ counselorId: 1, start: 1 });
blockSchema.index({ stationId: 1, start: 1 });
export const BlockModel = model('BookingBlock', blockSchema);

const MAX_BLOCK_MS = 14 * 86_400_000;
const CELL_MS = CELL_MINUTES * 60_000;

export interface BlockView { id: string; counselorId: string; stationId: string; start: string; end: string; reason: string }

const view = (b: { _id: string; counselorId: Types.ObjectId; stationId: Types.ObjectId; start: Date; end: Date; reason?: string | null }): BlockView => ({
  id: b._id, counselorId: String(b.counselorId), stationId: String(b.stationId), start: b.start.toISOString(), end: b.end.toISOString(), reason: b.reason ?? '',
});

export function createBlocksService(deps: { stations: StationsService; counselors: CounselorsService; audit: AuditService }) {
  return {
    async create(ctx: Context, staff: AuthenticatedStaff, input: { counselorId: string; start: string; end: string; reason?: string | undefined }): Promise<BlockView> {
      const counselor = await deps.counselors.get(input.counselorId);
      await deps.stations.findInScope(ctx, staff, String(counselor.stationId));
      const start = new Date(input.start);
      const end = new Date(input.end);
      if (start.getTime() % CELL_MS || end.getTime() % CELL_MS) throw badInput('start', '开始和结束时间需为整刻钟');
      if (end <= start || end.getTime() - start.getTime() > MAX_BLOCK_MS) throw badInput('end', '结束需晚于开始，且一次最多 14 天');
      const id = 'bl_' + crypto.randomBytes(12).toString('hex');
      const cid = String(counselor._id);
      const specs = cellsCovering(start, end).map((c) => ({ _id: cellClaimId(cid, c), owner: id, kind: 'cell' as const, resource: cid, at: c }));
      try {
        await claimAll(specs);
      } catch (e) {
        if (e instanceof ClaimConflict) throw new ConflictError('BLOCK_CONFLICT', '这段时间已有预约或已被占用，请先处理那些预约');
        throw e;
      }
      const doc = await BlockModel.create({ _id: id, counselorId: counselor._id, stationId: counselor.stationId, start, end, reason: input.reason ?? '', claimIds: specs.map((s) => s._id), createdBy: staff.id });
      await deps.audit.record(ctx, { actor: `staff:${staff.id}`, role: staff.role, action: 'booking.block', target: `counselor:${cid}`, result: 'success', detail: { blockId: id } });
      return view(doc.toObject());
    },

    async list(ctx: Context, staff: AuthenticatedStaff, q: { counselorId?: string | undefined; stationId?: string | undefined; from?: string | undefined; to?: string | undefined }): Promise<{ items: BlockView[] }> {
      const filter: Record<string, unknown> = {};
      if (q.counselorId) {
        const c = await deps.counselors.get(q.counselorId);
        await deps.stations.findInScope(ctx, staff, String(c.stationId));
        filter.counselorId = c._id;
      } else if (q.stationId) {
        await deps.stations.findInScope(ctx, staff, q.stationId);
        filter.stationId = mongoose.trusted({ $in: await deps.stations.subtreeIds(q.stationId) });
      } else {
        const ids = await deps.stations.scopeIds(staff);
        if (ids) filter.stationId = mongoose.trusted({ $in: ids });
      }
      if (q.from || q.to) {
        filter.end = mongoose.trusted({ $gt: atChinaTime(q.from ?? '2000-01-01', 0) });
        if (q.to) filter.start = mongoose.trusted({ $lt: atChinaTime(addDays(q.to, 1), 0) });
      }
      const rows = await BlockModel.find(filter).sort({ start: 1 }).limit(500).lean();
      return { items: rows.map(view) };
    },

    async remove(ctx: Context, staff: AuthenticatedStaff, id: string): Promise<void> {
      const block = await BlockModel.findById(id).lean();
      if (!block) throw new NotFoundError('BLOCK_NOT_FOUND', '没有找到这段占用');
      await deps.stations.findInScope(ctx, staff, String(block.stationId));
      await releaseClaims(id, block.claimIds);
      await BlockModel.deleteOne({ _id: id });
      await deps.audit.record(ctx, { actor: `staff:${staff.id}`, role: staff.role, action: 'booking.unblock', target: `counselor:${String(block.counselorId)}`, result: 'success', detail: { blockId: id } });
    },
  };
}

export type BlocksService = ReturnType<typeof createBlocksService>;
