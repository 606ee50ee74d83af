import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFerretDB } from '../../scripts/embedded-db';
import { startApi, type TestApi } from '../support/api';

// This file runs its own FerretDB so it can stop and restart it under a running API.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinan-health-db-'));
let db: Awaited<ReturnType<typeof startFerretDB>>;
let api: TestApi;

beforeAll(async () => {
  db = await startFerretDB({ dataDir });
  process.env.XINAN_TEST_MONGODB_URI = db.uri;
  api = await startApi({}, { seed: false });
});
afterAll(async () => {
  await api.close();
  await db.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

describe('GET /healthz', () => {
  test('reports db up, then 503 db down while the database is stopped, then recovers without an API restart', async () => {
    const up = await api.request('GET', '/healthz');
    expect(up.status).toBe(200);
    expect(up.body).toEqual({ status: 'ok', db: 'up' });

    await db.stop();
    const down = await api.request('GET', '/healthz');
    expect(down.status).toBe(503);
    expect(down.body).toEqual({ status: 'degraded', db: 'down' });

    db = await startFerretDB({ dataDir, port: db.port });
    const recovered = await waitFor(async () => (await api.request('GET', '/healthz')).status === 200, 20_000);
    expect(recovered).toBe(true);
  }, 60_000);
});
