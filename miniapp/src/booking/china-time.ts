/**
 * Booking times as residents read them. The China-time arithmetic (fixed UTC+8, no daylight saving, so it does not
 * depend on the phone's time zone setting — a resident travelling abroad still sees the station's clock) is the one
 * shared with the API and the admin site, content/china-time.js; this module adds the mini-program's wording:
 * 今天/明天/后天, the year only when it is not this year, sessions as one line.
 * Pure: `now` is always passed in. Everything here answers '' for a value it cannot read (an odd date from the
 * network must not break a page).
 */
import { WEEKDAY_LABELS, chinaClockOf, chinaDateOf, chinaMinuteOfDay, chinaWeekday, daysBetween, isChinaDate } from '@xinan/content/china-time'

export {
  addDays,
  chinaDateOf,
  /** Today's China date. */
  chinaDateOf as chinaToday,
  /** '09:00' in China time. */
  chinaClockOf as formatClock,
} from '@xinan/content/china-time'

/** '周三'; '' when `date` is not a date. */
export function weekdayLabel(date: string): string {
  return isChinaDate(date) ? WEEKDAY_LABELS[chinaWeekday(date) - 1] ?? '' : ''
}

/** '2026-05-06' → '5月6日'; with the year when it is not the current (China) year. */
export function formatMonthDay(date: string, now?: Date): string {
  if (!isChinaDate(date)) return ''
  const [year, month, day] = date.split('-')
  const md = `${Number(month)}月${Number(day)}日`
  if (now && chinaDateOf(now).slice(0, 4) !== year) return `${year}年${md}`
  return md
}

/** '今天' / '明天' / '后天', else the weekday ('周三'). */
export function relativeDayLabel(date: string, now: Date): string {
  const today = chinaDateOf(now)
  const diff = today && isChinaDate(date) ? daysBetween(today, date) : Number.NaN
  if (diff === 0) return '今天'
  if (diff === 1) return '明天'
  if (diff === 2) return '后天'
  return weekdayLabel(date)
}

/** China hour of day, 0–23 (NaN when unreadable). */
export function chinaHour(instant: string): number {
  return Math.floor(chinaMinuteOfDay(instant) / 60)
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
  const to = chinaClockOf(end)
  return to ? `${day} ${chinaClockOf(start)}–${to}` : `${day} ${chinaClockOf(start)}`
}

/** '5月6日 09:00' — for message lists and "submitted at". */
export function formatDateTime(instant: string, now?: Date): string {
  const date = chinaDateOf(instant)
  return date ? `${formatMonthDay(date, now)} ${chinaClockOf(instant)}` : ''
}
