import { AuditEventModel } from '../../src/modules/audit/audit-event.model';
import { StationModel } from '../../src/modules/stations/station.model';
import { startApi, staffLogin, type TestApi } from '../support/api';

let api: TestApi;
beforeAll(async () => { api = await startApi(); });
afterAll(async () => { await api.close(); });

async function stationId(seedKey: string) {
  const s = await StationModel.findOne({ seedKey }).lean();
  return String(s!._id);
}

describe('role enforcement on the server', () => {
  test('an editor calling a district_admin/station route gets 403, and the refusal is audited', async () => {
    const editor = await staffLogin(api, 'demo-editor');
    const res = await api.request('GET', '/api/v1/admin/stations', { token: editor.accessToken });
    expect(res.status).toBe(403);
    expect(res.body.error).toEqual({ code: 'FORBIDDEN', message: '没有权限进行此操作' });
    expect(await AuditEventModel.countDocuments({ actor: `staff:${editor.user.id}`, action: 'access.denied', result: 'denied' })).toBe(1);
  });

  test('a reviewer cannot change a station', async () => {
    const reviewer = await staffLogin(api, 'demo-reviewer');
    const res = await api.request('PATCH', `/api/v1/admin/stations/${await stationId('s1')}`, { token: reviewer.accessToken, body: { phone: '123456' } });
    expect(res.status).toBe(403);
  });

  test('a district admin sees all 13 demo stations, district first', async () => {
    const admin = await staffLogin(api, 'demo-admin');
    const res = await api.request('GET', '/api/v1/admin/stations', { token: admin.accessToken });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(13);
    expect(res.body.items[0].level).toBe('district');
  });
});

describe('station scope', () => {
  test('street station staff see their station and the three communities under it, nothing else', async () => {
    const staff = await staffLogin(api, 'station-s1');
    const res = await api.request('GET', '/api/v1/admin/stations', { token: staff.accessToken });
    expect(res.status).toBe(200);
    expect(res.body.items.map((s: { name: string }) => s.name)).toEqual([
      '东湖街道社会心理服务站', '湖滨社区心理服务室', '柳岸社区心理服务室', '晴川社区心理服务室',
    ]);
  });

  test('station staff can update their own station and a community under it', async () => {
    const staff = await staffLogin(api, 'station-s1');
    const own = await api.request('PATCH', `/api/v1/admin/stations/${await stationId('s1')}`, { token: staff.accessToken, body: { openingHours: '周一至周五 9:00-17:00' } });
    expect(own.status).toBe(200);
    expect(own.body.openingHours).toBe('周一至周五 9:00-17:00');
    const child = await api.request('PATCH', `/api/v1/admin/stations/${await stationId('s1c2')}`, { token: staff.accessToken, body: { phone: '0519-88886666' } });
    expect(child.status).toBe(200);
    const read = await api.request('GET', `/api/v1/admin/stations/${await stationId('s1c2')}`, { token: staff.accessToken });
    expect(read.body.phone).toBe('0519-88886666');
  });

  test('station staff cannot act for a sibling station, its parent or a cousin; nothing changes and it is audited', async () => {
    const staff = await staffLogin(api, 'station-s1c1');
    for (const key of ['s1c2', 's1', 's2c1']) {
      const id = await stationId(key);
      const before = await StationModel.findById(id).lean();
      const res = await api.request('PATCH', `/api/v1/admin/stations/${id}`, { token: staff.accessToken, body: { phone: '0000000' } });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('STATION_OUT_OF_SCOPE');
      const after = await StationModel.findById(id).lean();
      expect(after!.phone).toBe(before!.phone);
      const get = await api.request('GET', `/api/v1/admin/stations/${id}`, { token: staff.accessToken });
      expect(get.status).toBe(403);
    }
    expect(await AuditEventModel.countDocuments({ actor: `staff:${staff.user.id}`, action: 'access.denied' })).toBe(6);
  });

  test('mass assignment is refused: a station update cannot move the station in the tree', async () => {
    const staff = await staffLogin(api, 'station-s1');
    const id = await stationId('s1c1');
    const res = await api.request('PATCH', `/api/v1/admin/stations/${id}`, { token: staff.accessToken, body: { parentId: await stationId('s2'), phone: '1' } });
    expect(res.status).toBe(400);
    expect((await StationModel.findById(id).lean())!.parentId!.toString()).toBe(await stationId('s1'));
  });

  test('a bad id is a 400 with a Chinese message; an empty update changes nothing', async () => {
    const staff = await staffLogin(api, 'station-s1');
    const bad = await api.request('GET', '/api/v1/admin/stations/not-an-id', { token: staff.accessToken });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].message).toBe('站点编号格式不正确');
    const id = await stationId('s1c3');
    const before = await StationModel.findById(id).lean();
    const empty = await api.request('PATCH', `/api/v1/admin/stations/${id}`, { token: staff.accessToken, body: {} });
    expect(empty.status).toBe(200);
    expect(empty.body.phone).toBe(before!.phone);
    expect((await StationModel.findById(id).lean())!.updatedAt).toEqual(before!.updatedAt);
  });
});

describe('GET /api/v1/stations (public)', () => {
  test('lists the whole network without a token, district first', async () => {
    const res = await api.request('GET', '/api/v1/stations');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(13);
    expect(res.body.items[0]).toMatchObject({ level: 'district', name: '心安区社会心理服务中心' });
  });
});

describe('query strings', () => {
  test('a query parameter carrying an operator is a 400, never a broadened result', async () => {
    const admin = await staffLogin(api, 'demo-admin');
    for (const qs of ['?level[$ne]=x', '?openid[$ne]=x', '?unknown=1']) {
      const res = await api.request('GET', `/api/v1/admin/stations${qs}`, { token: admin.accessToken });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
  });
});
