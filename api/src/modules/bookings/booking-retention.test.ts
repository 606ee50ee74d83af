import { loadConfig } from '../../config';
import { retentionCutoff } from './booking-retention';

describe('booking retention settings', () => {
  test('the cutoff is exactly N days before now', () => {
    const now = new Date('2027-12-01T00:00:00Z');
    expect(retentionCutoff(now, 365).toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(retentionCutoff(now, 30).toISOString()).toBe('2027-11-01T00:00:00.000Z');
  });

  test('BOOKING_RETENTION_DAYS defaults to one year; nonsense and too-short values refuse to start', () => {
    const env = { NODE_ENV: 'test', JWT_SECRET: 'x'.repeat(40), DATA_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'), DATA_DIR: '/tmp/xinan-retention-config-test' };
    expect(loadConfig(env).bookings.retentionDays).toBe(365);
    expect(loadConfig({ ...env, BOOKING_RETENTION_DAYS: '730' }).bookings.retentionDays).toBe(730);
    for (const bad of ['0', '7', '-1', 'abc', '1.5', '99999']) expect(() => loadConfig({ ...env, BOOKING_RETENTION_DAYS: bad })).toThrow(/BOOKING_RETENTION_DAYS/);
    expect(loadConfig(env).maintenance.sweepIntervalMs).toBe(3_600_000);
    expect(loadConfig({ ...env, MAINTENANCE_SWEEP_INTERVAL_MS: '0' }).maintenance.sweepIntervalMs).toBe(0);
    expect(() => loadConfig({ ...env, MAINTENANCE_SWEEP_INTERVAL_MS: '-5' })).toThrow(/MAINTENANCE_SWEEP_INTERVAL_MS/);
  });
});
