// Booking policies are set per station and inherited down the tree: a community station uses its own value where
// it sets one, else its street's, else the district's, else these defaults. Pure; unit-tested.

export interface StationPolicy {
  /** A resident may book no sooner than this many hours ahead. */
  minNoticeHours: number;
  /** A resident may cancel or reschedule until this many hours before the start. */
  cancelWindowHours: number;
  /** How many days ahead (today included) residents can book. */
  horizonDays: number;
  /** Upcoming bookings one resident may hold at once (the system never allows more than MAX_UPCOMING_LIMIT). */
  maxUpcomingPerResident: number;
}

export type PolicyOverrides = { [K in keyof StationPolicy]?: number | null | undefined };

export const MAX_UPCOMING_LIMIT = 2;

export const DEFAULT_POLICY: StationPolicy = { minNoticeHours: 2, cancelWindowHours: 2, horizonDays: 14, maxUpcomingPerResident: 2 };

export const POLICY_KEYS = Object.keys(DEFAULT_POLICY) as Array<keyof StationPolicy>;

/** The effective policy from the overrides of the root, …, the station itself (root first). */
export function effectivePolicy(chain: ReadonlyArray<PolicyOverrides | null | undefined>): StationPolicy {
  const policy = { ...DEFAULT_POLICY };
  for (const overrides of chain) {
    for (const key of POLICY_KEYS) {
      const v = overrides?.[key];
      if (typeof v === 'number') policy[key] = v;
    }
  }
  policy.maxUpcomingPerResident = Math.min(policy.maxUpcomingPerResident, MAX_UPCOMING_LIMIT);
  return policy;
}

/** Great-circle distance in km (haversine); good enough for "near me" ordering. */
export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 6371 * 2 * Math.asin(Math.min(1, Math.sqrt(h)));
}
