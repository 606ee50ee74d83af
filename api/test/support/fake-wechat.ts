import http from 'node:http';
import type { AddressInfo } from 'node:net';

// A local stand-in for api.weixin.qq.com speaking the documented jscode2session shapes over real HTTP.
// Codes drive the behaviour: 'code-<openid>' succeeds once (codes are single-use), 'invalid' → 40029,
// 'limit' → 45011, 'blocked' → 40226, 'busy-<openid>' answers -1 once and then succeeds, 'http500' → HTTP 500.
//
// Server-side calls (security-privacy.md §3.8): POST /cgi-bin/stable_token hands out the current token (a new one when
// none is valid, or on force_refresh), after `tokenDelayMs` so concurrent callers overlap; POST
// /cgi-bin/message/subscribe/send checks the token (40001 when unknown or revoked), the template id (40037),
// `thing*` values ≤ 20 chars (47003 naming the field), and answers 43101 for openids in `refuse`.
export interface FakeSubscribeSend {
  touser: string;
  template_id: string;
  page?: string;
  data: Record<string, { value: string }>;
  miniprogram_state?: string;
}

export interface FakeWeChat {
  base: string;
  appid: string;
  secret: string;
  calls: Array<{ path: string; query: Record<string, string>; body?: unknown }>;
  /** Tokens issued by /cgi-bin/stable_token, in order. */
  issuedTokens: string[];
  /** Successful subscribe-message sends. */
  sent: FakeSubscribeSend[];
  /** Template ids subscribe/send accepts. */
  templates: Set<string>;
  /** Openids that have no subscription credit: 43101. */
  refuse: Set<string>;
  /** Delay before stable_token answers. */
  tokenDelayMs: number;
  expiresIn: number;
  /** Makes the current token invalid (as when it expired early): business calls answer 40001 until a new one is fetched. */
  revokeCurrentToken(): void;
  /** When true every business call answers 40001 whatever the token. */
  rejectAllTokens: boolean;
  close(): Promise<void>;
}

export async function startFakeWeChat(appid = 'wxfake0000000001', secret = 'fake-secret-for-tests'): Promise<FakeWeChat> {
  const calls: FakeWeChat['calls'] = [];
  const usedCodes = new Set<string>();
  const busyOnce = new Set<string>();
  const validTokens = new Set<string>();
  let current: string | null = null;
  let tokenSeq = 0;
  const state = {
    issuedTokens: [] as string[], sent: [] as FakeSubscribeSend[], templates: new Set(['tmpl-retest']), refuse: new Set<string>(),
    tokenDelayMs: 0, expiresIn: 7200, rejectAllTokens: false,
  };
  const readJson = (req: http.IncomingMessage) => new Promise<Record<string, unknown> | null>((resolve) => {
    let raw = '';
    req.on('data', (c) => { raw += c; });
    req.on('end', () => { try { resolve(JSON.parse(raw) as Record<string, unknown>); } catch { resolve(null); } });
  });
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const query = Object.fromEntries(url.searchParams);
    const send = (body: unknown, status = 200) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/cgi-bin/stable_token' || url.pathname === '/cgi-bin/message/subscribe/send') {
      if (req.method !== 'POST') return send({ errcode: 43002, errmsg: 'require POST method' });
      const body = await readJson(req);
      calls.push({ path: url.pathname, query, body });
      if (!body) return send({ errcode: 47001, errmsg: 'data format error' });
      if (url.pathname === '/cgi-bin/stable_token') {
        if (state.tokenDelayMs) await new Promise((r) => setTimeout(r, state.tokenDelayMs));
        if (body.appid !== appid || body.secret !== secret) return send({ errcode: 40125, errmsg: 'invalid appsecret' });
        if (body.grant_type !== 'client_credential') return send({ errcode: 40002, errmsg: 'invalid grant_type' });
        if (!current || body.force_refresh === true) {
          if (current) validTokens.delete(current);
          current = `ACCESS_TOKEN_${++tokenSeq}_${'x'.repeat(40)}`;
          validTokens.add(current);
          state.issuedTokens.push(current);
        }
        return send({ access_token: current, expires_in: state.expiresIn });
      }
      const token = query.access_token ?? '';
      if (state.rejectAllTokens || !validTokens.has(token)) return send({ errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' });
      if (typeof body.template_id !== 'string' || !state.templates.has(body.template_id)) return send({ errcode: 40037, errmsg: 'invalid template_id' });
      if (typeof body.touser !== 'string' || !body.touser) return send({ errcode: 40003, errmsg: 'invalid openid' });
      const data = (body.data ?? {}) as Record<string, { value?: unknown }>;
      for (const [key, v] of Object.entries(data)) {
        if (typeof v?.value !== 'string' || (key.startsWith('thing') && [...v.value].length > 20)) {
          return send({ errcode: 47003, errmsg: `argument invalid! data.${key}.value invalid` });
        }
      }
      if (state.refuse.has(body.touser)) return send({ errcode: 43101, errmsg: 'user refuse to accept the msg' });
      state.sent.push(body as unknown as FakeSubscribeSend);
      return send({ errcode: 0, errmsg: 'ok' });
    }
    calls.push({ path: url.pathname, query });
    if (url.pathname !== '/sns/jscode2session') return send({ errcode: 40066, errmsg: 'invalid url' }, 404);
    if (query.appid !== appid || query.secret !== secret) return send({ errcode: 40125, errmsg: 'invalid appsecret' });
    if (query.grant_type !== 'authorization_code') return send({ errcode: 40002, errmsg: 'invalid grant_type' });
    const code = query.js_code ?? '';
    if (code === 'http500') return send('oops', 500);
    if (code === 'invalid' || usedCodes.has(code)) return send({ errcode: 40029, errmsg: 'invalid code' });
    if (code === 'limit') return send({ errcode: 45011, errmsg: 'api minute-quota reach limit mustslower retry next minute' });
    if (code === 'blocked') return send({ errcode: 40226, errmsg: 'code blocked' });
    if (code.startsWith('busy-') && !busyOnce.has(code)) {
      busyOnce.add(code);
      return send({ errcode: -1, errmsg: 'system error' });
    }
    const m = /^(?:code|busy)-([A-Za-z0-9_-]+)$/.exec(code);
    if (!m) return send({ errcode: 40029, errmsg: 'invalid code' });
    usedCodes.add(code);
    return send({ openid: `o${m[1]}`, session_key: 'SECRET_SESSION_KEY_MUST_NOT_LEAK==' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    base: `http://127.0.0.1:${port}`,
    appid,
    secret,
    calls,
    revokeCurrentToken() {
      if (current) validTokens.delete(current);
      current = null;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
