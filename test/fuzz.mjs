// `npm run fuzz -w test`: property-based fuzzing of the whole API from its own OpenAPI document with
// Schemathesis (PyPI, pinned, installed once into .tools/venv). Fails on any server error, undocumented status,
// schema violation or wrong answer to an undeclared method. Fixed seed and example budget: runs are repeatable
// (FUZZ_SEED and FUZZ_EXAMPLES explore further by hand).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { startProduct, repoRoot } = require('./support/product.js');

const requirements = path.join(repoRoot, 'test', 'fuzz-requirements.txt');
const venv = path.join(repoRoot, '.tools', 'venv');
const st = path.join(venv, 'bin', 'st');
const installedMarker = path.join(venv, 'installed-requirements.txt');

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status})`);
}

const wanted = fs.readFileSync(requirements, 'utf8');
if (!fs.existsSync(st) || !fs.existsSync(installedMarker) || fs.readFileSync(installedMarker, 'utf8') !== wanted) {
  console.log('[fuzz] installing test/fuzz-requirements.txt into .tools/venv (once)…');
  run('python3', ['-m', 'venv', venv]);
  run(path.join(venv, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', '-r', requirements]);
  fs.writeFileSync(installedMarker, wanted);
}

// WeChat stand-in: every random code the fuzzer sends is an invalid code, as WeChat would say (40029).
const wechat = http.createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ errcode: 40029, errmsg: 'invalid code' }));
});
await new Promise((r) => wechat.listen(0, '127.0.0.1', r));
const wechatBase = `http://127.0.0.1:${wechat.address().port}`;

const product = await startProduct({
  // A retest template turns the reminder feature on, so its routes are fuzzed rather than answering 503 (off).
  env: { WECHAT_API_BASE: wechatBase, WECHAT_APPID: 'wxfuzz', WECHAT_SECRET: 'fuzz-secret', DEMO_PASSWORD: 'Fuzz-demo-password-1!', RETEST_TEMPLATE_ID: 'fuzz-retest-template' },
  logFile: path.join(repoRoot, 'test', 'artifacts', 'fuzz-api.log'),
  requireBuilds: false,
});
let status = 1;
try {
  const login = await fetch(`${product.base}/api/v1/auth/staff/login`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'demo-admin', password: 'Fuzz-demo-password-1!' }),
  });
  const { accessToken } = await login.json();
  // A resident of its own, so the /me routes, bookings and registrations are fuzzed past their 401.
  const resident = await fetch(`${product.base}/api/v1/auth/dev-login`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ openid: 'fuzz-resident' }),
  });
  const { token: residentToken } = await resident.json();
  if (!accessToken || !residentToken) throw new Error('fuzz: staff or resident login failed');
  // Asynchronous spawn: the fake WeChat server above lives in this process and must keep answering.
  // The tokens reach schemathesis.toml's [auth.openapi.*] blocks, one per security scheme of the document.
  const child = spawn(st, [
    '--config-file', path.join(repoRoot, 'test', 'schemathesis.toml'),
    'run', `${product.base}/api/v1/openapi.json`, '--url', product.base,
    '--max-examples', process.env.FUZZ_EXAMPLES ?? '50', '--seed', process.env.FUZZ_SEED ?? '1', '--workers', '2',
    // Login and WeChat attempts are meant to fail and lock accounts; logout ends the fuzzer's own session, and
    // deleting the account its resident's (both are covered by the API tests).
    '--exclude-operation-id', 'post_auth_staff_logout', '--exclude-operation-id', 'delete_me',
  ], { stdio: 'inherit', env: { ...process.env, NO_COLOR: '1', FUZZ_STAFF_TOKEN: accessToken, FUZZ_RESIDENT_TOKEN: residentToken } });
  status = await new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
} finally {
  await product.stop();
  wechat.close();
}
// CI keeps only what is printed: the API's own account of each server error (redacted pino lines) goes with it.
if (status !== 0) {
  const errors = fs.readFileSync(product.logFile, 'utf8').split('\n').filter((l) => /"level":(50|60)/.test(l));
  console.log(`\n[fuzz] ${errors.length} error line(s) in the API log (${path.relative(repoRoot, product.logFile)})${errors.length ? ':' : ''}`);
  for (const line of errors.slice(0, 20)) console.log(line.slice(0, 4000));
}
process.exit(status);
