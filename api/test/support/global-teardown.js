'use strict';
const fs = require('node:fs');

module.exports = async function globalTeardown() {
  const handle = globalThis.__XINAN_DB__;
  if (!handle) return;
  await handle.db.stop();
  fs.rmSync(handle.dataDir, { recursive: true, force: true });
};
