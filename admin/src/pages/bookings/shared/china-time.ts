// China time as staff read it. The arithmetic (fixed UTC+8, no DST) is the one shared with the API and the
// mini-program, content/china-time.js; this module keeps the admin's names and adds its display formats.
// Instants travel as ISO UTC strings; dates as 'YYYY-MM-DD' China calendar dates; times as 'HH:MM'. Pure.
import {
  WEEKDAY_LABELS as LABELS_FROM_MONDAY,
  atChinaTime,
  chinaClockOf,
  chinaDateOf,
  chinaWeekday,
  isChinaDate,
  isClock,
  parseClock,
} from '@xinan/content/china-time';

export {
  addDays,
  weekStart,
  /** ISO instant → China date 'YYYY-MM-DD' ('' when invalid). */
  chinaDateOf as chinaDate,
  /** ISO instant → China time 'HH:MM' ('' when invalid). */
  chinaClockOf as chinaTime,
  /** Today's China date for `now` (ms). */
  chinaDateOf as chinaToday,
  isChinaDate as isDate,
  formatClock as minutesToTime,
} from '@xinan/content/china-time';

/** 'HH:MM' → minutes since midnight; NaN when malformed (form input). */
export function timeToMinutes(value: string): number {
  return isClock(value) ? parseClock(value) : Number.NaN;
}

/** China date + 'HH:MM' (China) → ISO UTC instant. Throws on malformed input: a caller bug, not user input. */
export function chinaInstant(date: string, time: string): string {
  return atChinaTime(date, time).toISOString();
}

/** Keyed by the schedule's weekday, 1 = Monday … 7 = Sunday. */
export const WEEKDAY_LABELS: Readonly<Record<number, string>> = Object.fromEntries(
  LABELS_FROM_MONDAY.map((label, i) => [i + 1, label]),
);

/** '2026-05-06' → '5月6日 周三' (the text unchanged when it is not a date). */
export function formatChinaDay(date: string): string {
  if (!isChinaDate(date)) return date;
  const [, month, day] = date.split('-');
  return `${Number(month)}月${Number(day)}日 ${LABELS_FROM_MONDAY[chinaWeekday(date) - 1]}`;
}

/** ISO → '5月6日 周三 09:00' ('—' when invalid). */
export function formatSlotTime(iso: string | null | undefined): string {
  const date = chinaDateOf(iso);
  return date ? `${formatChinaDay(date)} ${chinaClockOf(iso)}` : '—';
}

/** start/end ISO → '5月6日 周三 09:00–09:50'. */
export function formatTimeRange(start: string, end: string): string {
  if (!chinaDateOf(start)) return '—';
  const sameDay = chinaDateOf(start) === chinaDateOf(end);
  return sameDay ? `${formatSlotTime(start)}–${chinaClockOf(end)}` : `${formatSlotTime(start)} – ${formatSlotTime(end)}`;
}

/** ISO → '2026-05-06 09:00' for tables ('—' when invalid). */
export function formatDateTime(iso: string | null | undefined): string {
  const date = chinaDateOf(iso);
  return date ? `${date} ${chinaClockOf(iso)}` : '—';
}
