/**
 * Typed calls of the booking API (stations, slots, bookings, waitlist, messages, activities) over the app's one
 * HTTP client. Public reads go out without the token, so they stay cacheable and work before sign-in.
 */
import { request } from '../services/api'
import { ApiError, messageForCode } from '../services/errors'
import type {
  ActivityPage,
  ActivityView,
  Availability,
  BookingRequest,
  BookingView,
  MessagePage,
  RatingResult,
  RegistrationView,
  Service,
  Slot,
  StationDetail,
  StationTreeNode,
  StationView,
  SubscribeTemplates,
  WaitlistEntry,
} from './types'

type QueryValue = string | number | boolean | null | undefined

/** '?a=1&b=x' from the defined values; '' when none. */
export function queryString(params: Record<string, QueryValue>): string {
  const parts = Object.entries(params)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
  return parts.length ? `?${parts.join('&')}` : ''
}

const seg = (value: string) => encodeURIComponent(value)

/** A 200 without the expected list is reported like a server fault (the page offers a retry). */
function listOf<T>(body: unknown, field = 'items'): T[] {
  const list = (body as Record<string, unknown> | null)?.[field]
  if (!Array.isArray(list)) throw new ApiError(200, 'INTERNAL', messageForCode('INTERNAL'))
  return list as T[]
}

function objectOf<T>(body: unknown): T {
  if (!body || typeof body !== 'object') throw new ApiError(200, 'INTERNAL', messageForCode('INTERNAL'))
  return body as T
}

// ---- Stations (public) ----

/** GET /stations: nearest first with distanceKm when a position is given, else district → street → community. */
export async function listStations(position?: { lat: number; lng: number } | null, service?: Service): Promise<StationView[]> {
  const q = queryString({ lat: position?.lat, lng: position?.lng, service })
  return listOf<StationView>(await request<unknown>(`/stations${q}`, { auth: false }))
}

/** GET /stations?view=tree: roots with nested children. */
export async function listStationTree(): Promise<StationTreeNode[]> {
  return listOf<StationTreeNode>(await request<unknown>('/stations?view=tree', { auth: false }))
}

/** GET /stations/:id: the station with its counselors. */
export async function getStation(id: string): Promise<StationDetail> {
  const body = objectOf<StationDetail>(await request<unknown>(`/stations/${seg(id)}`, { auth: false }))
  return { ...body, services: body.services ?? [], counselors: body.counselors ?? [] }
}

/** GET /stations/:id/slots?date=: one China date's slots (full ones included, remaining 0). */
export async function getSlots(stationId: string, date: string, service?: Service, counselorId?: string): Promise<Slot[]> {
  const q = queryString({ date, service, counselorId: counselorId === 'any' ? undefined : counselorId })
  return listOf<Slot>(await request<unknown>(`/stations/${seg(stationId)}/slots${q}`, { auth: false }))
}

/** GET /stations/:id/availability: free slots per day and, when all are full, the station above to try. */
export async function getAvailability(stationId: string, options: { from?: string; days?: number; service?: Service } = {}): Promise<Availability> {
  const q = queryString({ from: options.from, days: options.days, service: options.service })
  const body = objectOf<Availability>(await request<unknown>(`/stations/${seg(stationId)}/availability${q}`, { auth: false }))
  return { stationId: body.stationId, days: listOf<Availability['days'][number]>(body, 'days'), overflow: body.overflow ?? null }
}

// ---- Bookings (resident) ----

/** POST /bookings with one Idempotency-Key per form submit (the same key on a retry). */
export async function createBooking(body: BookingRequest, idempotencyKey: string): Promise<BookingView> {
  return objectOf<BookingView>(
    await request<unknown>('/bookings', {
      method: 'POST',
      data: body as unknown as Record<string, unknown>,
      header: { 'Idempotency-Key': idempotencyKey },
    }),
  )
}

export type BookingScope = 'upcoming' | 'past' | 'all'

/** GET /me/bookings?scope= */
export async function listMyBookings(scope: BookingScope = 'all'): Promise<BookingView[]> {
  return listOf<BookingView>(await request<unknown>(`/me/bookings${queryString({ scope })}`))
}

/** GET /me/bookings/:id (404 BOOKING_NOT_FOUND, also for someone else's). */
export async function getMyBooking(id: string): Promise<BookingView> {
  return objectOf<BookingView>(await request<unknown>(`/me/bookings/${seg(id)}`))
}

/** POST /me/bookings/:id/cancel */
export async function cancelMyBooking(id: string, reason?: string): Promise<BookingView> {
  const data: Record<string, unknown> = reason?.trim() ? { reason: reason.trim() } : {}
  return objectOf<BookingView>(await request<unknown>(`/me/bookings/${seg(id)}/cancel`, { method: 'POST', data }))
}

/** POST /me/bookings/:id/reschedule: same station and service, new start (and counselor or 'any'). */
export async function rescheduleMyBooking(id: string, start: string, counselorId?: string): Promise<BookingView> {
  const data: Record<string, unknown> = counselorId ? { start, counselorId } : { start }
  return objectOf<BookingView>(await request<unknown>(`/me/bookings/${seg(id)}/reschedule`, { method: 'POST', data }))
}

/** POST /me/bookings/:id/rating */
export async function rateMyBooking(id: string, body: { score: number; comment?: string }): Promise<RatingResult> {
  return objectOf<RatingResult>(await request<unknown>(`/me/bookings/${seg(id)}/rating`, { method: 'POST', data: body }))
}

/** POST /me/waitlist: tell me when a time frees on that date (joining twice returns the same entry). */
export async function joinWaitlist(input: { stationId: string; date: string; service?: Service; counselorId?: string }): Promise<WaitlistEntry> {
  const data: Record<string, unknown> = { stationId: input.stationId, date: input.date }
  if (input.service) data.service = input.service
  if (input.counselorId && input.counselorId !== 'any') data.counselorId = input.counselorId
  return objectOf<WaitlistEntry>(await request<unknown>('/me/waitlist', { method: 'POST', data }))
}

/** GET /bookings/subscribe-templates (public): template ids, null when not configured. */
export async function getSubscribeTemplates(): Promise<SubscribeTemplates> {
  return objectOf<SubscribeTemplates>(await request<unknown>('/bookings/subscribe-templates', { auth: false }))
}

// ---- In-app messages (resident) ----

/** GET /me/messages, newest first, with the unread count. */
export async function listMessages(page = 1, pageSize = 20, unreadOnly = false): Promise<MessagePage> {
  const q = queryString({ page, pageSize, unread: unreadOnly ? 'true' : undefined })
  const body = objectOf<MessagePage>(await request<unknown>(`/me/messages${q}`))
  return { ...body, items: listOf(body), unread: typeof body.unread === 'number' ? body.unread : 0 }
}

/** The unread count only (for the badge on 我的). */
export async function unreadMessageCount(): Promise<number> {
  return (await listMessages(1, 1, true)).unread
}

/** POST /me/messages/:id/read */
export async function markMessageRead(id: string): Promise<void> {
  await request<unknown>(`/me/messages/${seg(id)}/read`, { method: 'POST', data: {} })
}

/** POST /me/messages/read-all */
export async function markAllMessagesRead(): Promise<void> {
  await request<unknown>('/me/messages/read-all', { method: 'POST', data: {} })
}

// ---- Activities ----

/** GET /activities?stationId= (that station and the ones under it), soonest first; `registered` with a token. */
export async function listActivities(options: { stationId?: string; page?: number; pageSize?: number } = {}): Promise<ActivityPage> {
  const q = queryString({ stationId: options.stationId, page: options.page ?? 1, pageSize: options.pageSize ?? 20 })
  const body = objectOf<ActivityPage>(await request<unknown>(`/activities${q}`))
  return { ...body, items: listOf(body) }
}

/** GET /activities/:id */
export async function getActivity(id: string): Promise<ActivityView> {
  return objectOf<ActivityView>(await request<unknown>(`/activities/${seg(id)}`))
}

/** POST /activities/:id/registrations with an Idempotency-Key (registering twice returns the same registration). */
export async function registerForActivity(id: string, input: { name: string; phone: string }, idempotencyKey: string): Promise<RegistrationView> {
  return objectOf<RegistrationView>(
    await request<unknown>(`/activities/${seg(id)}/registrations`, {
      method: 'POST',
      data: { name: input.name, phone: input.phone, consent: true },
      header: { 'Idempotency-Key': idempotencyKey },
    }),
  )
}

/** GET /me/activity-registrations */
export async function listMyRegistrations(): Promise<RegistrationView[]> {
  return listOf<RegistrationView>(await request<unknown>('/me/activity-registrations'))
}

/** POST /me/activity-registrations/:id/cancel */
export async function cancelRegistration(id: string): Promise<RegistrationView> {
  return objectOf<RegistrationView>(await request<unknown>(`/me/activity-registrations/${seg(id)}/cancel`, { method: 'POST', data: {} }))
}
