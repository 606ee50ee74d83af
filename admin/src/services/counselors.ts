// Counselor admin API (district_admin: everything; station_staff: intro, photo, specialties, schedules).
import { http } from './http';
import type { Paged, Service } from './bookings';

export type SessionService = 'individual' | 'family';
export type CredentialStatus = 'valid' | 'expiring' | 'lapsed' | 'missing';
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface WeeklyRow {
  weekday: Weekday;
  start: string;
  end: string;
  services: SessionService[];
}

export interface GroupRow {
  weekday: Weekday;
  start: string;
  end: string;
  capacity: number;
  title: string;
}

export interface Schedule {
  sessionMinutes: number;
  familySessionMinutes: number;
  bufferMinutes: number;
  weekly: WeeklyRow[];
  groups: GroupRow[];
}

export interface Counselor {
  id: string;
  stationId: string;
  name: string;
  title: string;
  qualification: string;
  specialties: string[];
  intro: string;
  photoUrl: string | null;
  verified: boolean;
  services: Service[];
  bookable: boolean;
  rating: { count: number; average: number | null };
  certificateNo: string;
  credentialValidFrom: string | null;
  credentialValidUntil: string | null;
  credentialStatus: CredentialStatus;
  active: boolean;
  photoMediaId: string | null;
  verifiedAt: string | null;
  schedule: Schedule;
}

export type ExceptionKind = 'holiday' | 'leave' | 'extra';

export interface ScheduleException {
  id: string;
  counselorId: string;
  date: string;
  kind: ExceptionKind;
  start: string | null;
  end: string | null;
  services: SessionService[];
  note: string;
}

export interface CounselorInput {
  stationId: string;
  name: string;
  title?: string;
  qualification?: string;
  certificateNo?: string;
  credentialValidFrom?: string | null;
  credentialValidUntil?: string | null;
  specialties: string[];
  intro: string;
  photoUrl?: string | null;
  active?: boolean;
}

/** What station_staff may change (the server answers 403 DISTRICT_ADMIN_ONLY for anything else). */
export type CounselorStaffPatch = Pick<CounselorInput, 'intro' | 'specialties' | 'photoUrl'>;

export function listCounselors(
  query: { stationId?: string; credential?: CredentialStatus; page?: number; pageSize?: number },
  signal?: AbortSignal,
) {
  return http.get<Paged<Counselor>>('/admin/counselors', { query: { ...query }, signal });
}

export const listCredentialAlerts = (signal?: AbortSignal) =>
  http.get<{ items: Counselor[] }>('/admin/counselors/alerts', { signal });

export const createCounselor = (body: CounselorInput) => http.post<Counselor>('/admin/counselors', body);

export const updateCounselor = (id: string, body: Partial<CounselorInput>) =>
  http.request<Counselor>(`/admin/counselors/${encodeURIComponent(id)}`, { method: 'PATCH', body });

export const verifyCounselor = (id: string, verified: boolean) =>
  http.post<Counselor>(`/admin/counselors/${encodeURIComponent(id)}/verify`, { verified });

export const saveSchedule = (id: string, schedule: Schedule) =>
  http.request<Counselor>(`/admin/counselors/${encodeURIComponent(id)}/schedule`, { method: 'PUT', body: schedule });

export const listExceptions = (id: string, from: string, to: string, signal?: AbortSignal) =>
  http.get<{ items: ScheduleException[] }>(`/admin/counselors/${encodeURIComponent(id)}/exceptions`, {
    query: { from, to },
    signal,
  });

export const createException = (
  id: string,
  body: { date: string; kind: ExceptionKind; start?: string; end?: string; services?: SessionService[]; note?: string },
) => http.post<ScheduleException>(`/admin/counselors/${encodeURIComponent(id)}/exceptions`, body);

export const deleteException = (id: string, exceptionId: string) =>
  http.request<void>(
    `/admin/counselors/${encodeURIComponent(id)}/exceptions/${encodeURIComponent(exceptionId)}`,
    { method: 'DELETE' },
  );
