import { http } from '../../../services/http';

export type StationLevel = 'district' | 'street' | 'community';

export interface Station {
  id: string;
  name: string;
  level: StationLevel;
  parentId: string | null;
  address: string;
  phone: string;
}

export interface StationList {
  items: Station[];
  total: number;
}

export const STATION_LEVEL_LABELS: Record<StationLevel, string> = {
  district: '区',
  street: '街道',
  community: '社区',
};

/**
 * GET /admin/stations. The server scopes the list: district_admin gets every station, station_staff
 * their own station and the stations under it.
 */
export function listStations(signal: AbortSignal): Promise<StationList> {
  return http.get<StationList>('/admin/stations', { signal });
}
