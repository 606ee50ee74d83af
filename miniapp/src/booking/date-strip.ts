/**
 * The row of date chips above the slot list: one chip per bookable day, with how many times are still free.
 * Pure (today and the availability answer are passed in).
 */
import type { Availability } from './types'
import { addDays, chinaToday, formatMonthDay, relativeDayLabel } from './china-time'

export interface DateChip {
  date: string
  /** '今天' / '明天' / '后天' / '周三'. */
  dayLabel: string
  /** '5月6日'. */
  dateLabel: string
  /** Free slots that day; null while availability is unknown. */
  free: number | null
  /** Known to have no free slot. */
  full: boolean
}

/** Longest strip we draw, whatever a station's policy says (the API caps `days` at 31). */
export const MAX_STRIP_DAYS = 31

/**
 * The chips: the availability's days when the API answered (it knows the station's horizon), otherwise today and
 * the following `horizonDays − 1` days with unknown counts.
 */
export function buildDateStrip(now: Date, horizonDays: number, availability: Availability | null): DateChip[] {
  const chip = (date: string, free: number | null): DateChip => ({
    date,
    dayLabel: relativeDayLabel(date, now),
    dateLabel: formatMonthDay(date),
    free,
    full: free === 0,
  })
  if (availability && availability.days.length > 0) {
    return [...availability.days]
      .sort((a, b) => a.date.localeCompare(b.date))
      .slice(0, MAX_STRIP_DAYS)
      .map((day) => chip(day.date, Math.max(0, Math.floor(day.free))))
  }
  const count = Math.min(MAX_STRIP_DAYS, Math.max(1, Math.floor(horizonDays) || 1))
  const today = chinaToday(now)
  return Array.from({ length: count }, (_, i) => chip(addDays(today, i), null))
}

/**
 * Which chip to select first: the one asked for (e.g. the overflow's first free date, or the date a reschedule
 * started from) when it is on the strip, else the first day with a free slot, else the first day.
 */
export function initialDate(chips: readonly DateChip[], preferred?: string | null): string | null {
  if (chips.length === 0) return null
  if (preferred && chips.some((c) => c.date === preferred)) return preferred
  const firstFree = chips.find((c) => c.free !== null && c.free > 0)
  return (firstFree ?? chips[0]!).date
}

/** True when every known day of the strip is full (the overflow banner may then offer another station). */
export function allDaysFull(chips: readonly DateChip[]): boolean {
  return chips.length > 0 && chips.every((c) => c.full)
}
