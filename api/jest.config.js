/**
 * Unit tests sit beside the code (src/**\/*.test.ts); API tests run the real app against the embedded FerretDB.
 * ../content is a root too: the shared workspace package has no test runner of its own (content/*.test.ts).
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test', '<rootDir>/scripts', '<rootDir>/../content'],
  testMatch: ['**/*.test.ts', '**/*.test.js'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  // ESM-only packages are compiled to CommonJS for Jest (Node itself loads them with require(esm)): media sniffing
  // and metadata with their helpers, and sanitize-html's parser (htmlparser2 and its dom* / entities packages).
  transformIgnorePatterns: ['/node_modules/(?!(sanitize-html/node_modules|file-type|music-metadata|strtok3|token-types|uint8array-extras|@tokenizer|@borewit|win-guid|content-type|media-typer|htmlparser2|domhandler|domutils|domelementtype|dom-serializer|entities)/)'],
  // music-metadata exports only `import`/`module-sync` conditions, which Jest's CommonJS resolver does not try.
  moduleNameMapper: { '^music-metadata$': require.resolve('music-metadata') },
  globalSetup: '<rootDir>/test/support/global-setup.js',
  globalTeardown: '<rootDir>/test/support/global-teardown.js',
  testTimeout: 30000,
  maxWorkers: 2,
};
