// `npm start`: builds whatever front end is missing, runs the embedded database unless MONGODB_URI is set,
// then serves everything from the API process on PORT (default 3000): /api/v1, /admin/, /app/.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { startFerretDB, repoRoot } = require('./embedded-db.js');

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const builds = [
  { name: '居民端 H5 (miniapp)', marker: 'miniapp/dist/h5/index.html', args: ['run', 'build:h5', '-w', 'miniapp'] },
  { name: '管理后台 (admin)', marker: 'admin/dist/index.html', args: ['run', 'build', '-w', 'admin'] },
];

for (const b of builds) {
  if (fs.existsSync(path.join(repoRoot, b.marker)) && !process.argv.includes('--rebuild')) continue;
  console.log(`[start] building ${b.name}…`);
  const r = spawnSync(npm, b.args, { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`[start] building ${b.name} failed (exit ${r.status})`);
    process.exit(r.status ?? 1);
  }
}

const env = { ...process.env };
let db;
if (!env.MONGODB_URI) {
  const dataDir = path.resolve(repoRoot, env.DATA_DIR || 'data');
  try {
    db = await startFerretDB({ dataDir, log: (m) => console.log(m) });
  } catch (e) {
    console.error(`[start] ${e.message}`);
    process.exit(1);
  }
  env.MONGODB_URI = db.uri;
  env.DATA_DIR = dataDir;
  console.log(`[start] embedded database (FerretDB, SQLite) on 127.0.0.1:${db.port}, data in ${path.relative(repoRoot, dataDir) || '.'}/ferretdb`);
}

const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
const api = spawn(tsx, ['src/server.ts'], { cwd: path.join(repoRoot, 'api'), env, stdio: 'inherit' });

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    api.kill(signal);
  });
}
api.on('exit', async (code, signal) => {
  if (db) await db.stop();
  process.exit(code ?? (signal ? 0 : 1));
});
