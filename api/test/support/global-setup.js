'use strict';
// One real database for the whole API test run: the embedded FerretDB, unless MONGODB_URI points at a MongoDB.
// Each test file then works in a database of its own (see api.ts), so files never see each other's data.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startFerretDB } = require('../../scripts/embedded-db');
const { ensureS3Server } = require('../../scripts/s3-server');

module.exports = async function globalSetup() {
  // The S3 server for media-s3.api.test.ts is built here, once, before any test file runs: building it inside that
  // file's beforeAll took both cores for minutes while other files' hooks were timing out.
  await ensureS3Server();
  if (process.env.MONGODB_URI) {
    process.env.XINAN_TEST_MONGODB_URI = process.env.MONGODB_URI;
    return;
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinan-test-db-'));
  const db = await startFerretDB({ dataDir });
  process.env.XINAN_TEST_MONGODB_URI = db.uri;
  globalThis.__XINAN_DB__ = { db, dataDir };
};
