// Issue 5: a lapsed credential makes the counselor unbookable and tells the district admin. The sweep writes notices
// (expiring within 30 days, lapsed), once per counselor, event and credential period, also with two instances.
import mongoose from 'mongoose';
import { addDays, atChinaTime, chinaDateOf } from '../../src/modules/availability/china-time';
import { CounselorModel } from '../../src/modules/counselors/counselor.model';
import { StaffNoticeModel, StaffNoticeReadModel } from '../../src/modules/staff-notices/staff-notice.model';
import { startApi, staffLogin, type TestApi } from '../support/api';
import { makeCounselor } from './bookings.fixtures';

let api: TestApi;
beforeAll(async () => { api = await startApi({}, { content: false }); });
afterAll(async () => { await api.close(); });

const today = chinaDateOf(new Date());
/** Noon China time `days` from today: the sweep's fake clock. */
const dayAt = (days: number) => atChinaTime(addDays(today, days), '12:00');
const noticesOf = (counselorId: string) => StaffNoticeModel.find({ counselorId: new mongoose.Types.ObjectId(counselorId) }).sort({ createdAt: 1 }).lean();

type Notice = { id: string; kind: string; title: string; body: string; counselorId: string; stationId: string; read: boolean; resolved: boolean };
async function list(token: string, query = '') {
  const res = await api.request('GET', `/api/v1/admin/notices${query}`, { token });
  expect(res.status).toBe(200);
  return res.body as { items: Notice[]; total: number; unread: number; page: number; pageSize: number };
}
const unread = async (token: string) => (await api.request('GET', '/api/v1/admin/notices/unread-count', { token })).body.unread as number;
const markRead = (token: string, id: string) => api.request('POST', `/api/v1/admin/notices/${id}/read`, { token, body: {} });

describe('credential notices', () => {
  test('expiring, then lapsed: one notice each, also when two instances sweep at once and on every later sweep', async () => {
    const c = await makeCounselor('s1c1', undefined, { credentialValidUntil: addDays(today, 10) });
    const valid = await makeCounselor('s1c1');

    const first = await Promise.all([api.services.staffNotices.sweep(dayAt(0)), api.services.staffNotices.sweep(dayAt(0))]);
    expect(first[0].created + first[1].created).toBeGreaterThanOrEqual(1);
    let notices = await noticesOf(c);
    expect(notices.map((n) => n.kind)).toEqual(['credential_expiring']);
    expect(notices[0]!.body).toContain(addDays(today, 10));
    expect(await noticesOf(valid)).toEqual([]);

    // Days later, still expiring: nothing new.
    await api.services.staffNotices.sweep(dayAt(5));
    expect((await noticesOf(c)).length).toBe(1);

    // After the end date: the lapse notice, once, whoever sweeps how often.
    await Promise.all([11, 11, 12, 40].map((d) => api.services.staffNotices.sweep(dayAt(d))));
    notices = await noticesOf(c);
    expect(notices.map((n) => n.kind)).toEqual(['credential_expiring', 'credential_lapsed']);
    expect(notices[1]!.title).toBe('咨询师资质已过期');
  });

  test('a renewed credential is a new period: it gets its own notices; an inactive counselor gets none', async () => {
    const c = await makeCounselor('s2', undefined, { credentialValidUntil: addDays(today, -1) });
    await api.services.staffNotices.sweep(dayAt(0));
    expect((await noticesOf(c)).map((n) => n.kind)).toEqual(['credential_lapsed']);
    // What the notice tells: residents cannot book this counselor now.
    expect((await api.request('GET', `/api/v1/counselors/${c}`)).body.bookable).toBe(false);

    const admin = await staffLogin(api, 'demo-admin');
    const renewed = await api.request('PATCH', `/api/v1/admin/counselors/${c}`, { token: admin.accessToken, body: { credentialValidUntil: addDays(today, 20) } });
    expect(renewed.status).toBe(200);
    // The old notice now reads as resolved.
    const before = (await list(admin.accessToken, '?pageSize=50')).items.find((n) => n.counselorId === c)!;
    expect(before).toMatchObject({ kind: 'credential_lapsed', resolved: true });
    await api.services.staffNotices.sweep(dayAt(0));
    await api.services.staffNotices.sweep(dayAt(0));
    expect((await noticesOf(c)).map((n) => n.kind)).toEqual(['credential_lapsed', 'credential_expiring']);

    const inactive = await makeCounselor('s2', undefined, { credentialValidUntil: addDays(today, -3), active: false });
    await api.services.staffNotices.sweep(dayAt(0));
    expect(await noticesOf(inactive)).toEqual([]);
  });

  test('the demo counselor whose credential lapsed is on the district admin\'s list, with no resident data in the notice', async () => {
    await api.services.staffNotices.sweep(new Date());
    const xu = (await CounselorModel.findOne({ name: '许文' }).lean())!;
    const admin = await staffLogin(api, 'demo-admin');
    const mine = (await list(admin.accessToken, '?pageSize=50')).items.filter((n) => n.counselorId === String(xu._id));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ kind: 'credential_lapsed', read: false, resolved: false });
    expect(mine[0]!.body).toContain('许文');
    const raw = await mongoose.connection.db!.collection('staff_notices').findOne({ _id: mine[0]!.id as never });
    expect(Object.keys(raw!).sort()).toEqual(['_id', 'body', 'counselorId', 'createdAt', 'credentialValidFrom', 'credentialValidUntil', 'kind', 'stationId', 'title']);
  });
});

describe('notices API', () => {
  test('scoped to the staff member\'s stations; read state is per person; read-all; out-of-scope is 404', async () => {
    const inS1 = await makeCounselor('s1c2', undefined, { credentialValidUntil: addDays(today, -2) });
    const inS3 = await makeCounselor('s3', undefined, { credentialValidUntil: addDays(today, 3) });
    await api.services.staffNotices.sweep(dayAt(0));
    const [s1Notice] = await noticesOf(inS1);
    const [s3Notice] = await noticesOf(inS3);

    const admin = await staffLogin(api, 'demo-admin');
    const street1 = await staffLogin(api, 'station-s1');
    const community = await staffLogin(api, 'station-s1c2');
    const street3 = await staffLogin(api, 'station-s3');

    const adminIds = (await list(admin.accessToken, '?pageSize=50')).items.map((n) => n.id);
    expect(adminIds).toEqual(expect.arrayContaining([s1Notice!._id, s3Notice!._id]));
    const street1Ids = (await list(street1.accessToken, '?pageSize=50')).items.map((n) => n.id);
    expect(street1Ids).toContain(s1Notice!._id);
    expect(street1Ids).not.toContain(s3Notice!._id);
    expect((await list(community.accessToken)).items.map((n) => n.id)).toContain(s1Notice!._id);
    const s3View = await list(street3.accessToken, '?pageSize=50');
    expect(s3View.items.map((n) => n.id)).toContain(s3Notice!._id);
    expect(s3View.items.every((n) => n.stationId !== String(inS1))).toBe(true);
    expect(s3View.items.map((n) => n.id)).not.toContain(s1Notice!._id);

    // Reading is per person: the community's staff member reads it, the street's count stays.
    const streetUnread = await unread(street1.accessToken);
    const communityUnread = await unread(community.accessToken);
    const twice = await Promise.all([markRead(community.accessToken, s1Notice!._id), markRead(community.accessToken, s1Notice!._id)]);
    expect(twice.map((r) => r.status)).toEqual([204, 204]);
    expect(await StaffNoticeReadModel.countDocuments({ noticeId: s1Notice!._id, staffId: community.user.id })).toBe(1);
    expect(await unread(community.accessToken)).toBe(communityUnread - 1);
    expect(await unread(street1.accessToken)).toBe(streetUnread);
    const communityList = await list(community.accessToken);
    expect(communityList.items.find((n) => n.id === s1Notice!._id)!.read).toBe(true);
    expect(communityList.unread).toBe(communityUnread - 1);
    expect((await list(community.accessToken, '?unread=true')).items.map((n) => n.id)).not.toContain(s1Notice!._id);

    // Someone else's station: not found (its existence is not revealed), and nothing recorded.
    const outside = await markRead(street3.accessToken, s1Notice!._id);
    expect([outside.status, outside.body.error.code]).toEqual([404, 'NOTICE_NOT_FOUND']);
    expect(await StaffNoticeReadModel.countDocuments({ staffId: street3.user.id, noticeId: s1Notice!._id })).toBe(0);
    expect((await markRead(admin.accessToken, 'ntc_' + '0'.repeat(24))).status).toBe(404);

    const all = await api.request('POST', '/api/v1/admin/notices/read-all', { token: street1.accessToken, body: {} });
    expect(all.status).toBe(204);
    expect(await unread(street1.accessToken)).toBe(0);
    expect((await list(street1.accessToken, '?unread=true')).items).toEqual([]);
    expect(await unread(admin.accessToken)).toBeGreaterThan(0);
  });

  test('who may call it, and bad input', async () => {
    const editor = await staffLogin(api, 'demo-editor');
    const admin = await staffLogin(api, 'demo-admin');
    expect((await api.request('GET', '/api/v1/admin/notices')).status).toBe(401);
    expect((await api.request('GET', '/api/v1/admin/notices', { token: editor.accessToken })).status).toBe(403);
    expect((await api.request('GET', '/api/v1/admin/notices/unread-count', { token: editor.accessToken })).status).toBe(403);
    for (const q of ['?page=0', '?pageSize=500', '?unread=yes', '?page[$gt]=1', '?unread[$ne]=true', '?x=1', `?page=${'9'.repeat(400)}`]) {
      expect((await api.request('GET', `/api/v1/admin/notices${q}`, { token: admin.accessToken })).status).toBe(400);
    }
    for (const id of ['abc', 'ntc_XYZ', 'ntc_' + 'a'.repeat(25), encodeURIComponent('{"$gt":""}'), 'x'.repeat(5000)]) {
      expect((await markRead(admin.accessToken, id)).status).toBe(400);
    }
    expect((await api.request('POST', `/api/v1/admin/notices/ntc_${'0'.repeat(24)}/read`, { token: admin.accessToken, body: { x: 1 } })).status).toBe(400);
    expect((await api.request('POST', '/api/v1/admin/notices/read-all', { token: admin.accessToken, body: { $gt: '' } })).status).toBe(400);
    expect((await api.request('POST', '/api/v1/admin/notices/read-all', { token: editor.accessToken, body: {} })).status).toBe(403);
  });
});
