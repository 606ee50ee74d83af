// Unit tests for the miniapp's pure logic (error messages, hotline list, session state, self-test crisis rules,
// in-progress answers, submission outbox, list grouping) and the build-time rule extraction in config/.
// Pages and Taro APIs are not loaded here; the H5 e2e harness covers them.
/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/config/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' } }],
  },
}
