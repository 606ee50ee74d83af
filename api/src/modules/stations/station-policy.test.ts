import { DEFAULT_POLICY, distanceKm, effectivePolicy } from './station-policy';

describe('effectivePolicy', () => {
  test('defaults when nothing is set', () => {
    expect(effectivePolicy([])).toEqual(DEFAULT_POLICY);
    expect(effectivePolicy([null, undefined, {}])).toEqual(DEFAULT_POLICY);
  });

  test('a value set higher up is inherited; the nearest setting wins; null means inherit', () => {
    const district = { cancelWindowHours: 24, horizonDays: 21 };
    const street = { horizonDays: 7, minNoticeHours: null };
    const community = { minNoticeHours: 4 };
    expect(effectivePolicy([district, street, community])).toEqual({ minNoticeHours: 4, cancelWindowHours: 24, horizonDays: 7, maxUpcomingPerResident: 2 });
    expect(effectivePolicy([district, street])).toEqual({ ...DEFAULT_POLICY, cancelWindowHours: 24, horizonDays: 7 });
    expect(effectivePolicy([district, { horizonDays: null }])).toMatchObject({ horizonDays: 21 });
  });

  test('the per-resident limit never exceeds the system limit of 2', () => {
    expect(effectivePolicy([{ maxUpcomingPerResident: 5 }]).maxUpcomingPerResident).toBe(2);
    expect(effectivePolicy([{ maxUpcomingPerResident: 1 }]).maxUpcomingPerResident).toBe(1);
  });
});

describe('distanceKm', () => {
  test('zero for the same point, about 111 km per degree of latitude', () => {
    expect(distanceKm({ lat: 31, lng: 120 }, { lat: 31, lng: 120 })).toBe(0);
    expect(distanceKm({ lat: 31, lng: 120 }, { lat: 32, lng: 120 })).toBeCloseTo(111.2, 0);
  });
});
