// Staff notices (GET /admin/notices): shapes and the pure rules the bell and the dashboard card share.
import type { AccessFlags } from '../../../access';

export type NoticeKind = 'credential_expiring' | 'credential_lapsed';

export interface StaffNotice {
  id: string;
  kind: NoticeKind;
  title: string;
  body: string;
  stationId: string;
  counselorId: string;
  credentialValidUntil: string | null;
  createdAt: string;
  /** Read by me (each staff member has their own read state). */
  read: boolean;
  /** The counselor's dates changed since (renewed) or the counselor left: nothing left to do. */
  resolved: boolean;
}

export interface NoticeList {
  items: StaffNotice[];
  total: number;
  page: number;
  pageSize: number;
  unread: number;
}

/** Notices are about counselors and bookings: the roles that manage counselors get them (not editors, reviewers). */
export function noticesVisible(access: Pick<AccessFlags, 'canManageCounselors'>): boolean {
  return access.canManageCounselors;
}

/** Where a notice sends the reader: the counselor list, where the dates are changed. */
export function noticeLink(notice: Pick<StaffNotice, 'kind'>): string {
  switch (notice.kind) {
    case 'credential_expiring':
    case 'credential_lapsed':
      return '/counselors';
  }
}

export function noticeTag(notice: Pick<StaffNotice, 'kind' | 'resolved'>): { color: string; label: string } {
  if (notice.resolved) return { color: 'green', label: '已更新' };
  return notice.kind === 'credential_lapsed' ? { color: 'red', label: '已过期' } : { color: 'orange', label: '即将到期' };
}

export function bellLabel(unread: number): string {
  return unread > 0 ? `${unread} 条未读提醒` : '没有未读提醒';
}

/** The list after one notice was marked read here (the count never goes below zero, nor drops twice). */
export function withNoticeRead(list: NoticeList, id: string): NoticeList {
  const target = list.items.find((n) => n.id === id);
  if (!target || target.read) return list;
  return {
    ...list,
    items: list.items.map((n) => (n.id === id ? { ...n, read: true } : n)),
    unread: Math.max(0, list.unread - 1),
  };
}

export function withAllNoticesRead(list: NoticeList): NoticeList {
  return { ...list, items: list.items.map((n) => (n.read ? n : { ...n, read: true })), unread: 0 };
}

const CHINA_OFFSET_MS = 8 * 3_600_000;

function chinaParts(at: Date) {
  const d = new Date(at.getTime() + CHINA_OFFSET_MS);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, day: d.getUTCDate(), hh: d.getUTCHours(), mm: d.getUTCMinutes() };
}

/** When a notice arrived, in China time: "今天 09:05", "11月20日" this year, "2025年11月20日" before. */
export function formatNoticeTime(iso: string, now: Date): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  const a = chinaParts(at);
  const n = chinaParts(now);
  if (a.y === n.y && a.m === n.m && a.day === n.day) {
    return `今天 ${String(a.hh).padStart(2, '0')}:${String(a.mm).padStart(2, '0')}`;
  }
  return a.y === n.y ? `${a.m}月${a.day}日` : `${a.y}年${a.m}月${a.day}日`;
}
