import mongoose, { Types } from 'mongoose';
import { NotFoundError, UnavailableError } from '../../http/errors';
import type { Logger } from '../../logger';
import { ResidentModel } from '../residents/resident.model';
import type { ScalesService } from '../scales/scales.service';
import { WeChatError } from '../wechat/access-token.client';
import { SubscribeMessageError, type SubscribeMessageClient } from '../wechat/subscribe-message.client';
import { buildRetestMessageData, retestPage } from './reminder-message';
import { ReminderClaimModel, ReminderModel, type ReminderStatus } from './reminder.model';
import { isDuplicateKey } from '../../db';

export const RETEST_INTERVAL_DAYS = 14;
const DAY_MS = 86_400_000;
const SWEEP_BATCH = 200;

export interface ReminderView { id: string; code: string; dueAt: string; status: ReminderStatus; createdAt: string }

export interface SweepReport { due: number; sent: number; refused: number; failed: number; skipped: number }

interface Deps {
  scales: Pick<ScalesService, 'get'>;
  /** Absent when WeChat or the template id is not configured: residents then get 503 and nothing is swept. */
  subscribe?: SubscribeMessageClient | undefined;
  templateId?: string | undefined;
  logger?: Pick<Logger, 'warn' | 'info'>;
  now?: () => Date;
}

function view(r: { _id: string; scale: string; dueAt: Date; status: string; createdAt: Date }): ReminderView {
  return { id: r._id, code: r.scale, dueAt: r.dueAt.toISOString(), status: r.status as ReminderStatus, createdAt: r.createdAt.toISOString() };
}

export function createRemindersService(deps: Deps) {
  const now = deps.now ?? (() => new Date());
  const enabled = () => Boolean(deps.subscribe && deps.templateId);

  /** Claims, sends and records one reminder; returns what happened to it. */
  async function sendOne(reminder: { _id: string; residentId: Types.ObjectId; scale: string }, at: Date): Promise<keyof Omit<SweepReport, 'due'>> {
    try {
      await ReminderClaimModel.create({ _id: reminder._id, claimedAt: at });
    } catch (e) {
      if (isDuplicateKey(e)) return 'skipped'; // another instance (or an earlier sweep) owns it
      throw e;
    }
    // From here on only this caller touches the reminder, so plain updates by _id are safe.
    const finish = (status: ReminderStatus, errcode: number | null = null) =>
      ReminderModel.updateOne({ _id: reminder._id }, { $set: { status, finishedAt: at, errcode } });
    const resident = await ResidentModel.findById(reminder.residentId, { openid: 1 }).lean();
    if (!resident) {
      await finish('failed');
      return 'failed';
    }
    try {
      const result = await deps.subscribe!.send({
        openid: resident.openid, templateId: deps.templateId!, page: retestPage(reminder.scale), data: buildRetestMessageData(at),
      });
      await finish(result.status);
      return result.status;
    } catch (e) {
      // Failed is final: the claim stays, so no sweep retries it (one credit, at most one message).
      const errcode = e instanceof WeChatError ? e.errcode : null;
      deps.logger?.warn({ reminderId: reminder._id, errcode, kind: e instanceof SubscribeMessageError ? e.kind : (e as Error)?.name }, 'retest reminder not sent');
      await finish('failed', errcode);
      return 'failed';
    }
  }

  return {
    /** Records the one-time subscribe credit as a reminder due in 14 days; a repeat the same day returns the same one. */
    async create(residentId: string, code: string): Promise<ReminderView> {
      deps.scales.get(code); // 404 SCALE_NOT_FOUND for an unknown scale
      if (!enabled()) throw new UnavailableError('REMINDERS_UNAVAILABLE', '提醒功能暂未开通');
      const createdAt = now();
      const day = createdAt.toISOString().slice(0, 10).replaceAll('-', '');
      const id = `rr_${residentId}_${code}_${day}`;
      const doc = { _id: id, residentId: new Types.ObjectId(residentId), scale: code, dueAt: new Date(createdAt.getTime() + RETEST_INTERVAL_DAYS * DAY_MS), status: 'pending' as const, createdAt };
      try {
        await ReminderModel.create(doc);
        return view(doc);
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
        const existing = await ReminderModel.findById(id).lean();
        if (!existing) throw e;
        return view(existing);
      }
    },

    async list(residentId: string): Promise<{ items: ReminderView[] }> {
      const rows = await ReminderModel.find({ residentId: new Types.ObjectId(residentId) }).sort({ createdAt: -1 }).limit(100).lean();
      return { items: rows.map(view) };
    },

    async remove(residentId: string, id: string): Promise<void> {
      const res = await ReminderModel.deleteOne({ _id: id, residentId: new Types.ObjectId(residentId) });
      if (res.deletedCount !== 1) throw new NotFoundError('REMINDER_NOT_FOUND', '没有找到这条提醒');
    },

    /** Account deletion: the reminders and their send claims (whose ids carry the resident id). */
    async eraseResident(residentId: string): Promise<number> {
      const ids = (await ReminderModel.find({ residentId: new Types.ObjectId(residentId) }, { _id: 1 }).lean()).map((r) => r._id);
      // Claims first: a retry after a failure still finds the reminders that name them.
      if (ids.length) await ReminderClaimModel.deleteMany({ _id: mongoose.trusted({ $in: ids }) });
      return (await ReminderModel.deleteMany({ residentId: new Types.ObjectId(residentId) })).deletedCount;
    },

    /**
     * Sends every reminder due at `at` exactly once, also when several API instances sweep at the same moment:
     * each reminder is claimed by inserting a document with its id, and only the claim's winner sends it.
     * 43101 marks it refused, other errors failed; neither is retried.
     */
    async sendDueReminders(at: Date): Promise<SweepReport> {
      const report: SweepReport = { due: 0, sent: 0, refused: 0, failed: 0, skipped: 0 };
      if (!enabled()) return report;
      const due = await ReminderModel.find({ status: 'pending', dueAt: mongoose.trusted({ $lte: at }) }, { _id: 1, residentId: 1, scale: 1 })
        .sort({ dueAt: 1 }).limit(SWEEP_BATCH).lean();
      report.due = due.length;
      for (const r of due) report[await sendOne(r, at)]++;
      if (report.due) deps.logger?.info({ ...report }, 'retest reminders swept');
      return report;
    },
  };
}

export type RemindersService = ReturnType<typeof createRemindersService>;
