'use strict';
const fs = require('node:fs');

module.exports = async function globalTeardown() {
  const h = globalThis.__XINAN_E2E__;
  if (!h) return;
  if (h.api.exitCode === null) {
    const exited = new Promise((r) => h.api.once('exit', r));
    h.api.kill('SIGTERM');
    await exited;
  }
  await h.db.stop();
  fs.rmSync(h.dataDir, { recursive: true, force: true });
};
