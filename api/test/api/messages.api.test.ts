import mongoose from 'mongoose';
import { createBookingServices } from '../../src/modules/bookings/booking-module';
import { BookingModel } from '../../src/modules/bookings/booking.model';
import { WaitlistModel } from '../../src/modules/bookings/waitlist.model';
import { MessageModel, NotificationSendModel } from '../../src/modules/messages/message.model';
import { createAccessTokenClient } from '../../src/modules/wechat/access-token.client';
import { createSubscribeMessageClient } from '../../src/modules/wechat/subscribe-message.client';
import { createFieldCipher } from '../../src/security/field-cipher';
import { startApi, staffLogin, type TestApi } from '../support/api';
import { startFakeWeChat, type FakeWeChat } from '../support/fake-wechat';
import { at, book, bookingBody, chinaDay, makeCounselor, resident, sid } from './bookings.fixtures';

// Notifications of bookings: in-app messages, and WeChat subscribe messages through the real client against the
// local fake WeChat server (token, template and refusal errors included).
let api: TestApi;
let fake: FakeWeChat;
const T = { confirmed: 'tmpl-bk-confirmed', changed: 'tmpl-bk-changed', cancelled: 'tmpl-bk-cancelled', reminder: 'tmpl-bk-reminder', waitlist: 'tmpl-bk-waitlist' };

beforeAll(async () => {
  fake = await startFakeWeChat();
  for (const t of Object.values(T)) fake.templates.add(t);
  api = await startApi({
    WECHAT_APPID: fake.appid, WECHAT_SECRET: fake.secret, WECHAT_API_BASE: fake.base, WECHAT_MINIPROGRAM_STATE: 'developer',
    BOOKING_TEMPLATE_CONFIRMED: T.confirmed, BOOKING_TEMPLATE_CHANGED: T.changed, BOOKING_TEMPLATE_CANCELLED: T.cancelled,
    BOOKING_TEMPLATE_REMINDER: T.reminder, BOOKING_TEMPLATE_WAITLIST: T.waitlist,
  }, { content: false });
});
afterAll(async () => {
  await api.close();
  await fake.close();
});

const sentTo = (openid: string, template?: string) => fake.sent.filter((s) => s.touser === openid && (!template || s.template_id === template));
const sendCallsTo = (openid: string) => fake.calls.filter((c) => c.path === '/cgi-bin/message/subscribe/send' && (c.body as { touser?: string }).touser === openid);
const messages = async (token: string, qs = '') => (await api.request('GET', `/api/v1/me/messages${qs}`, { token })).body;

describe('templates', () => {
  test('the mini-program learns which template ids to ask for', async () => {
    const res = await api.request('GET', '/api/v1/bookings/subscribe-templates');
    expect(res.body).toEqual(T);
  });
});

describe('booking notifications', () => {
  test('submitted: in-app only; confirmed: in-app and a lock-screen message with only 心理咨询预约, the time and the station', async () => {
    const c = await makeCounselor('s1c1');
    const me = await resident(api);
    const staff = await staffLogin(api, 'station-s1c1');
    const b = (await book(api, me, bookingBody('s1c1', c, at(3, '09:00'), { topic: '和孩子的关系很紧张' }))).body;
    expect(sentTo(me.openid)).toHaveLength(0);
    let list = await messages(me.token);
    expect(list.items.map((m: { kind: string }) => m.kind)).toEqual(['booking_submitted']);
    expect(list.unread).toBe(1);

    expect((await api.request('POST', `/api/v1/admin/bookings/${b.id}/confirm`, { token: staff.accessToken, body: {} })).status).toBe(200);
    const [msg] = sentTo(me.openid, T.confirmed);
    expect(msg).toBeDefined();
    const day = new Date(Date.parse(at(3, '09:00')) + 8 * 3600_000);
    expect(msg!.data).toEqual({
      thing1: { value: '心理咨询预约' },
      time2: { value: `${day.getUTCFullYear()}年${day.getUTCMonth() + 1}月${day.getUTCDate()}日 09:00` },
      thing3: { value: '湖滨社区心理服务室' },
    });
    expect(msg!.page).toBe(`packages/booking/pages/detail/index?id=${b.id}`);
    expect(msg!.miniprogram_state).toBe('developer');
    expect(JSON.stringify(msg)).not.toMatch(/孩子|关系|测试|张三|138/);

    list = await messages(me.token);
    expect(list.items[0]).toMatchObject({ kind: 'booking_confirmed', title: '预约已确认', bookingId: b.id, read: false, stationId: sid('s1c1') });
    expect(list.items[0].body).toContain('湖滨社区心理服务室');
    expect(JSON.stringify(list)).not.toContain('孩子');
    expect(list.unread).toBe(2);
  });

  test('in-app messages: paging, unread filter, mark one read, mark all read; another resident\'s message is 404', async () => {
    const c = await makeCounselor('s1c1');
    const [me, other] = [await resident(api), await resident(api)];
    for (const t of ['10:00', '11:00']) await book(api, me, bookingBody('s1c1', c, at(4, t)));
    const page1 = await messages(me.token, '?pageSize=1');
    expect(page1).toMatchObject({ total: 2, page: 1, pageSize: 1, unread: 2 });
    const id = page1.items[0].id;
    expect((await api.request('POST', `/api/v1/me/messages/${id}/read`, { token: other.token, body: {} })).status).toBe(404);
    expect((await api.request('POST', '/api/v1/me/messages/not-an-id/read', { token: me.token, body: {} })).status).toBe(400);
    expect((await api.request('POST', `/api/v1/me/messages/${id}/read`, { token: me.token, body: {} })).status).toBe(204);
    expect((await messages(me.token, '?unread=true')).items.map((m: { id: string }) => m.id)).not.toContain(id);
    expect((await messages(me.token, '?unread=false')).items.map((m: { id: string }) => m.id)).toEqual([id]);
    expect((await api.request('POST', '/api/v1/me/messages/read-all', { token: me.token, body: {} })).status).toBe(204);
    expect((await messages(me.token)).unread).toBe(0);
    expect((await messages(other.token)).total).toBe(0);
    expect((await api.request('GET', '/api/v1/me/messages?pageSize=51', { token: me.token })).status).toBe(400);
    expect((await api.request('GET', '/api/v1/me/messages')).status).toBe(401);
  });

  test('a refusal (43101) is recorded and not retried; a WeChat error never fails the station\'s action', async () => {
    const c = await makeCounselor('s1c2');
    const staff = await staffLogin(api, 'station-s1c2');
    const refuser = await resident(api);
    fake.refuse.add(refuser.openid);
    const b1 = (await book(api, refuser, bookingBody('s1c2', c, at(3, '09:00')))).body;
    expect((await api.request('POST', `/api/v1/admin/bookings/${b1.id}/confirm`, { token: staff.accessToken, body: {} })).status).toBe(200);
    expect(sendCallsTo(refuser.openid)).toHaveLength(1);
    expect(await NotificationSendModel.findById(`confirmed:${b1.id}:v2`).lean()).toMatchObject({ subscribe: 'refused', errcode: 43101 });

    // The platform no longer knows the template (40037): the decline still happens, the failure is recorded.
    const me = await resident(api);
    const b2 = (await book(api, me, bookingBody('s1c2', c, at(3, '11:00')))).body;
    fake.templates.delete(T.cancelled);
    try {
      const res = await api.request('POST', `/api/v1/admin/bookings/${b2.id}/decline`, { token: staff.accessToken, body: { reason: '咨询师生病请假' } });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('cancelled_by_station');
    } finally {
      fake.templates.add(T.cancelled);
    }
    expect(await NotificationSendModel.findById(`cancelled:${b2.id}:v2`).lean()).toMatchObject({ subscribe: 'failed', errcode: 40037 });
    const inApp = (await messages(me.token)).items[0];
    expect(inApp).toMatchObject({ kind: 'booking_cancelled', title: '预约已取消' });
    expect(inApp.body).toContain('咨询师生病请假');

    // An access token WeChat stopped accepting is refreshed once and the message goes out.
    const me3 = await resident(api);
    const b3 = (await book(api, me3, bookingBody('s1c2', c, at(3, '13:00')))).body;
    fake.revokeCurrentToken();
    await api.request('POST', `/api/v1/admin/bookings/${b3.id}/confirm`, { token: staff.accessToken, body: {} });
    expect(sentTo(me3.openid, T.confirmed)).toHaveLength(1);
  });

  test('a reschedule by the station sends the change message with the new time', async () => {
    const c = await makeCounselor('s1c3');
    const me = await resident(api);
    const staff = await staffLogin(api, 'station-s1c3');
    const b = (await book(api, me, bookingBody('s1c3', c, at(5, '09:00')))).body;
    await api.request('POST', `/api/v1/admin/bookings/${b.id}/confirm`, { token: staff.accessToken, body: {} });
    const moved = await api.request('POST', `/api/v1/admin/bookings/${b.id}/reschedule`, { token: staff.accessToken, body: { start: at(5, '14:00') } });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ status: 'confirmed', start: at(5, '14:00'), version: 3 }); // the station's own move stays confirmed
    const [msg] = sentTo(me.openid, T.changed);
    expect(msg!.data.time2!.value).toMatch(/ 14:00$/);
    expect((await messages(me.token)).items[0]).toMatchObject({ kind: 'booking_rescheduled', bookingId: b.id });
  });
});

describe('day-before reminder', () => {
  /** One more "API instance": its own WeChat token cache and subscribe client. */
  function instance() {
    const tokens = createAccessTokenClient({ apiBase: fake.base, appid: fake.appid, secret: fake.secret });
    return createBookingServices({
      config: api.config, audit: api.services.audit, stations: api.services.stations, consents: api.services.consents,
      cipher: createFieldCipher(api.config.dataEncryptionKey),
      subscribe: createSubscribeMessageClient({ apiBase: fake.base, tokens, miniprogramState: 'developer' }),
    });
  }

  test('sent exactly once, 24 h before, even with two instances sweeping at the same moment', async () => {
    const c = await makeCounselor('s2c1');
    const me = await resident(api);
    const b = (await book(api, me, bookingBody('s2c1', c, at(4, '09:00')))).body;
    const [one, two] = [instance(), instance()];
    const start = Date.parse(b.start);
    await one.bookings.sweep(new Date(start - 25 * 3600_000));
    expect(sentTo(me.openid, T.reminder)).toHaveLength(0);
    const when = new Date(start - 23 * 3600_000);
    // (Other tests' bookings may fall due in the same sweep; what counts is this resident's messages.)
    await Promise.all([one.bookings.sweep(when), two.bookings.sweep(when), one.bookings.sweep(when), two.bookings.sweep(when)]);
    expect(sendCallsTo(me.openid)).toHaveLength(1);
    expect(sentTo(me.openid, T.reminder)).toHaveLength(1);
    expect(sentTo(me.openid, T.reminder)[0]!.data.thing1!.value).toBe('心理咨询预约');
    expect(await MessageModel.countDocuments({ residentId: me.id, kind: 'booking_reminder' })).toBe(1);
    await one.bookings.sweep(new Date(start - 22 * 3600_000));
    expect(sentTo(me.openid, T.reminder)).toHaveLength(1);
    one.bookingEvents.close();
    two.bookingEvents.close();
  });

  test('a booking made less than a day ahead gets no separate reminder; a cancelled one none at all', async () => {
    const c = await makeCounselor('s2c1');
    const me = await resident(api);
    const b = (await book(api, me, bookingBody('s2c1', c, at(4, '11:00')))).body;
    // As if it had been made 20 hours before its start.
    await BookingModel.updateOne({ _id: b.id }, { $set: { scheduledAt: new Date(Date.parse(b.start) - 20 * 3600_000) } });
    const other = await resident(api);
    const b2 = (await book(api, other, bookingBody('s2c1', c, at(4, '13:00')))).body;
    await api.request('POST', `/api/v1/me/bookings/${b2.id}/cancel`, { token: other.token, body: {} });
    const report = await api.services.bookings.sweep(new Date(Date.parse(b.start) - 10 * 3600_000));
    expect(report.skipped).toBeGreaterThanOrEqual(1);
    expect(sentTo(me.openid, T.reminder)).toHaveLength(0);
    expect(sentTo(other.openid, T.reminder)).toHaveLength(0);
  });

  test('the sweep removes a booking a crash left half-made, with its claims', async () => {
    const c = await makeCounselor('s2c1');
    await mongoose.connection.db!.collection('bookings').insertOne({ _id: 'bk_000000000000000000000001' as never, status: 'claiming', createdAt: new Date(Date.now() - 10 * 60_000) });
    await mongoose.connection.db!.collection('booking_claims').insertOne({ _id: `${c}:${at(6, '09:00')}` as never, owner: 'bk_000000000000000000000001', kind: 'cell', resource: c, at: new Date(at(6, '09:00')) });
    const report = await api.services.bookings.sweep(new Date());
    expect(report.cleaned).toBeGreaterThanOrEqual(1);
    expect(await BookingModel.exists({ _id: 'bk_000000000000000000000001' })).toBeNull();
    const me = await resident(api);
    expect((await book(api, me, bookingBody('s2c1', c, at(6, '09:00')))).status).toBe(201);
  });
});

describe('waitlist', () => {
  test('join (twice = one entry), cancel frees a seat → the waiting resident is told once, in-app and by subscribe message', async () => {
    const c = await makeCounselor('s3c2');
    const [first, waiting, unrelated] = [await resident(api), await resident(api), await resident(api)];
    const date = chinaDay(5);
    const b = (await book(api, first, bookingBody('s3c2', c, at(5, '09:00')))).body;
    const join = (who: { token: string }, body: Record<string, unknown>) => api.request('POST', '/api/v1/me/waitlist', { token: who.token, body: { stationId: sid('s3c2'), date, ...body } });
    const j1 = await join(waiting, {});
    const j2 = await join(waiting, {});
    expect(j1.status).toBe(201);
    expect(j2.body.id).toBe(j1.body.id);
    expect(j1.body).toMatchObject({ stationName: '桃源村心理服务室', date, status: 'waiting', service: null });
    expect((await join(unrelated, { service: 'family' })).status).toBe(201); // waits for another service: not told
    expect((await join(waiting, { date: chinaDay(30) })).body.error.code).toBe('WAITLIST_DATE_INVALID');
    expect((await join(waiting, { stationId: { $ne: null } })).status).toBe(400);

    await api.request('POST', `/api/v1/me/bookings/${b.id}/cancel`, { token: first.token, body: {} });
    const told = (await messages(waiting.token)).items.filter((m: { kind: string }) => m.kind === 'waitlist_seat_free');
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ title: '有空位了', stationId: sid('s3c2') });
    expect(sentTo(waiting.openid, T.waitlist)).toHaveLength(1);
    expect(Object.values(sentTo(waiting.openid, T.waitlist)[0]!.data).map((v) => v.value)[0]).toBe('心理咨询预约');
    expect((await messages(unrelated.token)).items.filter((m: { kind: string }) => m.kind === 'waitlist_seat_free')).toHaveLength(0);
    expect((await WaitlistModel.findById(j1.body.id).lean())!.status).toBe('notified');

    // A second freed seat the same day does not tell the same entry again.
    const b2 = (await book(api, first, bookingBody('s3c2', c, at(5, '10:00')))).body;
    await api.request('POST', `/api/v1/me/bookings/${b2.id}/cancel`, { token: first.token, body: {} });
    expect((await messages(waiting.token)).items.filter((m: { kind: string }) => m.kind === 'waitlist_seat_free')).toHaveLength(1);

    const list = await api.request('GET', '/api/v1/me/waitlist', { token: waiting.token });
    expect(list.body.items.map((e: { id: string; status: string }) => [e.id, e.status])).toEqual([[j1.body.id, 'notified']]);
    expect((await api.request('DELETE', `/api/v1/me/waitlist/${j1.body.id}`, { token: unrelated.token })).status).toBe(404);
    expect((await api.request('DELETE', `/api/v1/me/waitlist/${j1.body.id}`, { token: waiting.token })).status).toBe(204);
  });
});
