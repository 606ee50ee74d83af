'use strict';
// Starts the whole product once for the e2e run, the way `npm start` does: an embedded FerretDB in a fresh
// data folder and the API serving /api/v1, /app/ and /admin/. Its log goes to test/artifacts/api.log.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startFerretDB, freePort, repoRoot } = require('../../../api/scripts/embedded-db');

const DEMO_PASSWORD = 'E2e-demo-password-1!';

module.exports = async function globalSetup() {
  for (const marker of ['miniapp/dist/h5/index.html', 'admin/dist/index.html']) {
    if (!fs.existsSync(path.join(repoRoot, marker))) {
      throw new Error(`${marker} is missing: build first (npm test builds before e2e; or npm run build)`);
    }
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinan-e2e-'));
  const db = await startFerretDB({ dataDir });
  const port = await freePort();
  const artifacts = path.join(repoRoot, 'test', 'artifacts');
  fs.mkdirSync(artifacts, { recursive: true });
  const logFile = path.join(artifacts, 'api.log');
  const log = fs.openSync(logFile, 'w');
  const api = spawn(path.join(repoRoot, 'node_modules', '.bin', 'tsx'), ['src/server.ts'], {
    cwd: path.join(repoRoot, 'api'),
    env: { ...process.env, NODE_ENV: 'development', PORT: String(port), MONGODB_URI: db.uri, DATA_DIR: dataDir, DEMO_PASSWORD, ADMIN_INITIAL_PASSWORD: 'E2e-admin-password-1!', LOG_LEVEL: 'info' },
    stdio: ['ignore', log, log],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60000;
  for (;;) {
    try {
      const res = await fetch(`${base}/healthz`);
      if (res.ok) break;
    } catch { /* not up yet */ }
    if (api.exitCode !== null) throw new Error(`API exited during start:\n${fs.readFileSync(logFile, 'utf8')}`);
    if (Date.now() > deadline) throw new Error(`API not healthy within 60 s:\n${fs.readFileSync(logFile, 'utf8')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  process.env.E2E_BASE_URL = base;
  process.env.E2E_DEMO_PASSWORD = DEMO_PASSWORD;
  process.env.E2E_API_LOG = logFile;
  globalThis.__XINAN_E2E__ = { api, db, dataDir };
};
