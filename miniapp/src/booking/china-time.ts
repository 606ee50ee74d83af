/**
 * Booking times in China time. The API sends UTC instants; stations, counselors and residents all live in
 * Asia/Shanghai, which is a fixed UTC+8 with no daylight saving, so a constant offset is exact — and it does not
 * depend on the phone's time zone setting (a resident travelling abroad still sees the station's clock).
 * Pure: `now` is always passed in.
 */

export const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000

export const WEEKDAY_LABELS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'] as const

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/

const pad = (n: number) => String(n).padStart(2, '0')

/** The instant shifted so its UTC fields read as China wall-clock fields. */
function chinaFields(instant: string | Date): Date | null {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime()
  return Number.isNaN(ms) ? null : new Date(ms + CHINA_OFFSET_MS)
}

export function isChinaDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value)
  if (!match) return false
  const d = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  return d.getUTCFullYear() === Number(match[1]) && d.getUTCMonth() === Number(match[2]) - 1 && d.getUTCDate() === Number(match[3])
}

/** China calendar date (YYYY-MM-DD) of an instant; '' for an unreadable one. */
export function chinaDateOf(instant: string | Date): string {
  const d = chinaFields(instant)
  if (!d) return ''
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

export function chinaToday(now: Date): string {
  return chinaDateOf(now)
}

/** Date arithmetic on calendar dates (no clock involved, so month and year ends are exact). */
export function addDays(date: string, days: number): string {
  const match = DATE_PATTERN.exec(date)
  if (!match) return ''
  const d = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) + days * DAY_MS)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const a = DATE_PATTERN.exec(from)
  const b = DATE_PATTERN.exec(to)
  if (!a || !b) return Number.NaN
  const msA = Date.UTC(Number(a[1]), Number(a[2]) - 1, Number(a[3]))
  const msB = Date.UTC(Number(b[1]), Number(b[2]) - 1, Number(b[3]))
  return Math.round((msB - msA) / DAY_MS)
}

/** 1 = Monday … 7 = Sunday, as in the API's weekly templates. */
export function weekdayOf(date: string): number {
  const match = DATE_PATTERN.exec(date)
  if (!match) return Number.NaN
  const day = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))).getUTCDay()
  return day === 0 ? 7 : day
}

export function weekdayLabel(date: string): string {
  return WEEKDAY_LABELS[weekdayOf(date) - 1] ?? ''
}

/** '2026-05-06' → '5月6日'; with the year when it is not the current (China) year. */
export function formatMonthDay(date: string, now?: Date): string {
  const match = DATE_PATTERN.exec(date)
  if (!match) return ''
  const md = `${Number(match[2])}月${Number(match[3])}日`
  if (now && chinaToday(now).slice(0, 4) !== match[1]) return `${match[1]}年${md}`
  return md
}

/** '今天' / '明天' / '后天', else the weekday ('周三'). */
export function relativeDayLabel(date: string, now: Date): string {
  const diff = daysBetween(chinaToday(now), date)
  if (diff === 0) return '今天'
  if (diff === 1) return '明天'
  if (diff === 2) return '后天'
  return weekdayLabel(date)
}

/** '09:00' in China time. */
export function formatClock(instant: string): string {
  const d = chinaFields(instant)
  return d ? `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` : ''
}

/** China hour of day, 0–23. */
export function chinaHour(instant: string): number {
  const d = chinaFields(instant)
  return d ? d.getUTCHours() : Number.NaN
}

/** '5月6日 周三' (China date of the instant). */
export function formatDay(instant: string, now?: Date): string {
  const date = chinaDateOf(instant)
  return date ? `${formatMonthDay(date, now)} ${weekdayLabel(date)}` : ''
}

/** '5月6日 周三 09:00–09:50'; the end's date is left out (sessions never cross midnight). */
export function formatSession(start: string, end: string, now?: Date): string {
  const day = formatDay(start, now)
  if (!day) return ''
  const to = formatClock(end)
  return to ? `${day} ${formatClock(start)}–${to}` : `${day} ${formatClock(start)}`
}

/** '5月6日 09:00' — for message lists and "submitted at". */
export function formatDateTime(instant: string, now?: Date): string {
  const date = chinaDateOf(instant)
  return date ? `${formatMonthDay(date, now)} ${formatClock(instant)}` : ''
}
