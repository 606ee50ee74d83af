import mongoose from 'mongoose';
import { ActivityModel, ActivityRegistrationModel } from '../../src/modules/activities/activity.model';
import { startApi, staffLogin, type TestApi } from '../support/api';
import { at, key, resident, sid } from './bookings.fixtures';

let api: TestApi;
beforeAll(async () => { api = await startApi({}, { content: false }); });
afterAll(async () => { await api.close(); });

async function publish(stationKey: string, seats: number, over: Record<string, unknown> = {}) {
  const staff = await staffLogin(api, stationKey === 'district' ? 'demo-admin' : `station-${stationKey}`);
  const res = await api.request('POST', '/api/v1/admin/activities', {
    token: staff.accessToken,
    body: { stationId: sid(stationKey), kind: 'group_counseling', title: '情绪减压小组', description: '一起练习放松', place: '活动室', start: at(5, '19:00'), end: at(5, '20:30'), seats, ...over },
  });
  expect(res.status).toBe(201);
  return { activity: res.body, staff };
}

const register = (who: { token: string }, id: string, k: string | null = key(), body: unknown = { name: '张三', phone: '13800138000', consent: true }) =>
  api.request('POST', `/api/v1/activities/${id}/registrations`, { token: who.token, body, headers: k ? { 'Idempotency-Key': k } : {} });

describe('activities (public)', () => {
  test('demo activities are listed soonest first; a station\'s list includes its subtree', async () => {
    const all = await api.request('GET', '/api/v1/activities');
    expect(all.body.total).toBe(3);
    const starts = all.body.items.map((a: { start: string }) => a.start);
    expect(starts).toEqual([...starts].sort());
    expect(all.body.items[0]).toMatchObject({ kind: 'checkup', stationName: '南山镇社会心理服务站', remaining: 30, status: 'published' });
    const s1 = await api.request('GET', `/api/v1/activities?stationId=${sid('s1')}`);
    expect(s1.body.items.map((a: { title: string }) => a.title)).toEqual(['家长减压小组']);
    const district = await api.request('GET', `/api/v1/activities?stationId=${sid('district')}`);
    expect(district.body.total).toBe(3);
    expect((await api.request('GET', '/api/v1/activities?stationId=x')).status).toBe(400);
    expect((await api.request('GET', `/api/v1/activities/${'0'.repeat(24)}`)).status).toBe(404);
  });
});

describe('registrations', () => {
  test('seat claims: 25 residents at once for 6 seats → exactly 6 registered, seats 1–6', async () => {
    const { activity } = await publish('s2', 6);
    const people = await Promise.all(Array.from({ length: 25 }, () => resident(api)));
    const results = await Promise.all(people.map((p) => register(p, activity.id)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(6);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.error.code === 'ACTIVITY_FULL')).toBe(true);
    expect(results.filter((r) => r.status === 201).map((r) => r.body.seat).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await api.request('GET', `/api/v1/activities/${activity.id}`)).body.remaining).toBe(0);
  }, 60_000);

  test('one seat per resident: the same key replays, another key returns the same registration; cancel frees the seat', async () => {
    const { activity, staff } = await publish('s1', 1);
    const [me, other] = [await resident(api), await resident(api)];
    const k = key();
    const first = await register(me, activity.id, k);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'registered', seat: 1, activity: { id: activity.id, remaining: 0 } });
    const replay = await register(me, activity.id, k);
    expect([replay.body.id, replay.headers.get('idempotent-replayed')]).toEqual([first.body.id, 'true']);
    expect((await register(me, activity.id)).body.id).toBe(first.body.id);
    expect((await register(other, activity.id)).body.error.code).toBe('ACTIVITY_FULL');
    expect(await ActivityRegistrationModel.countDocuments({ activityId: activity.id })).toBe(1);
    const raw = JSON.stringify(await mongoose.connection.db!.collection('activity_registrations').findOne({ _id: first.body.id }));
    expect(raw).not.toContain('13800138000');

    const regs = await api.request('GET', `/api/v1/admin/activities/${activity.id}/registrations`, { token: staff.accessToken });
    expect(regs.body.items).toEqual([expect.objectContaining({ name: '张三', phone: '13800138000', seat: 1, status: 'registered' })]);
    const sibling = await staffLogin(api, 'station-s2');
    expect((await api.request('GET', `/api/v1/admin/activities/${activity.id}/registrations`, { token: sibling.accessToken })).status).toBe(403);

    expect((await api.request('POST', `/api/v1/me/activity-registrations/${first.body.id}/cancel`, { token: other.token, body: {} })).status).toBe(404);
    const cancelled = await api.request('POST', `/api/v1/me/activity-registrations/${first.body.id}/cancel`, { token: me.token, body: {} });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', activity: { remaining: 1 } });
    expect((await register(other, activity.id)).status).toBe(201);
    const mine = await api.request('GET', '/api/v1/me/activity-registrations', { token: me.token });
    expect(mine.body.items.map((r: { status: string }) => r.status)).toEqual(['cancelled']);
    const messages = await api.request('GET', '/api/v1/me/messages', { token: other.token });
    expect(messages.body.items[0]).toMatchObject({ kind: 'activity_registered', activityId: activity.id });
  });

  test('bad input, no key, a cancelled or past activity', async () => {
    const { activity, staff } = await publish('s3', 10);
    const me = await resident(api);
    expect((await register(me, activity.id, null)).body.error.code).toBe('IDEMPOTENCY_KEY_REQUIRED');
    for (const body of [{ name: '张三', phone: '1', consent: true }, { name: '张三', phone: '13800138000', consent: false }, { name: { $gt: '' }, phone: '13800138000', consent: true }]) {
      expect((await register(me, activity.id, key(), body)).status).toBe(400);
    }
    const first = await register(me, activity.id);
    expect(first.status).toBe(201);
    const cancel = await api.request('PATCH', `/api/v1/admin/activities/${activity.id}`, { token: staff.accessToken, body: { status: 'cancelled' } });
    expect(cancel.body.status).toBe('cancelled');
    const told = await api.request('GET', '/api/v1/me/messages', { token: me.token });
    expect(told.body.items[0]).toMatchObject({ kind: 'activity_cancelled', title: '活动已取消' });
    expect((await register(await resident(api), activity.id)).body.error.code).toBe('ACTIVITY_CLOSED');
    expect((await api.request('GET', `/api/v1/activities?stationId=${sid('s3')}`)).body.items.some((a: { id: string }) => a.id === activity.id)).toBe(false);
    const past = await publish('s3', 10, { start: new Date(Date.now() - 3600_000).toISOString(), end: new Date(Date.now() + 3600_000).toISOString() });
    expect((await register(me, past.activity.id)).body.error.code).toBe('ACTIVITY_CLOSED');
  });
});

describe('station side', () => {
  test('staff publish and edit for their subtree only; seats never below those registered; validation', async () => {
    const { activity, staff } = await publish('s1c1', 3);
    const sibling = await staffLogin(api, 'station-s1c2');
    const body = { stationId: sid('s1c1'), kind: 'lecture', title: '讲座', start: at(6, '14:00'), end: at(6, '15:00'), seats: 10 };
    expect((await api.request('POST', '/api/v1/admin/activities', { token: sibling.accessToken, body })).status).toBe(403);
    expect((await api.request('PATCH', `/api/v1/admin/activities/${activity.id}`, { token: sibling.accessToken, body: { title: 'x' } })).status).toBe(403);
    for (const bad of [{ ...body, end: at(6, '13:00') }, { ...body, seats: 0 }, { ...body, kind: 'party' }, { ...body, title: '' }]) {
      expect((await api.request('POST', '/api/v1/admin/activities', { token: staff.accessToken, body: bad })).status).toBe(400);
    }
    await register(await resident(api), activity.id);
    await register(await resident(api), activity.id);
    const tooFew = await api.request('PATCH', `/api/v1/admin/activities/${activity.id}`, { token: staff.accessToken, body: { seats: 1 } });
    expect(tooFew.body.error.code).toBe('ACTIVITY_SEATS_BELOW_REGISTERED');
    const edited = await api.request('PATCH', `/api/v1/admin/activities/${activity.id}`, { token: staff.accessToken, body: { seats: 2, place: '二楼' } });
    expect(edited.body).toMatchObject({ seats: 2, remaining: 0, place: '二楼' });
    expect((await ActivityModel.findById(activity.id).lean())!.seats).toBe(2);
    const list = await api.request('GET', '/api/v1/admin/activities', { token: staff.accessToken });
    expect(list.body.items.map((a: { id: string }) => a.id)).toEqual([activity.id]);
    const editor = await staffLogin(api, 'demo-editor');
    expect((await api.request('GET', '/api/v1/admin/activities', { token: editor.accessToken })).status).toBe(403);
  });
});
