// `npm test`: every check, in the order CI runs them. Stops at the first failing step and says which.
//   1 typecheck  2 database-compatibility check  3 unit + API tests (real FerretDB)  4 builds (+ size gates)
//   5 end to end (Chromium)  6 API fuzzing from the OpenAPI document (Schemathesis)
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const only = process.argv.slice(2);

const steps = [
  ['typecheck', ['run', 'typecheck', '--workspaces', '--if-present']],
  ['db-compat', ['run', 'check:compat', '-w', 'api']],
  ['api tests', ['test', '-w', 'api']],
  ['miniapp tests', ['test', '-w', 'miniapp']],
  ['admin tests', ['test', '-w', 'admin']],
  ['miniapp build', ['run', 'build', '-w', 'miniapp']],
  ['admin build', ['run', 'build', '-w', 'admin']],
  ['e2e', ['run', 'e2e', '-w', 'test']],
  ['fuzz', ['run', 'fuzz', '-w', 'test']],
];

const timings = [];
for (const [name, args] of steps) {
  if (only.length && !only.some((o) => name.startsWith(o))) continue;
  console.log(`\n=== ${name}: npm ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(npm, args, { cwd: repoRoot, stdio: 'inherit', env: process.env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  timings.push(`${name.padEnd(14)} ${seconds.padStart(6)} s  ${r.status === 0 ? 'ok' : 'FAILED'}`);
  if (r.status !== 0) {
    console.error(`\n${timings.join('\n')}\n\nstep "${name}" failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
}
console.log(`\n${timings.join('\n')}\n\nall checks passed`);
