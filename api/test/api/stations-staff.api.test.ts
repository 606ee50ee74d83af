import { AuditEventModel } from '../../src/modules/audit/audit-event.model';
import { StaffModel } from '../../src/modules/staff/staff.model';
import { startApi, staffLogin, type TestApi } from '../support/api';
import { sid } from './bookings.fixtures';

// District admins manage the accounts of station staff.
let api: TestApi;
beforeAll(async () => { api = await startApi({}, { content: false }); });
afterAll(async () => { await api.close(); });

describe('station staff accounts', () => {
  test('create with a one-time password that works once shown; disable takes effect at once; reset issues a new one', async () => {
    const admin = await staffLogin(api, 'demo-admin');
    const post = (path: string, body: unknown, token = admin.accessToken) => api.request('POST', `/api/v1/admin/staff${path}`, { token, body });
    const created = await post('', { username: 'hubin-2', displayName: '湖滨社区 小李', stationId: sid('s1c1') });
    expect(created.status).toBe(201);
    expect(created.body.staff).toMatchObject({ username: 'hubin-2', role: 'station_staff', stationId: sid('s1c1'), stationName: '湖滨社区心理服务室', disabled: false });
    const password = created.body.oneTimePassword as string;
    expect(password).toMatch(/^[A-Za-z0-9]{16}#$/);
    expect(JSON.stringify(await StaffModel.findById(created.body.staff.id).lean())).not.toContain(password);
    expect(api.logs.join('\n')).not.toContain(password);

    const session = await staffLogin(api, 'hubin-2', password);
    expect(session.user).toMatchObject({ role: 'station_staff', stationId: sid('s1c1') });
    // The one-time password has been seen by the admin: until the holder sets their own, other routes are closed.
    expect((await api.request('GET', '/api/v1/admin/stations', { token: session.accessToken })).body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await post('', { username: 'HUBIN-2', displayName: 'x', stationId: sid('s1c1') })).body.error.code).toBe('USERNAME_TAKEN');

    const disabled = await post(`/${created.body.staff.id}/disable`, {});
    expect(disabled.body.disabled).toBe(true);
    expect((await api.request('GET', '/api/v1/admin/stations', { token: session.accessToken })).status).toBe(401);
    expect((await api.request('POST', '/api/v1/auth/staff/login', { body: { username: 'hubin-2', password } })).status).toBe(401);
    await post(`/${created.body.staff.id}/enable`, {});
    const reset = await post(`/${created.body.staff.id}/reset-password`, {});
    expect(reset.body.oneTimePassword).not.toBe(password);
    expect((await api.request('POST', '/api/v1/auth/staff/login', { body: { username: 'hubin-2', password } })).status).toBe(401);
    await staffLogin(api, 'hubin-2', reset.body.oneTimePassword);
    expect(await AuditEventModel.exists({ target: `staff:${created.body.staff.id}`, action: 'staff.disable' })).toBeTruthy();

    const list = await api.request('GET', `/api/v1/admin/staff?stationId=${sid('s1')}`, { token: admin.accessToken });
    expect(list.body.items.map((s: { username: string }) => s.username).sort()).toEqual(['hubin-2', 'station-s1', 'station-s1c1', 'station-s1c2', 'station-s1c3']);
  });

  test('only district admins; only station accounts; bad input', async () => {
    const admin = await staffLogin(api, 'demo-admin');
    const staff = await staffLogin(api, 'station-s1');
    expect((await api.request('GET', '/api/v1/admin/staff', { token: staff.accessToken })).status).toBe(403);
    expect((await api.request('POST', '/api/v1/admin/staff', { token: staff.accessToken, body: { username: 'abc', displayName: 'x', stationId: sid('s1') } })).status).toBe(403);
    const editor = await StaffModel.findOne({ usernameLower: 'demo-editor' }).lean();
    const res = await api.request('POST', `/api/v1/admin/staff/${String(editor!._id)}/disable`, { token: admin.accessToken, body: {} });
    expect(res.body.error.code).toBe('NOT_A_STATION_ACCOUNT');
    for (const body of [{ username: 'a', displayName: 'x', stationId: sid('s1') }, { username: 'ok-name', displayName: 'x', stationId: sid('s1'), role: 'district_admin' }, { username: { $gt: '' }, displayName: 'x', stationId: sid('s1') }]) {
      expect((await api.request('POST', '/api/v1/admin/staff', { token: admin.accessToken, body })).status).toBe(400);
    }
    expect((await api.request('POST', '/api/v1/admin/staff', { token: admin.accessToken, body: { username: 'nowhere', displayName: 'x', stationId: '0'.repeat(24) } })).status).toBe(404);
  });
});
