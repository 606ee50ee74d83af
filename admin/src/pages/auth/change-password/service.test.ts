import { ApiError } from '../../../services/errors';
import { AUTH_PATHS, createHttpClient } from '../../../services/http';
import { REFRESH_TOKEN_KEY, createSessionStore, type KeyValueStorage } from '../../../services/session';
import type { StaffUser } from '../../../services/types';
import { changePassword } from './service';

// The API is faked at the edge (fetch); the http client and the session store are the real ones.

const flagged: StaffUser = {
  id: 'u1',
  username: 'hubin-2',
  displayName: '湖滨社区 小李',
  role: 'station_staff',
  stationId: 's1c1',
  stationName: '湖滨社区心理服务室',
  mustChangePassword: true,
};

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function setup(answer: (path: string, body: unknown) => Response) {
  const data = new Map<string, string>();
  const storage: KeyValueStorage = {
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
  const session = createSessionStore(() => storage);
  session.set({ accessToken: 'access-0', refreshToken: 'refresh-0', user: flagged });
  const seen: Array<{ path: string; authorization: string | null; body: unknown }> = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const path = String(input).slice('/api/v1'.length);
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    seen.push({ path, authorization: new Headers(init?.headers).get('Authorization'), body });
    return answer(path, body);
  };
  const http = createHttpClient({ baseUrl: '/api/v1', session, fetch });
  return { http, session, seen, data };
}

const form = { currentPassword: 'OneTime-pass-8#', newPassword: 'Quiet-river-42!', confirmPassword: 'Quiet-river-42!' };

describe('changePassword', () => {
  test('sends the current and the new password (not the repeat) with the access token, then clears the flag in the session', async () => {
    const { http, session, seen, data } = setup(() => json(200, { user: { ...flagged, mustChangePassword: false } }));
    const user = await changePassword(form, { http, session });
    expect(seen).toEqual([
      { path: AUTH_PATHS.password, authorization: 'Bearer access-0', body: { currentPassword: 'OneTime-pass-8#', newPassword: 'Quiet-river-42!' } },
    ]);
    expect(user.mustChangePassword).toBe(false);
    // The server keeps this session: same tokens, new user.
    expect(session.get()).toEqual({ accessToken: 'access-0', user: { ...flagged, mustChangePassword: false } });
    expect(data.get(REFRESH_TOKEN_KEY)).toBe('refresh-0');
  });

  test('a refusal carries the policy reason in Chinese and leaves the session flagged', async () => {
    const { http, session } = setup(() =>
      json(400, { error: { code: 'PASSWORD_TOO_WEAK', message: '密码至少需要12位', details: [{ path: 'newPassword' }] } }),
    );
    const failure = changePassword({ ...form, newPassword: 'short' }, { http, session });
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ status: 400, code: 'PASSWORD_TOO_WEAK', message: '密码至少需要12位' });
    expect(session.get()?.user.mustChangePassword).toBe(true);
  });

  test('a wrong current password does not end the session (it is a 400, not a 401)', async () => {
    const { http, session, seen } = setup(() => json(400, { error: { code: 'CURRENT_PASSWORD_INCORRECT', message: '当前密码不正确' } }));
    await expect(changePassword(form, { http, session })).rejects.toMatchObject({ code: 'CURRENT_PASSWORD_INCORRECT', message: '当前密码不正确' });
    expect(seen).toHaveLength(1);
    expect(session.get()).not.toBeNull();
  });

  test('an answer without a usable user is refused and changes nothing locally', async () => {
    const { http, session } = setup(() => json(200, { ok: true }));
    await expect(changePassword(form, { http, session })).rejects.toMatchObject({ code: 'UNEXPECTED_RESPONSE' });
    expect(session.get()?.user.mustChangePassword).toBe(true);
  });
});
