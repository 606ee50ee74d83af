// The inbox's rows: ordering, live upserts and which bookings the current filter shows. Pure.
import type { AdminBooking, BookingStatus } from '../../../services/bookings';
import { ALL_STATUSES, OPEN_STATUSES } from './booking-status';
import { addDays, chinaDate, weekStart } from './china-time';

export type InboxView = 'open' | 'pending' | 'all' | BookingStatus;

export const INBOX_VIEW_LABELS: Record<'open' | 'pending' | 'all', string> = {
  open: '待处理',
  pending: '待确认',
  all: '全部',
};

export interface InboxFilter {
  view: InboxView;
  /** China dates, inclusive. */
  from: string;
  to: string;
  /** The chosen station's subtree; null/undefined = the user's whole scope. */
  stationIds?: ReadonlySet<string> | null;
}

export function statusesFor(view: InboxView): readonly BookingStatus[] {
  if (view === 'open') return OPEN_STATUSES;
  if (view === 'all') return ALL_STATUSES;
  return [view];
}

/** The `status` query parameter for GET /admin/bookings (omitted for 全部). */
export function statusQuery(view: InboxView): string | undefined {
  return view === 'all' ? undefined : statusesFor(view).join(',');
}

export function matchesFilter(
  booking: Pick<AdminBooking, 'status' | 'start' | 'stationId'>,
  filter: InboxFilter,
): boolean {
  if (!statusesFor(filter.view).includes(booking.status)) return false;
  if (filter.stationIds && !filter.stationIds.has(booking.stationId)) return false;
  const day = chinaDate(booking.start);
  return day >= filter.from && day <= filter.to;
}

/**
 * Pending bookings first, newest request on top (that is what staff must answer); then the rest by
 * start time, soonest first.
 */
export function compareInbox(a: AdminBooking, b: AdminBooking): number {
  const rank = (x: AdminBooking) => (x.status === 'pending' ? 0 : 1);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (a.status === 'pending') {
    const byCreated = Date.parse(b.createdAt) - Date.parse(a.createdAt);
    if (byCreated !== 0) return byCreated;
  }
  const byStart = Date.parse(a.start) - Date.parse(b.start);
  return byStart !== 0 ? byStart : a.id.localeCompare(b.id);
}

export function sortInbox(rows: readonly AdminBooking[]): AdminBooking[] {
  return [...rows].sort(compareInbox);
}

/**
 * Puts a fresh copy of a booking into the list. A copy older than the one shown (an event that arrived
 * late, or a slow fetch overtaken by a faster one) is ignored, so a row never goes back in time.
 */
export function upsertBooking(rows: readonly AdminBooking[], booking: AdminBooking): AdminBooking[] {
  const index = rows.findIndex((row) => row.id === booking.id);
  if (index === -1) return sortInbox([...rows, booking]);
  if (rows[index]!.version > booking.version) return [...rows];
  const next = [...rows];
  next[index] = booking;
  return sortInbox(next);
}

export type StreamEventType = 'booking.created' | 'booking.updated';

/** The only fields the stream carries (never names, phones or topics). */
export interface BookingStreamEvent {
  type: StreamEventType;
  id: string;
  stationId: string;
  start: string;
  status: BookingStatus;
  version: number;
}

const BOOKING_ID = /^bk_[0-9a-f]{24}$/;

/** Parses one SSE message; anything malformed is dropped (null) rather than trusted. */
export function parseStreamEvent(type: string, data: string): BookingStreamEvent | null {
  if (type !== 'booking.created' && type !== 'booking.updated') return null;
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (
    typeof v.id !== 'string' ||
    !BOOKING_ID.test(v.id) ||
    typeof v.version !== 'number' ||
    typeof v.status !== 'string' ||
    !(ALL_STATUSES as string[]).includes(v.status)
  ) {
    return null;
  }
  return {
    type,
    id: v.id,
    stationId: typeof v.stationId === 'string' ? v.stationId : '',
    start: typeof v.start === 'string' ? v.start : '',
    status: v.status as BookingStatus,
    version: v.version,
  };
}

/** Whether an event tells us something the list does not know yet (so the details must be fetched). */
export function needsFetch(rows: readonly AdminBooking[], event: BookingStreamEvent, filter: InboxFilter): boolean {
  const shown = rows.find((row) => row.id === event.id);
  if (shown) return shown.version < event.version;
  // Not in the list: fetch only if the current filter would show it.
  return matchesFilter(event, filter);
}

export type RangePreset = 'recent' | 'today' | 'week' | 'next14' | 'past30';

export const RANGE_PRESET_LABELS: Record<RangePreset, string> = {
  recent: '近期（前 7 天至后 30 天）',
  today: '今天',
  week: '本周',
  next14: '未来 14 天',
  past30: '过去 30 天',
};

/** China date range (inclusive) for a preset, relative to `today`. */
export function presetRange(preset: RangePreset, today: string): { from: string; to: string } {
  switch (preset) {
    case 'today':
      return { from: today, to: today };
    case 'week': {
      const monday = weekStart(today);
      return { from: monday, to: addDays(monday, 6) };
    }
    case 'next14':
      return { from: today, to: addDays(today, 13) };
    case 'past30':
      return { from: addDays(today, -30), to: today };
    case 'recent':
    default:
      return { from: addDays(today, -7), to: addDays(today, 30) };
  }
}
