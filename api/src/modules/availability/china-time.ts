// China time without a tz database: Asia/Shanghai has been UTC+8 with no daylight saving since 1991, so every
// conversion is a fixed offset. All instants are stored in UTC; dates ('YYYY-MM-DD') and clock times ('HH:MM')
// in requests and schedules are China local.

export const CHINA_OFFSET_MS = 8 * 3_600_000;
export const DAY_MS = 86_400_000;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isChinaDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** The China calendar date of an instant, e.g. 2026-05-05T16:30Z → '2026-05-06'. */
export function chinaDateOf(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Minutes since China midnight, 0–1439. */
export function chinaMinuteOfDay(at: Date): number {
  const d = new Date(at.getTime() + CHINA_OFFSET_MS);
  return d.getUTCHours() * 60 + d.getUTCMinutes();
}

/** The instant of China midnight starting `date`. */
export function chinaMidnight(date: string): Date {
  if (!isChinaDate(date)) throw new RangeError(`not a date: ${date}`);
  return new Date(Date.parse(`${date}T00:00:00Z`) - CHINA_OFFSET_MS);
}

export function parseClock(time: string): number {
  const m = TIME.exec(time);
  if (!m) throw new RangeError(`not a time: ${time}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

export function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The instant of `time` (HH:MM, or minutes since midnight) on China `date`. */
export function atChinaTime(date: string, time: string | number): Date {
  const minutes = typeof time === 'number' ? time : parseClock(time);
  return new Date(chinaMidnight(date).getTime() + minutes * 60_000);
}

/** ISO weekday of a China date: 1 = Monday … 7 = Sunday. */
export function chinaWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (both China dates). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** '2026年5月6日 09:00' — the one format for people (messages, WeChat `time` values). */
export function formatChinaDateTime(at: Date): string {
  const d = new Date(at.getTime() + CHINA_OFFSET_MS);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${hh}:${mm}`;
}

/** '5月6日 09:00' — short form for in-app text. */
export function formatChinaShort(at: Date): string {
  const d = new Date(at.getTime() + CHINA_OFFSET_MS);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}
