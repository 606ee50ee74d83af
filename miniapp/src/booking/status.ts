/** Booking states in the resident's words, and how the lists split them. Pure. */
import type { BookingStatus, BookingView } from './types'

export const STATUS_LABELS: Readonly<Record<BookingStatus, string>> = {
  pending: '待确认',
  confirmed: '已确认',
  checked_in: '已签到',
  completed: '已完成',
  no_show: '未到',
  cancelled_by_resident: '已取消',
  cancelled_by_station: '已取消',
}

/** One line under the status, so "待确认" does not leave a worried person guessing. */
export const STATUS_HINTS: Readonly<Record<BookingStatus, string>> = {
  pending: '驿站会尽快确认，确认后会通知你',
  confirmed: '驿站已确认，请按时到达；如有变化可以提前取消或改期',
  checked_in: '已签到，咨询进行中',
  completed: '这次咨询已完成，欢迎留下评价',
  no_show: '这次没有到场。如果还需要，可以重新预约',
  cancelled_by_resident: '你已取消这次预约',
  cancelled_by_station: '驿站取消了这次预约',
}

/** Tone for the colour of the status tag. */
export type StatusTone = 'waiting' | 'good' | 'done' | 'muted'

const TONES: Readonly<Record<BookingStatus, StatusTone>> = {
  pending: 'waiting',
  confirmed: 'good',
  checked_in: 'good',
  completed: 'done',
  no_show: 'muted',
  cancelled_by_resident: 'muted',
  cancelled_by_station: 'muted',
}

export function statusLabel(status: string): string {
  return STATUS_LABELS[status as BookingStatus] ?? '处理中'
}

export function statusHint(status: string): string {
  return STATUS_HINTS[status as BookingStatus] ?? ''
}

export function statusTone(status: string): StatusTone {
  return TONES[status as BookingStatus] ?? 'muted'
}

const ACTIVE: readonly BookingStatus[] = ['pending', 'confirmed', 'checked_in']

/** The contract's "upcoming": pending, confirmed or checked in, and not yet over. */
export function isUpcoming(booking: Pick<BookingView, 'status' | 'end'>, now: Date): boolean {
  return ACTIVE.includes(booking.status) && Date.parse(booking.end) > now.getTime()
}

/** 即将到来 (soonest first) and 已结束 (latest first). */
export function splitBookings<T extends Pick<BookingView, 'status' | 'start' | 'end'>>(items: readonly T[], now: Date): { upcoming: T[]; past: T[] } {
  const upcoming = items.filter((b) => isUpcoming(b, now)).sort((a, b) => a.start.localeCompare(b.start))
  const past = items.filter((b) => !isUpcoming(b, now)).sort((a, b) => b.start.localeCompare(a.start))
  return { upcoming, past }
}

/** Waiting for the station to act: worth polling for. */
export function awaitsStation(items: ReadonlyArray<Pick<BookingView, 'status'>>): boolean {
  return items.some((b) => b.status === 'pending')
}
