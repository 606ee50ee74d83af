import crypto from 'node:crypto';
import jwt from 'jsonwebtoken';
import { hashPassword } from '../../src/modules/auth/password';
import { AuditEventModel } from '../../src/modules/audit/audit-event.model';
import { RefreshTokenModel } from '../../src/modules/auth/refresh-token.model';
import { StaffSessionModel } from '../../src/modules/auth/staff-session.model';
import { StaffModel } from '../../src/modules/staff/staff.model';
import { startApi, staffLogin, TEST_DEMO_PASSWORD, type TestApi } from '../support/api';

let api: TestApi;
beforeAll(async () => { api = await startApi({}, { content: false }); });
afterAll(async () => { await api.close(); });

const LOGIN = '/api/v1/auth/staff/login';
const REFRESH = '/api/v1/auth/staff/refresh';

async function newStaff() {
  const username = `u${crypto.randomBytes(4).toString('hex')}`;
  const doc = await StaffModel.create({ username, usernameLower: username, displayName: '测试人员', role: 'editor', passwordHash: await hashPassword('Right-password-1!') });
  return { username, id: String(doc._id) };
}

describe('POST /api/v1/auth/staff/login', () => {
  test('with the right password returns a 15-minute access token, a refresh token and the profile', async () => {
    const res = await api.request('POST', LOGIN, { body: { username: 'demo-editor', password: TEST_DEMO_PASSWORD } });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ username: 'demo-editor', role: 'editor', stationId: null });
    expect(res.body.expiresIn).toBe(900);
    const claims = jwt.decode(res.body.accessToken) as jwt.JwtPayload;
    expect(claims.exp! - claims.iat!).toBe(900);
    expect(res.body.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  test('usernames are matched regardless of case', async () => {
    const res = await api.request('POST', LOGIN, { body: { username: 'DEMO-Editor', password: TEST_DEMO_PASSWORD } });
    expect(res.status).toBe(200);
  });

  test('operator objects instead of strings are a 400 and open no session', async () => {
    const before = await StaffSessionModel.countDocuments();
    const res = await api.request('POST', LOGIN, { body: { username: { $gt: '' }, password: { $gt: '' } } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['password', 'username']);
    expect(await StaffSessionModel.countDocuments()).toBe(before);
  });

  test('unknown keys are refused', async () => {
    const res = await api.request('POST', LOGIN, { body: { username: 'demo-editor', password: TEST_DEMO_PASSWORD, role: 'district_admin' } });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0]).toMatchObject({ in: 'body', code: 'unrecognized_keys' });
  });

  test('a wrong password and an unknown user get the same Chinese answer', async () => {
    const wrong = await api.request('POST', LOGIN, { body: { username: 'demo-reviewer', password: 'nope-nope-nope' } });
    const unknown = await api.request('POST', LOGIN, { body: { username: 'nobody-here', password: 'nope-nope-nope' } });
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.body.error).toEqual({ code: 'INVALID_CREDENTIALS', message: '用户名或密码不正确' });
    }
  });

  test('the 5th wrong password locks the account for 15 minutes, even against the right password', async () => {
    const { username, id } = await newStaff();
    for (let i = 1; i <= 4; i++) {
      const res = await api.request('POST', LOGIN, { body: { username, password: `wrong-${i}` } });
      expect(res.status).toBe(401);
    }
    const fifth = await api.request('POST', LOGIN, { body: { username, password: 'wrong-5' } });
    expect(fifth.status).toBe(423);
    expect(fifth.body.error.code).toBe('ACCOUNT_LOCKED');
    expect(fifth.body.error.message).toContain('15 分钟');
    const sixth = await api.request('POST', LOGIN, { body: { username, password: 'Right-password-1!' } });
    expect(sixth.status).toBe(423);
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    expect(await AuditEventModel.countDocuments({ actor: `staff:${id}`, action: 'auth.lockout' })).toBe(1);
  });

  test('concurrent wrong passwords are all counted', async () => {
    const { username } = await newStaff();
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => api.request('POST', LOGIN, { body: { username, password: `bad-${i}` } })));
    expect(results.filter((r) => r.status === 423).length).toBeGreaterThanOrEqual(1);
    const after = await api.request('POST', LOGIN, { body: { username, password: 'Right-password-1!' } });
    expect(after.status).toBe(423);
  });

  test('a body that is not JSON is 415, broken JSON is 400, an oversized body is 413', async () => {
    const text = await api.request('POST', LOGIN, { raw: 'username=a&password=b', headers: { 'Content-Type': 'text/plain' } });
    expect(text.status).toBe(415);
    expect(text.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const broken = await api.request('POST', LOGIN, { raw: '{"username":', headers: { 'Content-Type': 'application/json' } });
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe('INVALID_JSON');
    const poisoned = await api.request('POST', LOGIN, { raw: '{"username":"a","password":"b","__proto__":{"role":"district_admin"}}', headers: { 'Content-Type': 'application/json' } });
    expect(poisoned.status).toBe(400);
    const huge = await api.request('POST', LOGIN, { body: { username: 'x'.repeat(1024 * 1024), password: 'y' } });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  test('a long string under the body limit is a 400 naming the field', async () => {
    const res = await api.request('POST', LOGIN, { body: { username: 'x'.repeat(5000), password: 'y' } });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('username');
  });
});

describe('POST /api/v1/auth/staff/refresh', () => {
  test('rotates: the new pair works and the old refresh token is spent', async () => {
    const first = await staffLogin(api, 'demo-reviewer');
    const second = await api.request('POST', REFRESH, { body: { refreshToken: first.refreshToken } });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    const me = await api.request('GET', '/api/v1/staff/me', { token: second.body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body.username).toBe('demo-reviewer');
  });

  test('replaying a used refresh token revokes the whole family', async () => {
    const r1 = await staffLogin(api, 'demo-editor');
    const r2 = (await api.request('POST', REFRESH, { body: { refreshToken: r1.refreshToken } })).body;
    const replay = await api.request('POST', REFRESH, { body: { refreshToken: r1.refreshToken } });
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('REFRESH_TOKEN_INVALID');
    const r2Refresh = await api.request('POST', REFRESH, { body: { refreshToken: r2.refreshToken } });
    expect(r2Refresh.status).toBe(401);
    const r2Access = await api.request('GET', '/api/v1/staff/me', { token: r2.accessToken });
    expect(r2Access.status).toBe(401);
    expect(r2Access.body.error.code).toBe('SESSION_REVOKED');
    expect(await AuditEventModel.countDocuments({ actor: `staff:${r1.user.id}`, action: 'auth.refresh_reuse' })).toBeGreaterThanOrEqual(1);
  });

  test('two concurrent refreshes with one token: at most one succeeds', async () => {
    const r1 = await staffLogin(api, 'demo-editor');
    const results = await Promise.all([1, 2, 3].map(() => api.request('POST', REFRESH, { body: { refreshToken: r1.refreshToken } })));
    expect(results.filter((r) => r.status === 200).length).toBeLessThanOrEqual(1);
  });

  test('a session idle for more than 30 minutes must log in again', async () => {
    const s = await staffLogin(api, 'demo-editor');
    // Age the refresh token as 31 idle minutes would (it is issued with a 30-minute life).
    await RefreshTokenModel.updateMany({ staffId: s.user.id }, { $set: { expiresAt: new Date(Date.now() - 60_000) } });
    const res = await api.request('POST', REFRESH, { body: { refreshToken: s.refreshToken } });
    expect(res.status).toBe(401);
    expect((await api.request('GET', '/api/v1/staff/me', { token: s.accessToken })).status).toBe(401);
  });

  test('a session older than 12 hours ends even when it was used all along', async () => {
    const s = await staffLogin(api, 'demo-reviewer');
    const sid = (jwt.decode(s.accessToken) as jwt.JwtPayload).sid;
    await StaffSessionModel.updateOne({ _id: sid }, { $set: { createdAt: new Date(Date.now() - 13 * 3_600_000) } });
    const res = await api.request('POST', REFRESH, { body: { refreshToken: s.refreshToken } });
    expect(res.status).toBe(401);
    expect((await StaffSessionModel.findById(sid).lean())!.revokedReason).toBe('expired');
  });

  test('an unknown refresh token is 401', async () => {
    const res = await api.request('POST', REFRESH, { body: { refreshToken: crypto.randomBytes(32).toString('base64url') } });
    expect(res.status).toBe(401);
  });
});

describe('POST /api/v1/auth/staff/logout', () => {
  test('revokes the refresh token and the access token at once', async () => {
    const s = await staffLogin(api, 'demo-admin');
    const out = await api.request('POST', '/api/v1/auth/staff/logout', { token: s.accessToken, body: { refreshToken: s.refreshToken } });
    expect(out.status).toBe(204);
    expect((await api.request('POST', REFRESH, { body: { refreshToken: s.refreshToken } })).status).toBe(401);
    expect((await api.request('GET', '/api/v1/staff/me', { token: s.accessToken })).status).toBe(401);
  });
});

describe('staff access tokens', () => {
  test('forged tokens are refused: alg none, another secret, HS512, expired, a resident token', async () => {
    const s = await staffLogin(api, 'demo-admin');
    const claims = jwt.decode(s.accessToken) as jwt.JwtPayload;
    const payload = { kind: 'staff', sid: claims.sid, role: 'district_admin', sub: claims.sub, iss: 'xinan', aud: 'staff' };
    const none = jwt.sign(payload, '', { algorithm: 'none' });
    const otherSecret = jwt.sign(payload, 'x'.repeat(40), { algorithm: 'HS256', expiresIn: 60 });
    const hs512 = jwt.sign(payload, api.config.jwtSecret, { algorithm: 'HS512', expiresIn: 60 });
    const expired = jwt.sign({ ...payload, exp: Math.floor(Date.now() / 1000) - 10 }, api.config.jwtSecret, { algorithm: 'HS256' });
    const resident = api.services.tokens.signResident(claims.sub!);
    for (const token of [none, otherSecret, hs512, resident]) {
      const res = await api.request('GET', '/api/v1/staff/me', { token });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('UNAUTHENTICATED');
    }
    const exp = await api.request('GET', '/api/v1/staff/me', { token: expired });
    expect(exp.status).toBe(401);
    expect(exp.body.error.code).toBe('TOKEN_EXPIRED');
  });
});

describe('logs', () => {
  test('never contain passwords, tokens or the Authorization header', async () => {
    const s = await staffLogin(api, 'demo-editor');
    await api.request('GET', '/api/v1/staff/me', { token: s.accessToken });
    const all = api.logs.join('\n');
    expect(all).toContain('"path":"/api/v1/staff/me"');
    expect(all).not.toContain(TEST_DEMO_PASSWORD);
    expect(all).not.toContain('eyJ');
    expect(all).not.toContain(s.refreshToken);
  });
});
