'use strict';
// A real S3-compatible server for tests and local trials of MEDIA_STORE=s3: Versity S3 Gateway (versitygw) over a
// plain directory, built once from its Go module into the project-local, git-ignored `.tools/bin` (like FerretDB in
// embedded-db.js; nothing is downloaded but Go modules). Plain CommonJS so Jest tests and plain Node can load it.
//
//   node api/scripts/s3-server.js     builds if needed, starts one on 127.0.0.1:7070 over data/s3 with bucket
//                                     xinan-media and prints the MEDIA_STORE=s3 settings to use; Ctrl-C stops it.
const { spawn, spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { binaryVersion, canConnect, freePort, repoRoot } = require('./embedded-db');

const VERSITYGW_PACKAGE = 'github.com/versity/versitygw/cmd/versitygw';
const VERSITYGW_VERSION = 'v1.8.0';
const toolsBin = path.join(repoRoot, '.tools', 'bin');
// S3_SERVER_BIN: a versitygw built or installed elsewhere, used as it is; otherwise the project-local build.
const binPath = process.env.S3_SERVER_BIN ? path.resolve(process.env.S3_SERVER_BIN) : path.join(toolsBin, 'versitygw');

const GO_MISSING = [
  `Go is needed once to build the S3 test server (versitygw ${VERSITYGW_VERSION}), but \`go\` was not found.`,
  '  - install Go 1.25 or newer: `apt-get install golang-go` (Debian 13+) or https://go.dev/dl/, then run the command again; or',
  '  - point S3_SERVER_BIN at a versitygw binary you already have.',
].join('\n');


function runAsync(cmd, args, opts) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'ignore', 'pipe'] });
    // A low priority, inherited by the compiler processes go starts: tests running meanwhile keep their pace.
    if (child.pid) try { os.setPriority(child.pid, 10); } catch { /* not permitted here: build at normal priority */ }
    let stderr = '';
    child.stderr.on('data', (d) => { stderr = (stderr + d).slice(-8000); });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${cmd} ${args.join(' ')} failed (${code ?? signal}):\n${stderr}`));
    });
  });
}

/**
 * Builds .tools/bin/versitygw unless that version is there (an S3_SERVER_BIN binary is taken as it is). Asynchronous,
 * so a Jest worker stays responsive during the build (about 2–4 minutes of CPU on a cold Go cache, seconds when warm).
 */
async function ensureS3Server(log = (m) => process.stderr.write(m + '\n')) {
  if (process.env.S3_SERVER_BIN) {
    if (!fs.existsSync(binPath)) throw new Error(`S3_SERVER_BIN points at ${binPath}, which does not exist`);
    return binPath;
  }
  if (binaryVersion(binPath, /Version\s*:\s*(v\S+)/) === VERSITYGW_VERSION) return binPath;
  const go = spawnSync('go', ['version'], { encoding: 'utf8' });
  if (go.error || go.status !== 0) throw new Error(GO_MISSING);

  const started = Date.now();
  log(`[s3] building versitygw ${VERSITYGW_VERSION} into ${path.relative(repoRoot, binPath)} (once; a few minutes on a cold Go cache)…`);
  // `go install` names its output after the package, so it builds into a folder of its own and the binary is then
  // renamed into place: a concurrent reader never sees half a binary.
  const buildDir = path.join(toolsBin, `.versitygw-build-${process.pid}`);
  fs.mkdirSync(buildDir, { recursive: true });
  try {
    await runAsync('go', [
      'install', '-trimpath', `-ldflags=-s -w -X main.Version=${VERSITYGW_VERSION}`, `${VERSITYGW_PACKAGE}@${VERSITYGW_VERSION}`,
    ], { cwd: buildDir, env: { ...process.env, GOBIN: buildDir, GOFLAGS: '-buildvcs=false', GOTOOLCHAIN: 'local' } });
    fs.renameSync(path.join(buildDir, 'versitygw'), binPath);
  } finally {
    fs.rmSync(buildDir, { recursive: true, force: true });
  }
  const size = fs.statSync(binPath).size;
  log(`[s3] versitygw built in ${((Date.now() - started) / 1000).toFixed(1)} s (${(size / 1e6).toFixed(1)} MB)`);
  return binPath;
}

/**
 * Starts versitygw on 127.0.0.1 serving the folders under `dataDir` as buckets (metadata in a sidecar folder, so the
 * file system needs no extended attributes), creates `bucket` when given, and returns
 * { endpoint, port, region, bucket, accessKeyId, secretAccessKey, env, stop }. `env` holds the MEDIA_STORE=s3 settings.
 * The child is killed when this process exits.
 */
async function startS3Server({ dataDir, port, bucket, accessKeyId, secretAccessKey, region = 'us-east-1', log, timeoutMs = 30000 } = {}) {
  const bin = await ensureS3Server(log);
  const root = path.resolve(dataDir);
  const objectsDir = path.join(root, 'objects');
  const metaDir = path.join(root, 'meta');
  fs.mkdirSync(objectsDir, { recursive: true });
  fs.mkdirSync(metaDir, { recursive: true });
  const listenPort = port || (await freePort());
  const credentials = {
    accessKeyId: accessKeyId || `xinan${crypto.randomBytes(6).toString('hex')}`,
    secretAccessKey: secretAccessKey || crypto.randomBytes(24).toString('base64url'),
  };
  // Keys go through the environment, not the command line (which other users of the machine can read).
  const child = spawn(bin, ['--port', `127.0.0.1:${listenPort}`, '--region', region, '--quiet', 'posix', '--sidecar', metaDir, objectsDir], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ROOT_ACCESS_KEY_ID: credentials.accessKeyId, ROOT_SECRET_ACCESS_KEY: credentials.secretAccessKey },
  });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr = (stderr + d).slice(-8000); });
  let exited = false;
  const exitedPromise = new Promise((resolve) => child.once('exit', (code, signal) => { exited = true; resolve({ code, signal }); }));
  const killOnExit = () => { if (!exited) child.kill('SIGKILL'); };
  process.once('exit', killOnExit);

  async function stop() {
    process.removeListener('exit', killOnExit);
    if (!exited) {
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exitedPromise;
      clearTimeout(t);
    }
  }

  const deadline = Date.now() + timeoutMs;
  while (!(await canConnect(listenPort))) {
    if (exited) throw new Error(`versitygw exited before accepting connections:\n${stderr}`);
    if (Date.now() > deadline) { await stop(); throw new Error(`versitygw did not listen on ${listenPort} within ${timeoutMs} ms:\n${stderr}`); }
    await new Promise((r) => setTimeout(r, 100));
  }
  const endpoint = `http://127.0.0.1:${listenPort}`;
  if (bucket) {
    try {
      await createBucket({ endpoint, region, bucket, ...credentials });
    } catch (e) {
      await stop();
      throw e;
    }
  }
  const env = {
    MEDIA_STORE: 's3', S3_ENDPOINT: endpoint, S3_REGION: region, S3_BUCKET: bucket, S3_FORCE_PATH_STYLE: 'true',
    S3_ACCESS_KEY_ID: credentials.accessKeyId, S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
  };
  return { endpoint, port: listenPort, region, bucket, ...credentials, env, pid: child.pid, stop };
}

async function createBucket({ endpoint, region, bucket, accessKeyId, secretAccessKey }) {
  const { S3Client, CreateBucketCommand } = require('@aws-sdk/client-s3');
  const client = new S3Client({ endpoint, region, forcePathStyle: true, credentials: { accessKeyId, secretAccessKey } });
  try {
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
  } catch (e) {
    if (e.name !== 'BucketAlreadyOwnedByYou' && e.name !== 'BucketAlreadyExists') throw e;
  } finally {
    client.destroy();
  }
}

module.exports = { ensureS3Server, startS3Server, VERSITYGW_VERSION, binPath };

if (require.main === module) {
  (async () => {
    const server = await startS3Server({
      dataDir: path.join(repoRoot, 'data', 's3'), port: Number(process.env.S3_SERVER_PORT) || 7070, bucket: 'xinan-media',
      accessKeyId: 'xinan-dev', secretAccessKey: 'xinan-dev-secret-key',
    });
    process.stdout.write(`versitygw ${VERSITYGW_VERSION} listening on ${server.endpoint}; start the API with:\n`);
    process.stdout.write(Object.entries(server.env).map(([k, v]) => `${k}=${v}`).join(' ') + ' npm start\n');
    const shutdown = () => { server.stop().then(() => process.exit(0)); };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  })().catch((e) => { process.stderr.write(`${e.message}\n`); process.exit(1); });
}
