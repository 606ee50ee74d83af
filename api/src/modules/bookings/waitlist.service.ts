import crypto from 'node:crypto';
import mongoose, { Types } from 'mongoose';
import { ConflictError, NotFoundError } from '../../http/errors';
import type { Logger } from '../../logger';
import { chinaDateOf, daysBetween } from '../availability/china-time';
import type { Service } from '../availability/slot-generation';
import { isDuplicateKey } from '../../db';
import { buildWaitlistMessageData, stationPage } from '../messages/booking-message';
import type { MessagesService } from '../messages/messages.service';
import { StationModel } from '../stations/station.model';
import type { StationsService } from '../stations/stations.service';
import { WaitlistModel, type WaitlistEntry } from './waitlist.model';

export interface WaitlistView {
  id: string; stationId: string; stationName: string; date: string; service: Service | null; counselorId: string | null;
  status: 'waiting' | 'notified'; createdAt: string;
}

type EntryDoc = WaitlistEntry & { _id: string };

export function createWaitlistService(deps: { stations: StationsService; messages: MessagesService; logger?: Pick<Logger, 'warn'>; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());

  async function views(rows: EntryDoc[]): Promise<WaitlistView[]> {
    const stations = new Map((await StationModel.find({ _id: mongoose.trusted({ $in: rows.map((r) => r.stationId) }) }, { name: 1 }).lean()).map((s) => [String(s._id), s.name]));
    return rows.map((r) => ({
      id: r._id, stationId: String(r.stationId), stationName: stations.get(String(r.stationId)) ?? '', date: r.date,
      service: (r.service as Service | null) ?? null, counselorId: r.counselorId ?? null, status: r.status, createdAt: r.joinedAt.toISOString(),
    }));
  }

  return {
    async join(residentId: string, input: { stationId: string; date: string; service?: Service | undefined; counselorId?: string | undefined }): Promise<WaitlistView> {
      const { policy } = await deps.stations.getWithPolicy(input.stationId);
      const ahead = daysBetween(chinaDateOf(now()), input.date);
      if (ahead < 0 || ahead >= policy.horizonDays) throw new ConflictError('WAITLIST_DATE_INVALID', '只能登记可预约范围内的日期');
      const id = 'wl_' + crypto.createHash('sha256').update([residentId, input.stationId, input.date, input.service ?? '*', input.counselorId ?? '*'].join('|')).digest('hex').slice(0, 24);
      const at = now();
      try {
        await WaitlistModel.create({ _id: id, residentId: new Types.ObjectId(residentId), stationId: new Types.ObjectId(input.stationId), date: input.date, service: input.service ?? null, counselorId: input.counselorId ?? null, status: 'waiting', joinedAt: at });
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
        // Joining again after being told re-arms the entry.
        await WaitlistModel.updateOne({ _id: id, status: 'notified' }, { $set: { status: 'waiting', joinedAt: at, notifiedAt: null } });
      }
      const row = await WaitlistModel.findById(id).lean();
      return (await views([row as EntryDoc]))[0]!;
    },

    async list(residentId: string): Promise<{ items: WaitlistView[] }> {
      const rows = await WaitlistModel.find({ residentId: new Types.ObjectId(residentId), date: mongoose.trusted({ $gte: chinaDateOf(now()) }) }).sort({ date: 1 }).lean();
      return { items: await views(rows as EntryDoc[]) };
    },

    async leave(residentId: string, id: string): Promise<void> {
      const res = await WaitlistModel.deleteOne({ _id: id, residentId: new Types.ObjectId(residentId) });
      if (res.deletedCount !== 1) throw new NotFoundError('WAITLIST_NOT_FOUND', '没有找到这条候补登记');
    },

    /** Every entry, past dates included (the resident's data export). */
    async exportForResident(residentId: string): Promise<WaitlistView[]> {
      const rows = await WaitlistModel.find({ residentId: new Types.ObjectId(residentId) }).sort({ date: 1 }).lean();
      return views(rows as EntryDoc[]);
    },

    /** Account deletion: removes every entry, so a seat freed later no longer calls this resident. */
    async eraseResident(residentId: string): Promise<number> {
      return (await WaitlistModel.deleteMany({ residentId: new Types.ObjectId(residentId) })).deletedCount;
    },

    /**
     * A seat or time at a station on a date became free: every matching waiting entry is told once (in-app and
     * subscribe message). First to book wins; nothing is held for anyone. Never throws: the cancel that freed the
     * seat has already happened.
     */
    async seatFreed(freed: { stationId: string; stationName: string; date: string; service: Service; counselorId: string }): Promise<number> {
      try {
        const entries = await WaitlistModel.find({ stationId: new Types.ObjectId(freed.stationId), date: freed.date, status: 'waiting' }).lean();
        let told = 0;
        for (const e of entries) {
          if (e.service && e.service !== freed.service) continue;
          if (e.counselorId && e.counselorId !== freed.counselorId) continue;
          const [, m, d] = freed.date.split('-').map(Number);
          const result = await deps.messages.notify({
            residentId: String(e.residentId), kind: 'waitlist_seat_free', stationId: freed.stationId,
            title: '有空位了', body: `${freed.stationName} ${m}月${d}日有新的空位，现在去预约吧（先到先得）。`,
            dedupeKey: `waitlist:${e._id}:${e.joinedAt.getTime()}`,
            subscribe: { template: 'waitlist', page: stationPage(freed.stationId), data: buildWaitlistMessageData(freed.date, freed.stationName) },
          });
          await WaitlistModel.updateOne({ _id: e._id, joinedAt: e.joinedAt }, { $set: { status: 'notified', notifiedAt: now() } });
          if (result.created) told++;
        }
        return told;
      } catch (e) {
        deps.logger?.warn({ err: { message: (e as Error).message } }, 'waitlist notification failed');
        return 0;
      }
    },
  };
}

export type WaitlistService = ReturnType<typeof createWaitlistService>;
