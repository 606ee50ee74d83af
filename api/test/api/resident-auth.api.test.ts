import { ResidentModel } from '../../src/modules/residents/resident.model';
import { startApi, type TestApi } from '../support/api';
import { startFakeWeChat, type FakeWeChat } from '../support/fake-wechat';

let wechat: FakeWeChat;
let api: TestApi;
beforeAll(async () => {
  wechat = await startFakeWeChat();
  api = await startApi({ WECHAT_API_BASE: wechat.base, WECHAT_APPID: wechat.appid, WECHAT_SECRET: wechat.secret }, { content: false });
});
afterAll(async () => {
  await api.close();
  await wechat.close();
});

const WECHAT = '/api/v1/auth/wechat';

describe('POST /api/v1/auth/wechat', () => {
  test('exchanges the code at jscode2session and returns a token for a new resident', async () => {
    const res = await api.request('POST', WECHAT, { body: { code: 'code-alice' } });
    expect(res.status).toBe(200);
    expect(res.body.user.id).toMatch(/^[a-f0-9]{24}$/);
    const call = wechat.calls.at(-1)!;
    expect(call.path).toBe('/sns/jscode2session');
    expect(call.query).toMatchObject({ appid: wechat.appid, secret: wechat.secret, js_code: 'code-alice', grant_type: 'authorization_code' });
    const me = await api.request('GET', '/api/v1/me', { token: res.body.token });
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(res.body.user.id);
    expect(await ResidentModel.countDocuments({ openid: 'oalice' })).toBe(1);
  });

  test('the same WeChat user logging in again is the same resident', async () => {
    const a = await api.request('POST', WECHAT, { body: { code: 'code-bob' } });
    const b = await api.request('POST', WECHAT, { body: { code: 'busy-bob' } });
    expect(b.status).toBe(200);
    expect(b.body.user.id).toBe(a.body.user.id);
  });

  test('never sends session_key or the openid to the client', async () => {
    const res = await api.request('POST', WECHAT, { body: { code: 'code-carol' } });
    expect(res.text).not.toContain('session_key');
    expect(res.text).not.toContain('SECRET_SESSION_KEY');
    expect(res.text).not.toContain('ocarol');
    const me = await api.request('GET', '/api/v1/me', { token: res.body.token });
    expect(me.text).not.toContain('ocarol');
  });

  test('an invalid or reused code is 401 WECHAT_CODE_INVALID and creates nobody', async () => {
    const before = await ResidentModel.countDocuments();
    const invalid = await api.request('POST', WECHAT, { body: { code: 'invalid' } });
    expect(invalid.status).toBe(401);
    expect(invalid.body.error).toEqual({ code: 'WECHAT_CODE_INVALID', message: '登录已过期，请重试' });
    const reused = await api.request('POST', WECHAT, { body: { code: 'code-alice' } });
    expect(reused.status).toBe(401);
    expect(await ResidentModel.countDocuments()).toBe(before);
  });

  test('the rate limit (45011) is a 503 with Retry-After, a blocked user (40226) a 403', async () => {
    const limited = await api.request('POST', WECHAT, { body: { code: 'limit' } });
    expect(limited.status).toBe(503);
    expect(limited.body.error.code).toBe('WECHAT_RATE_LIMITED');
    expect(limited.headers.get('retry-after')).toBe('60');
    const blocked = await api.request('POST', WECHAT, { body: { code: 'blocked' } });
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('WECHAT_USER_BLOCKED');
  });

  test('"system busy" (-1) is retried once; WeChat answering HTTP 500 is a 503', async () => {
    const busy = await api.request('POST', WECHAT, { body: { code: 'busy-dave' } });
    expect(busy.status).toBe(200);
    expect(wechat.calls.filter((c) => c.query.js_code === 'busy-dave')).toHaveLength(2);
    const down = await api.request('POST', WECHAT, { body: { code: 'http500' } });
    expect(down.status).toBe(503);
    expect(down.body.error.code).toBe('WECHAT_UNAVAILABLE');
  });

  test('wrong types are a 400 before WeChat is called', async () => {
    const calls = wechat.calls.length;
    for (const body of [{}, { code: 42 }, { code: { $ne: null } }, { code: '' }, { code: 'x'.repeat(500) }]) {
      const res = await api.request('POST', WECHAT, { body });
      expect(res.status).toBe(400);
    }
    expect(wechat.calls.length).toBe(calls);
  });
});

describe('POST /api/v1/auth/dev-login', () => {
  test('outside production returns a resident token for the given openid', async () => {
    const res = await api.request('POST', '/api/v1/auth/dev-login', { body: { openid: 'h5-tester' } });
    expect(res.status).toBe(200);
    const again = await api.request('POST', '/api/v1/auth/dev-login', { body: { openid: 'h5-tester' } });
    expect(again.body.user.id).toBe(res.body.user.id);
  });

  test('refuses odd openids', async () => {
    const res = await api.request('POST', '/api/v1/auth/dev-login', { body: { openid: 'a b' } });
    expect(res.status).toBe(400);
  });
});

describe('GET /api/v1/me', () => {
  test('without a token is 401 UNAUTHENTICATED; a staff token is not a resident token', async () => {
    const none = await api.request('GET', '/api/v1/me');
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('UNAUTHENTICATED');
    const login = await api.request('POST', '/api/v1/auth/staff/login', { body: { username: 'demo-editor', password: api.config.demoPassword } });
    const staff = await api.request('GET', '/api/v1/me', { token: login.body.accessToken });
    expect(staff.status).toBe(401);
  });
});
