// `npm test`: every check, in the order CI runs them. Stops at the first failing step and says which.
//   1 typecheck  2 database-compatibility check  3 unit + API tests (real FerretDB)  4 builds (+ size gates)
//   5 end to end (Chromium)  6 API fuzzing from the OpenAPI document (Schemathesis)
// Each step's output is passed through as it comes and also read for its test counts, so the closing summary says
// how many tests ran in every step; a test step that ran no test at all fails (a suite that silently matches
// nothing must not look green).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { countTests } from './test-counts.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const only = process.argv.slice(2);

/** [name, npm arguments, how its tests are counted (none for steps that are checks, not test runs)] */
const steps = [
  ['typecheck', ['run', 'typecheck', '--workspaces', '--if-present']],
  ['db-compat', ['run', 'check:compat', '-w', 'api']],
  ['api tests', ['test', '-w', 'api'], 'jest'],
  ['miniapp tests', ['test', '-w', 'miniapp'], 'jest'],
  ['admin tests', ['test', '-w', 'admin'], 'jest'],
  ['miniapp build', ['run', 'build', '-w', 'miniapp']],
  ['admin build', ['run', 'build', '-w', 'admin']],
  ['e2e', ['run', 'e2e', '-w', 'test'], 'jest'],
  ['fuzz', ['run', 'fuzz', '-w', 'test'], 'schemathesis'],
];

function run(args) {
  return new Promise((resolve) => {
    const child = spawn(npm, args, { cwd: repoRoot, stdio: ['inherit', 'pipe', 'pipe'], env: process.env });
    let output = '';
    child.stdout.on('data', (chunk) => { output += chunk; process.stdout.write(chunk); });
    child.stderr.on('data', (chunk) => { output += chunk; process.stderr.write(chunk); });
    child.on('close', (code, signal) => resolve({ code, signal, output }));
  });
}

const rows = [];
const totals = { passed: 0, failed: 0, total: 0 };
const summary = () => [
  ...rows,
  '',
  `Tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.total} total`,
].join('\n');

for (const [name, args, counter] of steps) {
  if (only.length && !only.some((o) => name.startsWith(o))) continue;
  console.log(`\n=== ${name}: npm ${args.join(' ')}`);
  const started = Date.now();
  const r = await run(args);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const counts = counter ? countTests(counter, r.output) : null;
  const noTests = counter && (!counts || counts.total === 0);
  const ok = r.code === 0 && !noTests;
  if (counts) {
    totals.passed += counts.passed;
    totals.failed += counts.failed;
    totals.total += counts.total;
  }
  const detail = counts ? `  ${counts.passed} passed, ${counts.failed} failed, ${counts.total} total` : noTests ? '  no tests ran' : '';
  rows.push(`${name.padEnd(14)} ${seconds.padStart(6)} s  ${ok ? 'ok    ' : 'FAILED'}${detail}`);
  if (!ok) {
    console.error(`\n${summary()}\n\nstep "${name}" failed (${noTests ? 'it ran no test' : `exit ${r.code ?? r.signal}`})`);
    process.exit(r.code || 1);
  }
}
console.log(`\n${summary()}\n\nall checks passed`);
