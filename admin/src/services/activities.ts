// Station activities (活动) for staff: GET/POST/PATCH /admin/activities.
import { http } from './http';
import type { Paged } from './bookings';

export type ActivityKind = 'group_counseling' | 'lecture' | 'checkup' | 'other';

export interface Activity {
  id: string;
  stationId: string;
  stationName: string;
  kind: ActivityKind;
  title: string;
  description: string;
  place: string;
  start: string;
  end: string;
  seats: number;
  remaining: number;
  status: 'published' | 'cancelled';
}

export interface ActivityInput {
  stationId: string;
  kind: ActivityKind;
  title: string;
  description: string;
  place: string;
  start: string;
  end: string;
  seats: number;
}

export type ActivityPatch = Partial<Omit<ActivityInput, 'stationId'>> & { status?: 'cancelled' };

export interface ActivityRegistration {
  id: string;
  seat: number;
  status: 'registered' | 'cancelled';
  name: string;
  phone: string;
  createdAt: string;
}

export function listActivities(
  query: { stationId?: string; from?: string; page?: number; pageSize?: number },
  signal?: AbortSignal,
) {
  return http.get<Paged<Activity>>('/admin/activities', { query: { ...query }, signal });
}

export const createActivity = (body: ActivityInput) => http.post<Activity>('/admin/activities', body);

export const updateActivity = (id: string, body: ActivityPatch) =>
  http.request<Activity>(`/admin/activities/${encodeURIComponent(id)}`, { method: 'PATCH', body });

export const listRegistrations = (id: string, signal?: AbortSignal) =>
  http.get<{ items: ActivityRegistration[] }>(`/admin/activities/${encodeURIComponent(id)}/registrations`, { signal });
