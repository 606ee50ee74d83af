// The resident's rights over their own data (security-privacy.md checklist 25, also 17, 24, 29): GET /me/export and
// DELETE /me, over real HTTP against the real database, with residents signed in through the fake WeChat server.
import mongoose, { Types } from 'mongoose';
import { AuditEventModel } from '../../src/modules/audit/audit-event.model';
import { BookingModel } from '../../src/modules/bookings/booking.model';
import { ClaimModel } from '../../src/modules/bookings/booking-claim.model';
import { PRIVACY_POLICY_VERSION } from '../../src/modules/consents/consents.service';
import { ResidentModel } from '../../src/modules/residents/resident.model';
import { startApi, staffLogin, type TestApi } from '../support/api';
import { startFakeWeChat, type FakeWeChat } from '../support/fake-wechat';
import { at, book, bookingBody, chinaDay, key, makeCounselor, sid } from './bookings.fixtures';

let wechat: FakeWeChat;
let api: TestApi;
beforeAll(async () => {
  wechat = await startFakeWeChat();
  api = await startApi({ WECHAT_API_BASE: wechat.base, WECHAT_APPID: wechat.appid, WECHAT_SECRET: wechat.secret, RETEST_TEMPLATE_ID: 'tmpl-retest' });
});
afterAll(async () => {
  await api.close();
  await wechat.close();
});

interface Who { token: string; id: string; name: string }

/** Signs in through POST /auth/wechat; the fake answers `code-<name>` (and `busy-<name>`) with openid `o<name>`. */
async function login(name: string, code = `code-${name}`): Promise<Who> {
  const res = await api.request('POST', '/api/v1/auth/wechat', { body: { code } });
  if (res.status !== 200) throw new Error(`login ${name}: ${res.status} ${res.text}`);
  return { token: res.body.token, id: res.body.user.id, name };
}

let seq = 0;
const uniqueName = (base: string) => `${base}${process.pid}x${seq++}`;

async function track(): Promise<string> {
  const _id = new Types.ObjectId();
  await mongoose.connection.db!.collection('audio_tracks').insertOne({
    _id, title: `隐私测试音频${seq++}`, category: '自然声音', description: '', guided: false, transcript: null, mediaId: new Types.ObjectId(),
    coverMediaId: null, durationSec: 600, state: 'published', seedKey: null, createdBy: 'test', updatedBy: 'test', createdAt: new Date(), updatedAt: new Date(),
  });
  return _id.toHexString();
}

/**
 * A resident with something in every collection: a saved result, a follow-up request, a reminder, a favorite, a
 * listening position, an upcoming booking (with a family member's contact and a topic), a completed and rated
 * booking moved into the past, a waitlist entry and an activity registration.
 */
async function populate(who: Who, opts: { counselor: string; phone: string; familyPhone: string; activityId?: string; trackId: string }) {
  const t = who.token;
  const ok = <R extends { status: number; text: string }>(res: R, status: number): R => {
    if (res.status !== status) throw new Error(`${who.name}: expected ${status}, got ${res.status} ${res.text}`);
    return res;
  };
  ok(await api.request('POST', '/api/v1/me/consents', { token: t, body: { purpose: 'store_results', policyVersion: PRIVACY_POLICY_VERSION } }), 201);
  const result = ok(await api.request('POST', '/api/v1/me/assessments', { token: t, body: { code: 'phq9', answers: [2, 1, 1, 1, 1, 1, 1, 1, 0] }, headers: { 'Idempotency-Key': key() } }), 201).body;
  ok(await api.request('POST', '/api/v1/me/referrals', {
    token: t, body: { stationId: sid('s1'), phone: opts.phone, name: '王五', code: 'phq9', crisis: false, urgent: false, consent: true, policyVersion: PRIVACY_POLICY_VERSION },
  }), 201);
  ok(await api.request('POST', '/api/v1/me/reminders', { token: t, body: { code: 'phq9' } }), 201);
  ok(await api.request('PUT', `/api/v1/me/favorites/track/${opts.trackId}`, { token: t, body: {} }), 204);
  ok(await api.request('PUT', `/api/v1/me/listening/${opts.trackId}`, { token: t, body: { positionSec: 42 } }), 204);
  const upcoming = ok(await book(api, who, bookingBody('s1', opts.counselor, at(3, '10:00'), {
    phone: opts.phone, topic: '最近总是失眠', forOther: { relationship: '母亲', name: '李四', phone: opts.familyPhone, agreed: true },
  })), 201).body;
  const past = ok(await book(api, who, bookingBody('s1', opts.counselor, at(3, '14:00'), { phone: opts.phone })), 201).body;
  const staff = await staffLogin(api, 'station-s1');
  for (const step of ['confirm', 'complete']) ok(await api.request('POST', `/api/v1/admin/bookings/${past.id}/${step}`, { token: staff.accessToken, body: {} }), 200);
  ok(await api.request('POST', `/api/v1/me/bookings/${past.id}/rating`, { token: t, body: { score: 4, comment: '咨询师很耐心' } }), 201);
  await BookingModel.updateOne({ _id: past.id }, { $set: { start: new Date(Date.now() - 30 * 86_400_000), end: new Date(Date.now() - 30 * 86_400_000 + 50 * 60_000) } });
  const waitlist = ok(await api.request('POST', '/api/v1/me/waitlist', { token: t, body: { stationId: sid('s1'), date: chinaDay(4) } }), 201).body;
  let registration: { id: string } | null = null;
  if (opts.activityId) {
    registration = ok(await api.request('POST', `/api/v1/activities/${opts.activityId}/registrations`, {
      token: t, body: { name: '张三', phone: opts.phone, consent: true }, headers: { 'Idempotency-Key': key() },
    }), 201).body;
  }
  return { result, upcoming, past, waitlist, registration };
}

async function oneSeatActivity(): Promise<string> {
  const staff = await staffLogin(api, 'station-s1');
  const res = await api.request('POST', '/api/v1/admin/activities', {
    token: staff.accessToken,
    body: { stationId: sid('s1'), kind: 'lecture', title: '睡眠讲座', description: '', place: '活动室', start: at(5, '19:00'), end: at(5, '20:00'), seats: 1 },
  });
  expect(res.status).toBe(201);
  return res.body.id;
}

const exportOf = (who: { token: string }) => api.request('GET', '/api/v1/me/export', { token: who.token });
const deleteAccount = (who: { token: string }, body: unknown = { confirm: '注销' }) => api.request('DELETE', '/api/v1/me', { token: who.token, body });

/** Every document of these collections that still points at the resident. */
async function leftFor(residentId: string) {
  const rid = new Types.ObjectId(residentId);
  const db = mongoose.connection.db!;
  const names = ['consents', 'saved_assessments', 'follow_up_requests', 'retest_reminders', 'favorites', 'listening_positions', 'bookings',
    'booking_ratings', 'booking_waitlist', 'activity_registrations', 'resident_messages', 'notification_sends'];
  const counts: Record<string, number> = {};
  for (const n of names) counts[n] = await db.collection(n).countDocuments({ residentId: rid });
  counts.residents = await db.collection('residents').countDocuments({ _id: rid });
  counts.claims = await ClaimModel.countDocuments({ _id: mongoose.trusted({ $regex: residentId }) });
  counts.assessmentEvents = await db.collection('assessment_events').countDocuments({ _id: mongoose.trusted({ $regex: residentId }) } as never);
  counts.transitions = await db.collection('booking_transitions').countDocuments({ actorId: residentId });
  return counts;
}

describe('GET /api/v1/me/export', () => {
  test('is a JSON attachment, never cached, with all of the caller\'s data opened for them and nothing of anyone else', async () => {
    const trackId = await track();
    const alice = await login(uniqueName('alice'));
    const bob = await login(uniqueName('bob'));
    const mine = await populate(alice, { counselor: await makeCounselor('s1'), phone: '13811112222', familyPhone: '13933334444', trackId });
    const theirs = await populate(bob, { counselor: await makeCounselor('s1'), phone: '13755556666', familyPhone: '13677778888', trackId });

    const res = await exportOf(alice);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="xinan-my-data-\d{8}\.json"$/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const doc = res.body;
    expect(doc).toMatchObject({ format: 'xinan-resident-export', formatVersion: 1, profile: { id: alice.id } });
    expect(doc.about).toContain('openid');
    // Opened for the owner: answers, phones, the family member's contact, the topic, the rating comment.
    expect(doc.assessments).toEqual([expect.objectContaining({ id: mine.result.id, code: 'phq9', answers: [2, 1, 1, 1, 1, 1, 1, 1, 0] })]);
    expect(doc.consents.map((c: { purpose: string }) => c.purpose).sort()).toEqual(['booking_contact', 'referral_contact', 'store_results']);
    expect(doc.referrals).toEqual([expect.objectContaining({ phone: '13811112222', name: '王五', stationName: expect.any(String) })]);
    expect(doc.reminders).toEqual([expect.objectContaining({ code: 'phq9', status: 'pending' })]);
    const upcoming = doc.bookings.find((b: { id: string }) => b.id === mine.upcoming.id);
    expect(upcoming).toMatchObject({ topic: '最近总是失眠', contact: { name: '张三', phone: '13811112222' }, forOther: { relationship: '母亲', name: '李四', phone: '13933334444' } });
    expect(doc.ratings).toEqual([expect.objectContaining({ bookingId: mine.past.id, score: 4, comment: '咨询师很耐心' })]);
    expect(doc.waitlist.map((w: { id: string }) => w.id)).toEqual([mine.waitlist.id]);
    expect(doc.favorites).toEqual([expect.objectContaining({ kind: 'track', targetId: trackId })]);
    expect(doc.listeningPositions).toEqual([expect.objectContaining({ trackId, positionSec: 42 })]);
    expect(doc.messages.length).toBeGreaterThan(0);
    expect(doc.messages.every((m: { bookingId: string | null }) => !m.bookingId || [mine.upcoming.id, mine.past.id].includes(m.bookingId))).toBe(true);

    // Nothing of Bob's: neither his ids nor his phone numbers nor his openid, and not Alice's openid either.
    for (const foreign of [bob.id, theirs.upcoming.id, theirs.past.id, theirs.result.id, theirs.waitlist.id, '13755556666', '13677778888', `o${bob.name}`, `o${alice.name}`]) {
      expect(res.text).not.toContain(foreign);
    }
    expect(await AuditEventModel.countDocuments({ action: 'privacy.export', actor: `resident:${alice.id}`, result: 'success' })).toBe(1);
    // The phone numbers went to the resident, not into the log.
    expect(api.logs.join('\n')).not.toMatch(/13811112222|13933334444/);
  }, 60_000);

  test('needs a signed-in resident; a staff token or no token is 401', async () => {
    expect((await api.request('GET', '/api/v1/me/export')).status).toBe(401);
    const staff = await staffLogin(api, 'station-s1');
    expect((await api.request('GET', '/api/v1/me/export', { token: staff.accessToken })).status).toBe(401);
    expect((await api.request('GET', '/api/v1/me/export?x=1', { token: (await login(uniqueName('q'))).token })).status).toBe(400);
  });
});

describe('DELETE /api/v1/me', () => {
  test('frees the booked time and seat at once, anonymizes what stations keep, deletes the rest; a new login starts empty', async () => {
    const counselor = await makeCounselor('s1');
    const trackId = await track();
    const activityId = await oneSeatActivity();
    const name = uniqueName('carol');
    const carol = await login(name);
    const dave = await login(uniqueName('dave'));
    const mine = await populate(carol, { counselor, phone: '13512345678', familyPhone: '13587654321', activityId, trackId });
    // Dave's own data is there to be left alone.
    const davesResult = await api.request('POST', '/api/v1/me/consents', { token: dave.token, body: { purpose: 'store_results', policyVersion: PRIVACY_POLICY_VERSION } });
    expect(davesResult.status).toBe(201);
    await api.request('PUT', `/api/v1/me/favorites/track/${trackId}`, { token: dave.token, body: {} });
    // The time and the one activity seat are Carol's: Dave cannot have them.
    expect((await book(api, dave, bookingBody('s1', counselor, at(3, '10:00')))).body.error.code).toBe('BOOKING_SLOT_TAKEN');
    const full = await api.request('POST', `/api/v1/activities/${activityId}/registrations`, { token: dave.token, body: { name: '赵六', phone: '13600000000', consent: true }, headers: { 'Idempotency-Key': key() } });
    expect(full.body.error.code).toBe('ACTIVITY_FULL');

    const res = await deleteAccount(carol);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ deleted: true, cancelledBookings: 1, cancelledRegistrations: 1 });

    // Seats free at once: Dave books the same time and registers for the activity.
    expect((await book(api, dave, bookingBody('s1', counselor, at(3, '10:00')))).status).toBe(201);
    const seat = await api.request('POST', `/api/v1/activities/${activityId}/registrations`, { token: dave.token, body: { name: '赵六', phone: '13600000000', consent: true }, headers: { 'Idempotency-Key': key() } });
    expect(seat.status).toBe(201);

    // The station sees the cancellation as the resident's, and keeps the statistics of both bookings.
    const upcoming = (await BookingModel.findById(mine.upcoming.id).lean())!;
    const past = (await BookingModel.findById(mine.past.id).lean())!;
    expect(upcoming).toMatchObject({ status: 'cancelled_by_resident', residentId: null, counselorId: new Types.ObjectId(counselor), stationId: new Types.ObjectId(sid('s1')) });
    expect(past).toMatchObject({ status: 'completed', residentId: null, service: 'individual' });
    const staff = await staffLogin(api, 'station-s1');
    const adminView = await api.request('GET', `/api/v1/admin/bookings/${mine.upcoming.id}`, { token: staff.accessToken });
    expect(adminView.status).toBe(200);
    expect(adminView.body).toMatchObject({ status: 'cancelled_by_resident', contact: { phone: '' }, topic: null });
    expect(adminView.body.history.at(-1)).toMatchObject({ to: 'cancelled_by_resident', actor: 'resident' });
    const rating = await mongoose.connection.db!.collection('booking_ratings').findOne({ _id: mine.past.id as never });
    expect(rating).toMatchObject({ score: 4, comment: '', residentId: null });
    const registrations = await api.request('GET', `/api/v1/admin/activities/${activityId}/registrations`, { token: staff.accessToken });
    expect(registrations.status).toBe(200);
    expect(registrations.body.items.find((r: { id: string }) => r.id === mine.registration!.id)).toMatchObject({ status: 'cancelled', phone: '' });

    // Raw documents: no ciphertext of a name, phone, topic or comment left in what the station keeps.
    for (const id of [mine.upcoming.id, mine.past.id]) {
      const raw = (await mongoose.connection.db!.collection('bookings').findOne({ _id: id as never }))!;
      for (const field of ['contactName', 'contactPhone', 'topic', 'notes', 'cancelReason']) expect(raw[field] ?? null).toBeNull();
      expect(raw.forOther === null || Object.keys(raw.forOther).sort().join() === 'relationship').toBe(true);
      expect(JSON.stringify(raw)).not.toMatch(/"ct"|13512345678|13587654321|张三|李四|失眠/);
    }
    const rawRegistration = (await mongoose.connection.db!.collection('activity_registrations').findOne({ _id: mine.registration!.id as never }))!;
    expect(rawRegistration.name ?? null).toBeNull();
    expect(rawRegistration.phone ?? null).toBeNull();

    // Nothing points at the old account any more.
    expect(Object.entries(await leftFor(carol.id)).filter(([, n]) => n > 0)).toEqual([]);

    // The old token is dead for everything that asks for the account; a second DELETE is a clean 401.
    expect((await api.request('GET', '/api/v1/me', { token: carol.token })).status).toBe(401);
    expect((await exportOf(carol)).status).toBe(401);
    const again = await deleteAccount(carol);
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe('ACCOUNT_NOT_FOUND');
    // Nor can it write anything under the dead account's id (the token itself is still within its lifetime).
    const write = await api.request('PUT', `/api/v1/me/favorites/track/${trackId}`, { token: carol.token, body: {} });
    expect([write.status, write.body.error.code]).toEqual([401, 'ACCOUNT_NOT_FOUND']);
    expect(await mongoose.connection.collection('favorites').countDocuments({ residentId: new mongoose.Types.ObjectId(carol.id) })).toBe(0);

    // The same WeChat user signs in again: a new, empty account.
    const fresh = await login(name, `busy-${name}`);
    expect(fresh.id).not.toBe(carol.id);
    const doc = (await exportOf(fresh)).body;
    for (const section of ['consents', 'assessments', 'referrals', 'reminders', 'bookings', 'ratings', 'waitlist', 'activityRegistrations', 'favorites', 'listeningPositions', 'messages']) {
      expect([section, doc[section]]).toEqual([section, []]);
    }
    expect((await api.request('GET', '/api/v1/me/bookings', { token: fresh.token })).body.items).toEqual([]);
    expect((await api.request('GET', '/api/v1/me/assessments', { token: fresh.token })).body.items).toEqual([]);

    // Dave's data is untouched.
    const davesExport = (await exportOf(dave)).body;
    expect(davesExport.consents.length).toBeGreaterThan(0);
    expect(davesExport.favorites).toEqual([expect.objectContaining({ targetId: trackId })]);
    expect(davesExport.bookings).toHaveLength(1);

    // The audit record says what happened, with counts and no personal data.
    const audit = await AuditEventModel.findOne({ action: 'account.delete', actor: `resident:${carol.id}` }).lean();
    expect(audit).toMatchObject({ result: 'success', detail: expect.objectContaining({ bookingsCancelled: 1, bookingsAnonymized: 2, activityRegistrationsCancelled: 1, consents: 3 }) });
    expect(JSON.stringify(audit)).not.toMatch(/1351234|张三|失眠|o[a-z]+\d/);
    expect(api.logs.join('\n')).not.toMatch(/13512345678|13587654321/);
  }, 90_000);

  test('needs the explicit confirmation: missing, wrong, extra keys or operators are 400 and delete nothing', async () => {
    const erin = await login(uniqueName('erin'));
    const bad: unknown[] = [{}, { confirm: '' }, { confirm: 'yes' }, { confirm: '注销 ' }, { confirm: true }, { confirm: { $ne: null } }, { confirm: { $gt: '' } },
      { confirm: '注销', residentId: new Types.ObjectId().toHexString() }, { confirm: ['注销'] }, [], 'x'.repeat(2000)];
    for (const body of bad) {
      const res = await deleteAccount(erin, body);
      expect([JSON.stringify(body).slice(0, 40), res.status]).toEqual([JSON.stringify(body).slice(0, 40), 400]);
    }
    // A body over the size limit is refused before validation.
    expect((await deleteAccount(erin, { confirm: 'x'.repeat(1_000_000) })).status).toBe(413);
    // No body at all is not JSON: 415. Malformed JSON: 400.
    expect((await api.request('DELETE', '/api/v1/me', { token: erin.token })).status).toBe(415);
    expect((await api.request('DELETE', '/api/v1/me', { token: erin.token, raw: '{"confirm":', headers: { 'Content-Type': 'application/json' } })).status).toBe(400);
    expect((await api.request('DELETE', '/api/v1/me', { body: { confirm: '注销' } })).status).toBe(401);
    expect((await api.request('GET', '/api/v1/me', { token: erin.token })).status).toBe(200);
    expect(await ResidentModel.exists({ _id: erin.id })).toBeTruthy();
  });

  test('a failure half-way answers 503, keeps the account, and the same request again finishes the job', async () => {
    const counselor = await makeCounselor('s1');
    const trackId = await track();
    const fay = await login(uniqueName('fay'));
    const mine = await populate(fay, { counselor, phone: '13322223333', familyPhone: '13344445555', trackId });
    const messages = api.services.messages;
    const original = messages.eraseResident;
    messages.eraseResident = async () => { throw new Error('database went away'); };
    let first;
    try {
      first = await deleteAccount(fay);
    } finally {
      messages.eraseResident = original;
    }
    expect(first.status).toBe(503);
    expect(first.body.error.code).toBe('ACCOUNT_DELETION_INCOMPLETE');
    // What ran before the failure is done (the booking is cancelled, its time free); the account is still there.
    expect((await BookingModel.findById(mine.upcoming.id).lean())!.status).toBe('cancelled_by_resident');
    expect((await api.request('GET', '/api/v1/me', { token: fay.token })).status).toBe(200);
    expect(await AuditEventModel.countDocuments({ action: 'account.delete', actor: `resident:${fay.id}`, result: 'failure', 'detail.step': 'messages' })).toBe(1);

    const second = await deleteAccount(fay);
    expect(second.status).toBe(200);
    expect(second.body.cancelledBookings).toBe(0); // cancelled by the first attempt already
    expect(Object.entries(await leftFor(fay.id)).filter(([, n]) => n > 0)).toEqual([]);
  }, 60_000);

  test('two deletions at once both end cleanly, the booking is cancelled once', async () => {
    const counselor = await makeCounselor('s1');
    const gus = await login(uniqueName('gus'));
    const b = (await book(api, gus, bookingBody('s1', counselor, at(3, '11:00')))).body;
    const results = await Promise.all([deleteAccount(gus), deleteAccount(gus)]);
    for (const r of results) expect([200, 401, 503]).toContain(r.status);
    expect(results.some((r) => r.status === 200)).toBe(true);
    if (results.some((r) => r.status === 503)) expect((await deleteAccount(gus)).status).toBe(200);
    const history = await mongoose.connection.db!.collection('booking_transitions').find({ bookingId: b.id }).toArray();
    expect(history.filter((h) => h.to === 'cancelled_by_resident')).toHaveLength(1);
    expect(await ResidentModel.exists({ _id: gus.id })).toBeNull();
  }, 60_000);
});
