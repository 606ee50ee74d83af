import type { Station } from '../../../services/stations';
import { stationFormValues, stationPatch } from './station-form';

const station: Station = {
  id: 's'.repeat(24),
  name: '新安街道社会心理服务站',
  level: 'street',
  parentId: 'd'.repeat(24),
  address: '新安街道 1 号',
  phone: '0755-12345678',
  openingHours: '周一至周五 9:00–18:00',
  intro: '',
  location: { lat: 22.55, lng: 113.88 },
  services: ['individual', 'group'],
  policies: { minNoticeHours: 2, cancelWindowHours: 2, horizonDays: 14, maxUpcomingPerResident: 2 },
  policyOverrides: { minNoticeHours: null, cancelWindowHours: null, horizonDays: 21, maxUpcomingPerResident: null },
};

describe('stationPatch', () => {
  test('an untouched form sends nothing (no accidental overrides)', () => {
    const initial = stationFormValues(station);
    expect(stationPatch(initial, initial, true)).toEqual({ ok: true, body: {} });
  });

  test('sends only the changed contact fields, trimmed', () => {
    const initial = stationFormValues(station);
    const result = stationPatch(initial, { ...initial, phone: ' 0755-87654321 ', services: ['group', 'individual'] }, false);
    expect(result).toEqual({ ok: true, body: { phone: '0755-87654321' } });
  });

  test('station staff never send name or policies, even if the form changed them', () => {
    const initial = stationFormValues(station);
    const values = stationFormValues(station);
    values.name = '别的名字';
    values.policies.horizonDays = { inherit: true, value: 14 };
    expect(stationPatch(initial, values, false)).toEqual({ ok: true, body: {} });
  });

  test('继承上级 sends null; a new own value sends the number', () => {
    const initial = stationFormValues(station);
    expect(initial.policies.horizonDays).toEqual({ inherit: false, value: 21 });
    expect(initial.policies.minNoticeHours).toEqual({ inherit: true, value: 2 });
    const values = stationFormValues(station);
    values.policies.horizonDays = { inherit: true, value: 21 };
    values.policies.minNoticeHours = { inherit: false, value: 4 };
    expect(stationPatch(initial, values, true)).toEqual({
      ok: true,
      body: { policies: { horizonDays: null, minNoticeHours: 4 } },
    });
  });

  test('refuses policy values outside the API limits', () => {
    const initial = stationFormValues(station);
    const values = stationFormValues(station);
    values.policies.maxUpcomingPerResident = { inherit: false, value: 3 };
    expect(stationPatch(initial, values, true)).toMatchObject({ ok: false });
    values.policies.maxUpcomingPerResident = { inherit: false, value: 1.5 };
    expect(stationPatch(initial, values, true)).toMatchObject({ ok: false });
    values.policies.maxUpcomingPerResident = { inherit: false, value: null };
    expect(stationPatch(initial, values, true)).toMatchObject({ ok: false });
  });

  test('location: cleared → null, changed → both numbers, half-filled → error', () => {
    const initial = stationFormValues(station);
    expect(stationPatch(initial, { ...initial, hasLocation: false }, false)).toEqual({ ok: true, body: { location: null } });
    expect(stationPatch(initial, { ...initial, lat: 22.6 }, false)).toEqual({
      ok: true,
      body: { location: { lat: 22.6, lng: 113.88 } },
    });
    expect(stationPatch(initial, { ...initial, lng: null }, false)).toMatchObject({ ok: false });
    expect(stationPatch(initial, { ...initial, lat: 91 }, false)).toMatchObject({ ok: false, error: '经纬度超出范围' });
  });

  test('refuses an empty address and a malformed phone', () => {
    const initial = stationFormValues(station);
    expect(stationPatch(initial, { ...initial, address: '  ' }, false)).toEqual({ ok: false, error: '地址不能为空' });
    expect(stationPatch(initial, { ...initial, phone: '{"$gt":""}' }, false)).toEqual({ ok: false, error: '电话号码格式不正确' });
  });

  test('without policyOverrides from the API, fields start as own values and unchanged ones are not sent', () => {
    const { policyOverrides: _ignored, ...plain } = station;
    const initial = stationFormValues(plain);
    expect(initial.policies.minNoticeHours).toEqual({ inherit: false, value: 2 });
    expect(stationPatch(initial, initial, true)).toEqual({ ok: true, body: {} });
  });
});
