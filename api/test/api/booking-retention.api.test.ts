// Retention (security-privacy.md §1.3, checklist item 27): a booking keeps name and phone for BOOKING_RETENTION_DAYS
// after the appointment, then it is anonymized. Driven with a fake clock: the purge is called with a `now` a year on.
import mongoose from 'mongoose';
import { ClaimModel } from '../../src/modules/bookings/booking-claim.model';
import { BookingModel, BookingTransitionModel } from '../../src/modules/bookings/booking.model';
import { MessageModel, NotificationSendModel } from '../../src/modules/messages/message.model';
import { WaitlistModel } from '../../src/modules/bookings/waitlist.model';
import { startApi, staffLogin, type TestApi } from '../support/api';
import { at, book, bookingBody, chinaDay, makeCounselor, resident, sid } from './bookings.fixtures';

let api: TestApi;
beforeAll(async () => { api = await startApi({}, { content: false }); });
afterAll(async () => { await api.close(); });

const DAY = 86_400_000;
const raw = (id: string) => mongoose.connection.db!.collection('bookings').findOne({ _id: id as never });
const rawRating = (id: string) => mongoose.connection.db!.collection('booking_ratings').findOne({ _id: id as never });
const sendsAbout = (id: string) => NotificationSendModel.countDocuments({ _id: mongoose.trusted({ $regex: `:${id}:` }) });

describe('booking retention purge', () => {
  test('an old booking is anonymized once; a recent one is untouched; the station still sees it; ratings add up the same', async () => {
    const c = await makeCounselor('s1');
    const me = await resident(api);
    const staff = await staffLogin(api, 'station-s1');
    const post = (id: string, p: string, body: unknown = {}) => api.request('POST', `/api/v1/admin/bookings/${id}/${p}`, { token: staff.accessToken, body });

    // The one that will be old: booked for the mother, with a topic, notes, a rating with a comment.
    const old = (await book(api, me, bookingBody('s1', c, at(2, '10:00'), {
      topic: '最近总是睡不好', forOther: { relationship: '母亲', name: '李四', phone: '13900139000', agreed: true },
    }))).body;
    expect((await post(old.id, 'confirm')).status).toBe(200);
    expect((await post(old.id, 'check-in')).status).toBe(200);
    expect((await api.request('PUT', `/api/v1/admin/bookings/${old.id}/notes`, { token: staff.accessToken, body: { notes: '首次来访，情绪平稳' } })).status).toBe(200);
    expect((await post(old.id, 'complete')).status).toBe(200);
    expect((await api.request('POST', `/api/v1/me/bookings/${old.id}/rating`, { token: me.token, body: { score: 4, comment: '李老师很耐心' } })).status).toBe(201);
    // A second old one the station declined with a reason (quoted in the resident's message).
    const declined = (await book(api, me, bookingBody('s1', c, at(2, '14:00')))).body;
    expect((await post(declined.id, 'decline', { reason: '咨询师临时外出' })).status).toBe(200);
    // One the station never closed: it still holds its claims (counselor time, the resident's slot and cells).
    const forgotten = (await book(api, me, bookingBody('s1', c, at(2, '12:00')))).body;
    expect((await post(forgotten.id, 'confirm')).status).toBe(200);
    // A recent one: a week later.
    const recent = (await book(api, me, bookingBody('s1', c, at(9, '10:00'), { topic: '工作压力' }))).body;
    expect((await post(recent.id, 'confirm')).status).toBe(200);
    // A document written before `anonymizedAt` existed must be found too.
    await BookingModel.collection.updateOne({ _id: old.id as never }, { $unset: { anonymizedAt: '' } });
    expect(await MessageModel.countDocuments({ bookingId: old.id })).toBeGreaterThan(0);
    expect(await sendsAbout(old.id)).toBeGreaterThan(0);
    expect(await ClaimModel.countDocuments({ owner: forgotten.id, kind: mongoose.trusted({ $ne: 'guard' }) })).toBeGreaterThan(0);
    expect(await ClaimModel.countDocuments({ _id: mongoose.trusted({ $regex: `^resident:${me.id}:` }), owner: forgotten.id })).toBeGreaterThan(0);

    const ratingsBefore = (await api.request('GET', `/api/v1/stations/${sid('s1')}/ratings`)).body;
    const counselorBefore = (await api.request('GET', `/api/v1/counselors/${c}`)).body.rating;
    expect(counselorBefore).toEqual({ count: 1, average: 4 });
    const recentBefore = await raw(recent.id);

    // A year and a day after the first appointment ended: the three old bookings are past retention, the recent one not.
    const now = new Date(Date.parse(old.end) + 366 * DAY);
    const [a, b] = await Promise.all([api.services.bookingRetention.purge(now), api.services.bookingRetention.purge(now)]);
    expect(a.anonymized + b.anonymized).toBeGreaterThanOrEqual(3);

    const gone = (await raw(old.id))!;
    expect(gone).toMatchObject({
      contactName: null, contactPhone: null, topic: null, notes: null, cancelReason: null, residentId: null, claimIds: [],
      forOther: { relationship: '母亲' }, anonymizedAt: expect.any(Date),
      // What statistics need stays.
      stationId: new mongoose.Types.ObjectId(sid('s1')), counselorId: new mongoose.Types.ObjectId(c), service: 'individual', status: 'completed',
      start: new Date(old.start), end: new Date(old.end),
    });
    const text = JSON.stringify(gone);
    expect(text).not.toMatch(/"ct"|"iv"|"tag"/);
    expect(text).not.toContain(me.id);
    expect(gone.forOther).toEqual({ relationship: '母亲' });
    expect(await rawRating(old.id)).toMatchObject({ score: 4, comment: '', residentId: null, stationId: new mongoose.Types.ObjectId(sid('s1')) });
    expect(await MessageModel.countDocuments({ bookingId: mongoose.trusted({ $in: [old.id, declined.id] }) })).toBe(0);
    expect(await sendsAbout(old.id)).toBe(0);
    expect(await ClaimModel.countDocuments({ owner: mongoose.trusted({ $in: [old.id, declined.id, forgotten.id] }), kind: mongoose.trusted({ $ne: 'guard' }) })).toBe(0);
    expect(await raw(forgotten.id)).toMatchObject({ status: 'confirmed', contactName: null, claimIds: [], anonymizedAt: expect.any(Date) });
    expect(await BookingTransitionModel.countDocuments({ bookingId: old.id, actorId: me.id })).toBe(0);
    expect(await BookingTransitionModel.countDocuments({ bookingId: old.id })).toBe(4); // the history stays
    expect(await raw(declined.id)).toMatchObject({ cancelReason: null, contactName: null, anonymizedAt: expect.any(Date), status: 'cancelled_by_station' });

    // The recent booking is exactly as it was.
    expect(await raw(recent.id)).toEqual(recentBefore);
    expect(recentBefore).toMatchObject({ anonymizedAt: null, contactName: { ct: expect.any(String) }, residentId: new mongoose.Types.ObjectId(me.id) });
    expect(await MessageModel.countDocuments({ bookingId: recent.id })).toBeGreaterThan(0);

    // A second run changes nothing.
    const after = await raw(old.id);
    expect((await api.services.bookingRetention.purge(now)).anonymized).toBe(0);
    expect(await raw(old.id)).toEqual(after);
    expect(await raw(recent.id)).toEqual(recentBefore);

    // The station still sees the booking, with a placeholder name, its history and the score.
    const day = chinaDay(2);
    const listed = await api.request('GET', `/api/v1/admin/bookings?stationId=${sid('s1')}&counselorId=${c}&from=${day}&to=${day}`, { token: staff.accessToken });
    expect(listed.status).toBe(200);
    const row = listed.body.items.find((i: { id: string }) => i.id === old.id);
    expect(row).toMatchObject({
      status: 'completed', contact: { name: '已匿名', phone: '' }, forOther: { relationship: '母亲', name: '已匿名', phone: '' },
      topic: null, notes: '', rating: { score: 4, comment: '' }, counselorId: c,
    });
    expect(row.history).toHaveLength(4);
    expect(JSON.stringify(listed.body)).not.toMatch(/李四|13900139000|13800138000|睡不好|情绪平稳|李老师/);
    const detail = await api.request('GET', `/api/v1/admin/bookings/${old.id}`, { token: staff.accessToken });
    expect(detail.body).toMatchObject({ contact: { name: '已匿名', phone: '' }, status: 'completed' });
    // A note cannot put personal text back into an anonymized booking.
    const note = await api.request('PUT', `/api/v1/admin/bookings/${old.id}/notes`, { token: staff.accessToken, body: { notes: '补记：李四' } });
    expect(note.status).toBe(409);
    expect(note.body.error.code).toBe('BOOKING_ANONYMIZED');
    expect((await api.request('GET', `/api/v1/admin/bookings/${old.id}`, { token: staff.accessToken })).body.notes).toBe('');
    // The recent one still shows its contact to the station.
    expect((await api.request('GET', `/api/v1/admin/bookings/${recent.id}`, { token: staff.accessToken })).body.contact).toEqual({ name: '张三', phone: '13800138000' });

    // Roll-ups are unchanged.
    expect((await api.request('GET', `/api/v1/counselors/${c}`)).body.rating).toEqual(counselorBefore);
    expect((await api.request('GET', `/api/v1/stations/${sid('s1')}/ratings`)).body).toEqual(ratingsBefore);

    // The resident's account is no longer linked to the old bookings; the recent one is still theirs.
    const mine = (await api.request('GET', '/api/v1/me/bookings?scope=all', { token: me.token })).body.items.map((i: { id: string }) => i.id);
    expect(mine).toContain(recent.id);
    expect(mine).not.toContain(old.id);
    expect(mine).not.toContain(declined.id);
    expect((await api.request('GET', `/api/v1/me/bookings/${old.id}`, { token: me.token })).status).toBe(404);
    expect(JSON.stringify((await api.request('GET', '/api/v1/me/messages?pageSize=50', { token: me.token })).body)).not.toContain('临时外出');
  });

  test('with today\'s clock nothing is anonymized; waitlist entries for dates past retention are deleted', async () => {
    const c = await makeCounselor('s2');
    const me = await resident(api);
    const fresh = (await book(api, me, bookingBody('s2', c, at(3, '10:00')))).body;
    expect((await api.services.bookingRetention.purge(new Date())).anonymized).toBe(0);
    expect(await raw(fresh.id)).toMatchObject({ anonymizedAt: null, contactPhone: { ct: expect.any(String) } });

    for (const date of [chinaDay(1), chinaDay(12)]) {
      expect((await api.request('POST', '/api/v1/me/waitlist', { token: me.token, body: { stationId: sid('s2'), date } })).status).toBeLessThan(300);
    }
    // Retention cutoff lands between the two dates.
    const now = new Date(Date.now() + (365 + 5) * DAY);
    await api.services.bookingRetention.purge(now);
    expect((await WaitlistModel.find({ residentId: new mongoose.Types.ObjectId(me.id) }).lean()).map((w) => w.date)).toEqual([chinaDay(12)]);
    // The booking three days out ended before the cutoff as well by now.
    expect(await raw(fresh.id)).toMatchObject({ anonymizedAt: expect.any(Date), contactPhone: null });
  });
});
