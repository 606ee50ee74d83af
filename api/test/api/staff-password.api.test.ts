import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import content from '@xinan/content';
import jwt from 'jsonwebtoken';
import { AuditEventModel } from '../../src/modules/audit/audit-event.model';
import { LoginFailureModel } from '../../src/modules/auth/login-failure.model';
import { PasswordChangeModel } from '../../src/modules/auth/password-change.model';
import { STAFF_LOGOUT_PATH, STAFF_ME_PATH, STAFF_PASSWORD_PATH } from '../../src/modules/auth/password-change-gate';
import { StaffSessionModel } from '../../src/modules/auth/staff-session.model';
import { bootstrapStaff } from '../../src/modules/staff/staff.bootstrap';
import { StaffModel } from '../../src/modules/staff/staff.model';
import { startApi, staffLogin, TEST_DEMO_PASSWORD, type TestApi } from '../support/api';
import { sid } from './bookings.fixtures';

// Changing the own staff password, and the forced change after a password someone else has seen
// (a district admin's one-time password, the first admin's initial password).
let api: TestApi;
beforeAll(async () => { api = await startApi({}, { content: false }); });
afterAll(async () => { await api.close(); });

const LOGIN = '/api/v1/auth/staff/login';
const REFRESH = '/api/v1/auth/staff/refresh';
const PASSWORD = '/api/v1/auth/staff/password';
const ME = '/api/v1/staff/me';
const STATIONS = '/api/v1/admin/stations';
const NEW_PASSWORD = 'Quiet-river-42!';

const login = (username: string, password: string) => api.request('POST', LOGIN, { body: { username, password } });
const change = (token: string, body: unknown) => api.request('POST', PASSWORD, { token, body });

let seq = 0;
/** A station account created by demo-admin through the API, with its one-time password. */
async function createdAccount() {
  const admin = await staffLogin(api, 'demo-admin');
  const username = `pw-${process.pid}-${seq++}`;
  const res = await api.request('POST', '/api/v1/admin/staff', { token: admin.accessToken, body: { username, displayName: '改密测试', stationId: sid('s1c1') } });
  expect(res.status).toBe(201);
  return { username, id: res.body.staff.id as string, password: res.body.oneTimePassword as string, adminToken: admin.accessToken, listed: res.body.staff };
}

describe('who must change the password', () => {
  test('an account a district admin creates is flagged: login and /staff/me say so, other routes answer 403 until it is changed', async () => {
    const acct = await createdAccount();
    expect(acct.listed.mustChangePassword).toBe(true);
    const first = await login(acct.username, acct.password);
    expect(first.status).toBe(200);
    expect(first.body.user.mustChangePassword).toBe(true);
    const me = await api.request('GET', ME, { token: first.body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ username: acct.username, mustChangePassword: true });

    // Reads and writes alike are refused, with a stable code and a Chinese message.
    const read = await api.request('GET', STATIONS, { token: first.body.accessToken });
    expect(read.status).toBe(403);
    expect(read.body.error).toEqual({ code: 'PASSWORD_CHANGE_REQUIRED', message: '为了账号安全，请先修改密码再继续使用' });
    const write = await api.request('POST', '/api/v1/admin/bookings/stream-token', { token: first.body.accessToken, body: {} });
    expect(write.status).toBe(403);
    expect(write.body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    // Refresh still works (and still reports the flag), so the session survives until the change.
    const refreshed = await api.request('POST', REFRESH, { body: { refreshToken: first.body.refreshToken } });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.user.mustChangePassword).toBe(true);

    const changed = await change(refreshed.body.accessToken, { currentPassword: acct.password, newPassword: NEW_PASSWORD });
    expect(changed.status).toBe(200);
    expect(changed.body.user).toMatchObject({ username: acct.username, mustChangePassword: false });
    expect((await api.request('GET', STATIONS, { token: refreshed.body.accessToken })).status).toBe(200);
    expect((await api.request('GET', ME, { token: refreshed.body.accessToken })).body.mustChangePassword).toBe(false);
    expect((await login(acct.username, NEW_PASSWORD)).body.user.mustChangePassword).toBe(false);
    const listed = await api.request('GET', `/api/v1/admin/staff?stationId=${sid('s1c1')}`, { token: acct.adminToken });
    expect(listed.body.items.find((s: { id: string }) => s.id === acct.id).mustChangePassword).toBe(false);
  });

  test('a new one-time password from a district admin flags the account again and ends its open sessions', async () => {
    const acct = await createdAccount();
    const s = await staffLogin(api, acct.username, acct.password);
    expect((await change(s.accessToken, { currentPassword: acct.password, newPassword: NEW_PASSWORD })).status).toBe(200);
    const own = await staffLogin(api, acct.username, NEW_PASSWORD);
    expect((await api.request('GET', STATIONS, { token: own.accessToken })).status).toBe(200);

    const reset = await api.request('POST', `/api/v1/admin/staff/${acct.id}/reset-password`, { token: acct.adminToken, body: {} });
    expect(reset.status).toBe(200);
    expect(reset.body.staff.mustChangePassword).toBe(true);
    for (const session of [s, own]) {
      const res = await api.request('GET', ME, { token: session.accessToken });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('SESSION_REVOKED');
      expect((await api.request('POST', REFRESH, { body: { refreshToken: session.refreshToken } })).status).toBe(401);
    }
    const again = await staffLogin(api, acct.username, reset.body.oneTimePassword);
    expect(again.user).toMatchObject({ mustChangePassword: true });
    expect((await api.request('GET', STATIONS, { token: again.accessToken })).body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
  });

  test('the first admin (ADMIN_INITIAL_PASSWORD) is flagged; demo accounts are not', async () => {
    const admin = await login('admin', 'Initial-admin-pass-1!');
    expect(admin.status).toBe(200);
    expect(admin.body.user).toMatchObject({ role: 'district_admin', mustChangePassword: true });
    expect((await api.request('GET', '/api/v1/admin/staff', { token: admin.body.accessToken })).body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    for (const username of ['demo-editor', 'demo-reviewer', 'demo-admin', 'station-s1']) {
      expect((await staffLogin(api, username)).user).toMatchObject({ mustChangePassword: false });
    }
    const changed = await change(admin.body.accessToken, { currentPassword: 'Initial-admin-pass-1!', newPassword: 'Own-choice-pass-7?' });
    expect(changed.status).toBe(200);
    expect((await api.request('GET', '/api/v1/admin/staff', { token: admin.body.accessToken })).status).toBe(200);
  });

  test('every route the gate lets through exists, and logout works while the flag is set', async () => {
    const staffRoutes = api.routes.flatMap((g) => g.routes).filter((r) => r.access.kind === 'staff').map((r) => `${r.method.toUpperCase()} ${r.path}`);
    expect(staffRoutes).toEqual(expect.arrayContaining([`GET ${STAFF_ME_PATH}`, `POST ${STAFF_PASSWORD_PATH}`, `POST ${STAFF_LOGOUT_PATH}`]));
    const acct = await createdAccount();
    const s = await staffLogin(api, acct.username, acct.password);
    expect((await api.request('POST', '/api/v1/auth/staff/logout', { token: s.accessToken, body: {} })).status).toBe(204);
    expect((await api.request('GET', ME, { token: s.accessToken })).status).toBe(401);
  });
});

describe('POST /api/v1/auth/staff/password', () => {
  test('a wrong current password is a 400 that counts toward the login lockout; the 5th locks login and change alike', async () => {
    const acct = await createdAccount();
    const s = await staffLogin(api, acct.username, acct.password);
    for (let i = 1; i <= 4; i++) {
      const res = await change(s.accessToken, { currentPassword: `Wrong-password-${i}!`, newPassword: NEW_PASSWORD });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'CURRENT_PASSWORD_INCORRECT', message: '当前密码不正确' });
    }
    expect(await LoginFailureModel.countDocuments({ staffId: acct.id })).toBe(4);
    const fifth = await change(s.accessToken, { currentPassword: 'Wrong-password-5!', newPassword: NEW_PASSWORD });
    expect(fifth.status).toBe(423);
    expect(fifth.body.error.code).toBe('ACCOUNT_LOCKED');
    // Locked now: the right password neither logs in nor changes the password.
    expect((await login(acct.username, acct.password)).status).toBe(423);
    const right = await change(s.accessToken, { currentPassword: acct.password, newPassword: NEW_PASSWORD });
    expect(right.status).toBe(423);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    expect((await StaffModel.findById(acct.id).lean())!.mustChangePassword).toBe(true);
    expect(await AuditEventModel.countDocuments({ actor: `staff:${acct.id}`, action: 'auth.lockout' })).toBe(1);
    expect(await AuditEventModel.countDocuments({ actor: `staff:${acct.id}`, action: 'auth.password_change', result: 'failure' })).toBe(4);
  });

  test.each([
    ['too short', 'Ab1!short', '密码至少需要12位'],
    ['one character class', 'onlylowercaseletters', '密码需包含大写字母、小写字母、数字、符号中的至少三类'],
    ['contains the username', 'USERNAME', '密码不能包含用户名'],
    ['a common password', 'Password1234', '这个密码太常见了，请换一个'],
  ])('a weak new password (%s) is refused with the policy reason in Chinese, and nothing changes', async (_name, weak, message) => {
    const acct = await createdAccount();
    const s = await staffLogin(api, acct.username, acct.password);
    const newPassword = weak === 'USERNAME' ? `Xx-9${acct.username}` : weak;
    const res = await change(s.accessToken, { currentPassword: acct.password, newPassword });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'PASSWORD_TOO_WEAK', message });
    expect(res.body.error.details).toEqual([expect.objectContaining({ path: 'newPassword', message })]);
    expect((await login(acct.username, acct.password)).status).toBe(200);
    expect((await StaffModel.findById(acct.id).lean())!.mustChangePassword).toBe(true);
    expect(await LoginFailureModel.countDocuments({ staffId: acct.id })).toBe(0);
  });

  test('the current password cannot be kept as the new one', async () => {
    const acct = await createdAccount();
    const s = await staffLogin(api, acct.username, acct.password);
    const res = await change(s.accessToken, { currentPassword: acct.password, newPassword: acct.password });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'PASSWORD_REUSED', message: '新密码不能与当前密码相同' });
    expect((await api.request('GET', STATIONS, { token: s.accessToken })).body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
  });

  test('success: the old password stops working at login, the new one works, and the audit entry holds no password', async () => {
    const acct = await createdAccount();
    const s = await staffLogin(api, acct.username, acct.password);
    const before = (await StaffModel.findById(acct.id).lean())!;
    const res = await change(s.accessToken, { currentPassword: acct.password, newPassword: NEW_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const after = (await StaffModel.findById(acct.id).lean())!;
    expect(after.passwordHash).toMatch(/^\$argon2id\$/);
    expect(after.passwordHash).not.toBe(before.passwordHash);
    expect(after.passwordChangedAt.getTime()).toBeGreaterThan(before.passwordChangedAt.getTime());
    expect(after.mustChangePassword).toBe(false);

    const old = await login(acct.username, acct.password);
    expect(old.status).toBe(401);
    expect(old.body.error.code).toBe('INVALID_CREDENTIALS');
    expect((await login(acct.username, NEW_PASSWORD)).status).toBe(200);

    const events = await AuditEventModel.find({ actor: `staff:${acct.id}`, action: 'auth.password_change' }).lean();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ result: 'success', target: `staff:${acct.id}`, detail: { wasRequired: true } });
    const written = JSON.stringify(events) + api.logs.join('\n');
    expect(written).not.toContain(NEW_PASSWORD);
    expect(written).not.toContain(acct.password);
  });

  test('every other session of the account ends; the one that changed the password stays signed in and can refresh', async () => {
    const acct = await createdAccount();
    const mine = await staffLogin(api, acct.username, acct.password);
    const others = [await staffLogin(api, acct.username, acct.password), await staffLogin(api, acct.username, acct.password)];
    const res = await change(mine.accessToken, { currentPassword: acct.password, newPassword: NEW_PASSWORD });
    expect(res.status).toBe(200);
    for (const other of others) {
      const me = await api.request('GET', ME, { token: other.accessToken });
      expect(me.status).toBe(401);
      expect(me.body.error.code).toBe('SESSION_REVOKED');
      expect((await api.request('POST', REFRESH, { body: { refreshToken: other.refreshToken } })).status).toBe(401);
      const sessionId = (jwt.decode(other.accessToken) as jwt.JwtPayload).sid;
      expect((await StaffSessionModel.findById(sessionId).lean())!.revokedReason).toBe('password_change');
    }
    expect((await api.request('GET', STATIONS, { token: mine.accessToken })).status).toBe(200);
    const refreshed = await api.request('POST', REFRESH, { body: { refreshToken: mine.refreshToken } });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.user.mustChangePassword).toBe(false);
    const event = await AuditEventModel.findOne({ actor: `staff:${acct.id}`, action: 'auth.password_change', result: 'success' }).lean();
    expect(event!.detail).toMatchObject({ otherSessionsEnded: 2 });
  });

  test('an unflagged account can change its password any time (editor)', async () => {
    const hash = (await StaffModel.findOne({ usernameLower: 'demo-editor' }).lean())!.passwordHash;
    const s = await staffLogin(api, 'demo-editor');
    const res = await change(s.accessToken, { currentPassword: TEST_DEMO_PASSWORD, newPassword: 'Editor-new-pass-3#' });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ role: 'editor', mustChangePassword: false });
    expect((await login('demo-editor', 'Editor-new-pass-3#')).status).toBe(200);
    // Put the demo password back for the other tests in this file.
    await StaffModel.updateOne({ usernameLower: 'demo-editor' }, { $set: { passwordHash: hash } });
  });

  test('bad input: operators, unknown keys, wrong types, missing fields and oversized strings are 400 and change nothing', async () => {
    const acct = await createdAccount();
    const s = await staffLogin(api, acct.username, acct.password);
    const bodies: unknown[] = [
      { currentPassword: { $gt: '' }, newPassword: NEW_PASSWORD },
      { currentPassword: acct.password, newPassword: { $ne: null } },
      { currentPassword: acct.password, newPassword: NEW_PASSWORD, mustChangePassword: false },
      { currentPassword: acct.password, newPassword: NEW_PASSWORD, username: 'admin' },
      { currentPassword: acct.password },
      { newPassword: NEW_PASSWORD },
      { currentPassword: 12345678901234, newPassword: NEW_PASSWORD },
      { currentPassword: acct.password, newPassword: ['Quiet-river-42!'] },
      { currentPassword: acct.password, newPassword: `Aa1!${'x'.repeat(200)}` },
      { currentPassword: '', newPassword: NEW_PASSWORD },
      {},
    ];
    for (const body of bodies) {
      const res = await change(s.accessToken, body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    const unknown = await change(s.accessToken, { currentPassword: acct.password, newPassword: NEW_PASSWORD, extra: 1 });
    expect(unknown.body.error.details[0]).toMatchObject({ in: 'body', code: 'unrecognized_keys' });
    const notJson = await api.request('POST', PASSWORD, { token: s.accessToken, raw: 'currentPassword=x', headers: { 'Content-Type': 'text/plain' } });
    expect(notJson.status).toBe(415);
    expect(await LoginFailureModel.countDocuments({ staffId: acct.id })).toBe(0);
    expect((await login(acct.username, acct.password)).status).toBe(200);
    expect((await StaffModel.findById(acct.id).lean())!.mustChangePassword).toBe(true);
  });

  test('without a valid staff token it is 401; a resident token is refused too', async () => {
    expect((await api.request('POST', PASSWORD, { body: { currentPassword: 'a', newPassword: NEW_PASSWORD } })).status).toBe(401);
    const resident = api.services.tokens.signResident(crypto.randomBytes(12).toString('hex'));
    expect((await change(resident, { currentPassword: 'a', newPassword: NEW_PASSWORD })).status).toBe(401);
  });

  test('a double submit of the same change: exactly one succeeds, the rest are refused, and the account is consistent', async () => {
    const acct = await createdAccount();
    const s = await staffLogin(api, acct.username, acct.password);
    const other = await staffLogin(api, acct.username, acct.password);
    const results = await Promise.all([1, 2, 3].map(() => change(s.accessToken, { currentPassword: acct.password, newPassword: NEW_PASSWORD })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of results.filter((x) => x.status !== 200)) {
      // Either it saw the change under way (409) or, arriving after it, the old password no longer matched (400).
      expect(['PASSWORD_CHANGE_CONFLICT', 'CURRENT_PASSWORD_INCORRECT']).toContain(r.body.error.code);
    }
    expect((await login(acct.username, acct.password)).status).toBe(401);
    expect((await login(acct.username, NEW_PASSWORD)).status).toBe(200);
    const after = (await StaffModel.findById(acct.id).lean())!;
    expect(after.mustChangePassword).toBe(false);
    expect((await api.request('GET', STATIONS, { token: s.accessToken })).status).toBe(200);
    expect((await api.request('GET', ME, { token: other.accessToken })).status).toBe(401);
    expect(await AuditEventModel.countDocuments({ actor: `staff:${acct.id}`, action: 'auth.password_change', result: 'success' })).toBe(1);
  });

  test('a change held by another request is refused with 409; one abandoned by a request that died is taken over', async () => {
    const acct = await createdAccount();
    const s = await staffLogin(api, acct.username, acct.password);
    const { passwordHash } = (await StaffModel.findById(acct.id).lean())!;
    const claimId = `${acct.id}:${crypto.createHash('sha256').update(passwordHash).digest('hex')}`;
    await PasswordChangeModel.create({ _id: claimId, staffId: acct.id, at: new Date() });
    const held = await change(s.accessToken, { currentPassword: acct.password, newPassword: NEW_PASSWORD });
    expect(held.status).toBe(409);
    expect(held.body.error.code).toBe('PASSWORD_CHANGE_CONFLICT');
    expect((await StaffModel.findById(acct.id).lean())!.passwordHash).toBe(passwordHash);
    await PasswordChangeModel.updateOne({ _id: claimId }, { $set: { at: new Date(Date.now() - 5 * 60_000) } });
    const taken = await change(s.accessToken, { currentPassword: acct.password, newPassword: NEW_PASSWORD });
    expect(taken.status).toBe(200);
    expect((await login(acct.username, NEW_PASSWORD)).status).toBe(200);
  });

  test('two concurrent changes to different passwords: one wins and exactly its password works', async () => {
    const acct = await createdAccount();
    const a = await staffLogin(api, acct.username, acct.password);
    const b = await staffLogin(api, acct.username, acct.password);
    const candidates = ['Quiet-river-42!', 'Green-hill-77?'];
    const results = await Promise.all([a, b].map((sess, i) => change(sess.accessToken, { currentPassword: acct.password, newPassword: candidates[i] })));
    const winners = results.map((r, i) => (r.status === 200 ? i : -1)).filter((i) => i >= 0);
    expect(winners).toHaveLength(1);
    const w = winners[0]!;
    expect((await login(acct.username, candidates[w]!)).status).toBe(200);
    expect((await login(acct.username, candidates[1 - w]!)).status).toBe(401);
    // The loser's session was one of the "other" sessions of the winning change.
    expect((await api.request('GET', ME, { token: [a, b][1 - w]!.accessToken })).status).toBe(401);
  });
});

describe('first start with a generated admin password', () => {
  test('the generated password is flagged too; demo accounts are not', async () => {
    await StaffModel.deleteMany({});
    await bootstrapStaff(api.services.stations, {
      dataDir: api.config.dataDir, isProduction: false, adminInitialPassword: undefined, demoPassword: api.config.demoPassword,
      demoStations: content.demoStations.stations, print: () => undefined,
    });
    const password = fs.readFileSync(path.join(api.config.dataDir, 'initial-admin-password.txt'), 'utf8').trim();
    const admin = await login('admin', password);
    expect(admin.body.user.mustChangePassword).toBe(true);
    const flagged = await StaffModel.find({ mustChangePassword: true }, { username: 1 }).lean();
    expect(flagged.map((s) => s.username)).toEqual(['admin']);
  });
});
