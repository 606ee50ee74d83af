// Prints the API's OpenAPI 3.1 document (the one served at /api/v1/openapi.json) without a database, e.g. for client
// generators or to diff the API surface between two commits: `npm run openapi -w api > openapi.json`.
import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';

const config = loadConfig({
  NODE_ENV: 'test',
  JWT_SECRET: crypto.randomBytes(32).toString('hex'),
  DATA_DIR: path.join(os.tmpdir(), 'xinan-openapi'),
  DATA_ENCRYPTION_KEY: crypto.randomBytes(32).toString('base64'),
});
const { openApi } = createApp({ config, logger: createLogger('silent') });
// Exit once the pipe has taken everything: the app's timers would otherwise keep the process alive.
process.stdout.write(`${JSON.stringify(openApi, null, 2)}\n`, () => process.exit(0));
