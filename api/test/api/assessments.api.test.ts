import mongoose from 'mongoose';
import { PRIVACY_POLICY_VERSION } from '../../src/modules/consents/consents.service';
import { startApi, type TestApi } from '../support/api';

let api: TestApi;
beforeAll(async () => { api = await startApi({}, { content: false }); });
afterAll(async () => { await api.close(); });

let n = 0;
async function resident() {
  const res = await api.request('POST', '/api/v1/auth/dev-login', { body: { openid: `saver-${Date.now()}-${n++}` } });
  return res.body.token as string;
}
const consent = (token: string) => api.request('POST', '/api/v1/me/consents', { token, body: { purpose: 'store_results', policyVersion: PRIVACY_POLICY_VERSION } });
const save = (token: string, code: string, answers: unknown[], headers: Record<string, string> = {}) =>
  api.request('POST', '/api/v1/me/assessments', { token, body: { code, answers }, headers });
const rawSaved = () => mongoose.connection.db!.collection('saved_assessments');

describe('saving self-test results', () => {
  test('without the separate store_results consent nothing is saved: 403 CONSENT_REQUIRED in Chinese', async () => {
    const token = await resident();
    const before = await rawSaved().countDocuments();
    const res = await save(token, 'phq9', [1, 1, 1, 1, 1, 1, 1, 1, 0]);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('CONSENT_REQUIRED');
    expect(res.body.error.message).toContain('单独同意');
    expect(await rawSaved().countDocuments()).toBe(before);
  });

  test('consent is recorded with its time and policy version; an outdated version is refused', async () => {
    const token = await resident();
    const old = await api.request('POST', '/api/v1/me/consents', { token, body: { purpose: 'store_results', policyVersion: '2020-01-01' } });
    expect(old.status).toBe(409);
    const res = await consent(token);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ purpose: 'store_results', policyVersion: PRIVACY_POLICY_VERSION });
    expect(Date.parse(res.body.grantedAt)).toBeGreaterThan(Date.now() - 60_000);
    const list = await api.request('GET', '/api/v1/me/consents', { token });
    expect(list.body.items.map((c: { purpose: string }) => c.purpose)).toEqual(['store_results']);
  });

  test('with consent, results are saved with answers encrypted at rest, listed with a trend, and readable back', async () => {
    const token = await resident();
    await consent(token);
    const first = await save(token, 'gad7', [3, 3, 3, 3, 3, 3, 3]);
    expect(first.status).toBe(201);
    const second = await save(token, 'gad7', [1, 1, 1, 1, 1, 1, 1]);
    const raw = await rawSaved().findOne({ _id: second.body.id as never });
    expect(JSON.stringify(raw)).not.toContain('[1,1,1,1,1,1,1]');
    expect(raw!.answers).toMatchObject({ kid: 'k1', ct: expect.any(String), iv: expect.any(String), tag: expect.any(String) });

    const history = await api.request('GET', '/api/v1/me/assessments', { token });
    expect(history.body.items.map((i: { total: number }) => i.total)).toEqual([7, 21]);
    expect(history.body.trends).toEqual([{ code: 'gad7', title: expect.any(String), points: [expect.objectContaining({ total: 21 }), expect.objectContaining({ total: 7 })] }]);
    const one = await api.request('GET', `/api/v1/me/assessments/${second.body.id}`, { token });
    expect(one.body.answers).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });

  test('another resident cannot read or delete my result: 404, not 403', async () => {
    const me = await resident();
    await consent(me);
    const saved = await save(me, 'k6', [1, 1, 1, 1, 1, 1]);
    const other = await resident();
    expect((await api.request('GET', `/api/v1/me/assessments/${saved.body.id}`, { token: other })).status).toBe(404);
    expect((await api.request('DELETE', `/api/v1/me/assessments/${saved.body.id}`, { token: other })).status).toBe(404);
    expect((await api.request('GET', `/api/v1/me/assessments/${saved.body.id}`, { token: me })).status).toBe(200);
  });

  test('a resent save with the same Idempotency-Key saves once', async () => {
    const token = await resident();
    await consent(token);
    const key = `save${Date.now()}`;
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => save(token, 'phq2', [1, 2], { 'Idempotency-Key': key })));
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect((await api.request('GET', '/api/v1/me/assessments', { token })).body.total).toBe(1);
    // Counted once in the anonymous rollup too, and that row cannot be traced back to the account.
    const residentId = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).sub as string;
    const rollup = mongoose.connection.db!.collection<{ _id: string }>('assessment_events');
    expect(await rollup.countDocuments({ _id: { $regex: key } })).toBe(0);
    expect(await rollup.countDocuments({ _id: { $regex: residentId } })).toBe(0);
  });

  test('deleting one result, or all of them, removes them from the database', async () => {
    const token = await resident();
    await consent(token);
    const a = await save(token, 'phq2', [0, 0]);
    await save(token, 'phq2', [3, 3]);
    expect((await api.request('DELETE', `/api/v1/me/assessments/${a.body.id}`, { token })).status).toBe(204);
    expect((await api.request('GET', '/api/v1/me/assessments', { token })).body.total).toBe(1);
    expect((await api.request('DELETE', '/api/v1/me/assessments', { token })).status).toBe(204);
    expect((await api.request('GET', '/api/v1/me/assessments', { token })).body.total).toBe(0);
  });

  test('withdrawing the consent deletes the saved results in the same request, and new saves are refused', async () => {
    const token = await resident();
    await consent(token);
    const saved = await save(token, 'who5', [5, 5, 5, 5, 5]);
    expect(saved.status).toBe(201);
    expect((await api.request('DELETE', '/api/v1/me/consents/store_results', { token })).status).toBe(204);
    expect(await rawSaved().countDocuments({ _id: saved.body.id as never })).toBe(0);
    expect((await save(token, 'who5', [5, 5, 5, 5, 5])).status).toBe(403);
  });

  test('a crisis answer brings the hotlines when saving too', async () => {
    const token = await resident();
    await consent(token);
    const res = await save(token, 'phq9', [0, 0, 0, 0, 0, 0, 0, 0, 2]);
    expect(res.body.crisis).toBe(true);
    expect(res.body.hotlines.map((h: { phone: string }) => h.phone)).toContain('12356');
  });

  test('bad input is a 400 naming the item and saves nothing; without a token it is 401', async () => {
    const token = await resident();
    await consent(token);
    const before = await rawSaved().countDocuments();
    const bad = await save(token, 'phq9', [0, 0, 0, 0, 0, 0, 0, 0, 'x']);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error)).toContain('第9题');
    expect(await rawSaved().countDocuments()).toBe(before);
    expect((await api.request('POST', '/api/v1/me/assessments', { body: { code: 'phq9', answers: [] } })).status).toBe(401);
  });
});
