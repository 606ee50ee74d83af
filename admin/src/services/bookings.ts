// Station-side booking API (issue 5 contract, /tmp/xinan-booking-contract.md "Station side (admin)").
// Shapes mirror the contract; the server is the source of truth and checks scope on every call.
import { API_BASE_URL, http } from './http';

export type Service = 'individual' | 'family' | 'group';

export type BookingStatus =
  | 'pending'
  | 'confirmed'
  | 'checked_in'
  | 'completed'
  | 'no_show'
  | 'cancelled_by_resident'
  | 'cancelled_by_station';

export interface BookingHistoryEntry {
  version: number;
  from: BookingStatus | null;
  to: BookingStatus;
  at: string;
  actor: 'resident' | 'staff' | 'system';
  reason?: string;
}

export interface AdminBooking {
  id: string;
  status: BookingStatus;
  version: number;
  stationId: string;
  stationName: string;
  stationAddress: string;
  stationPhone: string;
  counselorId: string;
  counselorName: string;
  service: Service;
  start: string;
  end: string;
  seat: number | null;
  topic: string | null;
  contact: { name: string; phone: string };
  forOther: { relationship: string; name: string; phone: string } | null;
  cancelReason: string | null;
  createdAt: string;
  updatedAt: string;
  rating: { score: number; comment: string } | null;
  notes: string;
  history: BookingHistoryEntry[];
}

export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface BookingQuery {
  stationId?: string;
  /** One status or a comma list. */
  status?: string;
  /** China dates, inclusive, filter on start. */
  from?: string;
  to?: string;
  counselorId?: string;
}

export interface Slot {
  start: string;
  end: string;
  counselorId: string;
  counselorName: string;
  service: Service;
  capacity: number;
  remaining: number;
  title?: string;
}

export interface Block {
  id: string;
  counselorId: string;
  start: string;
  end: string;
  reason: string;
}

export const MAX_PAGE_SIZE = 50;

export function listBookings(query: BookingQuery & { page?: number; pageSize?: number }, signal?: AbortSignal) {
  return http.get<Paged<AdminBooking>>('/admin/bookings', { query: { ...query }, signal });
}

/**
 * Every page of a query, up to `maxItems`. Station lists are small (a few dozen a week), so the inbox and
 * the calendar read the whole range instead of paging the user through it.
 */
export async function listAllBookings(query: BookingQuery, signal?: AbortSignal, maxItems = 500): Promise<AdminBooking[]> {
  const items: AdminBooking[] = [];
  for (let page = 1; ; page += 1) {
    const result = await listBookings({ ...query, page, pageSize: MAX_PAGE_SIZE }, signal);
    items.push(...result.items);
    if (result.items.length < MAX_PAGE_SIZE || items.length >= result.total || items.length >= maxItems) return items;
  }
}

export const getBooking = (id: string, signal?: AbortSignal) =>
  http.get<AdminBooking>(`/admin/bookings/${encodeURIComponent(id)}`, { signal });

const action = (id: string, name: string, body: unknown = {}) =>
  http.post<AdminBooking>(`/admin/bookings/${encodeURIComponent(id)}/${name}`, body);

export const confirmBooking = (id: string) => action(id, 'confirm');
export const declineBooking = (id: string, reason: string) => action(id, 'decline', { reason });
export const checkInBooking = (id: string) => action(id, 'check-in');
export const completeBooking = (id: string) => action(id, 'complete');
export const markNoShow = (id: string) => action(id, 'no-show');
export const rescheduleBooking = (id: string, start: string, counselorId?: string) =>
  action(id, 'reschedule', counselorId ? { start, counselorId } : { start });
export const saveBookingNotes = (id: string, notes: string) =>
  http.request<AdminBooking>(`/admin/bookings/${encodeURIComponent(id)}/notes`, { method: 'PUT', body: { notes } });

export function listSlots(stationId: string, date: string, service?: Service, signal?: AbortSignal) {
  return http.get<{ stationId: string; date: string; items: Slot[] }>(
    `/stations/${encodeURIComponent(stationId)}/slots`,
    { query: { date, service }, signal },
  );
}

export function listBlocks(
  query: { stationId?: string; counselorId?: string; from?: string; to?: string },
  signal?: AbortSignal,
) {
  return http.get<{ items: Block[] }>('/admin/blocks', { query: { ...query }, signal });
}

export const createBlock = (body: { counselorId: string; start: string; end: string; reason?: string }) =>
  http.post<Block>('/admin/blocks', body);

export const deleteBlock = (id: string) =>
  http.request<void>(`/admin/blocks/${encodeURIComponent(id)}`, { method: 'DELETE' });

/** A short-lived token for the event stream (EventSource cannot send an Authorization header). */
export async function createStreamToken(): Promise<string> {
  const result = await http.post<{ token: string; expiresIn: number }>('/admin/bookings/stream-token', {});
  return result.token;
}

export function bookingStreamUrl(token: string, stationId?: string): string {
  const params = new URLSearchParams({ token });
  if (stationId) params.set('stationId', stationId);
  return `${API_BASE_URL}/admin/bookings/stream?${params.toString()}`;
}
