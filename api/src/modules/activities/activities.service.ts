import crypto from 'node:crypto';
import type { Context } from 'koa';
import mongoose, { Types } from 'mongoose';
import { isDuplicateKey } from '../../db';
import { ConflictError, NotFoundError, ValidationError } from '../../http/errors';
import type { Logger } from '../../logger';
import type { FieldCipher, Sealed } from '../../security/field-cipher';
import type { AuditService } from '../audit/audit.service';
import type { AuthenticatedStaff } from '../auth/staff-auth.service';
import { addDays, atChinaTime, chinaDateOf, formatChinaShort } from '../availability/china-time';
import { idempotencyKeyRequired, inProgress } from '../bookings/booking-errors';
import { ClaimModel } from '../bookings/booking-claim.model';
import { claimSeat, once, releaseClaims, seatClaimId, seatsTaken } from '../bookings/claims';
import type { ConsentsService } from '../consents/consents.service';
import { agreedPolicyVersion } from '../consents/consents.service';
import type { MessagesService } from '../messages/messages.service';
import type { StationsService } from '../stations/stations.service';
import { ActivityModel, ActivityRegistrationModel, type Activity, type ActivityRegistration, ACTIVITY_KINDS } from './activity.model';

type ActivityDoc = Activity & { _id: Types.ObjectId };
type RegistrationDoc = ActivityRegistration & { _id: string };
type Kind = (typeof ACTIVITY_KINDS)[number];

export interface ActivityView {
  id: string; stationId: string; stationName: string; kind: Kind; title: string; description: string; place: string;
  start: string; end: string; seats: number; remaining: number; status: 'published' | 'cancelled';
}
export interface RegistrationView { id: string; activityId: string; activity: ActivityView; seat: number; status: 'registered' | 'cancelled'; createdAt: string }

export interface ActivityInput { stationId: string; kind: Kind; title: string; description?: string | undefined; place?: string | undefined; start: string; end: string; seats: number }

export const sessionKeyOf = (activityId: string) => `act:${activityId}`;
const residentClaimId = (activityId: string, residentId: string) => `act:${activityId}:resident:${residentId}`;
const notFound = () => new NotFoundError('ACTIVITY_NOT_FOUND', '没有找到这个活动');
const closed = () => new ConflictError('ACTIVITY_CLOSED', '这个活动已经开始或已取消，不能再报名');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Shown to staff instead of the name of a registration anonymized by account deletion or retention. */
const ANONYMIZED_CONTACT = '已匿名';

export function createActivitiesService(deps: {
  stations: StationsService; consents: ConsentsService; cipher: FieldCipher; messages: MessagesService; audit: AuditService;
  logger?: Pick<Logger, 'warn'>; now?: () => Date;
}) {
  const now = deps.now ?? (() => new Date());

  async function views(rows: ActivityDoc[]): Promise<ActivityView[]> {
    const all = await deps.stations.allWithPolicies();
    const taken = await seatsTaken(rows.map((a) => sessionKeyOf(String(a._id))));
    return rows.map((a) => ({
      id: String(a._id), stationId: String(a.stationId), stationName: all.get(String(a.stationId))?.station.name ?? '',
      kind: a.kind as Kind, title: a.title, description: a.description ?? '', place: a.place ?? '',
      start: a.start.toISOString(), end: a.end.toISOString(), seats: a.seats,
      remaining: Math.max(0, a.seats - (taken.get(sessionKeyOf(String(a._id))) ?? 0)), status: a.status,
    }));
  }

  async function get(id: string): Promise<ActivityDoc> {
    if (!Types.ObjectId.isValid(id)) throw notFound();
    const a = await ActivityModel.findById(id).lean();
    if (!a) throw notFound();
    return a;
  }

  async function regViews(rows: RegistrationDoc[]): Promise<RegistrationView[]> {
    const acts = await ActivityModel.find({ _id: mongoose.trusted({ $in: rows.map((r) => r.activityId) }) }).lean();
    const byId = new Map((await views(acts)).map((v) => [v.id, v]));
    return rows.filter((r) => byId.has(String(r.activityId))).map((r) => ({
      id: r._id, activityId: String(r.activityId), activity: byId.get(String(r.activityId))!, seat: r.seat, status: r.status, createdAt: r.createdAt.toISOString(),
    }));
  }

  function checkTimes(start: Date, end: Date) {
    if (!(end > start)) throw new ValidationError([{ in: 'body', path: 'end', message: '结束时间需晚于开始时间' }]);
  }

  async function releaseRegistration(r: RegistrationDoc) {
    if (!(await once(`ar-released:${r._id}`))) return;
    await releaseClaims(r._id, r.claimIds);
  }

  return {
    async listPublic(q: { stationId?: string | undefined; from?: string | undefined; page: number; pageSize: number }) {
      const from = atChinaTime(q.from ?? chinaDateOf(now()), 0);
      const filter: Record<string, unknown> = { status: 'published', end: mongoose.trusted({ $gt: from > now() ? from : now() }) };
      if (q.stationId) {
        await deps.stations.get(q.stationId);
        filter.stationId = mongoose.trusted({ $in: await deps.stations.subtreeIds(q.stationId) });
      }
      const [rows, total] = await Promise.all([
        ActivityModel.find(filter).sort({ start: 1, _id: 1 }).skip((q.page - 1) * q.pageSize).limit(q.pageSize).lean(),
        ActivityModel.countDocuments(filter),
      ]);
      return { items: await views(rows), total, page: q.page, pageSize: q.pageSize };
    },

    async getPublic(id: string): Promise<ActivityView> {
      return (await views([await get(id)]))[0]!;
    },

    async register(residentId: string, activityId: string, input: { name: string; phone: string; policyVersion?: string | undefined }, key: string | undefined): Promise<{ registration: RegistrationView; replayed: boolean }> {
      if (!key) throw idempotencyKeyRequired();
      const id = 'ar_' + crypto.createHash('sha256').update(`${residentId}:${key}`).digest('hex').slice(0, 24);
      const existing = await ActivityRegistrationModel.findById(id).lean();
      if (existing) return { registration: (await regViews([existing]))[0]!, replayed: true };
      const activity = await get(activityId);
      if (activity.status !== 'published' || activity.start <= now()) throw closed();
      await deps.consents.grant(residentId, 'booking_contact', agreedPolicyVersion(input.policyVersion));

      // One registration per resident and activity: the second (another key, or a double tap) gets the first one.
      const mine = residentClaimId(activityId, residentId);
      try {
        await ClaimModel.create({ _id: mine, owner: id, kind: 'registration', resource: `resident:${residentId}`, until: activity.end, createdAt: new Date() });
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
        for (let i = 0; i < 50; i++) {
          const holder = await ClaimModel.findById(mine, { owner: 1 }).lean();
          const reg = holder ? await ActivityRegistrationModel.findById(holder.owner).lean() : null;
          if (reg) return { registration: (await regViews([reg]))[0]!, replayed: true };
          if (!holder) break;
          await sleep(100);
        }
        throw inProgress();
      }
      const seat = await claimSeat(sessionKeyOf(activityId), activity.seats, id, { until: activity.end });
      if (seat === null) {
        await releaseClaims(id, [mine]);
        throw new ConflictError('ACTIVITY_FULL', '这个活动的名额已经报满了');
      }
      const doc = await ActivityRegistrationModel.create({
        _id: id, activityId: activity._id, residentId: new Types.ObjectId(residentId), seat, status: 'registered',
        name: deps.cipher.seal(input.name), phone: deps.cipher.seal(input.phone), claimIds: [mine, seatClaimId(sessionKeyOf(activityId), seat)],
      });
      await deps.messages.notify({
        residentId, kind: 'activity_registered', activityId, stationId: String(activity.stationId),
        title: '活动报名成功', body: `你已报名「${activity.title}」：${formatChinaShort(activity.start)}，${activity.place}。`,
      }).catch((e: Error) => deps.logger?.warn({ err: { message: e.message } }, 'activity message failed'));
      return { registration: (await regViews([doc.toObject() as RegistrationDoc]))[0]!, replayed: false };
    },

    async listMine(residentId: string): Promise<{ items: RegistrationView[] }> {
      const rows = await ActivityRegistrationModel.find({ residentId: new Types.ObjectId(residentId) }).sort({ createdAt: -1 }).limit(100).lean();
      return { items: await regViews(rows) };
    },

    async cancelMine(residentId: string, id: string): Promise<RegistrationView> {
      const r = await ActivityRegistrationModel.findById(id).lean();
      if (!r || String(r.residentId) !== residentId) throw new NotFoundError('REGISTRATION_NOT_FOUND', '没有找到这条报名');
      const activity = await get(String(r.activityId));
      if (r.status !== 'registered' || activity.start <= now()) throw closed();
      await ActivityRegistrationModel.updateOne({ _id: id }, { $set: { status: 'cancelled', cancelledAt: now() } });
      await releaseRegistration(r);
      return (await regViews([{ ...r, status: 'cancelled' }]))[0]!;
    },

    /** Every registration with the contact the resident gave, opened (the resident's data export). */
    async exportForResident(residentId: string) {
      const rows = await ActivityRegistrationModel.find({ residentId: new Types.ObjectId(residentId) }).sort({ createdAt: 1 }).lean();
      const acts = new Map((await ActivityModel.find({ _id: mongoose.trusted({ $in: rows.map((r) => r.activityId) }) }).lean()).map((a) => [String(a._id), a]));
      const all = await deps.stations.allWithPolicies();
      const open = (s: unknown) => (s ? deps.cipher.open(s as Sealed) : null);
      return rows.map((r) => {
        const a = acts.get(String(r.activityId));
        return {
          id: r._id, activityId: String(r.activityId), activityTitle: a?.title ?? '', stationName: a ? all.get(String(a.stationId))?.station.name ?? '' : '',
          start: a?.start.toISOString() ?? null, seat: r.seat, status: r.status, name: open(r.name), phone: open(r.phone),
          createdAt: r.createdAt.toISOString(), cancelledAt: r.cancelledAt?.toISOString() ?? null,
        };
      });
    },

    /**
     * Account deletion: registrations for activities not yet started are cancelled and their seats freed at once;
     * every registration then loses its contact and its link to the resident (seat and status stay for the station's
     * counts). Each registration is finished before the next, so a retry after a failure completes the job.
     */
    async eraseResident(residentId: string): Promise<{ cancelled: number; anonymized: number }> {
      const rid = new Types.ObjectId(residentId);
      const rows = await ActivityRegistrationModel.find({ residentId: rid }).lean();
      const acts = new Map((await ActivityModel.find({ _id: mongoose.trusted({ $in: rows.map((r) => r.activityId) }) }, { start: 1 }).lean()).map((a) => [String(a._id), a]));
      const report = { cancelled: 0, anonymized: 0 };
      for (const r of rows) {
        const activity = acts.get(String(r.activityId));
        let status = r.status;
        if (status === 'registered' && activity && activity.start > now()) {
          await ActivityRegistrationModel.updateOne({ _id: r._id }, { $set: { status: 'cancelled', cancelledAt: now() } });
          status = 'cancelled';
          report.cancelled++;
        }
        // Direct release (not the once-guard): deleting claims this registration owns is safe to repeat.
        if (status === 'cancelled') await releaseClaims(r._id, r.claimIds);
        else await releaseClaims(r._id, [residentClaimId(String(r.activityId), residentId)]);
        const res = await ActivityRegistrationModel.updateOne({ _id: r._id, residentId: rid }, { $unset: { name: 1, phone: 1 }, $set: { residentId: new Types.ObjectId() } });
        report.anonymized += res.modifiedCount;
      }
      return report;
    },

    // ---- station side ----

    async listAdmin(ctx: Context, staff: AuthenticatedStaff, q: { stationId?: string | undefined; from?: string | undefined; page: number; pageSize: number }) {
      let ids: Types.ObjectId[] | null;
      if (q.stationId) {
        await deps.stations.findInScope(ctx, staff, q.stationId);
        ids = await deps.stations.subtreeIds(q.stationId);
      } else {
        ids = await deps.stations.scopeIds(staff);
      }
      const filter: Record<string, unknown> = {};
      if (ids) filter.stationId = mongoose.trusted({ $in: ids });
      if (q.from) filter.end = mongoose.trusted({ $gt: atChinaTime(q.from, 0) });
      const [rows, total] = await Promise.all([
        ActivityModel.find(filter).sort({ start: 1 }).skip((q.page - 1) * q.pageSize).limit(q.pageSize).lean(),
        ActivityModel.countDocuments(filter),
      ]);
      return { items: await views(rows), total, page: q.page, pageSize: q.pageSize };
    },

    async create(ctx: Context, staff: AuthenticatedStaff, input: ActivityInput): Promise<ActivityView> {
      await deps.stations.findInScope(ctx, staff, input.stationId);
      const start = new Date(input.start);
      const end = new Date(input.end);
      checkTimes(start, end);
      const doc = await ActivityModel.create({ ...input, stationId: new Types.ObjectId(input.stationId), start, end, createdBy: staff.id });
      await deps.audit.record(ctx, { actor: `staff:${staff.id}`, role: staff.role, action: 'activity.create', target: `activity:${String(doc._id)}`, result: 'success' });
      return (await views([doc.toObject() as ActivityDoc]))[0]!;
    },

    async update(ctx: Context, staff: AuthenticatedStaff, id: string, changes: Partial<Omit<ActivityInput, 'stationId'>> & { status?: 'published' | 'cancelled' | undefined }): Promise<ActivityView> {
      const a = await get(id);
      await deps.stations.findInScope(ctx, staff, String(a.stationId));
      const start = changes.start ? new Date(changes.start) : a.start;
      const end = changes.end ? new Date(changes.end) : a.end;
      checkTimes(start, end);
      if (changes.seats !== undefined) {
        const taken = (await seatsTaken([sessionKeyOf(id)])).get(sessionKeyOf(id)) ?? 0;
        if (changes.seats < taken) throw new ConflictError('ACTIVITY_SEATS_BELOW_REGISTERED', `已有 ${taken} 人报名，名额不能少于报名人数`);
      }
      const set: Record<string, unknown> = { ...changes, start, end, updatedAt: new Date() };
      const updated = await ActivityModel.findOneAndUpdate({ _id: id }, { $set: set }, { returnDocument: 'after', runValidators: true }).lean();
      if (!updated) throw notFound();
      await deps.audit.record(ctx, { actor: `staff:${staff.id}`, role: staff.role, action: 'activity.update', target: `activity:${id}`, result: 'success', detail: { fields: Object.keys(changes) } });
      if (changes.status === 'cancelled' && a.status !== 'cancelled') {
        // Anonymized registrations have no resident left to tell.
        const regs = await ActivityRegistrationModel.find({ activityId: a._id, status: 'registered', anonymizedAt: null }).lean();
        for (const r of regs) {
          await deps.messages.notify({
            residentId: String(r.residentId), kind: 'activity_cancelled', activityId: id, stationId: String(a.stationId),
            title: '活动已取消', body: `很抱歉，「${a.title}」（${formatChinaShort(a.start)}）取消了。`, dedupeKey: `activity-cancelled:${r._id}`,
          }).catch((e: Error) => deps.logger?.warn({ err: { message: e.message } }, 'activity message failed'));
        }
      }
      return (await views([updated]))[0]!;
    },

    async registrations(ctx: Context, staff: AuthenticatedStaff, id: string) {
      const a = await get(id);
      await deps.stations.findInScope(ctx, staff, String(a.stationId));
      const rows = await ActivityRegistrationModel.find({ activityId: a._id }).sort({ seat: 1 }).lean();
      await deps.audit.record(ctx, { actor: `staff:${staff.id}`, role: staff.role, action: 'activity.registrations.read', target: `activity:${id}`, result: 'success' });
      return {
        items: rows.map((r) => ({
          // A registration anonymized (account deleted, or past retention) keeps its seat and status, not the contact.
          id: r._id, seat: r.seat, status: r.status, name: r.name ? deps.cipher.open(r.name as Sealed) : ANONYMIZED_CONTACT,
          phone: r.phone ? deps.cipher.open(r.phone as Sealed) : '', createdAt: r.createdAt.toISOString(),
        })),
      };
    },

    /** Demo activities (outside production), dated from the first seeding; inserted once by key. */
    async seedDemo(list: ReadonlyArray<{ key: string; stationId: Types.ObjectId; kind: Kind; title: string; description: string; place: string; daysFromSeed: number; start: string; durationMinutes: number; seats: number }>) {
      const today = chinaDateOf(now());
      for (const a of list) {
        const _id = new Types.ObjectId(crypto.createHash('sha256').update(`activity:${a.key}`).digest('hex').slice(0, 24));
        const start = atChinaTime(addDays(today, a.daysFromSeed), a.start);
        try {
          await ActivityModel.create({
            _id, seedKey: a.key, stationId: a.stationId, kind: a.kind, title: a.title, description: a.description, place: a.place,
            start, end: new Date(start.getTime() + a.durationMinutes * 60_000), seats: a.seats,
          });
        } catch (e) {
          if (!isDuplicateKey(e)) throw e;
        }
      }
    },
  };
}

export type ActivitiesService = ReturnType<typeof createActivitiesService>;
