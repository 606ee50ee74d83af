'use strict';
const path = require('node:path');
const { startProduct, repoRoot } = require('../../support/product');

const DEMO_PASSWORD = 'E2e-demo-password-1!';

module.exports = async function globalSetup() {
  const logFile = path.join(repoRoot, 'test', 'artifacts', 'api.log');
  const product = await startProduct({ env: { DEMO_PASSWORD, ADMIN_INITIAL_PASSWORD: 'E2e-admin-password-1!' }, logFile });
  process.env.E2E_BASE_URL = product.base;
  process.env.E2E_DEMO_PASSWORD = DEMO_PASSWORD;
  process.env.E2E_API_LOG = logFile;
  process.env.E2E_MONGODB_URI = product.mongoUri;
  process.env.E2E_MONGODB_DB = product.dbName;
  globalThis.__XINAN_E2E__ = product;
};
