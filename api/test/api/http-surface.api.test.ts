import net from 'node:net';
import { rawRequest, startApi, type TestApi } from '../support/api';

let api: TestApi;
beforeAll(async () => { api = await startApi({ CORS_ORIGINS: 'https://admin.example.cn', ADMIN_DIR: '/nonexistent/admin-build' }, { seed: false }); });
afterAll(async () => { await api.close(); });

describe('HTTP surface', () => {
  test('responses carry security headers: CSP without inline scripts, HSTS, nosniff, no referrer, no framing', async () => {
    const res = await api.request('GET', '/healthz');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  test('every response has a request id; a well-formed incoming one is kept, a malformed one replaced', async () => {
    const kept = await api.request('GET', '/healthz', { headers: { 'X-Request-Id': 'trace-12345678' } });
    expect(kept.headers.get('x-request-id')).toBe('trace-12345678');
    const replaced = await api.request('GET', '/healthz', { headers: { 'X-Request-Id': 'bad id with spaces' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('API answers are not cached', async () => {
    const res = await api.request('GET', '/api/v1/openapi.json');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  test('CORS: a listed origin is allowed; another origin or "null" gets no Access-Control-Allow-Origin', async () => {
    const ok = await api.request('OPTIONS', '/api/v1/auth/staff/login', { headers: { Origin: 'https://admin.example.cn', 'Access-Control-Request-Method': 'POST' } });
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://admin.example.cn');
    for (const origin of ['https://evil.example', 'null']) {
      const res = await api.request('OPTIONS', '/api/v1/auth/staff/login', { headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' } });
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  test('unknown API paths and wrong methods answer in the error envelope', async () => {
    const missing = await api.request('GET', '/api/v1/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('NOT_FOUND');
    const method = await api.request('DELETE', '/api/v1/auth/staff/login');
    expect(method.status).toBe(405);
    expect(method.body.error.code).toBe('METHOD_NOT_ALLOWED');
  });

  test('regression (found by schemathesis): an unknown method such as TRACE is a 405, not a 500', async () => {
    for (const p of ['/api/v1/auth/staff/login', '/api/v1/admin/stations', '/healthz']) {
      const res = await rawRequest(api.url + p, 'TRACE');
      expect(res.status).toBe(405);
      expect(JSON.parse(res.body).error.code).toBe('METHOD_NOT_ALLOWED');
    }
    const allow = await api.request('DELETE', '/api/v1/auth/staff/login');
    expect(allow.headers.get('allow')).toBe('POST');
    expect(api.logs.join('\n')).not.toContain('"level":50');
  });

  test('regression (found by schemathesis): requests Node refuses before the app (too long, malformed) still answer in the envelope', async () => {
    // A 20 KB stream token in the query: over Node's 16 KiB request-line-and-headers limit.
    const long = await rawRequest(`${api.url}/api/v1/admin/bookings/stream?token=${'%C2%86'.repeat(3500)}`, 'GET');
    expect(long.status).toBe(431);
    expect(long.headers['content-type']).toContain('application/json');
    expect(JSON.parse(long.body).error).toEqual({ code: 'REQUEST_HEADERS_TOO_LARGE', message: '请求地址或请求头太长了' });

    const malformed = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(new URL(api.url).port), '127.0.0.1', () => socket.write('NOT A REQUEST\r\n\r\n'));
      let text = '';
      socket.on('data', (c) => { text += c; });
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(malformed).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(JSON.parse(malformed.slice(malformed.indexOf('\r\n\r\n') + 4)).error.code).toBe('BAD_REQUEST');

    expect((await api.request('GET', '/healthz')).status).toBe(200);
  });

  test('regression (found by schemathesis): a literal path beside an :id route is its own resource', async () => {
    // GET /admin/articles/:id and PATCH /admin/counselors/:id also match these paths; they must not answer for them.
    for (const [method, p, allow] of [
      ['GET', '/api/v1/admin/articles/preview', 'POST'],
      ['PATCH', '/api/v1/admin/articles/preview', 'POST'],
      ['PATCH', '/api/v1/admin/counselors/alerts', 'GET, HEAD'],
      ['GET', '/api/v1/admin/bookings/stream-token', 'POST'],
    ] as const) {
      const res = await rawRequest(api.url + p, method);
      expect([method, p, res.status, res.headers.allow]).toEqual([method, p, 405, allow]);
      const options = await rawRequest(api.url + p, 'OPTIONS');
      expect([p, options.status, options.headers.allow]).toEqual([p, 204, allow.replace('GET, HEAD', 'HEAD, GET')]);
    }
  });

  test('front ends that are not built yet answer 503 with a hint, and / goes to the resident app', async () => {
    const root = await fetch(api.url + '/', { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/app/');
    const admin = await api.request('GET', '/admin/');
    expect(admin.status).toBe(503);
    expect(admin.text).toContain('npm start');
  });
});
