import mongoose, { Types } from 'mongoose';
import { isDuplicateKey } from '../../db';
import { NotFoundError } from '../../http/errors';
import type { Logger } from '../../logger';
import type { AuthenticatedStaff } from '../auth/staff-auth.service';
import { chinaDateOf } from '../availability/china-time';
import { retryBusy } from '../bookings/claims';
import { CounselorModel } from '../counselors/counselor.model';
import { StationModel } from '../stations/station.model';
import type { StationsService } from '../stations/stations.service';
import { credentialNoticeFor, type PlannedNotice } from './credential-notice';
import { StaffNoticeModel, StaffNoticeReadModel, type NoticeKind, type StaffNotice } from './staff-notice.model';

export interface StaffNoticeView {
  id: string;
  kind: NoticeKind;
  title: string;
  body: string;
  stationId: string;
  counselorId: string;
  credentialValidUntil: string | null;
  createdAt: string;
  read: boolean;
  /** The counselor's dates have changed since (a renewed credential) or the counselor was removed: nothing left to do. */
  resolved: boolean;
}

const noticeNotFound = () => new NotFoundError('NOTICE_NOT_FOUND', '没有找到这条提醒');

export function createStaffNoticesService(deps: { stations: StationsService; logger?: Pick<Logger, 'info' | 'warn'>; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());

  async function scopeFilter(staff: AuthenticatedStaff): Promise<Record<string, unknown>> {
    const ids = await deps.stations.scopeIds(staff);
    return ids ? { stationId: mongoose.trusted({ $in: ids }) } : {};
  }

  /** Ids of the notices this staff member may see, newest first, and which of them they have read. */
  async function idsInScope(staff: AuthenticatedStaff): Promise<{ ids: string[]; read: Set<string> }> {
    const rows = await StaffNoticeModel.find(await scopeFilter(staff), { _id: 1 }).sort({ createdAt: -1, _id: -1 }).lean();
    const ids = rows.map((r) => r._id);
    const reads = ids.length
      ? await StaffNoticeReadModel.find({ staffId: staff.id, noticeId: mongoose.trusted({ $in: ids }) }, { noticeId: 1 }).lean()
      : [];
    return { ids, read: new Set(reads.map((r) => r.noticeId)) };
  }

  async function markOne(staff: AuthenticatedStaff, noticeId: string, at: Date) {
    try {
      await retryBusy(() => StaffNoticeReadModel.create({ _id: `${noticeId}:${staff.id}`, noticeId, staffId: staff.id, readAt: at }));
    } catch (e) {
      if (!isDuplicateKey(e)) throw e; // read already (another tab, a double click)
    }
  }

  async function views(docs: StaffNotice[], read: Set<string>): Promise<StaffNoticeView[]> {
    const counselorIds = [...new Set(docs.map((d) => String(d.counselorId)))].map((id) => new Types.ObjectId(id));
    const counselors = counselorIds.length
      ? await CounselorModel.find({ _id: mongoose.trusted({ $in: counselorIds }) }, { active: 1, credentialValidFrom: 1, credentialValidUntil: 1 }).lean()
      : [];
    const current = new Map(counselors.map((c) => [String(c._id), c]));
    return docs.map((d) => {
      const c = current.get(String(d.counselorId));
      const renewed = !c || !c.active || (c.credentialValidUntil ?? null) !== (d.credentialValidUntil ?? null) || (c.credentialValidFrom ?? null) !== (d.credentialValidFrom ?? null);
      return {
        id: d._id, kind: d.kind as NoticeKind, title: d.title, body: d.body, stationId: String(d.stationId), counselorId: String(d.counselorId),
        credentialValidUntil: d.credentialValidUntil ?? null, createdAt: d.createdAt.toISOString(), read: read.has(d._id), resolved: renewed,
      };
    });
  }

  return {
    /**
     * Writes the credential notices due on `at`'s China date: one when a counselor's credential ends within 30 days
     * and one when it has ended, each once per credential period. Safe on several instances at once: a notice is an
     * insert with an id derived from counselor, event and period, so only one insert can win.
     */
    async sweep(at: Date = now()): Promise<{ checked: number; created: number }> {
      const today = chinaDateOf(at);
      const counselors = await CounselorModel.find(
        { active: true, credentialValidUntil: mongoose.trusted({ $ne: null }) },
        { name: 1, stationId: 1, credentialValidFrom: 1, credentialValidUntil: 1 },
      ).lean();
      const stationIds = [...new Set(counselors.map((c) => String(c.stationId)))].map((id) => new Types.ObjectId(id));
      const stations = stationIds.length ? await StationModel.find({ _id: mongoose.trusted({ $in: stationIds }) }, { name: 1 }).lean() : [];
      const stationName = new Map(stations.map((s) => [String(s._id), s.name]));
      const planned: Array<{ notice: PlannedNotice; counselor: (typeof counselors)[number] }> = [];
      for (const c of counselors) {
        const notice = credentialNoticeFor({
          counselorId: String(c._id), name: c.name, stationName: stationName.get(String(c.stationId)) ?? '',
          credentialValidFrom: c.credentialValidFrom, credentialValidUntil: c.credentialValidUntil,
        }, today);
        if (notice) planned.push({ notice, counselor: c });
      }
      // Only a shortcut (fewer doomed inserts on every sweep): the inserts below decide.
      const existing = planned.length
        ? new Set((await StaffNoticeModel.find({ _id: mongoose.trusted({ $in: planned.map((p) => p.notice.id) }) }, { _id: 1 }).lean()).map((n) => n._id))
        : new Set<string>();
      let created = 0;
      for (const { notice, counselor: c } of planned) {
        if (existing.has(notice.id)) continue;
        try {
          await retryBusy(() => StaffNoticeModel.create({
            _id: notice.id, kind: notice.kind, stationId: c.stationId, counselorId: c._id,
            credentialValidFrom: c.credentialValidFrom ?? null, credentialValidUntil: c.credentialValidUntil ?? null,
            title: notice.title, body: notice.body, createdAt: at,
          }));
          created++;
        } catch (e) {
          if (!isDuplicateKey(e)) throw e; // another instance wrote it first
        }
      }
      if (created) deps.logger?.info({ created }, 'credential notices created');
      return { checked: counselors.length, created };
    },

    async list(staff: AuthenticatedStaff, q: { unread?: boolean | undefined; page: number; pageSize: number }) {
      const { ids, read } = await idsInScope(staff);
      const unreadIds = ids.filter((id) => !read.has(id));
      const chosen = q.unread ? unreadIds : ids;
      const pageIds = chosen.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
      const docs = pageIds.length ? ((await StaffNoticeModel.find({ _id: mongoose.trusted({ $in: pageIds }) }).lean()) as StaffNotice[]) : [];
      const byId = new Map(docs.map((d) => [d._id, d]));
      const ordered = pageIds.map((id) => byId.get(id)).filter((d): d is StaffNotice => Boolean(d));
      return { items: await views(ordered, read), total: chosen.length, page: q.page, pageSize: q.pageSize, unread: unreadIds.length };
    },

    async unreadCount(staff: AuthenticatedStaff): Promise<{ unread: number }> {
      const { ids, read } = await idsInScope(staff);
      return { unread: ids.filter((id) => !read.has(id)).length };
    },

    /** Marks one notice read for this staff member only. A notice outside their scope is "not found". */
    async markRead(staff: AuthenticatedStaff, id: string): Promise<void> {
      const notice = await StaffNoticeModel.findOne({ _id: id, ...(await scopeFilter(staff)) }, { _id: 1 }).lean();
      if (!notice) throw noticeNotFound();
      await markOne(staff, id, now());
    },

    async markAllRead(staff: AuthenticatedStaff): Promise<{ marked: number }> {
      const { ids, read } = await idsInScope(staff);
      const at = now();
      const unread = ids.filter((id) => !read.has(id));
      for (const id of unread) await markOne(staff, id, at);
      return { marked: unread.length };
    },
  };
}

export type StaffNoticesService = ReturnType<typeof createStaffNoticesService>;
