import { AuditEventModel } from '../../src/modules/audit/audit-event.model';
import { CounselorModel } from '../../src/modules/counselors/counselor.model';
import { startApi, staffLogin, type TestApi } from '../support/api';
import { at, book, bookingBody, chinaDay, EVERY_DAY, makeCounselor, resident, sid } from './bookings.fixtures';

let api: TestApi;
beforeAll(async () => { api = await startApi({}, { content: false }); });
afterAll(async () => { await api.close(); });

const slots = async (stationKey: string, date: string, counselorId: string) =>
  (await api.request('GET', `/api/v1/stations/${sid(stationKey)}/slots?date=${date}&counselorId=${counselorId}`)).body.items as Array<{ start: string; service: string; remaining: number }>;

describe('demo counselors', () => {
  test('about 15 across the 13 stations, every station has one, and the next 14 days always have slots somewhere', async () => {
    expect(await CounselorModel.countDocuments({})).toBe(15);
    for (const key of ['district', 's1', 's2', 's3', 's1c1', 's1c2', 's1c3', 's2c1', 's2c2', 's2c3', 's3c1', 's3c2', 's3c3']) {
      const res = await api.request('GET', `/api/v1/counselors?stationId=${sid(key)}`);
      expect(res.body.total).toBeGreaterThanOrEqual(1);
    }
    const availability = await api.request('GET', `/api/v1/stations/${sid('district')}/availability`);
    expect(availability.body.days).toHaveLength(14);
    expect(availability.body.days.filter((d: { free: number }) => d.free > 0).length).toBeGreaterThanOrEqual(10);
  });

  test('public profiles show no certificate number; a lapsed credential is not bookable and is on the district admin\'s alert list', async () => {
    const list = (await api.request('GET', `/api/v1/counselors?stationId=${sid('district')}`)).body.items;
    const lapsed = list.find((c: { name: string }) => c.name === '许文');
    expect(lapsed).toMatchObject({ bookable: false, verified: true, services: ['individual'], rating: { count: 0, average: null } });
    expect(JSON.stringify(list)).not.toContain('XA-20');
    expect((await api.request('GET', `/api/v1/counselors/${lapsed.id}`)).body.name).toBe('许文');
    expect((await api.request('GET', `/api/v1/counselors?stationId=${sid('district')}&service=group`)).body.items.map((c: { name: string }) => c.name)).toEqual(['林静']);
    expect((await api.request('GET', '/api/v1/counselors')).status).toBe(400);

    const admin = await staffLogin(api, 'demo-admin');
    const alerts = await api.request('GET', '/api/v1/admin/counselors/alerts', { token: admin.accessToken });
    expect(alerts.body.items.map((c: { name: string; credentialStatus: string }) => [c.name, c.credentialStatus])).toEqual([['许文', 'lapsed']]);
    const byStatus = await api.request('GET', '/api/v1/admin/counselors?credential=lapsed', { token: admin.accessToken });
    expect(byStatus.body.items[0]).toMatchObject({ name: '许文', certificateNo: 'XA-2016-0003', credentialValidUntil: '2025-06-30' });
    // A street's staff see the alerts of their own subtree only.
    const street = await staffLogin(api, 'station-s1');
    expect((await api.request('GET', '/api/v1/admin/counselors/alerts', { token: street.accessToken })).body.items).toEqual([]);
    // Not bookable means no slots either.
    expect(await slots('district', chinaDay(1), lapsed.id)).toEqual([]);
  });
});

describe('district admin manages counselors', () => {
  test('create (unverified, not bookable) → verify → bookable; only district admins create and verify; audited', async () => {
    const admin = await staffLogin(api, 'demo-admin');
    const staff = await staffLogin(api, 'station-s2');
    const body = {
      stationId: sid('s2c1'), name: '新咨询师', title: '心理咨询师', qualification: '国家三级心理咨询师', certificateNo: 'XA-2026-9999',
      credentialValidFrom: '2024-01-01', credentialValidUntil: '2030-12-31', specialties: ['情绪困扰'], intro: '你好', schedule: EVERY_DAY,
    };
    expect((await api.request('POST', '/api/v1/admin/counselors', { token: staff.accessToken, body })).status).toBe(403);
    const created = await api.request('POST', '/api/v1/admin/counselors', { token: admin.accessToken, body });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ verified: false, bookable: false, credentialStatus: 'valid', services: ['individual', 'family'] });
    const id = created.body.id;
    expect(await slots('s2c1', chinaDay(2), id)).toEqual([]);
    expect((await api.request('POST', `/api/v1/admin/counselors/${id}/verify`, { token: staff.accessToken, body: { verified: true } })).status).toBe(403);
    const verified = await api.request('POST', `/api/v1/admin/counselors/${id}/verify`, { token: admin.accessToken, body: { verified: true } });
    expect(verified.body).toMatchObject({ verified: true, bookable: true, verifiedAt: expect.any(String) });
    expect((await slots('s2c1', chinaDay(2), id)).length).toBeGreaterThan(0);
    expect(await AuditEventModel.exists({ action: 'counselor.verify', target: `counselor:${id}` })).toBeTruthy();

    // Station staff edit the profile text of their own counselors, nothing else.
    const intro = await api.request('PATCH', `/api/v1/admin/counselors/${id}`, { token: staff.accessToken, body: { intro: '擅长倾听', specialties: ['睡眠'] } });
    expect(intro.body).toMatchObject({ intro: '擅长倾听', specialties: ['睡眠'] });
    const cert = await api.request('PATCH', `/api/v1/admin/counselors/${id}`, { token: staff.accessToken, body: { credentialValidUntil: '2099-01-01' } });
    expect([cert.status, cert.body.error.code]).toEqual([403, 'DISTRICT_ADMIN_ONLY']);
    const other = await staffLogin(api, 'station-s1');
    expect((await api.request('PATCH', `/api/v1/admin/counselors/${id}`, { token: other.accessToken, body: { intro: 'x' } })).status).toBe(403);
    // A lapsed credential set by the admin makes the counselor unbookable at once.
    await api.request('PATCH', `/api/v1/admin/counselors/${id}`, { token: admin.accessToken, body: { credentialValidUntil: '2024-12-31' } });
    expect((await book(api, await resident(api), bookingBody('s2c1', id, at(2, '09:00')))).body.error.code).toBe('BOOKING_SLOT_UNAVAILABLE');
    for (const bad of [{ ...body, name: '' }, { ...body, credentialValidUntil: '2030-02-30' }, { ...body, photoUrl: 'javascript:alert(1)' }, { ...body, verified: true }]) {
      expect((await api.request('POST', '/api/v1/admin/counselors', { token: admin.accessToken, body: bad })).status).toBe(400);
    }
  });

  test('schedules: weekly template replaced, invalid ones refused, date exceptions remove or add hours', async () => {
    const c = await makeCounselor('s3c3');
    const staff = await staffLogin(api, 'station-s3c3');
    const put = (body: unknown) => api.request('PUT', `/api/v1/admin/counselors/${c}/schedule`, { token: staff.accessToken, body });
    const mornings = { ...EVERY_DAY, weekly: EVERY_DAY.weekly.map((w) => ({ ...w, end: '11:00' })) };
    expect((await put(mornings)).status).toBe(200);
    expect((await slots('s3c3', chinaDay(2), c)).map((s) => s.start)).toEqual([at(2, '09:00'), at(2, '10:00')]);
    for (const bad of [
      { ...mornings, weekly: [{ weekday: 8, start: '09:00', end: '10:00', services: ['individual'] }] },
      { ...mornings, weekly: [{ weekday: 1, start: '10:00', end: '09:00', services: ['individual'] }] },
      { ...mornings, weekly: [{ weekday: 1, start: '09:10', end: '10:00', services: ['individual'] }] },
      { ...mornings, weekly: [{ weekday: 1, start: '09:00', end: '10:00', services: ['group'] }] },
      { ...mornings, groups: [{ weekday: 1, start: '14:00', end: '15:00', capacity: 5, title: 'a' }, { weekday: 1, start: '14:30', end: '16:00', capacity: 5, title: 'b' }] },
      { ...mornings, sessionMinutes: 5 },
    ]) expect((await put(bad)).status).toBe(400);

    const exc = (body: unknown) => api.request('POST', `/api/v1/admin/counselors/${c}/exceptions`, { token: staff.accessToken, body });
    const leave = await exc({ date: chinaDay(2), kind: 'leave', note: '年假' });
    expect(leave.status).toBe(201);
    expect(await slots('s3c3', chinaDay(2), c)).toEqual([]);
    expect((await exc({ date: chinaDay(3), kind: 'extra', start: '19:00', end: '20:00', services: ['individual'] })).status).toBe(201);
    expect((await slots('s3c3', chinaDay(3), c)).map((s) => s.start)).toEqual([at(3, '09:00'), at(3, '10:00'), at(3, '19:00')]);
    expect((await exc({ date: chinaDay(3), kind: 'extra', start: '19:00', end: '20:00' })).status).toBe(400); // extra needs services
    expect((await exc({ date: chinaDay(3), kind: 'holiday', start: '09:00', end: '10:00' })).status).toBe(400);
    expect((await exc({ date: chinaDay(3), kind: 'leave', start: '10:00' })).status).toBe(400);
    const list = await api.request('GET', `/api/v1/admin/counselors/${c}/exceptions?from=${chinaDay(0)}`, { token: staff.accessToken });
    expect(list.body.items.map((e: { kind: string }) => e.kind)).toEqual(['leave', 'extra']);
    expect((await api.request('DELETE', `/api/v1/admin/counselors/${c}/exceptions/${leave.body.id}`, { token: staff.accessToken })).status).toBe(204);
    expect((await slots('s3c3', chinaDay(2), c)).length).toBe(2);
    const sibling = await staffLogin(api, 'station-s3c1');
    expect((await api.request('POST', `/api/v1/admin/counselors/${c}/exceptions`, { token: sibling.accessToken, body: { date: chinaDay(2), kind: 'holiday' } })).status).toBe(403);
  });
});

describe('ratings roll up per station and counselor', () => {
  test('count, average (from a sum) and distribution', async () => {
    const c = await makeCounselor('s3c3');
    const staff = await staffLogin(api, 'station-s3c3');
    const scores = [5, 4, 4];
    for (const [i, score] of scores.entries()) {
      const me = await resident(api);
      const b = (await book(api, me, bookingBody('s3c3', c, at(6, ['09:00', '10:00', '11:00'][i]!)))).body;
      await api.request('POST', `/api/v1/admin/bookings/${b.id}/confirm`, { token: staff.accessToken, body: {} });
      await api.request('POST', `/api/v1/admin/bookings/${b.id}/complete`, { token: staff.accessToken, body: {} });
      expect((await api.request('POST', `/api/v1/me/bookings/${b.id}/rating`, { token: me.token, body: { score } })).status).toBe(201);
    }
    const res = await api.request('GET', `/api/v1/stations/${sid('s3c3')}/ratings`);
    expect(res.body).toMatchObject({ count: 3, average: 4.3, distribution: { 1: 0, 2: 0, 3: 0, 4: 2, 5: 1 } });
    expect(res.body.counselors.find((x: { counselorId: string }) => x.counselorId === c)).toMatchObject({ count: 3, average: 4.3 });
    expect((await api.request('GET', `/api/v1/counselors/${c}`)).body.rating).toEqual({ count: 3, average: 4.3 });
  });
});

describe('counselor text limits', () => {
  test('regression (found by schemathesis): a name of 20 characters with emoji saves; the limit counts characters, not UTF-16 units', async () => {
    const admin = await staffLogin(api, 'demo-admin');
    const created = await api.request('POST', '/api/v1/admin/counselors', { token: admin.accessToken, body: { stationId: sid('s1c1'), name: '林' } });
    const id = created.body.id as string;
    const name = '林🌿'.repeat(10); // 20 characters, 30 UTF-16 units
    const ok = await api.request('PATCH', `/api/v1/admin/counselors/${id}`, { token: admin.accessToken, body: { name } });
    expect(ok.status).toBe(200);
    expect((await CounselorModel.findById(id).lean())!.name).toBe(name);
    const long = await api.request('PATCH', `/api/v1/admin/counselors/${id}`, { token: admin.accessToken, body: { name: `${name}林` } });
    expect(long.status).toBe(400);
    expect(api.logs.join('\n')).not.toContain('"level":50');
  });
});
