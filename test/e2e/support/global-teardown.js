'use strict';
const fs = require('node:fs');

// What must never appear in the API's log after a full journey: JWTs, refresh tokens, passwords, phone numbers.
const FORBIDDEN_IN_LOGS = [
  [/eyJ[A-Za-z0-9_-]{10,}/, 'a JWT'],
  [/"refreshToken"\s*:\s*"[^"[]/, 'a refresh token'],
  [/E2e-demo-password-1!|E2e-admin-password-1!/, 'a password'],
  // Bounded by non-alphanumerics: the same digits inside a hex request id are not a phone number.
  [/(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/, 'a mobile phone number'],
  [/[Bb]earer\s+[A-Za-z0-9]/, 'an Authorization header'],
];

module.exports = async function globalTeardown() {
  const product = globalThis.__XINAN_E2E__;
  if (!product) return;
  await product.stop();

  const log = fs.readFileSync(process.env.E2E_API_LOG, 'utf8');
  if (!log.includes('"msg":"shutdown complete"')) throw new Error('the API did not shut down gracefully on SIGTERM (see test/artifacts/api.log)');
  const leaks = FORBIDDEN_IN_LOGS.filter(([re]) => re.test(log)).map(([, what]) => what);
  if (leaks.length) throw new Error(`the API log contains ${leaks.join(', ')} (see test/artifacts/api.log)`);
};
