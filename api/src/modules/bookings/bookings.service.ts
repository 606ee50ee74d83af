import crypto from 'node:crypto';
import type { Context } from 'koa';
import mongoose, { Types } from 'mongoose';
import { isDuplicateKey } from '../../db';
import { AppError, ConflictError, ForbiddenError, NotFoundError } from '../../http/errors';
import { CounselorModel } from '../counselors/counselor.model';
import type { Logger } from '../../logger';
import type { FieldCipher } from '../../security/field-cipher';
import type { AuditService } from '../audit/audit.service';
import type { AuthenticatedStaff } from '../auth/staff-auth.service';
import { atChinaTime, addDays, chinaDateOf, formatChinaShort } from '../availability/china-time';
import { cellsCovering, isBookableStart, withinHorizon, type GeneratedSlot, type Service } from '../availability/slot-generation';
import type { ConsentsService } from '../consents/consents.service';
import { agreedPolicyVersion } from '../consents/consents.service';
import { scheduleOf, type CounselorDoc } from '../counselors/counselors.service';
import { bookingPage, buildBookingMessageData } from '../messages/booking-message';
import type { MessagesService, TemplateName } from '../messages/messages.service';
import type { MessageKind } from '../messages/message.model';
import type { StationsService } from '../stations/stations.service';
import { ClaimModel } from './booking-claim.model';
import {
  bookingNotFound, cancelWindowPassed, idempotencyKeyRequired, inProgress, invalidTransition, limitReached,
  notStarted, overlap, slotTaken, slotUnavailable, stateChanged,
} from './booking-errors';
import { toEvent, type BookingEventHub } from './booking-events';
import { groupSessionKey, type SlotFinder } from './booking-slots';
import { canChange, createViewBuilder, loadViewContext, type AdminBookingView, type BookingDoc, type BookingView } from './booking-views';
import { ACTIVE_STATUSES, BookingModel, BookingTransitionModel, CLAIMING, TERMINAL_STATUSES, type BookingStatus } from './booking.model';
import {
  cellClaimId, claimAll, claimSeat, ClaimConflict, once, releaseClaims, retryBusy, seatsTaken, residentCellClaimId, residentSlotClaimId, seatClaimId, type ClaimSpec,
} from './claims';
import { RatingModel } from './rating.model';
import { anonymizeBooking } from './booking-retention';
import type { WaitlistService } from './waitlist.service';

export interface BookingInput {
  stationId: string;
  counselorId: string | 'any';
  service: Service;
  start: string;
  name: string;
  phone: string;
  policyVersion?: string | undefined;
  topic?: string | undefined;
  forOther?: { relationship: string; name: string; phone: string } | undefined;
}

export interface AdminBookingQuery {
  stationId?: string | undefined;
  status?: BookingStatus[] | undefined;
  from?: string | undefined;
  to?: string | undefined;
  counselorId?: string | undefined;
  page: number;
  pageSize: number;
}

type Actor = { kind: 'resident' | 'staff' | 'system'; id: string | null };

const HOUR = 3_600_000;
const REPLAY_WAIT_MS = 5000;
const STALE_CLAIMING_MS = 2 * 60_000;

interface Deps {
  stations: StationsService;
  slots: SlotFinder;
  consents: ConsentsService;
  cipher: FieldCipher;
  messages: MessagesService;
  waitlist: WaitlistService;
  audit: AuditService;
  events: BookingEventHub;
  logger?: Pick<Logger, 'warn' | 'info'>;
  now?: () => Date;
}

export function bookingIdFor(residentId: string, key: string): string {
  return 'bk_' + crypto.createHash('sha256').update(`${residentId}:${key}`).digest('hex').slice(0, 24);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function createBookingsService(deps: Deps) {
  const now = deps.now ?? (() => new Date());
  const views = createViewBuilder(deps.cipher);

  // ---------- claims of one booking ----------

  /** Claims the counselor's time (one-to-one) or a seat (group) for `owner`. Throws ClaimConflict when taken. */
  async function claimCounselor(owner: string, counselor: CounselorDoc, slot: GeneratedSlot): Promise<{ held: string[]; inserted: string[]; seat: number | null; buffer: number }> {
    const cid = String(counselor._id);
    const buffer = scheduleOf(counselor).bufferMinutes;
    const cells = cellsCovering(slot.start, slot.end, buffer);
    if (slot.service === 'group') {
      const key = groupSessionKey(cid, slot.start);
      // The session's cells belong to the session (shared by its participants), so a block or a one-to-one
      // booking cannot take that time once anyone joined.
      await claimAll(cells.map((c) => ({ _id: cellClaimId(cid, c), owner: key, kind: 'group_cell', resource: cid, at: c, shared: true })));
      const seat = await claimSeat(key, slot.capacity, owner, { until: slot.end });
      if (seat === null) throw new ClaimConflict(`${key}:seat`, 'seat');
      const id = seatClaimId(key, seat);
      return { held: [id], inserted: [id], seat, buffer };
    }
    const specs: ClaimSpec[] = cells.map((c) => ({ _id: cellClaimId(cid, c), owner, kind: 'cell', resource: cid, at: c }));
    const inserted = await claimAll(specs);
    return { held: specs.map((s) => s._id), inserted, seat: null, buffer };
  }

  async function claimResidentCells(owner: string, residentId: string, start: Date, end: Date): Promise<{ held: string[]; inserted: string[] }> {
    const specs: ClaimSpec[] = cellsCovering(start, end).map((c) => ({ _id: residentCellClaimId(residentId, c), owner, kind: 'resident_cell', resource: `resident:${residentId}`, at: c }));
    const inserted = await claimAll(specs);
    return { held: specs.map((s) => s._id), inserted };
  }

  /** Releases a booking's upcoming-booking slot once, whoever asks first (a staff action or a later booking). */
  async function releaseResidentSlot(bookingId: string, residentId: string) {
    if (!(await once(`slot-released:${bookingId}`))) return;
    await retryBusy(() => ClaimModel.deleteMany({ resource: `resident:${residentId}`, kind: 'resident_slot', owner: bookingId }));
  }

  /** One of the resident's N upcoming-booking slots; slots of bookings that have ended are taken back first. */
  async function claimResidentSlot(owner: string, residentId: string, until: Date, max: number): Promise<string> {
    for (let attempt = 0; attempt < 2; attempt++) {
      for (let n = 1; n <= max; n++) {
        const id = residentSlotClaimId(residentId, n);
        try {
          await retryBusy(() => ClaimModel.create({ _id: id, owner, kind: 'resident_slot', resource: `resident:${residentId}`, until, createdAt: new Date() }));
          return id;
        } catch (e) {
          if (!isDuplicateKey(e)) throw e;
        }
      }
      const held = await ClaimModel.find({ resource: `resident:${residentId}`, kind: 'resident_slot' }).lean();
      const ended = held.filter((h) => h.until && h.until.getTime() <= now().getTime());
      if (!ended.length) break;
      for (const h of ended) await releaseResidentSlot(h.owner, residentId);
    }
    throw limitReached(max);
  }

  async function releaseAll(b: Pick<BookingDoc, '_id' | 'residentId' | 'claimIds'>) {
    await releaseResidentSlot(b._id, String(b.residentId));
    await releaseClaims(b._id, (b.claimIds ?? []).filter((id) => !id.includes(':slot:')));
  }

  // ---------- notifications ----------

  async function notify(b: BookingDoc, kind: MessageKind, text: { title: string; body: string }, template?: TemplateName) {
    try {
      await deps.messages.notify({
        residentId: String(b.residentId), kind, bookingId: b._id, stationId: String(b.stationId), ...text,
        ...(template ? {
          dedupeKey: `${template}:${b._id}:v${b.version}`,
          subscribe: { template, page: bookingPage(b._id), data: buildBookingMessageData(b.start, await stationName(b)) },
        } : {}),
      });
    } catch (e) {
      deps.logger?.warn({ bookingId: b._id, kind, err: { message: (e as Error).message } }, 'booking notification failed');
    }
  }

  async function stationName(b: Pick<BookingDoc, 'stationId'>): Promise<string> {
    return (await deps.stations.get(String(b.stationId))).name;
  }

  async function seatFreed(b: BookingDoc) {
    await deps.waitlist.seatFreed({ stationId: String(b.stationId), stationName: await stationName(b), date: chinaDateOf(b.start), service: b.service as Service, counselorId: String(b.counselorId) });
  }

  // ---------- state changes ----------

  /**
   * Moves a booking to `to`. The version claim makes it a compare-and-swap: of two concurrent changes of the same
   * version only one inserts `${id}:v${n+1}`; the other gets 409. Terminal states release every claim at once.
   */
  async function transition(b: BookingDoc, to: BookingStatus, actor: Actor, set: Record<string, unknown> = {}, extra: { start?: Date } = {}): Promise<BookingDoc> {
    const at = now();
    const version = b.version + 1;
    try {
      await retryBusy(() => BookingTransitionModel.create({ _id: `${b._id}:v${version}`, bookingId: b._id, version, from: b.status, to, actor: actor.kind, actorId: actor.id, start: extra.start ?? null, at }));
    } catch (e) {
      if (isDuplicateKey(e)) throw stateChanged();
      throw e;
    }
    await retryBusy(() => BookingModel.updateOne({ _id: b._id }, { $set: { ...set, status: to, version, updatedAt: at } }));
    const next = { ...b, ...set, status: to, version, updatedAt: at } as BookingDoc;
    if (TERMINAL_STATUSES.includes(to)) await releaseAll(b);
    deps.events.publish(toEvent(next));
    return next;
  }

  async function ownBooking(residentId: string, id: string): Promise<BookingDoc> {
    const b = await BookingModel.findById(id).lean();
    if (!b || b.status === CLAIMING || String(b.residentId) !== residentId) throw bookingNotFound();
    return b as BookingDoc;
  }

  async function residentView(b: BookingDoc): Promise<BookingView> {
    return views.residentView(b, await loadViewContext(deps.stations, [b]), now());
  }

  async function adminView(b: BookingDoc): Promise<AdminBookingView> {
    return (await views.adminViews([b], await loadViewContext(deps.stations, [b]), now()))[0]!;
  }

  /** The options whose time is not visibly held by anyone yet (a read, so only a hint). */
  async function stillOpen(options: Array<{ counselor: CounselorDoc; slot: GeneratedSlot }>) {
    const cellsOf = (o: { counselor: CounselorDoc; slot: GeneratedSlot }) =>
      cellsCovering(o.slot.start, o.slot.end, scheduleOf(o.counselor).bufferMinutes).map((c) => cellClaimId(String(o.counselor._id), c));
    const oneToOne = options.filter((o) => o.slot.service !== 'group');
    const held = new Set((await ClaimModel.find({ _id: mongoose.trusted({ $in: oneToOne.flatMap(cellsOf) }) }, { _id: 1 }).lean()).map((c) => c._id));
    const groupKey = (o: { counselor: CounselorDoc; slot: GeneratedSlot }) => groupSessionKey(String(o.counselor._id), o.slot.start);
    const seats = await seatsTaken(options.filter((o) => o.slot.service === 'group').map(groupKey));
    return options.filter((o) => (o.slot.service === 'group' ? (seats.get(groupKey(o)) ?? 0) < o.slot.capacity : cellsOf(o).every((id) => !held.has(id))));
  }

  /** Waits while a first request with the same key is still claiming; null when there is no such booking. */
  async function replayOf(id: string): Promise<BookingDoc | null> {
    const until = Date.now() + REPLAY_WAIT_MS;
    for (;;) {
      const b = await BookingModel.findById(id).lean();
      if (!b) return null;
      if (b.status !== CLAIMING) return b as BookingDoc;
      if (Date.now() > until) throw inProgress();
      await sleep(100);
    }
  }

  async function create(residentId: string, input: BookingInput, key: string | undefined, depth = 0): Promise<{ booking: BookingView; replayed: boolean }> {
    if (!key) throw idempotencyKeyRequired();
    const id = bookingIdFor(residentId, key);
    const replay = async () => {
      const first = await replayOf(id);
      return first ? { booking: await residentView(first), replayed: true } : null;
    };
    const earlier = await replay();
    if (earlier) return earlier;

    const { station, policy } = await deps.stations.getWithPolicy(input.stationId);
    const start = new Date(input.start);
    const offered = await deps.slots.optionsAt(station, input.service, start, input.counselorId);
    if (!offered.length && input.counselorId !== 'any') {
      const c = await CounselorModel.findById(input.counselorId, { stationId: 1 }).lean();
      if (!c || String(c.stationId) !== String(station._id)) throw new NotFoundError('COUNSELOR_NOT_FOUND', '这个站点没有这位咨询师');
    }
    if (!(station.services ?? []).includes(input.service)) throw slotUnavailable('这个站点不提供这项服务');
    if (!isBookableStart(start, now(), policy)) {
      throw slotUnavailable(withinHorizon(chinaDateOf(start), now(), policy.horizonDays)
        ? `需要至少提前 ${policy.minNoticeHours} 小时预约，请换一个时间`
        : `只能预约 ${policy.horizonDays} 天内的时段`);
    }
    // A double tap whose twin finished first sees the time taken, by itself: answer the twin's booking, not 409.
    if (!offered.length) return (await replay()) ?? Promise.reject(slotUnavailable());
    const policyVersion = agreedPolicyVersion(input.policyVersion);
    // A read-only look first: when the time is visibly taken already, answer 409 without writing anything. Only a
    // shortcut for the many losers of a rush; the claims below decide.
    const options = await stillOpen(offered);
    if (!options.length) return (await replay()) ?? Promise.reject(slotTaken());

    const at = now();
    const seal = deps.cipher.seal;
    try {
      await retryBusy(() => BookingModel.create({
        _id: id, residentId: new Types.ObjectId(residentId), stationId: station._id, counselorId: null, service: input.service,
        start, end: options[0]!.slot.end, status: CLAIMING, version: 0,
        contactName: seal(input.name), contactPhone: seal(input.phone),
        forOther: input.forOther ? { relationship: input.forOther.relationship, name: seal(input.forOther.name), phone: seal(input.forOther.phone) } : null,
        topic: input.topic ? seal(input.topic) : null, consentPolicyVersion: policyVersion,
        scheduledAt: at, createdAt: at, updatedAt: at,
      }));
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      // The same key at the same moment (a double tap): answer with what the first request made.
      const first = await replayOf(id);
      if (first) return { booking: await residentView(first), replayed: true };
      if (depth > 0) throw inProgress();
      return create(residentId, input, key, depth + 1);
    }

    const mine: string[] = [];
    let historyWritten = false;
    try {
      const latestEnd = new Date(Math.max(...options.map((o) => o.slot.end.getTime())));
      mine.push(await claimResidentSlot(id, residentId, latestEnd, policy.maxUpcomingPerResident));
      let chosen: { counselor: CounselorDoc; slot: GeneratedSlot; seat: number | null; buffer: number } | null = null;
      for (const o of options) {
        try {
          const got = await claimCounselor(id, o.counselor, o.slot);
          mine.push(...got.held);
          chosen = { ...o, seat: got.seat, buffer: got.buffer };
          break;
        } catch (e) {
          if (!(e instanceof ClaimConflict)) throw e;
        }
      }
      if (!chosen) throw slotTaken();
      try {
        mine.push(...(await claimResidentCells(id, residentId, start, chosen.slot.end)).held);
      } catch (e) {
        if (e instanceof ClaimConflict) throw overlap();
        throw e;
      }
      await retryBusy(() => ClaimModel.updateOne({ _id: mine[0] }, { $set: { until: chosen.slot.end } }));
      const set = {
        status: 'pending', version: 1, counselorId: chosen.counselor._id, end: chosen.slot.end, bufferMinutes: chosen.buffer,
        seat: chosen.seat, claimIds: mine, updatedAt: now(),
      };
      await retryBusy(() => BookingTransitionModel.create({ _id: `${id}:v1`, bookingId: id, version: 1, from: null, to: 'pending', actor: 'resident', actorId: residentId, at: set.updatedAt }));
      historyWritten = true;
      await retryBusy(() => BookingModel.updateOne({ _id: id }, { $set: set }));
    } catch (e) {
      // Everything this attempt holds carries its id as owner: one delete frees it all.
      await retryBusy(() => ClaimModel.deleteMany({ owner: id, kind: mongoose.trusted({ $ne: 'guard' }) }));
      await retryBusy(() => BookingModel.deleteOne({ _id: id, status: CLAIMING }));
      if (historyWritten) await retryBusy(() => BookingTransitionModel.deleteOne({ _id: `${id}:v1` }));
      throw e;
    }
    await deps.consents.grant(residentId, 'booking_contact', policyVersion);
    const b = (await BookingModel.findById(id).lean()) as BookingDoc;
    deps.events.publish(toEvent(b));
    const when = formatChinaShort(b.start);
    await notify(b, 'booking_submitted', { title: '预约已提交', body: `你已提交${station.name}的心理咨询预约（${when}），站点确认后会通知你。` });
    return { booking: await residentView(b), replayed: false };
  }

  /** Moves a booking to a new time: the new time is claimed first, then the old one released (same booking). */
  async function reschedule(b: BookingDoc, input: { start: string; counselorId?: string | undefined }, actor: Actor): Promise<BookingDoc> {
    if (b.status !== 'pending' && b.status !== 'confirmed') throw invalidTransition();
    const { station, policy } = await deps.stations.getWithPolicy(String(b.stationId));
    if (actor.kind === 'resident' && !canChange(b, policy, now())) throw cancelWindowPassed(policy.cancelWindowHours, station.phone);
    const start = new Date(input.start);
    const wanted = input.counselorId ?? String(b.counselorId);
    if (start.getTime() === b.start.getTime() && wanted === String(b.counselorId)) throw slotUnavailable('新时间和原来的时间相同');
    const bookable = actor.kind === 'resident' ? isBookableStart(start, now(), policy) : start.getTime() > now().getTime();
    if (!bookable) throw slotUnavailable(actor.kind === 'resident' ? `需要至少提前 ${policy.minNoticeHours} 小时，且在 ${policy.horizonDays} 天内` : '只能改到将来的时间');
    const options = await deps.slots.optionsAt(station, b.service as Service, start, wanted);
    if (!options.length) throw slotUnavailable();

    const inserted: string[] = [];
    let chosen: { counselor: CounselorDoc; slot: GeneratedSlot; seat: number | null; buffer: number; held: string[] } | null = null;
    let residentCells: { held: string[]; inserted: string[] };
    try {
      for (const o of options) {
        try {
          const got = await claimCounselor(b._id, o.counselor, o.slot);
          inserted.push(...got.inserted);
          chosen = { ...o, seat: got.seat, buffer: got.buffer, held: got.held };
          break;
        } catch (e) {
          if (!(e instanceof ClaimConflict)) throw e;
        }
      }
      if (!chosen) throw slotTaken();
      try {
        residentCells = await claimResidentCells(b._id, String(b.residentId), start, chosen.slot.end);
      } catch (e) {
        if (e instanceof ClaimConflict) throw overlap();
        throw e;
      }
      inserted.push(...residentCells.inserted);
    } catch (e) {
      await releaseClaims(b._id, inserted);
      throw e;
    }
    const slotIds = (b.claimIds ?? []).filter((id) => id.includes(':slot:'));
    const claimIds = [...slotIds, ...chosen.held, ...residentCells.held];
    let next: BookingDoc;
    try {
      // A resident's new time needs the station's confirmation again; a move the station made itself keeps its status.
      next = await transition(b, actor.kind === 'staff' ? (b.status as BookingStatus) : 'pending', actor, {
        start, end: chosen.slot.end, counselorId: chosen.counselor._id, bufferMinutes: chosen.buffer, seat: chosen.seat, claimIds,
        scheduledAt: now(), reminderSentAt: null,
      }, { start });
    } catch (e) {
      await releaseClaims(b._id, inserted);
      throw e;
    }
    // Now, and only now, the old time goes (claims the new time also needs are kept).
    const keep = new Set(claimIds);
    await releaseClaims(b._id, (b.claimIds ?? []).filter((id) => !keep.has(id)));
    await retryBusy(() => ClaimModel.updateMany({ _id: mongoose.trusted({ $in: slotIds }), owner: b._id }, { $set: { until: chosen.slot.end } }));
    return next;
  }

  async function staffBooking(ctx: Context, staff: AuthenticatedStaff, id: string): Promise<BookingDoc> {
    const b = await BookingModel.findById(id).lean();
    if (!b || b.status === CLAIMING) throw bookingNotFound();
    const station = await deps.stations.get(String(b.stationId));
    if (!deps.stations.inScope(staff, station)) await deps.stations.denied(ctx, staff, `booking:${id}`);
    return b as BookingDoc;
  }

  function audit(ctx: Context, staff: AuthenticatedStaff, action: string, id: string, detail?: Record<string, unknown>) {
    return deps.audit.record(ctx, { actor: `staff:${staff.id}`, role: staff.role, action, target: `booking:${id}`, result: 'success', ...(detail ? { detail } : {}) });
  }

  const staffActor = (staff: AuthenticatedStaff): Actor => ({ kind: 'staff', id: staff.id });

  return {
    create,

    async listMine(residentId: string, scope: 'upcoming' | 'past' | 'all'): Promise<{ items: BookingView[] }> {
      const at = now();
      const filter: Record<string, unknown> = { residentId: new Types.ObjectId(residentId), status: mongoose.trusted({ $ne: CLAIMING }) };
      if (scope === 'upcoming') Object.assign(filter, { status: mongoose.trusted({ $in: ACTIVE_STATUSES }), end: mongoose.trusted({ $gt: at }) });
      const rows = (await BookingModel.find(filter).sort({ start: scope === 'upcoming' ? 1 : -1 }).limit(200).lean()) as BookingDoc[];
      const list = scope === 'past' ? rows.filter((b) => !(ACTIVE_STATUSES.includes(b.status as BookingStatus) && b.end > at)) : rows;
      const vc = await loadViewContext(deps.stations, list);
      return { items: list.map((b) => views.residentView(b, vc, at)) };
    },

    async getMine(residentId: string, id: string): Promise<BookingView> {
      return residentView(await ownBooking(residentId, id));
    },

    async cancelMine(residentId: string, id: string, reason?: string): Promise<BookingView> {
      const b = await ownBooking(residentId, id);
      if (b.status !== 'pending' && b.status !== 'confirmed') throw invalidTransition();
      const { station, policy } = await deps.stations.getWithPolicy(String(b.stationId));
      if (!canChange(b, policy, now())) throw cancelWindowPassed(policy.cancelWindowHours, station.phone);
      const next = await transition(b, 'cancelled_by_resident', { kind: 'resident', id: residentId }, { cancelReason: reason ? deps.cipher.seal(reason) : null });
      await notify(next, 'booking_cancelled', { title: '预约已取消', body: `你已取消 ${formatChinaShort(b.start)} 在${station.name}的心理咨询预约。` });
      await seatFreed(b);
      return residentView(next);
    },

    async rescheduleMine(residentId: string, id: string, input: { start: string; counselorId?: string | undefined }): Promise<BookingView> {
      const b = await ownBooking(residentId, id);
      const next = await reschedule(b, input, { kind: 'resident', id: residentId });
      await notify(next, 'booking_rescheduled', { title: '预约时间已变更', body: `你在${await stationName(next)}的心理咨询预约改到了 ${formatChinaShort(next.start)}，站点确认后会通知你。` }, 'changed');
      if (chinaDateOf(b.start) !== chinaDateOf(next.start) || String(b.counselorId) !== String(next.counselorId) || b.start.getTime() !== next.start.getTime()) await seatFreed(b);
      return residentView(next);
    },

    async rate(residentId: string, id: string, score: number, comment?: string) {
      const b = await ownBooking(residentId, id);
      if (b.status !== 'completed') throw new ConflictError('RATING_NOT_ALLOWED', '咨询完成后才能评价');
      const createdAt = now();
      try {
        await retryBusy(() => RatingModel.create({ _id: b._id, residentId: b.residentId, stationId: b.stationId, counselorId: b.counselorId as Types.ObjectId, score, comment: comment ?? '', createdAt }));
      } catch (e) {
        if (isDuplicateKey(e)) throw new ConflictError('RATING_EXISTS', '这次咨询已经评价过了');
        throw e;
      }
      return { bookingId: b._id, score, comment: comment ?? '', createdAt: createdAt.toISOString() };
    },

    /** Every booking of the resident with the contacts, topic and rating they gave, oldest first (data export). */
    async exportForResident(residentId: string): Promise<BookingView[]> {
      const rows = (await BookingModel.find({ residentId: new Types.ObjectId(residentId), status: mongoose.trusted({ $ne: CLAIMING }) }).sort({ start: 1 }).lean()) as BookingDoc[];
      const vc = await loadViewContext(deps.stations, rows);
      return rows.map((b) => views.residentView(b, vc, now()));
    },

    /**
     * Account deletion. Upcoming bookings are cancelled as the resident's own cancellation, whatever the cancel
     * window: the time is freed at once, the station's inbox shows cancelled_by_resident and waiting residents are
     * told; the leaving resident gets no message. Then every booking is anonymized (booking-retention.ts). Safe to
     * run again after a failure half-way: a cancellation whose history entry was written but whose booking was not
     * updated is completed, and anonymized bookings no longer carry the resident id.
     */
    async eraseResident(residentId: string): Promise<{ cancelled: number; anonymized: number }> {
      const rid = new Types.ObjectId(residentId);
      const report = { cancelled: 0, anonymized: 0 };
      const upcoming = (await BookingModel.find({ residentId: rid, status: mongoose.trusted({ $in: ['pending', 'confirmed'] }), end: mongoose.trusted({ $gt: now() }) }).lean()) as BookingDoc[];
      for (const first of upcoming) {
        let b: BookingDoc | null = first;
        for (let attempt = 0; b && (b.status === 'pending' || b.status === 'confirmed'); attempt++) {
          try {
            await transition(b, 'cancelled_by_resident', { kind: 'resident', id: residentId });
            report.cancelled++;
            await seatFreed(b);
            break;
          } catch (e) {
            if (!(e instanceof AppError && e.code === 'BOOKING_STATE_CHANGED') || attempt >= 5) throw e;
          }
          const pending = await BookingTransitionModel.findById(`${b._id}:v${b.version + 1}`).lean();
          const fresh = (await BookingModel.findById(b._id).lean()) as BookingDoc | null;
          if (pending?.to === 'cancelled_by_resident' && pending.actorId === residentId && fresh?.version === b.version) {
            // An earlier attempt wrote the history entry and stopped before the booking: finish that cancellation.
            await retryBusy(() => BookingModel.updateOne({ _id: b!._id }, { $set: { status: 'cancelled_by_resident', version: pending.version, updatedAt: pending.at } }));
            await releaseAll(b);
            deps.events.publish(toEvent({ ...b, status: 'cancelled_by_resident', version: pending.version }));
            report.cancelled++;
            await seatFreed(b);
            break;
          }
          b = fresh;
        }
      }
      // Anonymizing also deletes every claim a booking still holds (also one a failed release left behind).
      const all = await BookingModel.find({ residentId: rid, status: mongoose.trusted({ $ne: CLAIMING }) }, { _id: 1 }).lean();
      for (const b of all) {
        await anonymizeBooking(b._id, now());
        report.anonymized++;
      }
      return report;
    },

    // ---------- station side ----------

    async listAdmin(ctx: Context, staff: AuthenticatedStaff, q: AdminBookingQuery) {
      let stationIds: Types.ObjectId[] | null;
      if (q.stationId) {
        await deps.stations.findInScope(ctx, staff, q.stationId);
        stationIds = await deps.stations.subtreeIds(q.stationId);
      } else {
        stationIds = await deps.stations.scopeIds(staff);
      }
      const filter: Record<string, unknown> = { status: mongoose.trusted(q.status?.length ? { $in: q.status } : { $ne: CLAIMING }) };
      if (stationIds) filter.stationId = mongoose.trusted({ $in: stationIds });
      if (q.counselorId) filter.counselorId = new Types.ObjectId(q.counselorId);
      if (q.from || q.to) {
        filter.start = mongoose.trusted({
          ...(q.from ? { $gte: atChinaTime(q.from, 0) } : {}),
          ...(q.to ? { $lt: atChinaTime(addDays(q.to, 1), 0) } : {}),
        });
      }
      const [rows, total] = await Promise.all([
        BookingModel.find(filter).sort({ start: 1, _id: 1 }).skip((q.page - 1) * q.pageSize).limit(q.pageSize).lean(),
        BookingModel.countDocuments(filter),
      ]);
      const list = rows as BookingDoc[];
      const vc = await loadViewContext(deps.stations, list);
      await deps.audit.record(ctx, { actor: `staff:${staff.id}`, role: staff.role, action: 'booking.list', target: q.stationId ? `station:${q.stationId}` : 'scope', result: 'success', detail: { count: list.length } });
      return { items: await views.adminViews(list, vc, now()), total, page: q.page, pageSize: q.pageSize };
    },

    async getAdmin(ctx: Context, staff: AuthenticatedStaff, id: string): Promise<AdminBookingView> {
      const b = await staffBooking(ctx, staff, id);
      await audit(ctx, staff, 'booking.read', id);
      return adminView(b);
    },

    async confirm(ctx: Context, staff: AuthenticatedStaff, id: string): Promise<AdminBookingView> {
      const b = await staffBooking(ctx, staff, id);
      if (b.status !== 'pending') throw invalidTransition();
      const next = await transition(b, 'confirmed', staffActor(staff));
      await audit(ctx, staff, 'booking.confirm', id);
      const { station, policy } = await deps.stations.getWithPolicy(String(b.stationId));
      await notify(next, 'booking_confirmed', {
        title: '预约已确认',
        body: `你在${station.name}的心理咨询预约已确认：${formatChinaShort(next.start)}。地址：${station.address}。如需取消，请至少提前 ${policy.cancelWindowHours} 小时。`,
      }, 'confirmed');
      return adminView(next);
    },

    async decline(ctx: Context, staff: AuthenticatedStaff, id: string, reason: string): Promise<AdminBookingView> {
      const b = await staffBooking(ctx, staff, id);
      if (b.status !== 'pending' && b.status !== 'confirmed') throw invalidTransition();
      const next = await transition(b, 'cancelled_by_station', staffActor(staff), { cancelReason: deps.cipher.seal(reason) });
      await audit(ctx, staff, 'booking.decline', id);
      const name = await stationName(b);
      await notify(next, 'booking_cancelled', { title: '预约已取消', body: `很抱歉，${name}取消了 ${formatChinaShort(b.start)} 的心理咨询预约。原因：${reason}。你可以重新选择时间。` }, 'cancelled');
      await seatFreed(b);
      return adminView(next);
    },

    async checkIn(ctx: Context, staff: AuthenticatedStaff, id: string): Promise<AdminBookingView> {
      const b = await staffBooking(ctx, staff, id);
      if (b.status !== 'pending' && b.status !== 'confirmed') throw invalidTransition();
      const next = await transition(b, 'checked_in', staffActor(staff));
      await audit(ctx, staff, 'booking.check_in', id);
      return adminView(next);
    },

    async complete(ctx: Context, staff: AuthenticatedStaff, id: string): Promise<AdminBookingView> {
      const b = await staffBooking(ctx, staff, id);
      if (b.status !== 'checked_in' && b.status !== 'confirmed') throw invalidTransition();
      const next = await transition(b, 'completed', staffActor(staff));
      await audit(ctx, staff, 'booking.complete', id);
      return adminView(next);
    },

    async noShow(ctx: Context, staff: AuthenticatedStaff, id: string): Promise<AdminBookingView> {
      const b = await staffBooking(ctx, staff, id);
      if (b.status !== 'pending' && b.status !== 'confirmed') throw invalidTransition();
      if (b.start.getTime() > now().getTime()) throw notStarted();
      const next = await transition(b, 'no_show', staffActor(staff));
      await audit(ctx, staff, 'booking.no_show', id);
      return adminView(next);
    },

    async setNotes(ctx: Context, staff: AuthenticatedStaff, id: string, notes: string): Promise<AdminBookingView> {
      const b = await staffBooking(ctx, staff, id);
      // Past its retention period the booking holds no personal text; a note must not bring some back.
      if (b.anonymizedAt) throw new ConflictError('BOOKING_ANONYMIZED', '这条预约已超过保存期限并做了匿名处理，不能再添加记录');
      await retryBusy(() => BookingModel.updateOne({ _id: id }, { $set: { notes: notes ? deps.cipher.seal(notes) : null } }));
      await audit(ctx, staff, 'booking.notes', id);
      return adminView({ ...b, notes: notes ? deps.cipher.seal(notes) : null } as BookingDoc);
    },

    async rescheduleByStaff(ctx: Context, staff: AuthenticatedStaff, id: string, input: { start: string; counselorId?: string | undefined }): Promise<AdminBookingView> {
      const b = await staffBooking(ctx, staff, id);
      const next = await reschedule(b, input, staffActor(staff));
      await audit(ctx, staff, 'booking.reschedule', id);
      await notify(next, 'booking_rescheduled', { title: '预约时间已变更', body: `${await stationName(next)}把你的心理咨询预约改到了 ${formatChinaShort(next.start)}。如有不便，可以在“我的预约”中取消。` }, 'changed');
      await seatFreed(b);
      return adminView(next);
    },

    /** Stream tokens are checked against the staff record at connect time; this gives the scope of a staff id. */
    async scopeStationIdsFor(staff: AuthenticatedStaff, stationId?: string): Promise<Set<string> | null> {
      if (stationId) {
        const station = await deps.stations.get(stationId);
        if (!deps.stations.inScope(staff, station)) throw new ForbiddenError('STATION_OUT_OF_SCOPE', '你只能处理本站点及下级站点的事务');
        return new Set((await deps.stations.subtreeIds(stationId)).map(String));
      }
      const ids = await deps.stations.scopeIds(staff);
      return ids ? new Set(ids.map(String)) : null;
    },

    // ---------- background ----------

    /**
     * Reminders due now: bookings starting within the next 24 hours whose time was set more than 24 hours before it
     * (otherwise the confirmation or change message was the reminder). Each goes out once across instances: the
     * notification key is the booking and its start. Also cleans up bookings a crash left in `claiming`.
     */
    async sweep(at: Date = now()): Promise<{ due: number; sent: number; skipped: number; cleaned: number }> {
      const report = { due: 0, sent: 0, skipped: 0, cleaned: 0 };
      const due = (await BookingModel.find({
        status: mongoose.trusted({ $in: ['pending', 'confirmed'] }), reminderSentAt: null,
        start: mongoose.trusted({ $gt: at, $lte: new Date(at.getTime() + 24 * HOUR) }),
      }).sort({ start: 1 }).limit(200).lean()) as BookingDoc[];
      report.due = due.length;
      for (const b of due) {
        if (b.scheduledAt.getTime() > b.start.getTime() - 24 * HOUR) {
          await retryBusy(() => BookingModel.updateOne({ _id: b._id, scheduledAt: b.scheduledAt }, { $set: { reminderSentAt: at } }));
          report.skipped++;
          continue;
        }
        const station = await deps.stations.get(String(b.stationId));
        const result = await deps.messages.notify({
          residentId: String(b.residentId), kind: 'booking_reminder', bookingId: b._id, stationId: String(b.stationId),
          title: '明天的心理咨询预约', body: `提醒你：${formatChinaShort(b.start)} 在${station.name}有心理咨询预约。地址：${station.address}。`,
          dedupeKey: `reminder:${b._id}:${b.start.toISOString()}`,
          subscribe: { template: 'reminder', page: bookingPage(b._id), data: buildBookingMessageData(b.start, station.name) },
        }).catch((e: Error) => {
          deps.logger?.warn({ bookingId: b._id, err: { message: e.message } }, 'booking reminder failed');
          return { created: false };
        });
        await retryBusy(() => BookingModel.updateOne({ _id: b._id, start: b.start }, { $set: { reminderSentAt: at } }));
        if (result.created) report.sent++;
        else report.skipped++;
      }
      const stale = await BookingModel.find({ status: CLAIMING, createdAt: mongoose.trusted({ $lt: new Date(at.getTime() - STALE_CLAIMING_MS) }) }, { _id: 1 }).limit(100).lean();
      for (const s of stale) {
        await retryBusy(() => ClaimModel.deleteMany({ owner: s._id, kind: mongoose.trusted({ $ne: 'guard' }) }));
        await retryBusy(() => BookingModel.deleteOne({ _id: s._id, status: CLAIMING }));
        report.cleaned++;
      }
      if (report.due || report.cleaned) deps.logger?.info({ ...report }, 'booking sweep');
      return report;
    },
  };
}

export type BookingsService = ReturnType<typeof createBookingsService>;
