/** End-to-end: the real API (on its own embedded FerretDB) serving the real builds, driven in Debian's Chromium. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/e2e'],
  testMatch: ['**/*.e2e.test.ts'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  globalSetup: '<rootDir>/e2e/support/global-setup.js',
  globalTeardown: '<rootDir>/e2e/support/global-teardown.js',
  testTimeout: 60000,
};
