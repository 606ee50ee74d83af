// What can be booked: the counselors' generated slots minus what claims already hold, within the station's
// notice and horizon. Read-only; the claims decide at booking time.
import mongoose from 'mongoose';
import { addDays, atChinaTime, chinaDateOf, daysBetween } from '../availability/china-time';
import { cellsCovering, generateDaySlots, isBookableStart, withinHorizon, type GeneratedSlot, type Service } from '../availability/slot-generation';
import { isBookableOn } from '../counselors/counselor-rules';
import { scheduleOf, type CounselorDoc, type CounselorsService } from '../counselors/counselors.service';
import type { StationPolicy } from '../stations/station-policy';
import type { StationDoc, StationsService } from '../stations/stations.service';
import { ClaimModel } from './booking-claim.model';
import { cellClaimId, seatsTaken } from './claims';

export interface SlotView {
  start: string;
  end: string;
  counselorId: string;
  counselorName: string;
  service: Service;
  capacity: number;
  remaining: number;
  title?: string;
}

export interface Overflow { stationId: string; name: string; level: string; firstFreeDate: string }

export const groupSessionKey = (counselorId: string, start: Date) => `grp:${counselorId}:${start.toISOString()}`;

export interface SlotFilter { service?: Service | undefined; counselorId?: string | undefined }

export function createSlotFinder(deps: { stations: StationsService; counselors: CounselorsService; now: () => Date }) {
  /** Generated slots of each counselor on each date (only dates their credential covers). */
  async function generated(counselors: readonly CounselorDoc[], dates: readonly string[]): Promise<Map<string, Array<GeneratedSlot & { counselor: CounselorDoc }>>> {
    const out = new Map<string, Array<GeneratedSlot & { counselor: CounselorDoc }>>(dates.map((d) => [d, []]));
    if (!counselors.length || !dates.length) return out;
    const sorted = [...dates].sort();
    const exceptions = await deps.counselors.exceptionsFor(counselors.map((c) => c._id), sorted[0]!, sorted[sorted.length - 1]!);
    for (const date of dates) {
      const list = out.get(date)!;
      for (const c of counselors) {
        if (!isBookableOn(c, date)) continue;
        const mine = exceptions.filter((e) => e.counselorId === String(c._id));
        for (const s of generateDaySlots(scheduleOf(c), date, mine)) list.push({ ...s, counselor: c });
      }
      list.sort((a, b) => a.start.getTime() - b.start.getTime() || String(a.counselor._id).localeCompare(String(b.counselor._id)));
    }
    return out;
  }

  /** Who holds each counselor cell between two instants. */
  async function cellOwners(counselorIds: readonly string[], from: Date, to: Date): Promise<Map<string, string>> {
    if (!counselorIds.length) return new Map();
    const rows = await ClaimModel.find({ resource: mongoose.trusted({ $in: [...counselorIds] }), at: mongoose.trusted({ $gte: from, $lt: to }) }, { _id: 1, owner: 1 }).lean();
    return new Map(rows.map((r) => [r._id, r.owner]));
  }

  function remainingOf(slot: GeneratedSlot & { counselor: CounselorDoc }, owners: Map<string, string>, seats: Map<string, number>): number {
    const cid = String(slot.counselor._id);
    const buffer = scheduleOf(slot.counselor).bufferMinutes;
    const cells = cellsCovering(slot.start, slot.end, buffer).map((c) => cellClaimId(cid, c));
    if (slot.service === 'group') {
      const key = groupSessionKey(cid, slot.start);
      if (cells.some((c) => owners.has(c) && owners.get(c) !== key)) return 0;
      return Math.max(0, slot.capacity - (seats.get(key) ?? 0));
    }
    return cells.some((c) => owners.has(c)) ? 0 : 1;
  }

  /** Bookable slots of a station on several dates, with what remains of each. */
  async function slotsFor(station: StationDoc, policy: StationPolicy, dates: readonly string[], filter: SlotFilter = {}, opts: { ignoreNotice?: boolean } = {}): Promise<Map<string, SlotView[]>> {
    const now = deps.now();
    const inRange = dates.filter((d) => withinHorizon(d, now, policy.horizonDays));
    const offered = new Set(station.services ?? []);
    let counselors = await deps.counselors.activeAt([station._id]);
    if (filter.counselorId) counselors = counselors.filter((c) => String(c._id) === filter.counselorId);
    const gen = await generated(counselors, inRange);
    const out = new Map<string, SlotView[]>(dates.map((d) => [d, []]));
    if (!inRange.length || !counselors.length) return out;
    const sorted = [...inRange].sort();
    const owners = await cellOwners(counselors.map((c) => String(c._id)), atChinaTime(sorted[0]!, 0), atChinaTime(addDays(sorted[sorted.length - 1]!, 1), 0));
    const groupKeys = [...gen.values()].flat().filter((s) => s.service === 'group').map((s) => groupSessionKey(String(s.counselor._id), s.start));
    const seats = await seatsTaken(groupKeys);
    for (const date of inRange) {
      out.set(date, gen.get(date)!
        .filter((s) => offered.has(s.service) && (!filter.service || s.service === filter.service))
        .filter((s) => (opts.ignoreNotice ? s.start.getTime() > now.getTime() : isBookableStart(s.start, now, policy)))
        .map((s) => ({
          start: s.start.toISOString(), end: s.end.toISOString(), counselorId: String(s.counselor._id), counselorName: s.counselor.name,
          service: s.service, capacity: s.capacity, remaining: remainingOf(s, owners, seats), ...(s.title ? { title: s.title } : {}),
        })));
    }
    return out;
  }

  /** Days from `from` (China date) for `days` days with the number of slots that still have room. */
  async function freeByDay(station: StationDoc, policy: StationPolicy, from: string, days: number, service?: Service) {
    const dates = Array.from({ length: days }, (_, i) => addDays(from, i));
    const slots = await slotsFor(station, policy, dates, { service });
    return dates.map((date) => ({ date, free: slots.get(date)!.filter((s) => s.remaining > 0).length }));
  }

  return {
    slotsFor,
    generated,
    freeByDay,

    /**
     * Per-day free counts from `from`; when none is free, the nearest station above with a free slot within its own
     * horizon (street, then district) is offered as overflow.
     */
    async availability(stationId: string, q: { from?: string | undefined; days?: number | undefined; service?: Service | undefined }) {
      const { station, policy } = await deps.stations.getWithPolicy(stationId);
      const today = chinaDateOf(deps.now());
      const from = q.from ?? today;
      const days = q.days ?? policy.horizonDays;
      const list = await freeByDay(station, policy, from, days, q.service);
      let overflow: Overflow | null = null;
      if (list.every((d) => d.free === 0) && station.ancestors.length) {
        for (const ancestorId of [...station.ancestors].reverse()) {
          const up = await deps.stations.getWithPolicy(String(ancestorId));
          const upDays = await freeByDay(up.station, up.policy, today, up.policy.horizonDays, q.service);
          const first = upDays.find((d) => d.free > 0);
          if (first) {
            overflow = { stationId: String(up.station._id), name: up.station.name, level: up.station.level, firstFreeDate: first.date };
            break;
          }
        }
      }
      return { stationId, days: list, overflow };
    },

    /** The counselors able to take `service` at `start` at this station, each with the matching generated slot. */
    async optionsAt(station: StationDoc, service: Service, start: Date, counselorId: string | 'any'): Promise<Array<{ counselor: CounselorDoc; slot: GeneratedSlot }>> {
      const date = chinaDateOf(start);
      let counselors = await deps.counselors.activeAt([station._id]);
      if (counselorId !== 'any') counselors = counselors.filter((c) => String(c._id) === counselorId);
      const gen = await generated(counselors, [date]);
      return gen.get(date)!
        .filter((s) => s.service === service && s.start.getTime() === start.getTime())
        .map((s) => ({ counselor: s.counselor, slot: s }));
    },

    daysAhead: (date: string) => daysBetween(chinaDateOf(deps.now()), date),
  };
}

export type SlotFinder = ReturnType<typeof createSlotFinder>;
