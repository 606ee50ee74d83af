import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from './config';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'xinan-config-'));
const prod = {
  NODE_ENV: 'production', JWT_SECRET: 'k'.repeat(64), WECHAT_APPID: 'wx1', WECHAT_SECRET: 's', MONGODB_URI: 'mongodb://db/x',
  DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
};

describe('loadConfig', () => {
  test('development defaults: port 3000, loopback, a generated JWT secret kept under DATA_DIR', () => {
    const dir = tmp();
    const a = loadConfig({ DATA_DIR: dir });
    expect(a.port).toBe(3000);
    expect(a.host).toBe('127.0.0.1');
    expect(a.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({ DATA_DIR: dir }).jwtSecret).toBe(a.jwtSecret);
    expect((fs.statSync(path.join(dir, 'dev-jwt-secret')).mode & 0o777).toString(8)).toBe('600');
  });

  test('production refuses to start without JWT_SECRET, WeChat credentials or MONGODB_URI, naming each', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: tmp() })).toThrow(ConfigError);
    try {
      loadConfig({ NODE_ENV: 'production', DATA_DIR: tmp() });
    } catch (e) {
      expect((e as Error).message).toMatch(/JWT_SECRET is required/);
      expect((e as Error).message).toMatch(/WECHAT_APPID and WECHAT_SECRET/);
      expect((e as Error).message).toMatch(/MONGODB_URI is required/);
      expect((e as Error).message).toMatch(/DATA_ENCRYPTION_KEY is required/);
    }
  });

  test('production refuses demo passwords and placeholder secrets', () => {
    expect(() => loadConfig({ ...prod, DEMO_PASSWORD: 'Demo-password-123' })).toThrow(/DEMO_PASSWORD/);
    expect(() => loadConfig({ ...prod, JWT_SECRET: 'change-me-change-me-change-me-123' })).toThrow(/placeholder/);
    expect(loadConfig(prod).isProduction).toBe(true);
  });

  test('rejects malformed values with the variable name', () => {
    expect(() => loadConfig({ PORT: 'abc', DATA_DIR: tmp() })).toThrow(/PORT/);
    expect(() => loadConfig({ JWT_SECRET: 'short', DATA_DIR: tmp() })).toThrow(/JWT_SECRET must be at least 32/);
    expect(() => loadConfig({ WECHAT_API_BASE: 'not a url', DATA_DIR: tmp() })).toThrow(/WECHAT_API_BASE/);
    expect(() => loadConfig({ NODE_ENV: 'staging', DATA_DIR: tmp() })).toThrow(/NODE_ENV/);
  });
});
