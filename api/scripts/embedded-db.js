'use strict';
// The embedded default database: FerretDB 1.24.2 on its SQLite backend, built once from its Go module into
// the project-local, git-ignored `.tools/bin`. Used by `npm start` and by the test harnesses when no
// MONGODB_URI is set. Plain CommonJS so that plain Node scripts and Jest's globalSetup can both load it.
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';
const FERRETDB_VERSION = 'v1.24.2';
const repoRoot = path.resolve(__dirname, '..', '..');
const toolsDir = path.join(repoRoot, '.tools');
// FERRETDB_BIN: use a FerretDB binary built elsewhere; otherwise the project-local build.
const binPath = process.env.FERRETDB_BIN ? path.resolve(process.env.FERRETDB_BIN) : path.join(toolsDir, 'bin', 'ferretdb');

const GO_MISSING = [
  'Go is needed once to build the embedded database (FerretDB ' + FERRETDB_VERSION + '), but `go` was not found.',
  '  - install Go 1.24 or newer: `apt-get install golang-go` (Debian 13+) or https://go.dev/dl/, then run the command again; or',
  '  - point the product at a MongoDB you run yourself: MONGODB_URI=mongodb://127.0.0.1:27017/xinan npm start',
].join('\n');

/** The version a Go-built tool reports for `--version` (read with `pattern`), or null when it is not there. */
function binaryVersion(bin, pattern) {
  if (!fs.existsSync(bin)) return null;
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  const m = pattern.exec(r.stdout || '');
  return m ? m[1] : null;
}

function run(cmd, args, opts) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...opts });
  if (r.error) throw r.error;
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status}):\n${(r.stderr || '').slice(-4000)}`);
  }
  return r.stdout;
}

/**
 * Builds .tools/bin/ferretdb unless the right version is already there.
 * Why not plain `go install …@v1.24.2`: the module proxy here answers 403 on the module's version list, which
 * `go install pkg@version` reads to check deprecation, and a binary built that way panics at start because the
 * module zip lacks the generated build/version/version.txt. So we download the exact module version, copy it to
 * a writable folder, write version.txt and `go build` it: the same source, pinned by go.sum.
 */
function ensureFerretDB(log = (m) => process.stderr.write(m + '\n')) {
  if (binaryVersion(binPath, /version:\s*(v\S+)/) === FERRETDB_VERSION) return binPath;
  const go = spawnSync('go', ['version'], { encoding: 'utf8' });
  if (go.error || go.status !== 0) throw new Error(GO_MISSING);

  const started = Date.now();
  log(`[db] building FerretDB ${FERRETDB_VERSION} into ${path.relative(repoRoot, binPath)} (once; about 2 minutes on a cold Go cache)…`);
  const env = { ...process.env, GOFLAGS: '-mod=mod -buildvcs=false', GOTOOLCHAIN: 'local' };
  const info = JSON.parse(run('go', ['mod', 'download', '-json', `${FERRETDB_MODULE}@${FERRETDB_VERSION}`], { env, cwd: repoRoot }));
  const srcDir = path.join(toolsDir, 'src', `ferretdb-${FERRETDB_VERSION}`);
  fs.rmSync(srcDir, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(srcDir), { recursive: true });
  fs.cpSync(info.Dir, srcDir, { recursive: true });
  makeWritable(srcDir);
  fs.writeFileSync(path.join(srcDir, 'build', 'version', 'version.txt'), FERRETDB_VERSION + '\n');
  fs.mkdirSync(path.dirname(binPath), { recursive: true });
  // Build to a temporary name and rename, so a concurrent reader never sees a half-written binary.
  const tmp = `${binPath}.${process.pid}.tmp`;
  run('go', ['build', '-trimpath', '-o', tmp, './cmd/ferretdb'], { env: { ...env, GOFLAGS: '-buildvcs=false' }, cwd: srcDir });
  fs.renameSync(tmp, binPath);
  fs.rmSync(srcDir, { recursive: true, force: true });
  const size = fs.statSync(binPath).size;
  log(`[db] FerretDB built in ${((Date.now() - started) / 1000).toFixed(1)} s (${(size / 1e6).toFixed(1)} MB)`);
  return binPath;
}

function makeWritable(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    fs.chmodSync(p, entry.isDirectory() ? 0o755 : 0o644);
    if (entry.isDirectory()) makeWritable(p);
  }
  fs.chmodSync(dir, 0o755);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function canConnect(port) {
  return new Promise((resolve) => {
    const sock = net.connect({ port, host: '127.0.0.1' });
    sock.once('connect', () => { sock.destroy(); resolve(true); });
    sock.once('error', () => resolve(false));
  });
}

/**
 * Starts FerretDB on 127.0.0.1 with its SQLite files under `dataDir`, waits until it accepts connections and
 * returns { uri, port, stop }. The child is killed when this process exits.
 */
async function startFerretDB({ dataDir, port, log = (m) => process.stderr.write(m + '\n'), timeoutMs = 30000 } = {}) {
  const bin = ensureFerretDB(log);
  const root = path.resolve(dataDir || path.join(repoRoot, 'data'));
  const sqliteDir = path.join(root, 'ferretdb');
  const stateDir = path.join(root, 'ferretdb-state');
  fs.mkdirSync(sqliteDir, { recursive: true });
  fs.mkdirSync(stateDir, { recursive: true });
  const listenPort = port || (await freePort());
  const child = spawn(bin, [
    '--handler=sqlite',
    `--sqlite-url=file:${sqliteDir}/`,
    `--listen-addr=127.0.0.1:${listenPort}`,
    `--state-dir=${stateDir}`,
    '--debug-addr=-',
    '--telemetry=disable',
    '--log-level=warn',
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr = (stderr + d).slice(-8000); });
  let exited = false;
  const exitedPromise = new Promise((resolve) => child.once('exit', (code, signal) => { exited = true; resolve({ code, signal }); }));
  const killOnExit = () => { if (!exited) child.kill('SIGKILL'); };
  process.once('exit', killOnExit);

  const deadline = Date.now() + timeoutMs;
  while (!(await canConnect(listenPort))) {
    if (exited) throw new Error(`FerretDB exited before accepting connections:\n${stderr}`);
    if (Date.now() > deadline) { child.kill('SIGKILL'); throw new Error(`FerretDB did not listen on ${listenPort} within ${timeoutMs} ms:\n${stderr}`); }
    await new Promise((r) => setTimeout(r, 100));
  }

  async function stop() {
    process.removeListener('exit', killOnExit);
    if (!exited) {
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exitedPromise;
      clearTimeout(t);
    }
  }
  return { uri: `mongodb://127.0.0.1:${listenPort}/`, port: listenPort, pid: child.pid, stop };
}

module.exports = { ensureFerretDB, startFerretDB, freePort, canConnect, binaryVersion, FERRETDB_VERSION, binPath, repoRoot };
