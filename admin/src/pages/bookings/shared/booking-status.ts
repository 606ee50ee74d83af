// What a booking's state means to station staff and which actions the drawer offers. Pure.
// The server enforces the same transitions (409 BOOKING_INVALID_TRANSITION); this only decides which
// buttons are worth showing, so staff are not offered something that is bound to fail.
import type { AdminBooking, BookingStatus, Service } from '../../../services/bookings';

export const STATUS_LABELS: Record<BookingStatus, string> = {
  pending: '待确认',
  confirmed: '已确认',
  checked_in: '已签到',
  completed: '已完成',
  no_show: '未到',
  cancelled_by_resident: '居民已取消',
  cancelled_by_station: '站点已取消',
};

/** antd Tag colours. */
export const STATUS_COLORS: Record<BookingStatus, string> = {
  pending: 'orange',
  confirmed: 'blue',
  checked_in: 'cyan',
  completed: 'green',
  no_show: 'red',
  cancelled_by_resident: 'default',
  cancelled_by_station: 'default',
};

export const SERVICE_LABELS: Record<Service, string> = {
  individual: '个体咨询',
  family: '家庭咨询',
  group: '团体辅导',
};

export const ALL_STATUSES = Object.keys(STATUS_LABELS) as BookingStatus[];

/** Still needs the station to do something. */
export const OPEN_STATUSES: readonly BookingStatus[] = ['pending', 'confirmed', 'checked_in'];

export function isTerminal(status: BookingStatus): boolean {
  return !OPEN_STATUSES.includes(status);
}

export function statusLabel(status: string): string {
  return STATUS_LABELS[status as BookingStatus] ?? status;
}

export type BookingAction = 'confirm' | 'decline' | 'checkIn' | 'complete' | 'noShow' | 'reschedule';

/** Button labels; the e2e tests look for 确认预约, 婉拒, 签到, 完成, 未到. */
export const ACTION_LABELS: Record<BookingAction, string> = {
  confirm: '确认预约',
  decline: '婉拒',
  checkIn: '签到',
  complete: '完成',
  noShow: '未到',
  reschedule: '改期',
};

/** Actions the contract allows for this booking at `now` (ms), in button order. */
export function availableActions(booking: Pick<AdminBooking, 'status' | 'start'>, now: number): BookingAction[] {
  const started = Date.parse(booking.start) <= now;
  switch (booking.status) {
    case 'pending':
      return ['confirm', 'decline', 'reschedule', 'checkIn', ...(started ? (['noShow'] as const) : [])];
    case 'confirmed':
      return ['checkIn', 'complete', ...(started ? (['noShow'] as const) : []), 'reschedule', 'decline'];
    case 'checked_in':
      return ['complete'];
    default:
      return [];
  }
}

export const MAX_DECLINE_REASON = 200;
export const MAX_NOTES = 2000;

/** The reason staff typed for 婉拒, trimmed; an error text when it cannot be sent. */
export function checkDeclineReason(raw: string): { ok: true; reason: string } | { ok: false; error: string } {
  const reason = raw.trim();
  if (!reason) return { ok: false, error: '请写下婉拒的原因，居民会在通知里看到' };
  if (reason.length > MAX_DECLINE_REASON) return { ok: false, error: `原因请控制在 ${MAX_DECLINE_REASON} 字以内` };
  return { ok: true, reason };
}
