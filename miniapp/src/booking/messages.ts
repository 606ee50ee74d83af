/** The in-app message list: badge text and where a tap leads. Pure. */
import type { MessageView } from './types'

/** '' for none, '1'–'99', then '99+' (a badge must stay small). */
export function unreadBadge(count: number): string {
  if (!Number.isFinite(count) || count <= 0) return ''
  return count > 99 ? '99+' : String(Math.floor(count))
}

export type MessageTarget =
  | { route: 'bookingDetail'; query: { id: string } }
  | { route: 'bookingStation'; query: { id: string } }
  | { route: 'bookingActivities'; query: { id: string } }

/** A booking message opens the booking, a waitlist message the station (to book the freed time), an activity message the activities. */
export function messageTarget(message: Pick<MessageView, 'kind' | 'bookingId' | 'stationId' | 'activityId'>): MessageTarget | null {
  if (message.kind === 'waitlist_seat_free' && message.stationId) return { route: 'bookingStation', query: { id: message.stationId } }
  if (message.bookingId) return { route: 'bookingDetail', query: { id: message.bookingId } }
  if (message.activityId) return { route: 'bookingActivities', query: { id: message.activityId } }
  if (message.stationId) return { route: 'bookingStation', query: { id: message.stationId } }
  return null
}

/** The list after marking one message read locally (the badge drops at once; the server is told in parallel). */
export function markedRead<T extends Pick<MessageView, 'id' | 'read'>>(items: readonly T[], id: string): { items: T[]; changed: boolean } {
  let changed = false
  const next = items.map((m) => {
    if (m.id !== id || m.read) return m
    changed = true
    return { ...m, read: true }
  })
  return { items: next, changed }
}

/** Appends a further page, dropping messages already shown (new ones may have shifted the pages). */
export function appendPage<T extends Pick<MessageView, 'id'>>(shown: readonly T[], page: readonly T[]): T[] {
  const seen = new Set(shown.map((m) => m.id))
  return [...shown, ...page.filter((m) => !seen.has(m.id))]
}
