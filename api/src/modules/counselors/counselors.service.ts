import crypto from 'node:crypto';
import type { Context } from 'koa';
import mongoose, { Types } from 'mongoose';
import { ForbiddenError, NotFoundError, ValidationError } from '../../http/errors';
import type { AuditService } from '../audit/audit.service';
import type { AuthenticatedStaff } from '../auth/staff-auth.service';
import { chinaDateOf, parseClock } from '../availability/china-time';
import type { DateException, ScheduleSpec, Service } from '../availability/slot-generation';
import { ratingRollup, type RatingSummary } from '../bookings/rating-rollup';
import type { StationsService } from '../stations/stations.service';
import { credentialStatus, isBookableOn, servicesOf, type CredentialStatus } from './counselor-rules';
import { CounselorExceptionModel, CounselorModel, type Counselor, type CounselorException } from './counselor.model';
import { STATION_EDITABLE_COUNSELOR_FIELDS } from './counselors.schemas';
import { isDuplicateKey } from '../../db';

export type CounselorDoc = Counselor & { _id: Types.ObjectId };
type ExceptionDoc = CounselorException & { _id: Types.ObjectId };

export interface CounselorView {
  id: string; stationId: string; name: string; title: string; qualification: string; specialties: string[]; intro: string;
  photoUrl: string | null; verified: boolean; services: Service[]; bookable: boolean; rating: RatingSummary;
}

export interface CounselorAdminView extends CounselorView {
  certificateNo: string; credentialValidFrom: string | null; credentialValidUntil: string | null; credentialStatus: CredentialStatus;
  active: boolean; photoMediaId: string | null; verifiedAt: string | null; schedule: ScheduleSpec;
}

export interface CounselorInput {
  stationId?: string | undefined;
  name?: string | undefined; title?: string | undefined; qualification?: string | undefined; certificateNo?: string | undefined;
  credentialValidFrom?: string | null | undefined; credentialValidUntil?: string | null | undefined;
  specialties?: string[] | undefined; intro?: string | undefined; photoMediaId?: string | null | undefined; photoUrl?: string | null | undefined;
  active?: boolean | undefined; schedule?: ScheduleSpec | undefined;
}

export interface ExceptionInput { date: string; kind: DateException['kind']; start?: string | undefined; end?: string | undefined; services?: Array<'individual' | 'family'> | undefined; note?: string | undefined }

const NO_RATING: RatingSummary = { count: 0, average: null };

export function scheduleOf(c: Pick<CounselorDoc, 'schedule'>): ScheduleSpec {
  const s = c.schedule;
  return {
    sessionMinutes: s?.sessionMinutes ?? 50,
    familySessionMinutes: s?.familySessionMinutes ?? 80,
    bufferMinutes: s?.bufferMinutes ?? 10,
    weekly: (s?.weekly ?? []).map((w) => ({ weekday: w.weekday, start: w.start, end: w.end, services: [...w.services] as Array<'individual' | 'family'> })),
    groups: (s?.groups ?? []).map((g) => ({ weekday: g.weekday, start: g.start, end: g.end, capacity: g.capacity, title: g.title })),
  };
}

export function exceptionOf(e: ExceptionDoc): DateException & { id: string; counselorId: string; note: string } {
  return {
    id: String(e._id), counselorId: String(e.counselorId), date: e.date, kind: e.kind, start: e.start ?? null, end: e.end ?? null,
    services: [...(e.services ?? [])] as Array<'individual' | 'family'>, note: e.note ?? '',
  };
}

const notFound = () => new NotFoundError('COUNSELOR_NOT_FOUND', '没有找到这位咨询师');

export function createCounselorsService(deps: { stations: StationsService; audit: AuditService; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());

  function view(c: CounselorDoc, rating: RatingSummary = NO_RATING): CounselorView {
    return {
      id: String(c._id), stationId: String(c.stationId), name: c.name, title: c.title ?? '', qualification: c.qualification ?? '',
      specialties: [...(c.specialties ?? [])], intro: c.intro ?? '', photoUrl: c.photoUrl ?? null, verified: c.verified,
      services: servicesOf(c.schedule), bookable: isBookableOn(c, chinaDateOf(now())), rating,
    };
  }

  function adminView(c: CounselorDoc, rating: RatingSummary = NO_RATING): CounselorAdminView {
    return {
      ...view(c, rating),
      certificateNo: c.certificateNo ?? '', credentialValidFrom: c.credentialValidFrom ?? null, credentialValidUntil: c.credentialValidUntil ?? null,
      credentialStatus: credentialStatus(c, chinaDateOf(now())), active: c.active, photoMediaId: c.photoMediaId ?? null,
      verifiedAt: c.verifiedAt ? c.verifiedAt.toISOString() : null, schedule: scheduleOf(c),
    };
  }

  async function withRatings<T>(rows: CounselorDoc[], fn: (c: CounselorDoc, r: RatingSummary) => T): Promise<T[]> {
    const ratings = await ratingRollup('counselorId', rows.map((r) => r._id));
    return rows.map((c) => fn(c, ratings.get(String(c._id)) ?? NO_RATING));
  }

  async function get(id: string): Promise<CounselorDoc> {
    if (!Types.ObjectId.isValid(id)) throw notFound();
    const c = await CounselorModel.findById(id).lean();
    if (!c) throw notFound();
    return c;
  }

  async function getInScope(ctx: Context, staff: AuthenticatedStaff, id: string): Promise<CounselorDoc> {
    const c = await get(id);
    await deps.stations.findInScope(ctx, staff, String(c.stationId));
    return c;
  }

  function requireDistrictAdmin(staff: AuthenticatedStaff, what: string) {
    if (staff.role !== 'district_admin') throw new ForbiddenError('DISTRICT_ADMIN_ONLY', `${what}由区级管理员设置`);
  }

  function validateSchedule(schedule: ScheduleSpec) {
    // Group sessions with the same weekday must not overlap: they would claim the same counselor time.
    const byDay = new Map<number, Array<{ from: number; to: number }>>();
    for (const g of schedule.groups) {
      const list = byDay.get(g.weekday) ?? [];
      const from = parseClock(g.start);
      const to = parseClock(g.end);
      if (list.some((x) => x.from < to && x.to > from)) {
        throw new ValidationError([{ in: 'body', path: 'groups', message: '同一天的团体活动时间不能重叠' }]);
      }
      list.push({ from, to });
      byDay.set(g.weekday, list);
    }
  }

  function audit(ctx: Context, staff: AuthenticatedStaff, action: string, target: string, detail?: Record<string, unknown>) {
    return deps.audit.record(ctx, { actor: `staff:${staff.id}`, role: staff.role, action, target, result: 'success', ...(detail ? { detail } : {}) });
  }

  return {
    get,
    view,

    /** Active counselors of one station (public). */
    async listPublic(stationId: string, service?: Service): Promise<CounselorView[]> {
      await deps.stations.get(stationId);
      const rows = await CounselorModel.find({ stationId: new Types.ObjectId(stationId), active: true }).sort({ name: 1 }).lean();
      const items = await withRatings(rows, view);
      return service ? items.filter((c) => c.services.includes(service)) : items;
    },

    async getPublic(id: string): Promise<CounselorView> {
      const c = await get(id);
      if (!c.active) throw notFound();
      return (await withRatings([c], view))[0]!;
    },

    /** Counselors that may take bookings at a station (bookability on a date is checked by the caller). */
    async activeAt(stationIds: readonly Types.ObjectId[]): Promise<CounselorDoc[]> {
      if (!stationIds.length) return [];
      return CounselorModel.find({ stationId: mongoose.trusted({ $in: stationIds }), active: true, verified: true }).lean();
    },

    /** Exceptions of these counselors between two China dates (inclusive). */
    async exceptionsFor(counselorIds: readonly Types.ObjectId[], from: string, to: string): Promise<Array<DateException & { counselorId: string }>> {
      if (!counselorIds.length) return [];
      const rows = await CounselorExceptionModel.find({ counselorId: mongoose.trusted({ $in: counselorIds }), date: mongoose.trusted({ $gte: from, $lte: to }) }).lean();
      return rows.map(exceptionOf);
    },

    // ---- station side ----

    async listAdmin(ctx: Context, staff: AuthenticatedStaff, q: { stationId?: string | undefined; credential?: CredentialStatus | undefined; page: number; pageSize: number }) {
      let stationIds: Types.ObjectId[] | null;
      if (q.stationId) {
        await deps.stations.findInScope(ctx, staff, q.stationId);
        stationIds = await deps.stations.subtreeIds(q.stationId);
      } else {
        stationIds = await deps.stations.scopeIds(staff);
      }
      const filter = stationIds ? { stationId: mongoose.trusted({ $in: stationIds }) } : {};
      const rows = await CounselorModel.find(filter).sort({ stationId: 1, name: 1 }).lean();
      let items = await withRatings(rows, adminView);
      if (q.credential) items = items.filter((c) => c.credentialStatus === q.credential);
      const start = (q.page - 1) * q.pageSize;
      return { items: items.slice(start, start + q.pageSize), total: items.length, page: q.page, pageSize: q.pageSize };
    },

    /** Counselors whose credential lapsed or ends within 30 days: what district admins must act on. */
    async alerts(staff: AuthenticatedStaff): Promise<{ items: CounselorAdminView[] }> {
      const stationIds = await deps.stations.scopeIds(staff);
      const rows = await CounselorModel.find({ active: true, ...(stationIds ? { stationId: mongoose.trusted({ $in: stationIds }) } : {}) }).lean();
      const items = (await withRatings(rows, adminView)).filter((c) => c.credentialStatus !== 'valid');
      return { items: items.sort((a, b) => (a.credentialValidUntil ?? '').localeCompare(b.credentialValidUntil ?? '')) };
    },

    async getAdmin(ctx: Context, staff: AuthenticatedStaff, id: string): Promise<CounselorAdminView> {
      const c = await getInScope(ctx, staff, id);
      return (await withRatings([c], adminView))[0]!;
    },

    async create(ctx: Context, staff: AuthenticatedStaff, input: CounselorInput & { stationId: string; name: string }): Promise<CounselorAdminView> {
      requireDistrictAdmin(staff, '新增咨询师');
      await deps.stations.get(input.stationId);
      if (input.schedule) validateSchedule(input.schedule);
      const doc = await CounselorModel.create({ ...input, stationId: new Types.ObjectId(input.stationId) });
      await audit(ctx, staff, 'counselor.create', `counselor:${String(doc._id)}`);
      return adminView(doc.toObject() as CounselorDoc);
    },

    async update(ctx: Context, staff: AuthenticatedStaff, id: string, changes: CounselorInput): Promise<CounselorAdminView> {
      await getInScope(ctx, staff, id);
      const fields = Object.keys(changes);
      if (staff.role !== 'district_admin' && fields.some((f) => !(STATION_EDITABLE_COUNSELOR_FIELDS as readonly string[]).includes(f))) {
        throw new ForbiddenError('DISTRICT_ADMIN_ONLY', '咨询师的资质、所属站点等信息由区级管理员设置');
      }
      if (changes.stationId) await deps.stations.get(changes.stationId);
      const set: Record<string, unknown> = { ...changes, updatedAt: new Date() };
      if (changes.stationId) set.stationId = new Types.ObjectId(changes.stationId);
      const updated = await CounselorModel.findOneAndUpdate({ _id: id }, { $set: set }, { returnDocument: 'after', runValidators: true }).lean();
      if (!updated) throw notFound();
      await audit(ctx, staff, 'counselor.update', `counselor:${id}`, { fields });
      return (await withRatings([updated], adminView))[0]!;
    },

    async verify(ctx: Context, staff: AuthenticatedStaff, id: string, verified: boolean): Promise<CounselorAdminView> {
      requireDistrictAdmin(staff, '资质审核');
      await get(id);
      const updated = await CounselorModel.findOneAndUpdate(
        { _id: id },
        { $set: { verified, verifiedAt: verified ? new Date() : null, verifiedBy: verified ? staff.id : null, updatedAt: new Date() } },
        { returnDocument: 'after' },
      ).lean();
      if (!updated) throw notFound();
      await audit(ctx, staff, verified ? 'counselor.verify' : 'counselor.unverify', `counselor:${id}`);
      return (await withRatings([updated], adminView))[0]!;
    },

    async setSchedule(ctx: Context, staff: AuthenticatedStaff, id: string, schedule: ScheduleSpec): Promise<CounselorAdminView> {
      await getInScope(ctx, staff, id);
      validateSchedule(schedule);
      const updated = await CounselorModel.findOneAndUpdate({ _id: id }, { $set: { schedule, updatedAt: new Date() } }, { returnDocument: 'after', runValidators: true }).lean();
      if (!updated) throw notFound();
      await audit(ctx, staff, 'counselor.schedule', `counselor:${id}`);
      return (await withRatings([updated], adminView))[0]!;
    },

    async listExceptions(ctx: Context, staff: AuthenticatedStaff, id: string, from?: string, to?: string) {
      await getInScope(ctx, staff, id);
      const filter: Record<string, unknown> = { counselorId: new Types.ObjectId(id) };
      if (from || to) filter.date = mongoose.trusted({ ...(from ? { $gte: from } : {}), ...(to ? { $lte: to } : {}) });
      const rows = await CounselorExceptionModel.find(filter).sort({ date: 1, start: 1 }).limit(500).lean();
      return { items: rows.map(exceptionOf) };
    },

    async addException(ctx: Context, staff: AuthenticatedStaff, id: string, input: ExceptionInput) {
      const c = await getInScope(ctx, staff, id);
      const hasTimes = input.start !== undefined || input.end !== undefined;
      if (hasTimes && !(input.start && input.end && parseClock(input.start) < parseClock(input.end))) {
        throw new ValidationError([{ in: 'body', path: 'end', message: '请同时填写开始和结束时间，且结束晚于开始' }]);
      }
      if (input.kind === 'holiday' && hasTimes) throw new ValidationError([{ in: 'body', path: 'start', message: '节假日为全天休息，不需要填写时间' }]);
      if (input.kind === 'extra' && (!hasTimes || !input.services?.length)) {
        throw new ValidationError([{ in: 'body', path: 'services', message: '加班时段需要填写时间和服务项目' }]);
      }
      const doc = await CounselorExceptionModel.create({
        counselorId: c._id, date: input.date, kind: input.kind, start: input.start ?? null, end: input.end ?? null,
        services: input.kind === 'extra' ? input.services : [], note: input.note ?? '', createdBy: staff.id,
      });
      await audit(ctx, staff, 'counselor.exception.add', `counselor:${id}`, { date: input.date, kind: input.kind });
      return exceptionOf(doc.toObject() as ExceptionDoc);
    },

    async removeException(ctx: Context, staff: AuthenticatedStaff, id: string, exceptionId: string) {
      await getInScope(ctx, staff, id);
      const res = await CounselorExceptionModel.deleteOne({ _id: exceptionId, counselorId: new Types.ObjectId(id) });
      if (res.deletedCount !== 1) throw new NotFoundError('EXCEPTION_NOT_FOUND', '没有找到这条排班调整');
      await audit(ctx, staff, 'counselor.exception.remove', `counselor:${id}`, { exceptionId });
    },

    /** Demo counselors (outside production): inserted once by a key-derived _id; later edits are kept. */
    async seedDemo(list: ReadonlyArray<CounselorInput & { key: string; stationId: string; name: string; verified?: boolean }>) {
      for (const c of list) {
        const { key, verified, ...rest } = c;
        const _id = new Types.ObjectId(crypto.createHash('sha256').update(`counselor:${key}`).digest('hex').slice(0, 24));
        try {
          await CounselorModel.create({ _id, seedKey: key, ...rest, stationId: new Types.ObjectId(rest.stationId), verified: verified ?? true, verifiedAt: verified === false ? null : new Date() });
        } catch (e) {
          if (!isDuplicateKey(e)) throw e;
        }
      }
    },
  };
}

export type CounselorsService = ReturnType<typeof createCounselorsService>;
