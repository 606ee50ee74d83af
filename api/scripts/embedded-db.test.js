const { spawnSync } = require('node:child_process');
const path = require('node:path');

const script = path.join(__dirname, 'embedded-db.js');

describe('embedded database build', () => {
  test('without Go, the error says how to install Go or how to use a MongoDB instead', () => {
    const r = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(script)}).ensureFerretDB(() => {})`], {
      env: { PATH: '/nonexistent', FERRETDB_BIN: '/nonexistent/ferretdb' },
      encoding: 'utf8',
    });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('`go` was not found');
    expect(r.stderr).toContain('https://go.dev/dl/');
    expect(r.stderr).toContain('MONGODB_URI=mongodb://');
  });

  test('the project-local build reports the pinned version', () => {
    const { ensureFerretDB, FERRETDB_VERSION } = require('./embedded-db');
    const bin = ensureFerretDB(() => {});
    const r = spawnSync(bin, ['--version'], { encoding: 'utf8' });
    expect(FERRETDB_VERSION).toBe('v1.24.2');
    expect(r.stdout).toContain('version: v1.24.2');
  });
});
