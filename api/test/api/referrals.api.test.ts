import mongoose from 'mongoose';
import { PRIVACY_POLICY_VERSION } from '../../src/modules/consents/consents.service';
import { StationModel } from '../../src/modules/stations/station.model';
import { startApi, type TestApi } from '../support/api';

let api: TestApi;
beforeAll(async () => { api = await startApi(); });
afterAll(async () => { await api.close(); });

let n = 0;
async function resident() {
  return (await api.request('POST', '/api/v1/auth/dev-login', { body: { openid: `ref-${Date.now()}-${n++}` } })).body.token as string;
}
async function station(key = 's1c1') {
  return String((await StationModel.findOne({ seedKey: key }).lean())!._id);
}
const requests = () => mongoose.connection.db!.collection('follow_up_requests');
const body = async (over: Record<string, unknown> = {}) => ({
  stationId: await station(), phone: '13800138000', code: 'phq9', bandKey: 'severe', crisis: true, urgent: true,
  consent: true, policyVersion: PRIVACY_POLICY_VERSION, ...over,
});

describe('POST /api/v1/me/referrals', () => {
  test('creates a follow-up request for the chosen station, with the phone sealed at rest and the consent recorded', async () => {
    const token = await resident();
    const res = await api.request('POST', '/api/v1/me/referrals', { token, body: await body() });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'new', stationName: '湖滨社区心理服务室' });
    const raw = await requests().findOne({ _id: res.body.id as never });
    expect(raw).toMatchObject({ scale: 'phq9', bandKey: 'severe', crisis: true, status: 'new' });
    expect(JSON.stringify(raw)).not.toContain('13800138000');
    const consents = await api.request('GET', '/api/v1/me/consents', { token });
    expect(consents.body.items.map((c: { purpose: string }) => c.purpose)).toContain('referral_contact');
    const mine = await api.request('GET', '/api/v1/me/referrals', { token });
    expect(mine.body.items).toEqual([expect.objectContaining({ id: res.body.id, stationName: '湖滨社区心理服务室', status: 'new' })]);
    expect(api.logs.join('\n')).not.toContain('13800138000');
  });

  test('without the consent box ticked, nothing is created and the message says why', async () => {
    const token = await resident();
    const before = await requests().countDocuments();
    const res = await api.request('POST', '/api/v1/me/referrals', { token, body: await body({ consent: false }) });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toContain('需要你同意');
    expect(await requests().countDocuments()).toBe(before);
  });

  test.each([
    ['a malformed phone number', { phone: '12345' }, 400],
    ['a phone number as an operator', { phone: { $ne: null } }, 400],
    ['an unknown station', { stationId: 'a'.repeat(24) }, 404],
    ['an unknown scale', { code: 'nosuch' }, 404],
    ['a band that is not the scale\'s', { bandKey: 'nonsense' }, 400],
    ['an unknown key', { status: 'closed' }, 400],
  ])('%s is refused and creates nothing', async (_name, over, status) => {
    const token = await resident();
    const before = await requests().countDocuments();
    const res = await api.request('POST', '/api/v1/me/referrals', { token, body: await body(over) });
    expect(res.status).toBe(status);
    expect(await requests().countDocuments()).toBe(before);
  });

  test('a double submit with one Idempotency-Key creates one request', async () => {
    const token = await resident();
    const payload = await body();
    const key = `ref${Date.now()}`;
    await Promise.all([1, 2, 3].map(() => api.request('POST', '/api/v1/me/referrals', { token, body: payload, headers: { 'Idempotency-Key': key } })));
    expect((await api.request('GET', '/api/v1/me/referrals', { token })).body.items).toHaveLength(1);
  });

  test('needs a resident token', async () => {
    expect((await api.request('POST', '/api/v1/me/referrals', { body: await body() })).status).toBe(401);
  });
});
