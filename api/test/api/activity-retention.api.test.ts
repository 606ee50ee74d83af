// Retention of activity registrations (security-privacy.md §1.3, as for bookings): BOOKING_RETENTION_DAYS after an
// activity ended, its registrations lose name, phone and the resident link; counts stay. Driven with a fake clock:
// the housekeeping purge is called with a `now` a year on.
import mongoose from 'mongoose';
import { ClaimModel } from '../../src/modules/bookings/booking-claim.model';
import { MessageModel, NotificationSendModel } from '../../src/modules/messages/message.model';
import { startApi, staffLogin, type TestApi } from '../support/api';
import { at, key, resident, sid } from './bookings.fixtures';

let api: TestApi;
beforeAll(async () => { api = await startApi({}, { content: false }); });
afterAll(async () => { await api.close(); });

const DAY = 86_400_000;
const regs = () => mongoose.connection.db!.collection('activity_registrations');
const raw = (id: string) => regs().findOne({ _id: id as never });
const rawActivity = (id: string) => mongoose.connection.db!.collection('activities').findOne({ _id: new mongoose.Types.ObjectId(id) });

describe('activity registration retention', () => {
  test('registrations of an activity long over are anonymized once; recent ones untouched; counts and seats stay', async () => {
    const staff = await staffLogin(api, 'station-s1');
    const publish = async (days: number, title: string) => {
      const res = await api.request('POST', '/api/v1/admin/activities', {
        token: staff.accessToken,
        body: { stationId: sid('s1'), kind: 'lecture', title, place: '活动室', start: at(days, '19:00'), end: at(days, '20:30'), seats: 5 },
      });
      expect(res.status).toBe(201);
      return res.body as { id: string; end: string };
    };
    const register = async (who: { token: string }, activityId: string, name: string, phone: string) => {
      const res = await api.request('POST', `/api/v1/activities/${activityId}/registrations`, {
        token: who.token, body: { name, phone, consent: true }, headers: { 'Idempotency-Key': key() },
      });
      expect(res.status).toBe(201);
      return res.body as { id: string; seat: number };
    };
    const registrationsOf = async (activityId: string) => {
      const res = await api.request('GET', `/api/v1/admin/activities/${activityId}/registrations`, { token: staff.accessToken });
      expect(res.status).toBe(200);
      return res.body.items as Array<{ id: string; seat: number; status: string; name: string; phone: string; createdAt: string }>;
    };

    const me = await resident(api);
    const other = await resident(api);
    // The old lecture: one registration kept, one cancelled by the resident (its seat freed then).
    const old = await publish(2, '睡眠讲座');
    const mine = await register(me, old.id, '王小明', '13711112222');
    const theirs = await register(other, old.id, '赵大红', '13733334444');
    expect((await api.request('POST', `/api/v1/me/activity-registrations/${theirs.id}/cancel`, { token: other.token, body: {} })).status).toBe(200);
    // A second old one the station cancelled: the resident was told (message + send record keyed by the registration).
    const called = await publish(3, '亲子沟通');
    const calledReg = await register(me, called.id, '王小明', '13711112222');
    expect((await api.request('PATCH', `/api/v1/admin/activities/${called.id}`, { token: staff.accessToken, body: { status: 'cancelled' } })).status).toBe(200);
    expect(await NotificationSendModel.countDocuments({ _id: `activity-cancelled:${calledReg.id}` })).toBe(1);
    // A recent one, weeks later.
    const recent = await publish(30, '正念练习');
    const recentReg = await register(me, recent.id, '王小明', '13711112222');

    // Documents written before the retention fields existed must be found too.
    await regs().updateOne({ _id: mine.id as never }, { $unset: { anonymizedAt: '' } });
    await mongoose.connection.db!.collection('activities').updateOne({ _id: new mongoose.Types.ObjectId(old.id) }, { $unset: { registrationsAnonymizedAt: '' } });
    expect(await MessageModel.countDocuments({ activityId: mongoose.trusted({ $in: [old.id, called.id] }) })).toBeGreaterThanOrEqual(3);
    expect(await ClaimModel.countDocuments({ _id: `act:${old.id}:resident:${me.id}` })).toBe(1);
    const seatsBefore = await Promise.all([old.id, called.id, recent.id].map(async (id) => {
      const a = (await api.request('GET', `/api/v1/activities/${id}`)).body;
      return { seats: a.seats, remaining: a.remaining, status: a.status };
    }));
    expect(seatsBefore[0]).toEqual({ seats: 5, remaining: 4, status: 'published' });
    const oldListBefore = await registrationsOf(old.id);
    expect(oldListBefore.map((r) => r.name).sort()).toEqual(['王小明', '赵大红']);
    const recentBefore = await raw(recentReg.id);
    expect(recentBefore).toMatchObject({ anonymizedAt: null, name: { ct: expect.any(String) }, residentId: new mongoose.Types.ObjectId(me.id) });

    // With today's clock nothing happens.
    expect((await api.services.bookingRetention.purge(new Date())).registrations).toBe(0);
    expect(await raw(mine.id)).toMatchObject({ name: { ct: expect.any(String) } });

    // A year and a few days after the old lectures ended; the recent one is still inside the period. Two instances at once.
    const now = new Date(Date.parse(old.end) + 368 * DAY);
    expect(Date.parse(recent.end)).toBeGreaterThan(now.getTime() - 365 * DAY);
    const [a, b] = await Promise.all([api.services.bookingRetention.purge(now), api.services.bookingRetention.purge(now)]);
    expect(a.registrations + b.registrations).toBeGreaterThanOrEqual(3);

    for (const r of [mine, theirs, calledReg]) {
      const doc = (await raw(r.id))!;
      expect(doc).not.toHaveProperty('name');
      expect(doc).not.toHaveProperty('phone');
      expect(doc).toMatchObject({ residentId: null, anonymizedAt: expect.any(Date), seat: r.seat, createdAt: expect.any(Date) });
      const text = JSON.stringify(doc);
      expect(text).not.toMatch(/"ct"|"iv"|"tag"/);
      expect(text).not.toContain(me.id);
      expect(text).not.toContain(other.id);
    }
    // What statistics need stays: activity, status, times.
    expect(await raw(mine.id)).toMatchObject({ activityId: new mongoose.Types.ObjectId(old.id), status: 'registered', cancelledAt: null });
    expect(await raw(theirs.id)).toMatchObject({ activityId: new mongoose.Types.ObjectId(old.id), status: 'cancelled', cancelledAt: expect.any(Date) });
    expect((await raw(mine.id))!.claimIds).toEqual([`act:${old.id}:seat:${mine.seat}`]);
    expect(await ClaimModel.countDocuments({ _id: mongoose.trusted({ $regex: `^act:(${old.id}|${called.id}):resident:` }) })).toBe(0);
    expect(await MessageModel.countDocuments({ activityId: mongoose.trusted({ $in: [old.id, called.id] }) })).toBe(0);
    expect(await NotificationSendModel.countDocuments({ _id: `activity-cancelled:${calledReg.id}` })).toBe(0);
    expect(await rawActivity(old.id)).toMatchObject({ registrationsAnonymizedAt: expect.any(Date), seats: 5, title: '睡眠讲座' });

    // The recent registration and its activity are exactly as they were.
    expect(await raw(recentReg.id)).toEqual(recentBefore);
    expect(await rawActivity(recent.id)).toMatchObject({ registrationsAnonymizedAt: null });
    expect(await MessageModel.countDocuments({ activityId: recent.id })).toBe(1);

    // A second run changes nothing.
    const after = await Promise.all([mine, theirs, calledReg].map((r) => raw(r.id)));
    const activityAfter = await rawActivity(old.id);
    expect((await api.services.bookingRetention.purge(now)).registrations).toBe(0);
    expect(await Promise.all([mine, theirs, calledReg].map((r) => raw(r.id)))).toEqual(after);
    expect(await rawActivity(old.id)).toEqual(activityAfter);
    expect(await raw(recentReg.id)).toEqual(recentBefore);

    // Seat counts of every activity read the same.
    const seatsAfter = await Promise.all([old.id, called.id, recent.id].map(async (id) => {
      const a = (await api.request('GET', `/api/v1/activities/${id}`)).body;
      return { seats: a.seats, remaining: a.remaining, status: a.status };
    }));
    expect(seatsAfter).toEqual(seatsBefore);

    // The station's list keeps seat, status and time, with 已匿名 instead of the contact.
    const oldList = await registrationsOf(old.id);
    expect(oldList).toEqual(oldListBefore.map((r) => ({ ...r, name: '已匿名', phone: '' })));
    expect(JSON.stringify(oldList)).not.toMatch(/王小明|赵大红|1371111|1373333/);
    expect((await registrationsOf(recent.id))[0]).toMatchObject({ name: '王小明', phone: '13711112222' });

    // The resident no longer sees the old registrations, in the list, the export or by id; the recent one is theirs.
    const listed = (await api.request('GET', '/api/v1/me/activity-registrations', { token: me.token })).body.items.map((r: { id: string }) => r.id);
    expect(listed).toEqual([recentReg.id]);
    expect((await api.request('GET', '/api/v1/me/activity-registrations', { token: other.token })).body.items).toEqual([]);
    const exported = (await api.request('GET', '/api/v1/me/export', { token: me.token })).body;
    expect(exported.activityRegistrations.map((r: { id: string }) => r.id)).toEqual([recentReg.id]);
    const cancel = await api.request('POST', `/api/v1/me/activity-registrations/${mine.id}/cancel`, { token: me.token, body: {} });
    expect(cancel.status).toBe(404);
    // Cancelling the old activity now tells nobody: there is no one left to tell.
    const notify = jest.spyOn(api.services.messages, 'notify');
    const late = await api.request('PATCH', `/api/v1/admin/activities/${old.id}`, { token: staff.accessToken, body: { status: 'cancelled' } });
    expect(late.status).toBe(200);
    expect(notify).not.toHaveBeenCalled();
    notify.mockRestore();
    expect(await MessageModel.countDocuments({ activityId: old.id })).toBe(0);
    expect(api.logs.join('\n')).not.toMatch(/13711112222|13733334444/);
  });
});
