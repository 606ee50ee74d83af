// Asia/Shanghai is UTC+8 all year (no DST), so plain offset arithmetic is exact and needs no Intl/tzdata.
// Instants travel as ISO UTC strings; dates as 'YYYY-MM-DD' China calendar dates; times as 'HH:MM'. Pure.

const OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

const pad = (n: number) => String(n).padStart(2, '0');

function shifted(iso: string): Date | null {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? null : new Date(at + OFFSET_MS);
}

/** ISO instant → China date 'YYYY-MM-DD' ('' when invalid). */
export function chinaDate(iso: string): string {
  const d = shifted(iso);
  return d ? `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` : '';
}

/** ISO instant → China time 'HH:MM' ('' when invalid). */
export function chinaTime(iso: string): string {
  const d = shifted(iso);
  return d ? `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` : '';
}

/** Minutes since China midnight of that instant's day. */
export function chinaMinutesOfDay(iso: string): number {
  const d = shifted(iso);
  return d ? d.getUTCHours() * 60 + d.getUTCMinutes() : 0;
}

/** Today's China date for `now` (ms). */
export function chinaToday(now: number): string {
  return chinaDate(new Date(now).toISOString());
}

export function isDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

export function isTime(value: string): boolean {
  return TIME_RE.test(value);
}

/** 'HH:MM' → minutes since midnight; NaN when malformed. */
export function timeToMinutes(value: string): number {
  const m = TIME_RE.exec(value);
  return m ? Number(m[1]) * 60 + Number(m[2]) : Number.NaN;
}

export function minutesToTime(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** China date + 'HH:MM' (China) → ISO UTC instant. Throws on malformed input: a caller bug, not user input. */
export function chinaInstant(date: string, time: string): string {
  const m = DATE_RE.exec(date);
  const minutes = timeToMinutes(time);
  if (!m || !isDate(date) || Number.isNaN(minutes)) throw new Error(`invalid China date/time: ${date} ${time}`);
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) + minutes * 60_000 - OFFSET_MS;
  return new Date(utc).toISOString();
}

/** Calendar arithmetic on China dates. */
export function addDays(date: string, days: number): string {
  const m = DATE_RE.exec(date);
  if (!m) throw new Error(`invalid date: ${date}`);
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) + days * DAY_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** 1 = Monday … 7 = Sunday, as the schedule uses. */
export function weekdayOf(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new Error(`invalid date: ${date}`);
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The Monday of the week `date` is in. */
export function weekStart(date: string): string {
  return addDays(date, 1 - weekdayOf(date));
}

export const WEEKDAY_LABELS: Record<number, string> = {
  1: '周一',
  2: '周二',
  3: '周三',
  4: '周四',
  5: '周五',
  6: '周六',
  7: '周日',
};

/** '2026-05-06' → '5月6日 周三'. */
export function formatChinaDay(date: string): string {
  const m = DATE_RE.exec(date);
  if (!m) return date;
  return `${Number(m[2])}月${Number(m[3])}日 ${WEEKDAY_LABELS[weekdayOf(date)]}`;
}

/** ISO → '5月6日 周三 09:00' ('—' when invalid). */
export function formatSlotTime(iso: string | null | undefined): string {
  if (!iso || Number.isNaN(Date.parse(iso))) return '—';
  return `${formatChinaDay(chinaDate(iso))} ${chinaTime(iso)}`;
}

/** start/end ISO → '5月6日 周三 09:00–09:50'. */
export function formatTimeRange(start: string, end: string): string {
  if (Number.isNaN(Date.parse(start))) return '—';
  const sameDay = chinaDate(start) === chinaDate(end);
  return sameDay
    ? `${formatSlotTime(start)}–${chinaTime(end)}`
    : `${formatSlotTime(start)} – ${formatSlotTime(end)}`;
}

/** ISO → '2026-05-06 09:00' for tables. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso || Number.isNaN(Date.parse(iso))) return '—';
  return `${chinaDate(iso)} ${chinaTime(iso)}`;
}
