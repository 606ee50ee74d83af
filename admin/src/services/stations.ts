// Station admin API: GET/PATCH /admin/stations (scope-checked by the server).
import { http } from './http';
import type { Service } from './bookings';

export type StationLevel = 'district' | 'street' | 'community';

export interface Policy {
  minNoticeHours: number;
  cancelWindowHours: number;
  horizonDays: number;
  maxUpcomingPerResident: number;
}

export type PolicyField = keyof Policy;
export type PolicyOverrides = { [K in PolicyField]: number | null };

export interface Station {
  id: string;
  name: string;
  level: StationLevel;
  parentId: string | null;
  address: string;
  phone: string;
  openingHours?: string;
  intro?: string;
  location?: { lat: number; lng: number } | null;
  services?: Service[];
  /** Effective (inherited) policy. */
  policies?: Policy;
  /** What this station sets itself; null = inherited. Sent by the admin list when the API has it. */
  policyOverrides?: PolicyOverrides;
}

export interface StationUpdate {
  address?: string;
  phone?: string;
  openingHours?: string;
  intro?: string;
  location?: { lat: number; lng: number } | null;
  services?: Service[];
  /** district_admin only */
  name?: string;
  /** district_admin only; a field set to null = inherit from above. */
  policies?: Partial<PolicyOverrides>;
}

export const STATION_LEVEL_LABELS: Record<StationLevel, string> = {
  district: '区',
  street: '街道',
  community: '社区',
};

export const listAdminStations = (signal?: AbortSignal) =>
  http.get<{ items: Station[]; total: number }>('/admin/stations', { signal });

export const getAdminStation = (id: string, signal?: AbortSignal) =>
  http.get<Station>(`/admin/stations/${encodeURIComponent(id)}`, { signal });

export const updateStation = (id: string, body: StationUpdate) =>
  http.request<Station>(`/admin/stations/${encodeURIComponent(id)}`, { method: 'PATCH', body });
