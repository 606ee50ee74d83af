import http from 'node:http';
import type { AddressInfo } from 'node:net';

// A local stand-in for api.weixin.qq.com speaking the documented jscode2session shapes over real HTTP.
// Codes drive the behaviour: 'code-<openid>' succeeds once (codes are single-use), 'invalid' → 40029,
// 'limit' → 45011, 'blocked' → 40226, 'busy-<openid>' answers -1 once and then succeeds, 'http500' → HTTP 500.
export interface FakeWeChat {
  base: string;
  appid: string;
  secret: string;
  calls: Array<{ path: string; query: Record<string, string> }>;
  close(): Promise<void>;
}

export async function startFakeWeChat(appid = 'wxfake0000000001', secret = 'fake-secret-for-tests'): Promise<FakeWeChat> {
  const calls: FakeWeChat['calls'] = [];
  const usedCodes = new Set<string>();
  const busyOnce = new Set<string>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const query = Object.fromEntries(url.searchParams);
    calls.push({ path: url.pathname, query });
    const send = (body: unknown, status = 200) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
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
  return {
    base: `http://127.0.0.1:${port}`,
    appid,
    secret,
    calls,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
