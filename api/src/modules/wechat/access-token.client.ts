// Server-side WeChat access token (security-privacy.md §3.2): POST /cgi-bin/stable_token, cached in this process
// with expiresAt = now + expires_in − 300 s, one upstream call at a time however many callers wait (single flight),
// and for business calls a passive refresh: on 40001/42001/40014 refresh once and retry once, never a loop.
// The token never appears in an error message or a log line.
import { WeChatError, WeChatUnavailable } from '../auth/wechat.client';

export { WeChatError, WeChatUnavailable };

/** errcodes meaning "this access token is invalid or expired": refresh and retry once. */
export const TOKEN_INVALID_CODES: ReadonlySet<number> = new Set([40001, 42001, 40014]);

const EXPIRY_MARGIN_MS = 300_000;

export interface AccessTokenClient {
  /** A valid token from the cache, or from one shared upstream call. */
  getToken(): Promise<string>;
  /**
   * Runs a business call with a token. If `fn` throws a WeChatError with a token-invalid code, the token is
   * refreshed once and `fn` runs once more; a second failure is thrown to the caller.
   */
  withAccessToken<T>(fn: (token: string) => Promise<T>): Promise<T>;
}

interface Options {
  apiBase: string;
  appid: string | undefined;
  secret: string | undefined;
  timeoutMs?: number;
  now?: () => number;
}

interface Cached { token: string; expiresAt: number }

export function createAccessTokenClient({ apiBase, appid, secret, timeoutMs = 5000, now = Date.now }: Options): AccessTokenClient {
  let cached: Cached | null = null;
  let inflight: Promise<Cached> | null = null;

  async function fetchStable(forceRefresh: boolean): Promise<Cached> {
    if (!appid || !secret) throw new WeChatUnavailable('WECHAT_APPID/WECHAT_SECRET not configured');
    let body: { access_token?: string; expires_in?: number; errcode?: number; errmsg?: string };
    try {
      const res = await fetch(apiBase + '/cgi-bin/stable_token', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ grant_type: 'client_credential', appid, secret, force_refresh: forceRefresh }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!res.ok) throw new WeChatUnavailable(`stable_token HTTP ${res.status}`);
      body = (await res.json()) as typeof body;
    } catch (e) {
      throw e instanceof WeChatUnavailable ? e : new WeChatUnavailable(`stable_token ${(e as Error).name}`);
    }
    if (body.errcode) throw new WeChatError(body.errcode, body.errmsg ?? '');
    if (typeof body.access_token !== 'string' || !body.access_token || typeof body.expires_in !== 'number') {
      throw new WeChatUnavailable('stable_token: no access_token in response');
    }
    return { token: body.access_token, expiresAt: now() + body.expires_in * 1000 - EXPIRY_MARGIN_MS };
  }

  /**
   * One upstream refresh shared by every concurrent caller. `rejected` is a token WeChat just refused: if the cache
   * already holds another one (someone refreshed meanwhile) that one is used; if the platform hands back the same
   * token in normal mode, force_refresh is asked for once.
   */
  function refresh(rejected?: string): Promise<Cached> {
    if (!inflight) {
      inflight = (async () => {
        let next = await fetchStable(false);
        if (rejected && next.token === rejected) next = await fetchStable(true);
        cached = next;
        return next;
      })().finally(() => { inflight = null; });
    }
    return inflight;
  }

  async function getToken(): Promise<string> {
    if (cached && cached.expiresAt > now()) return cached.token;
    return (await refresh()).token;
  }

  return {
    getToken,
    async withAccessToken(fn) {
      const token = await getToken();
      try {
        return await fn(token);
      } catch (e) {
        if (!(e instanceof WeChatError) || !TOKEN_INVALID_CODES.has(e.errcode)) throw e;
        if (cached?.token === token) cached = null;
        const fresh = cached && cached.expiresAt > now() ? cached : await refresh(token);
        return fn(fresh.token); // retried once; a second token error goes to the caller
      }
    },
  };
}
