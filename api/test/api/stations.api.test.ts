import { StationModel } from '../../src/modules/stations/station.model';
import { startApi, staffLogin, type TestApi } from '../support/api';
import { sid } from './bookings.fixtures';

let api: TestApi;
beforeAll(async () => { api = await startApi({}, { content: false }); });
afterAll(async () => { await api.close(); });

const get = (qs = '') => api.request('GET', `/api/v1/stations${qs}`);

describe('GET /stations', () => {
  test('the list carries location, services, opening hours and the effective policy; cacheable', async () => {
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(13);
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    const community = res.body.items.find((s: { id: string }) => s.id === sid('s1c1'));
    expect(community).toMatchObject({
      name: '湖滨社区心理服务室', level: 'community', parentId: sid('s1'), services: ['individual'],
      location: { lat: expect.any(Number), lng: expect.any(Number) }, openingHours: expect.stringContaining('周'),
      policies: { minNoticeHours: 2, cancelWindowHours: 2, horizonDays: 14, maxUpcomingPerResident: 2 },
    });
    expect(community.distanceKm).toBeUndefined();
  });

  test('tree: the district at the root, 3 streets with 3 communities each', async () => {
    const res = await get('?view=tree');
    expect(res.body.total).toBe(13);
    expect(res.body.items).toHaveLength(1);
    const [district] = res.body.items;
    expect(district.level).toBe('district');
    expect(district.children.map((s: { level: string }) => s.level)).toEqual(['street', 'street', 'street']);
    expect(district.children.every((s: { children: unknown[] }) => s.children.length === 3)).toBe(true);
  });

  test('filters: level, a subtree, a service', async () => {
    expect((await get('?level=street')).body.items.map((s: { level: string }) => s.level)).toEqual(['street', 'street', 'street']);
    const under = await get(`?under=${sid('s2')}`);
    expect(under.body.items.map((s: { id: string }) => s.id).sort()).toEqual([sid('s2'), sid('s2c1'), sid('s2c2'), sid('s2c3')].sort());
    expect((await get('?service=group')).body.items.map((s: { id: string }) => s.id).sort()).toEqual([sid('district'), sid('s1')].sort());
    expect((await get(`?under=${'0'.repeat(24)}`)).status).toBe(404);
  });

  test('with coordinates: nearest first with distances, and not publicly cached', async () => {
    // Standing at 湖滨社区's door.
    const res = await get('?lat=31.7988&lng=119.9755');
    expect(res.body.items[0]).toMatchObject({ id: sid('s1c1'), distanceKm: 0 });
    const d = res.body.items.map((s: { distanceKm: number }) => s.distanceKm);
    expect(d).toEqual([...d].sort((a: number, b: number) => a - b));
    expect(res.headers.get('cache-control')).toBe('no-store');
    const tree = await get('?view=tree&lat=31.7988&lng=119.9755');
    expect(tree.body.items[0].distanceKm).toEqual(expect.any(Number));
  });

  test('bad queries are 400', async () => {
    // One coordinate alone gives no distances (and is not an error).
    expect((await get('?lat=31')).body.items[0].distanceKm).toBeUndefined();
    for (const qs of ['?lat=91&lng=120', '?lat=abc&lng=1', '?view=graph', '?level[$ne]=x', '?under=zzz', '?x=1']) {
      expect((await get(qs)).status).toBe(400);
    }
  });

  test('regression (found by schemathesis): blank coordinates are 400, not the point 0,0 with distances of 12,800 km', async () => {
    for (const qs of ['?lat=&lng=', '?lat=%20&lng=120']) {
      const res = await get(qs);
      expect(res.status).toBe(400);
      expect(res.body.error.details).toContainEqual(expect.objectContaining({ in: 'query', path: 'lat', message: '请填写数字' }));
    }
    // Blank numbers elsewhere too: a page of '' is not page 0 or 1 by accident.
    expect((await api.request('GET', '/api/v1/articles?page=')).status).toBe(400);
  });
});

describe('GET /stations/:id', () => {
  test('one station with its policy and counselors', async () => {
    const res = await api.request('GET', `/api/v1/stations/${sid('district')}`);
    expect(res.status).toBe(200);
    expect(res.body.counselors.map((c: { name: string }) => c.name).sort()).toEqual(['周明远', '林静', '许文'].sort());
    const lapsed = res.body.counselors.find((c: { name: string }) => c.name === '许文');
    expect(lapsed.bookable).toBe(false);
    expect(lapsed).not.toHaveProperty('certificateNo');
    expect((await api.request('GET', `/api/v1/stations/${'0'.repeat(24)}`)).status).toBe(404);
    expect((await api.request('GET', '/api/v1/stations/abc')).status).toBe(400);
  });
});

describe('policies inherited down the tree', () => {
  test('a district admin sets policies; children inherit unless they override; null inherits again', async () => {
    const admin = await staffLogin(api, 'demo-admin');
    const patch = (key: string, body: unknown, token = admin.accessToken) => api.request('PATCH', `/api/v1/admin/stations/${sid(key)}`, { token, body });
    expect((await patch('district', { policies: { cancelWindowHours: 24, horizonDays: 21 } })).status).toBe(200);
    expect((await patch('s1', { policies: { horizonDays: 7 } })).body).toMatchObject({
      policies: { cancelWindowHours: 24, horizonDays: 7 }, policyOverrides: { horizonDays: 7, cancelWindowHours: null },
    });
    const policyOf = async (key: string) => (await api.request('GET', `/api/v1/stations/${sid(key)}`)).body.policies;
    expect(await policyOf('s1c1')).toMatchObject({ cancelWindowHours: 24, horizonDays: 7 });
    expect(await policyOf('s2c1')).toMatchObject({ cancelWindowHours: 24, horizonDays: 21 });
    await patch('s1', { policies: { horizonDays: null } });
    expect(await policyOf('s1c1')).toMatchObject({ horizonDays: 21 });
    await patch('district', { policies: { cancelWindowHours: null, horizonDays: null } });
    expect(await policyOf('s1c1')).toMatchObject({ cancelWindowHours: 2, horizonDays: 14 });
    for (const bad of [{ policies: { horizonDays: 0 } }, { policies: { maxUpcomingPerResident: 3 } }, { policies: { other: 1 } }, { policies: { minNoticeHours: '2' } }]) {
      expect((await patch('s1', bad)).status).toBe(400);
    }
  });

  test('station staff edit contact details, location and services of their subtree, but not names or policies', async () => {
    const staff = await staffLogin(api, 'station-s1');
    const before = await StationModel.findById(sid('s1c2')).lean();
    const ok = await api.request('PATCH', `/api/v1/admin/stations/${sid('s1c2')}`, { token: staff.accessToken, body: { location: { lat: 31.79, lng: 119.98 }, services: ['individual', 'family'], openingHours: '周二、周四 14:00-18:00' } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ location: { lat: 31.79, lng: 119.98 }, services: ['individual', 'family'] });
    for (const body of [{ policies: { minNoticeHours: 0 } }, { name: '新名字' }]) {
      const res = await api.request('PATCH', `/api/v1/admin/stations/${sid('s1c2')}`, { token: staff.accessToken, body });
      expect([res.status, res.body.error.code]).toEqual([403, 'DISTRICT_ADMIN_ONLY']);
    }
    expect((await StationModel.findById(sid('s1c2')).lean())!.name).toBe(before!.name);
    for (const body of [{ location: { lat: 200, lng: 0 } }, { services: ['vip'] }, { services: ['individual', 'individual'] }, { location: { lat: 1 } }]) {
      expect((await api.request('PATCH', `/api/v1/admin/stations/${sid('s1c2')}`, { token: staff.accessToken, body })).status).toBe(400);
    }
    await api.request('PATCH', `/api/v1/admin/stations/${sid('s1c2')}`, { token: staff.accessToken, body: { services: ['individual'], location: null } });
    expect((await StationModel.findById(sid('s1c2')).lean())!.location).toBeNull();
  });
});
