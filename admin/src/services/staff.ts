// Staff accounts (district_admin): station_staff accounts with a one-time initial password.
import { http } from './http';

export interface StaffAccount {
  id: string;
  username: string;
  displayName: string;
  role: string;
  stationId: string | null;
  stationName?: string | null;
  disabled: boolean;
  /** Still on the one-time password the district admin handed over. */
  mustChangePassword?: boolean;
}

export interface CreatedStaff {
  staff: StaffAccount;
  /** Shown once; the server keeps only its hash. */
  oneTimePassword: string;
}

export const listStaff = (stationId?: string, signal?: AbortSignal) =>
  http.get<{ items: StaffAccount[] }>('/admin/staff', { query: { stationId }, signal });

export const createStaff = (body: { username: string; displayName: string; stationId: string }) =>
  http.post<CreatedStaff>('/admin/staff', body);

export const disableStaff = (id: string) => http.post<StaffAccount>(`/admin/staff/${encodeURIComponent(id)}/disable`, {});
