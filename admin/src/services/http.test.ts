import { ApiError } from './errors';
import { AUTH_PATHS, createHttpClient } from './http';
import { REFRESH_TOKEN_KEY, createSessionStore, type KeyValueStorage } from './session';
import type { StaffUser } from './types';

// The API is faked at the edge (fetch); everything from the client inwards is the real code.

interface SeenRequest {
  path: string;
  method: string;
  authorization: string | null;
  body: unknown;
}
type Handler = (req: SeenRequest) => Response | Promise<Response>;

const BASE = '/api/v1';

const user: StaffUser = {
  id: 'u1',
  username: 'zhang',
  displayName: '张老师',
  role: 'station_staff',
  stationId: 's1',
  stationName: '东湖街道社会心理服务站',
  mustChangePassword: false,
};

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}
const apiError = (status: number, code: string, message = 'x') => json(status, { error: { code, message } });
const authResult = (n: number) => ({ accessToken: `access-${n}`, refreshToken: `refresh-${n}`, expiresIn: 900, user });

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** A client signed in with access-0 / refresh-0, talking to `handler`. */
function setup(handler: Handler) {
  const storage = memoryStorage();
  const session = createSessionStore(() => storage);
  session.set(authResult(0));
  const seen: SeenRequest[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const req: SeenRequest = {
      path: String(input).slice(BASE.length),
      method: init?.method ?? 'GET',
      authorization: new Headers(init?.headers).get('Authorization'),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    seen.push(req);
    return handler(req);
  };
  const client = createHttpClient({ baseUrl: BASE, session, fetch });
  const refreshCalls = () => seen.filter((r) => r.path === AUTH_PATHS.refresh);
  return { client, session, storage, seen, refreshCalls };
}

describe('http client: tokens', () => {
  test('sends the in-memory access token as a Bearer header and returns the parsed body', async () => {
    const { client, seen } = setup(() => json(200, { items: [], total: 0 }));
    await expect(client.get('/admin/stations', { query: { page: 2, q: undefined } })).resolves.toEqual({
      items: [],
      total: 0,
    });
    expect(seen[0]).toMatchObject({ path: '/admin/stations?page=2', authorization: 'Bearer access-0' });
  });

  test('requests marked auth:false carry no token', async () => {
    const { client, seen } = setup(() => json(200, authResult(9)));
    await client.post(AUTH_PATHS.login, { username: 'a', password: 'b' }, { auth: false });
    expect(seen[0]?.authorization).toBeNull();
  });

  test('a 204 answer resolves with undefined', async () => {
    const { client } = setup(() => new Response(null, { status: 204 }));
    await expect(client.post('/auth/staff/logout', { refreshToken: 'r' })).resolves.toBeUndefined();
  });
});

describe('http client: refresh on 401', () => {
  test.each(['TOKEN_EXPIRED', 'UNAUTHENTICATED'])(
    'on 401 %s it refreshes once, keeps the rotated pair and retries the request once',
    async (code) => {
      let first = true;
      const { client, session, storage, seen, refreshCalls } = setup((req) => {
        if (req.path === AUTH_PATHS.refresh) return json(200, authResult(1));
        if (first) {
          first = false;
          return apiError(401, code);
        }
        return json(200, { ok: true });
      });
      await expect(client.get('/staff/me')).resolves.toEqual({ ok: true });
      expect(refreshCalls()).toHaveLength(1);
      expect(refreshCalls()[0]?.body).toEqual({ refreshToken: 'refresh-0' });
      expect(seen.map((r) => r.authorization)).toEqual(['Bearer access-0', null, 'Bearer access-1']);
      expect(session.get()?.accessToken).toBe('access-1');
      expect(storage.data.get(REFRESH_TOKEN_KEY)).toBe('refresh-1');
    },
  );

  test('concurrent 401s share one refresh call and all succeed (a second use of the spent refresh token would end the session)', async () => {
    let refreshes = 0;
    const { client, refreshCalls } = setup(async (req) => {
      if (req.path === AUTH_PATHS.refresh) {
        await new Promise((r) => setTimeout(r, 20));
        refreshes += 1;
        return refreshes === 1 ? json(200, authResult(1)) : apiError(401, 'REFRESH_TOKEN_INVALID');
      }
      return req.authorization === 'Bearer access-1' ? json(200, { path: req.path }) : apiError(401, 'TOKEN_EXPIRED');
    });
    const results = await Promise.all([client.get('/a'), client.get('/b'), client.get('/c')]);
    expect(results).toEqual([{ path: '/a' }, { path: '/b' }, { path: '/c' }]);
    expect(refreshCalls()).toHaveLength(1);
  });

  test('a 401 that arrives after another request already refreshed retries with the new token, without refreshing again', async () => {
    const slowAnswer = deferred();
    const { client, refreshCalls, seen } = setup(async (req) => {
      if (req.path === AUTH_PATHS.refresh) return json(200, authResult(1));
      if (req.authorization === 'Bearer access-1') return json(200, { path: req.path });
      if (req.path === '/slow') await slowAnswer.promise;
      return apiError(401, 'TOKEN_EXPIRED');
    });
    const slow = client.get('/slow');
    await client.get('/fast'); // 401 → refresh → retry succeeds
    slowAnswer.resolve(); // now /slow's stale-token 401 arrives
    await expect(slow).resolves.toEqual({ path: '/slow' });
    expect(refreshCalls()).toHaveLength(1);
    expect(seen.filter((r) => r.path === '/slow').map((r) => r.authorization)).toEqual([
      'Bearer access-0',
      'Bearer access-1',
    ]);
  });

  test('when the refresh is refused, the session is cleared as expired and the request rejects without a retry', async () => {
    const { client, session, storage, seen } = setup((req) =>
      req.path === AUTH_PATHS.refresh
        ? apiError(401, 'REFRESH_TOKEN_INVALID', '登录已失效，请重新登录')
        : apiError(401, 'TOKEN_EXPIRED'),
    );
    await expect(client.get('/staff/me')).rejects.toMatchObject({
      status: 401,
      code: 'REFRESH_TOKEN_INVALID',
      message: '登录已失效，请重新登录',
    });
    expect(seen.map((r) => r.path)).toEqual(['/staff/me', AUTH_PATHS.refresh]);
    expect(session.getState()).toEqual({ session: null, endReason: 'expired' });
    expect(storage.data.has(REFRESH_TOKEN_KEY)).toBe(false);
  });

  test('when the refresh cannot reach the server, the session is cleared too', async () => {
    const { client, session } = setup((req) => {
      if (req.path === AUTH_PATHS.refresh) throw new TypeError('Failed to fetch');
      return apiError(401, 'TOKEN_EXPIRED');
    });
    await expect(client.get('/staff/me')).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
    expect(session.get()).toBeNull();
  });

  test('a 401 on the retry does not loop: one refresh, one retry, then the session ends', async () => {
    const { client, session, seen } = setup((req) =>
      req.path === AUTH_PATHS.refresh ? json(200, authResult(1)) : apiError(401, 'UNAUTHENTICATED', '请先登录'),
    );
    await expect(client.get('/staff/me')).rejects.toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(seen).toHaveLength(3);
    expect(session.getState().endReason).toBe('expired');
  });

  test.each([
    ['403 FORBIDDEN', 403, 'FORBIDDEN'],
    ['401 INVALID_CREDENTIALS', 401, 'INVALID_CREDENTIALS'],
  ])('%s is not a reason to refresh', async (_title, status, code) => {
    const { client, refreshCalls, session } = setup(() => apiError(status, code));
    await expect(client.get('/admin/stations')).rejects.toMatchObject({ status, code });
    expect(refreshCalls()).toHaveLength(0);
    expect(session.get()).not.toBeNull();
  });

  test('refreshSession() called twice at once makes one call and resolves both with the new session', async () => {
    const { client, refreshCalls } = setup(() => json(200, authResult(1)));
    const [a, b] = await Promise.all([client.refreshSession(), client.refreshSession()]);
    expect(a).toEqual({ accessToken: 'access-1', user });
    expect(b).toBe(a);
    expect(refreshCalls()).toHaveLength(1);
  });

  test('refreshSession() without a stored refresh token rejects and makes no call', async () => {
    const { client, session, seen } = setup(() => json(200, authResult(1)));
    session.clear('logout');
    await expect(client.refreshSession()).rejects.toMatchObject({ code: 'REFRESH_TOKEN_INVALID' });
    expect(seen).toHaveLength(0);
  });
});

describe('http client: errors', () => {
  test.each<[string, () => Response, Partial<ApiError>]>([
    [
      'wrong password: the server’s Chinese message is shown',
      () => apiError(401, 'INVALID_CREDENTIALS', '用户名或密码不正确'),
      { status: 401, code: 'INVALID_CREDENTIALS', message: '用户名或密码不正确' },
    ],
    [
      'locked account: the server’s message (with its wait time) is shown',
      () => apiError(423, 'ACCOUNT_LOCKED', '账号已锁定，请 15 分钟后再试'),
      { status: 423, code: 'ACCOUNT_LOCKED', message: '账号已锁定，请 15 分钟后再试' },
    ],
    [
      'an English server message is replaced by the mapped Chinese one',
      () => apiError(400, 'VALIDATION_FAILED', 'username is required'),
      { status: 400, code: 'VALIDATION_FAILED', message: '提交的内容不符合要求，请检查后重试' },
    ],
    [
      'an unknown code falls back to the status message',
      () => apiError(409, 'SOMETHING_NEW', 'conflict'),
      { status: 409, code: 'SOMETHING_NEW', message: '数据已被他人修改，请刷新后重试' },
    ],
    [
      'a 5xx never shows the server text',
      () => apiError(500, 'INTERNAL', '数据库连接失败 at db.ts:12'),
      { status: 500, code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' },
    ],
    [
      'a proxy’s HTML error page becomes HTTP_<status>',
      () => new Response('<html>Bad Gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }),
      { status: 502, code: 'HTTP_502', message: '服务暂时不可用，请稍后再试' },
    ],
    [
      'a 200 that is not JSON is an unexpected response',
      () => new Response('<html>index</html>', { status: 200 }),
      { code: 'UNEXPECTED_RESPONSE', message: '服务器返回了无法识别的内容，请稍后重试' },
    ],
  ])('%s', async (_title, respond, expected) => {
    const { client } = setup(respond);
    const error = await client.post('/x', {}, { auth: false }).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject(expected);
  });

  test('VALIDATION_FAILED details are passed through', async () => {
    const details = [{ path: ['username'], message: '必填' }];
    const { client } = setup(() =>
      json(400, { error: { code: 'VALIDATION_FAILED', message: '参数不正确', details } }),
    );
    await expect(client.post('/x', {})).rejects.toMatchObject({ details, message: '参数不正确' });
  });

  test('a network failure becomes NETWORK_ERROR with a Chinese message', async () => {
    const { client } = setup(() => {
      throw new TypeError('Failed to fetch');
    });
    await expect(client.get('/staff/me')).rejects.toMatchObject({
      status: 0,
      code: 'NETWORK_ERROR',
      message: '网络连接失败，请检查网络后重试',
    });
  });

  test('an aborted request rejects with the abort itself, not a network error', async () => {
    const controller = new AbortController();
    const { client } = setup(() => {
      controller.abort();
      throw new DOMException('aborted', 'AbortError');
    });
    const error = await client.get('/staff/me', { signal: controller.signal }).catch((err: unknown) => err);
    expect(error).not.toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ name: 'AbortError' });
  });
});

describe('http client: forced password change', () => {
  test('403 PASSWORD_CHANGE_REQUIRED marks the signed-in user, so the layout sends them to 修改密码; no refresh, no sign-out', async () => {
    const { client, session, refreshCalls } = setup(() =>
      apiError(403, 'PASSWORD_CHANGE_REQUIRED', '为了账号安全，请先修改密码再继续使用'),
    );
    await expect(client.get('/admin/stations')).rejects.toMatchObject({
      status: 403,
      code: 'PASSWORD_CHANGE_REQUIRED',
      message: '为了账号安全，请先修改密码再继续使用',
    });
    expect(session.get()).toEqual({ accessToken: 'access-0', user: { ...user, mustChangePassword: true } });
    expect(refreshCalls()).toHaveLength(0);
  });

  test('an ordinary 403 leaves the user as it was', async () => {
    const { client, session } = setup(() => apiError(403, 'FORBIDDEN', '没有权限进行此操作'));
    await expect(client.get('/admin/stations')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(session.get()?.user).toBe(user);
  });
});
