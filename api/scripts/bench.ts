// `npm run bench`: throughput and latency of the foundation's hot paths, against the real app on the embedded
// FerretDB (or MONGODB_URI). Not a test: it prints figures to compare between commits on the same machine.
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import content from '@xinan/content';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { connectDatabase, disconnectDatabase } from '../src/db';
import { createHttpServer } from '../src/http/http-server';
import { createLogger } from '../src/logger';
import { bootstrapStaff } from '../src/modules/staff/staff.bootstrap';
import { startFerretDB } from './embedded-db';

const DURATION = Number(process.env.BENCH_SECONDS ?? 5);

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinan-bench-'));
  const db = process.env.MONGODB_URI ? undefined : await startFerretDB({ dataDir });
  const uri = process.env.MONGODB_URI ?? db!.uri;
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, MONGODB_URI: uri, MONGODB_DB: `bench_${crypto.randomBytes(4).toString('hex')}`, LOG_LEVEL: 'silent', DEMO_PASSWORD: 'Bench-demo-password-1!' });
  await connectDatabase(uri, config.mongodbDb);
  const { app, services } = createApp({ config, logger: createLogger('silent') });
  await bootstrapStaff(services.stations, { dataDir, isProduction: false, adminInitialPassword: 'Bench-admin-password-1!', demoPassword: config.demoPassword, demoStations: content.demoStations.stations, print: () => undefined });
  const server = createHttpServer(app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const resident = (await services.residentAuth.loginByOpenid('bench-resident')).token;
  const staffRes = await fetch(`${base}/api/v1/auth/staff/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'station-s1', password: config.demoPassword }) });
  const staff = ((await staffRes.json()) as { accessToken: string }).accessToken;

  const cases: Array<{ name: string; opts: autocannon.Options }> = [
    { name: 'GET /healthz (db ping)', opts: { url: `${base}/healthz` } },
    { name: 'GET /api/v1/me (resident JWT + 1 read)', opts: { url: `${base}/api/v1/me`, headers: { Authorization: `Bearer ${resident}` } } },
    { name: 'GET /api/v1/admin/stations (staff session check + scope query)', opts: { url: `${base}/api/v1/admin/stations`, headers: { Authorization: `Bearer ${staff}` } } },
    { name: 'POST /api/v1/auth/dev-login (upsert)', opts: { url: `${base}/api/v1/auth/dev-login`, method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ openid: 'bench-resident' }) } },
    { name: 'POST /api/v1/scales/phq9/assessments (score + anonymous rollup insert)', opts: { url: `${base}/api/v1/scales/phq9/assessments`, method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ answers: [1, 2, 1, 0, 3, 1, 2, 0, 0] }) } },
    { name: 'GET /api/v1/scales/phq9 (definition, no database)', opts: { url: `${base}/api/v1/scales/phq9` } },
    { name: 'POST login, invalid body (validation only)', opts: { url: `${base}/api/v1/auth/staff/login`, method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: { $gt: '' } }) } },
  ];
  const rows: string[] = [];
  for (const c of cases) {
    const r = await autocannon({ ...c.opts, connections: 10, duration: DURATION });
    rows.push(`| ${c.name} | ${Math.round(r.requests.average)} | ${r.latency.p50} | ${r.latency.p99} | ${r.non2xx} |`);
  }
  // argon2id is slow on purpose; measure one login at a time.
  const loginTimes: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t = process.hrtime.bigint();
    await fetch(`${base}/api/v1/auth/staff/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'demo-editor', password: config.demoPassword }) });
    loginTimes.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  loginTimes.sort((a, b) => a - b);

  console.log(`\nBench on ${os.cpus().length} cores, ${db ? 'FerretDB 1.24.2 (SQLite)' : 'MONGODB_URI'}, 10 connections, ${DURATION} s each\n`);
  console.log('| case | req/s | p50 ms | p99 ms | non-2xx |\n| --- | ---: | ---: | ---: | ---: |');
  console.log(rows.join('\n'));
  console.log(`\nstaff login (argon2id, sequential): median ${loginTimes[5]!.toFixed(0)} ms, max ${loginTimes[9]!.toFixed(0)} ms\n`);

  server.close();
  await disconnectDatabase();
  await db?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch((e) => { console.error(e); process.exit(1); });
