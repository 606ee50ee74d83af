import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import mongoose from 'mongoose';
import { createApp } from '../../src/app';
import { loadConfig, type Config } from '../../src/config';
import { connectDatabase, disconnectDatabase } from '../../src/db';
import { createHttpServer } from '../../src/http/http-server';
import { createLogger } from '../../src/logger';
import { seed } from '../../src/seed';

export const TEST_DEMO_PASSWORD = 'Test-demo-password-1!';

export interface TestApi {
  url: string;
  config: Config;
  logs: string[];
  services: ReturnType<typeof createApp>['services'];
  routes: ReturnType<typeof createApp>['routes'];
  routers: ReturnType<typeof createApp>['routers'];
  app: ReturnType<typeof createApp>['app'];
  request(method: string, path: string, opts?: { body?: unknown; raw?: string; token?: string; headers?: Record<string, string> }): Promise<{ status: number; body: any; headers: Headers; text: string }>;
  close(): Promise<void>;
}

/**
 * Starts the real app on a real port against its own database on the embedded FerretDB (or MONGODB_URI),
 * with the demo data seeded. Everything the app logs is captured in `logs` so tests can check what is written.
 * `content: false` leaves out the article and media library (stations, staff and counselors are still seeded): most
 * of the seed time is hashing and copying the media, which files about booking or accounts never read.
 */
export async function startApi(env: Record<string, string | undefined> = {}, opts: { seed?: boolean; content?: boolean } = {}): Promise<TestApi> {
  const uri = process.env.XINAN_TEST_MONGODB_URI;
  if (!uri) throw new Error('XINAN_TEST_MONGODB_URI is not set: run the tests through jest (global setup starts the database)');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinan-api-test-'));
  const dbName = `t_${crypto.randomBytes(6).toString('hex')}`;
  const source: Record<string, string | undefined> = {
    NODE_ENV: 'test',
    JWT_SECRET: crypto.randomBytes(32).toString('hex'),
    DATA_DIR: dataDir,
    MONGODB_URI: uri,
    MONGODB_DB: dbName,
    DEMO_PASSWORD: TEST_DEMO_PASSWORD,
    ADMIN_INITIAL_PASSWORD: 'Initial-admin-pass-1!',
    LOG_LEVEL: 'info',
    ...env,
  };
  // `undefined` in `env` removes a default, as an unset variable would.
  const config = loadConfig(Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined)));
  const logs: string[] = [];
  const sink = new Writable({ write(chunk, _enc, cb) { logs.push(String(chunk)); cb(); } });
  await connectDatabase(uri, dbName);
  const created = createApp({ config, logger: createLogger('info', sink) });
  await Promise.all(Object.values(mongoose.models).map((m) => m.init()));
  if (opts.seed !== false) {
    await seed(created.services, { config, print: () => undefined, content: opts.content ?? true });
  }
  const server = createHttpServer(created.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url, config, logs, services: created.services, routes: created.routes, routers: created.routers, app: created.app,
    async request(method, p, o = {}) {
      const headers: Record<string, string> = { ...(o.headers ?? {}) };
      if (o.token) headers.Authorization = `Bearer ${o.token}`;
      let body: string | undefined = o.raw;
      if (o.body !== undefined) {
        body = JSON.stringify(o.body);
        headers['Content-Type'] ??= 'application/json';
      }
      const res = await fetch(url + p, { method, headers, ...(body === undefined ? {} : { body }) });
      const text = await res.text();
      let parsed: unknown;
      try { parsed = text ? JSON.parse(text) : undefined; } catch { parsed = undefined; }
      return { status: res.status, body: parsed, headers: res.headers, text };
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await mongoose.connection.dropDatabase().catch(() => undefined);
      await disconnectDatabase();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A request through node:http, for what fetch cannot send as is: methods it refuses (TRACE) and conditional
 * requests (fetch adds `Cache-Control: no-cache` next to If-None-Match, which rightly forbids a 304).
 */
export function rawRequest(url: string, method: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      let body = '';
      res.on('data', (c) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

export async function staffLogin(api: TestApi, username: string, password = TEST_DEMO_PASSWORD) {
  const res = await api.request('POST', '/api/v1/auth/staff/login', { body: { username, password } });
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${res.text}`);
  return res.body as { accessToken: string; refreshToken: string; user: { id: string; role: string; stationId: string | null } };
}
