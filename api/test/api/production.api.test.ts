import { startApi, type TestApi } from '../support/api';

let api: TestApi;
beforeAll(async () => {
  api = await startApi({
    NODE_ENV: 'production', JWT_SECRET: 'p'.repeat(24) + 'roduction-only-secret-value-xyz',
    WECHAT_APPID: 'wxprod', WECHAT_SECRET: 'prod-secret', DEMO_PASSWORD: undefined,
    DATA_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('base64'),
  }, { seed: false });
});
afterAll(async () => { await api.close(); });

describe('in production', () => {
  test('POST /api/v1/auth/dev-login does not exist', async () => {
    const res = await api.request('POST', '/api/v1/auth/dev-login', { body: { openid: 'someone' } });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });

  test('the OpenAPI document does not mention dev-login', async () => {
    const res = await api.request('GET', '/api/v1/openapi.json');
    expect(Object.keys(res.body.paths)).not.toContain('/api/v1/auth/dev-login');
    expect(Object.keys(res.body.paths)).toContain('/api/v1/auth/wechat');
  });
});
