'use strict';
// One real database for the whole API test run: the embedded FerretDB, unless MONGODB_URI points at a MongoDB.
// Each test file then works in a database of its own (see api.ts), so files never see each other's data.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startFerretDB } = require('../../scripts/embedded-db');

module.exports = async function globalSetup() {
  if (process.env.MONGODB_URI) {
    process.env.XINAN_TEST_MONGODB_URI = process.env.MONGODB_URI;
    return;
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinan-test-db-'));
  const db = await startFerretDB({ dataDir });
  process.env.XINAN_TEST_MONGODB_URI = db.uri;
  globalThis.__XINAN_DB__ = { db, dataDir };
};
