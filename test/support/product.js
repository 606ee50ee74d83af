'use strict';
// Starts the whole product the way `npm start` does (embedded FerretDB in a fresh data folder, the API serving
// /api/v1, /app/ and /admin/) for e2e tests and fuzzing. The API's log goes to `logFile`.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startFerretDB, freePort, repoRoot } = require('../../api/scripts/embedded-db');

async function startProduct({ env = {}, logFile, requireBuilds = true } = {}) {
  if (requireBuilds) {
    for (const marker of ['miniapp/dist/h5/index.html', 'admin/dist/index.html']) {
      if (!fs.existsSync(path.join(repoRoot, marker))) {
        throw new Error(`${marker} is missing: build first (npm test builds before e2e; or npm run build)`);
      }
    }
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinan-product-'));
  const db = await startFerretDB({ dataDir });
  const port = await freePort();
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = fs.openSync(logFile, 'w');
  const api = spawn(path.join(repoRoot, 'node_modules', '.bin', 'tsx'), ['src/server.ts'], {
    cwd: path.join(repoRoot, 'api'),
    env: { ...process.env, NODE_ENV: 'development', PORT: String(port), MONGODB_URI: db.uri, DATA_DIR: dataDir, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', log, log],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60000;
  for (;;) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch { /* not up yet */ }
    if (api.exitCode !== null) throw new Error(`API exited during start:\n${fs.readFileSync(logFile, 'utf8')}`);
    if (Date.now() > deadline) throw new Error(`API not healthy within 60 s:\n${fs.readFileSync(logFile, 'utf8')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    base,
    logFile,
    // The product's database, for tests that check what was (not) stored.
    mongoUri: db.uri,
    dbName: env.MONGODB_DB || 'xinan',
    async stop() {
      if (api.exitCode === null) {
        const exited = new Promise((r) => api.once('exit', r));
        api.kill('SIGTERM');
        await exited;
      }
      await db.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

module.exports = { startProduct, repoRoot };
