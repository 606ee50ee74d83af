// Day and week calendar as a plain grid: time rows × columns (counselors for a day, dates for a week).
// Pure: bookings and blocks in, rows of cells out; the page renders it with an antd Table.
import type { AdminBooking, Block, BookingStatus } from '../../../services/bookings';
import { addDays, chinaInstant, minutesToTime, weekStart } from './china-time';

export type CalendarMode = 'day' | 'week';

export type CalendarEntry =
  | { kind: 'booking'; id: string; counselorId: string; start: string; end: string; status: BookingStatus; booking: AdminBooking }
  | { kind: 'block'; id: string; counselorId: string; start: string; end: string; block: Block };

export interface CalendarColumn {
  key: string;
  /** China date the column shows. */
  date: string;
  /** Only this counselor's entries; undefined = every counselor. */
  counselorId?: string;
}

export interface CalendarCell {
  entry: CalendarEntry;
  /** The entry began in an earlier row: render as a quiet continuation, not a second card. */
  continued: boolean;
}

export interface CalendarRow {
  key: string;
  time: string;
  cells: Record<string, CalendarCell[]>;
}

const CANCELLED: readonly BookingStatus[] = ['cancelled_by_resident', 'cancelled_by_station'];
const DAY_MINUTES = 24 * 60;

/** Cancelled bookings free their time, so the calendar leaves them out. */
export function calendarEntries(bookings: readonly AdminBooking[], blocks: readonly Block[]): CalendarEntry[] {
  return [
    ...bookings
      .filter((b) => !CANCELLED.includes(b.status))
      .map((b): CalendarEntry => ({
        kind: 'booking',
        id: b.id,
        counselorId: b.counselorId,
        start: b.start,
        end: b.end,
        status: b.status,
        booking: b,
      })),
    ...blocks.map((bl): CalendarEntry => ({
      kind: 'block',
      id: bl.id,
      counselorId: bl.counselorId,
      start: bl.start,
      end: bl.end,
      block: bl,
    })),
  ];
}

/** The dates a view covers: one day, or Monday–Sunday of its week. */
export function visibleDates(mode: CalendarMode, date: string): string[] {
  if (mode === 'day') return [date];
  const monday = weekStart(date);
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

export function buildColumns(
  mode: CalendarMode,
  date: string,
  counselorIds: readonly string[],
  counselorFilter?: string,
): CalendarColumn[] {
  if (mode === 'day') {
    const ids = counselorFilter ? [counselorFilter] : counselorIds;
    return ids.map((id) => ({ key: `${date}|${id}`, date, counselorId: id }));
  }
  return visibleDates('week', date).map((d) => ({ key: d, date: d, counselorId: counselorFilter }));
}

export interface GridOptions {
  stepMinutes?: number;
  /** Default visible hours; widened to show every entry. */
  dayStartMinutes?: number;
  dayEndMinutes?: number;
}

export function buildGrid(
  columns: readonly CalendarColumn[],
  entries: readonly CalendarEntry[],
  options: GridOptions = {},
): CalendarRow[] {
  const step = options.stepMinutes ?? 30;
  let first = options.dayStartMinutes ?? 8 * 60;
  let last = options.dayEndMinutes ?? 21 * 60;

  const placed = columns.map((column) => {
    const midnight = Date.parse(chinaInstant(column.date, '00:00'));
    const dayEnd = midnight + DAY_MINUTES * 60_000;
    const mine = entries
      .filter((e) => column.counselorId === undefined || e.counselorId === column.counselorId)
      .map((e) => ({ entry: e, start: Date.parse(e.start), end: Date.parse(e.end) }))
      .filter((e) => e.start < dayEnd && e.end > midnight)
      .sort((a, b) => a.start - b.start || a.entry.id.localeCompare(b.entry.id));
    for (const e of mine) {
      const from = Math.max(0, (e.start - midnight) / 60_000);
      const to = Math.min(DAY_MINUTES, (e.end - midnight) / 60_000);
      first = Math.min(first, Math.floor(from / step) * step);
      last = Math.max(last, Math.ceil(to / step) * step);
    }
    return { column, midnight, mine };
  });

  const rows: CalendarRow[] = [];
  for (let minute = first; minute < last; minute += step) {
    const cells: Record<string, CalendarCell[]> = {};
    for (const { column, midnight, mine } of placed) {
      const rowStart = midnight + minute * 60_000;
      const rowEnd = rowStart + step * 60_000;
      cells[column.key] = mine
        .filter((e) => e.start < rowEnd && e.end > rowStart)
        // An entry that began before this row but on an earlier day starts "fresh" in the first row.
        .map((e) => ({ entry: e.entry, continued: e.start < rowStart && minute !== first }));
    }
    const time = minutesToTime(minute);
    rows.push({ key: time, time, cells });
  }
  return rows;
}
