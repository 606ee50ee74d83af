// The admin site's only way to call the API (base /api/v1). Pages call their service.ts, which calls this.
//
// - Adds `Authorization: Bearer <accessToken>` from the in-memory session.
// - On 401 TOKEN_EXPIRED / UNAUTHENTICATED: refreshes once (POST /auth/staff/refresh) and retries the
//   request once. The refresh is single-flight: concurrent 401s share one refresh call. That matters
//   because the API rotates refresh tokens and treats a second use of a spent one as theft, revoking the
//   whole session family.
// - If the refresh fails, the session is cleared with reason 'expired'; the layout sees the session go
//   and navigates to /login (src/layouts/BasicLayout.tsx).
// - On 403 PASSWORD_CHANGE_REQUIRED the signed-in user is marked as having to change the password; the layout
//   then sends them to the 修改密码 page (the server changed its mind since sign-in, e.g. an admin reset).
// - Every non-2xx answer becomes an ApiError with a Chinese message (src/services/errors.ts).
import { CLIENT_ERROR_CODES, clientError, errorFromResponse } from './errors';
import { sessionStore, type Session, type SessionStore } from './session';
import { parseAuthResult } from './types';

export const API_BASE_URL = '/api/v1';

/** Paths of the staff auth endpoints, relative to the base URL. */
export const AUTH_PATHS = {
  login: '/auth/staff/login',
  refresh: '/auth/staff/refresh',
  logout: '/auth/staff/logout',
  password: '/auth/staff/password',
} as const;

/** 401 codes that mean "the access token is missing or stale", which a refresh can fix. */
const REFRESHABLE_CODES: ReadonlySet<string> = new Set(['TOKEN_EXPIRED', 'UNAUTHENTICATED']);

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  /** Appended as a query string; null and undefined values are left out. */
  query?: Record<string, QueryValue>;
  /** false: send no token and never refresh (login, refresh). Default true. */
  auth?: boolean;
  signal?: AbortSignal;
}

export interface HttpClient {
  /**
   * Resolves with the parsed JSON body (undefined for 204). The type parameter is the caller's
   * statement of what the API contract returns; it is not checked at runtime.
   */
  request<T>(path: string, options?: RequestOptions): Promise<T>;
  get<T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>): Promise<T>;
  post<T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>): Promise<T>;
  /**
   * Exchanges the stored refresh token for a new session. Single-flight: callers that arrive while a
   * refresh is running get the same promise. Rejects (after clearing the session) if it fails.
   */
  refreshSession(): Promise<Session>;
}

export interface HttpClientOptions {
  baseUrl: string;
  session: SessionStore;
  /** Defaults to the global fetch, looked up at call time. */
  fetch?: typeof fetch;
}

interface RawResult {
  ok: boolean;
  status: number;
  /** Parsed JSON; undefined for an empty body (204) or a non-JSON error page. */
  body: unknown;
}

function buildUrl(baseUrl: string, path: string, query: RequestOptions['query']): string {
  const url = baseUrl + path;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== null && value !== undefined) params.append(key, String(value));
  }
  const search = params.toString();
  return search ? `${url}?${search}` : url;
}

function errorCode(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || !('error' in body)) return null;
  const { error } = body;
  if (typeof error !== 'object' || error === null || !('code' in error)) return null;
  return typeof error.code === 'string' ? error.code : null;
}

function needsRefresh(result: RawResult): boolean {
  if (result.status !== 401) return false;
  const code = errorCode(result.body);
  return code !== null && REFRESHABLE_CODES.has(code);
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const { baseUrl, session } = options;
  const doFetch: typeof fetch = (input, init) => (options.fetch ?? globalThis.fetch)(input, init);
  let refreshing: Promise<Session> | null = null;

  async function send(path: string, opts: RequestOptions, accessToken: string | null): Promise<RawResult> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
    if (accessToken) headers.Authorization = `Bearer ${accessToken}`;

    let response: Response;
    try {
      response = await doFetch(buildUrl(baseUrl, path, opts.query), {
        method: opts.method ?? 'GET',
        headers,
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        signal: opts.signal ?? null,
      });
    } catch (err) {
      // An abort is the caller's decision, not a failure: hand it back unchanged.
      if (opts.signal?.aborted) throw err;
      throw clientError(CLIENT_ERROR_CODES.network);
    }

    const text = response.status === 204 ? '' : await response.text();
    let body: unknown = undefined;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        // Not JSON (e.g. a proxy's HTML error page). A success must be JSON; a failure is described
        // by its status alone.
        if (response.ok) throw clientError(CLIENT_ERROR_CODES.unexpectedResponse);
      }
    }
    return { ok: response.ok, status: response.status, body };
  }

  async function runRefresh(): Promise<Session> {
    const refreshToken = session.getRefreshToken();
    if (!refreshToken) {
      session.clear('expired');
      throw errorFromResponse(401, { error: { code: 'REFRESH_TOKEN_INVALID' } });
    }
    try {
      const result = await send(AUTH_PATHS.refresh, { method: 'POST', body: { refreshToken } }, null);
      if (!result.ok) throw errorFromResponse(result.status, result.body);
      const auth = parseAuthResult(result.body);
      session.set(auth);
      return { accessToken: auth.accessToken, user: auth.user };
    } catch (err) {
      // Whatever went wrong, the old refresh token may already be spent: start over at /login.
      session.clear('expired');
      throw err;
    }
  }

  function refreshSession(): Promise<Session> {
    refreshing ??= runRefresh().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
    const useAuth = opts.auth !== false;
    const tokenSent = useAuth ? (session.get()?.accessToken ?? null) : null;
    let result = await send(path, opts, tokenSent);

    if (useAuth && needsRefresh(result)) {
      // Another request may have refreshed while this one was in flight; then just use the new token.
      const current = session.get()?.accessToken ?? null;
      const fresh = current !== null && current !== tokenSent ? current : (await refreshSession()).accessToken;
      result = await send(path, opts, fresh);
      if (needsRefresh(result)) {
        // A token minted a moment ago is refused (account disabled, sessions revoked): sign out.
        session.clear('expired');
      }
    }

    if (useAuth && result.status === 403 && errorCode(result.body) === 'PASSWORD_CHANGE_REQUIRED') {
      const current = session.get();
      if (current && !current.user.mustChangePassword) session.setUser({ ...current.user, mustChangePassword: true });
    }

    if (!result.ok) throw errorFromResponse(result.status, result.body);
    return result.body as T;
  }

  return {
    request,
    get: (path, opts) => request(path, { ...opts, method: 'GET' }),
    post: (path, body, opts) => request(path, { ...opts, method: 'POST', body }),
    refreshSession,
  };
}

export const http = createHttpClient({ baseUrl: API_BASE_URL, session: sessionStore });
