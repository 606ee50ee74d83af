import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { S3MediaStoreConfig } from './modules/media/s3-media-store';

// The only reader of process.env. Every key is validated at start; production refuses development defaults.

const repoRoot = path.resolve(__dirname, '..', '..');
const DEV_DEMO_PASSWORD = 'XinAn-demo-2026!';
const MB = 1024 * 1024;

const optionalString = z.string().trim().min(1).optional();

const envSchema = z.object({
  // development | test | production. Production forbids dev-login, demo data and generated secrets.
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  // Interface and port the HTTP server listens on.
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  // MongoDB connection string. `npm start` fills it with the embedded FerretDB when unset.
  MONGODB_URI: optionalString,
  // Database name used when the URI carries none.
  MONGODB_DB: z.string().regex(/^[A-Za-z0-9_-]{1,60}$/).default('xinan'),
  // HMAC key for JWTs (HS256). At least 32 characters. Required in production.
  JWT_SECRET: z.string().min(32, 'JWT_SECRET must be at least 32 characters').optional(),
  // AES-256 key (32 bytes, base64) for sensitive fields at rest: saved answers, phone numbers. Required in production.
  DATA_ENCRYPTION_KEY: z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'DATA_ENCRYPTION_KEY must be 32 bytes in base64').optional(),
  // Where local state lives: the embedded database files, media, the first admin password.
  DATA_DIR: z.string().default(path.join(repoRoot, 'data')),
  // Where uploaded and seeded media files are kept (local-disk store), and uploads in progress with either store.
  // Default: DATA_DIR/media.
  MEDIA_DIR: optionalString,
  // Which store keeps media bytes: local (MEDIA_DIR) or s3 (an S3-compatible object store shared by all instances).
  MEDIA_STORE: z.enum(['local', 's3']).default('local'),
  // The S3-compatible store (MEDIA_STORE=s3). Endpoint unset = AWS S3. The bucket must exist.
  S3_ENDPOINT: z.string().url().regex(/^https?:\/\//i, 'S3_ENDPOINT must be an http(s) URL').optional(),
  S3_REGION: z.string().trim().min(1).default('us-east-1'),
  S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'S3_BUCKET must be a valid bucket name (3-63 lowercase letters, digits, dots, hyphens)').optional(),
  S3_ACCESS_KEY_ID: optionalString,
  S3_SECRET_ACCESS_KEY: optionalString,
  // true: endpoint/bucket/key URLs (MinIO, versitygw, most self-hosted servers); false: bucket.endpoint/key (Aliyun OSS).
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).default('true'),
  // WeChat mini-program credentials for jscode2session. Required in production.
  WECHAT_APPID: optionalString,
  WECHAT_SECRET: optionalString,
  // Base URL of WeChat's server API; tests point it at a local fake server.
  WECHAT_API_BASE: z.string().url().default('https://api.weixin.qq.com'),
  // Which mini-program version subscribe messages open: developer | trial | formal.
  WECHAT_MINIPROGRAM_STATE: z.enum(['developer', 'trial', 'formal']).default('formal'),
  // Subscribe-message template for the two-week retest reminder (fields thing1, thing2, date3). Unset: reminders are off.
  RETEST_TEMPLATE_ID: optionalString,
  // How often this instance sends due reminders, in ms; 0 = never. Several instances may run it: each reminder is claimed once.
  RETEST_SWEEP_INTERVAL_MS: z.coerce.number().int().min(0).default(0),
  // Subscribe-message templates for bookings (fields thing1 事项, time2 时间, thing3 地点; the waitlist one thing1,
  // date2, thing3). Each unset one is simply not sent; in-app messages are always written.
  BOOKING_TEMPLATE_CONFIRMED: optionalString,
  BOOKING_TEMPLATE_CHANGED: optionalString,
  BOOKING_TEMPLATE_CANCELLED: optionalString,
  BOOKING_TEMPLATE_REMINDER: optionalString,
  BOOKING_TEMPLATE_WAITLIST: optionalString,
  // How often this instance sends the day-before booking reminders, in ms; 0 = never. Safe on several instances.
  BOOKING_SWEEP_INTERVAL_MS: z.coerce.number().int().min(0).default(60_000),
  // Days a booking keeps the resident's name and phone after the appointment ended; then it is anonymized (station,
  // counselor, time, service, status and rating score stay for statistics). Privacy policy: one year.
  BOOKING_RETENTION_DAYS: z.coerce.number().int().min(30).max(3650).default(365),
  // How often this instance runs housekeeping, in ms; 0 = never: counselor credential notices for staff and the
  // retention purge of old bookings. Safe on several instances (each notice is one keyed insert; the purge is idempotent).
  MAINTENANCE_SWEEP_INTERVAL_MS: z.coerce.number().int().min(0).default(3_600_000),
  // How often the live inbox looks in the database for bookings made through other instances, in ms.
  BOOKING_EVENTS_POLL_MS: z.coerce.number().int().min(200).default(2000),
  // Heartbeat comment interval of the live inbox stream, in ms (keeps proxies from closing an idle stream).
  BOOKING_STREAM_HEARTBEAT_MS: z.coerce.number().int().min(500).default(15_000),
  // Password for the first `admin` account; when unset a random one is generated, printed once and saved.
  ADMIN_INITIAL_PASSWORD: z.string().min(12, 'ADMIN_INITIAL_PASSWORD must be at least 12 characters').optional(),
  // Password of the demo staff accounts created outside production.
  DEMO_PASSWORD: z.string().min(12).default(DEV_DEMO_PASSWORD),
  // Comma-separated browser origins allowed to call the API cross-origin (the admin site is same-origin by default).
  CORS_ORIGINS: z.string().default(''),
  // Resident (WeChat) session lifetime.
  RESIDENT_TOKEN_TTL: z.string().regex(/^\d+[smhd]$/).default('7d'),
  // Scales that need written permission (EPDS, AD8) stay off until their codes are listed here, once permission is on file.
  SCALES_ENABLED_WITH_PERMISSION: z.string().regex(/^[a-z0-9,]*$/).default(''),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Folders with the built front ends, served under /app/ and /admin/.
  MINIAPP_H5_DIR: z.string().default(path.join(repoRoot, 'miniapp', 'dist', 'h5')),
  ADMIN_DIR: z.string().default(path.join(repoRoot, 'admin', 'dist')),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  isProduction: boolean;
  host: string;
  port: number;
  mongodbUri: string | undefined;
  mongodbDb: string;
  jwtSecret: string;
  dataEncryptionKey: string;
  dataDir: string;
  wechat: { appid: string | undefined; secret: string | undefined; apiBase: string; miniprogramState: 'developer' | 'trial' | 'formal' };
  reminders: { retestTemplateId: string | undefined; sweepIntervalMs: number };
  bookings: {
    templates: { confirmed: string | undefined; changed: string | undefined; cancelled: string | undefined; reminder: string | undefined; waitlist: string | undefined };
    sweepIntervalMs: number;
    eventsPollMs: number;
    streamHeartbeatMs: number;
    retentionDays: number;
  };
  maintenance: { sweepIntervalMs: number };
  adminInitialPassword: string | undefined;
  demoPassword: string;
  corsOrigins: string[];
  residentTokenTtl: string;
  logLevel: Env['LOG_LEVEL'];
  scalesEnabledWithPermission: string[];
  static: { miniappH5Dir: string; adminDir: string };
  media: {
    dir: string;
    maxBytes: { image: number; audio: number; video: number };
    store: 'local' | 's3';
    /** Set exactly when store is 's3'. */
    s3: S3MediaStoreConfig | null;
  };
  auth: {
    accessTokenTtlSeconds: number;
    maxFailedLogins: number;
    lockoutMinutes: number;
    sessionIdleMinutes: number;
    sessionAbsoluteHours: number;
  };
  bodyLimit: string;
}

export class ConfigError extends Error {}

/** Validates the environment. Throws ConfigError listing every problem at once. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError('Invalid configuration:\n' + parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n'));
  }
  const e = parsed.data;
  const isProduction = e.NODE_ENV === 'production';
  const dataDir = path.resolve(e.DATA_DIR);
  if (isProduction) {
    const problems: string[] = [];
    if (!e.JWT_SECRET) problems.push('JWT_SECRET is required in production');
    if (!e.WECHAT_APPID || !e.WECHAT_SECRET) problems.push('WECHAT_APPID and WECHAT_SECRET are required in production');
    if (!e.MONGODB_URI) problems.push('MONGODB_URI is required in production');
    if (!e.DATA_ENCRYPTION_KEY) problems.push('DATA_ENCRYPTION_KEY is required in production');
    if (source.DEMO_PASSWORD) problems.push('DEMO_PASSWORD is a development setting; production has no demo accounts');
    if (e.JWT_SECRET && /change-?me|secret|dev/i.test(e.JWT_SECRET) && e.JWT_SECRET.length < 48) {
      problems.push('JWT_SECRET looks like a development placeholder');
    }
    if (problems.length) throw new ConfigError('Refusing to start in production:\n' + problems.map((p) => '  ' + p).join('\n'));
  }
  const s3 = s3MediaConfig(e);
  return {
    env: e.NODE_ENV,
    isProduction,
    host: e.HOST,
    port: e.PORT,
    mongodbUri: e.MONGODB_URI,
    mongodbDb: e.MONGODB_DB,
    jwtSecret: e.JWT_SECRET ?? devSecret(dataDir, 'dev-jwt-secret', () => crypto.randomBytes(48).toString('base64url')),
    dataEncryptionKey: e.DATA_ENCRYPTION_KEY ?? devSecret(dataDir, 'dev-data-key', () => crypto.randomBytes(32).toString('base64')),
    dataDir,
    wechat: { appid: e.WECHAT_APPID, secret: e.WECHAT_SECRET, apiBase: e.WECHAT_API_BASE.replace(/\/+$/, ''), miniprogramState: e.WECHAT_MINIPROGRAM_STATE },
    reminders: { retestTemplateId: e.RETEST_TEMPLATE_ID, sweepIntervalMs: e.RETEST_SWEEP_INTERVAL_MS },
    bookings: {
      templates: {
        confirmed: e.BOOKING_TEMPLATE_CONFIRMED, changed: e.BOOKING_TEMPLATE_CHANGED, cancelled: e.BOOKING_TEMPLATE_CANCELLED,
        reminder: e.BOOKING_TEMPLATE_REMINDER, waitlist: e.BOOKING_TEMPLATE_WAITLIST,
      },
      sweepIntervalMs: e.BOOKING_SWEEP_INTERVAL_MS,
      eventsPollMs: e.BOOKING_EVENTS_POLL_MS,
      streamHeartbeatMs: e.BOOKING_STREAM_HEARTBEAT_MS,
      retentionDays: e.BOOKING_RETENTION_DAYS,
    },
    maintenance: { sweepIntervalMs: e.MAINTENANCE_SWEEP_INTERVAL_MS },
    adminInitialPassword: e.ADMIN_INITIAL_PASSWORD,
    demoPassword: e.DEMO_PASSWORD,
    corsOrigins: e.CORS_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean),
    residentTokenTtl: e.RESIDENT_TOKEN_TTL,
    logLevel: e.LOG_LEVEL,
    scalesEnabledWithPermission: e.SCALES_ENABLED_WITH_PERMISSION.split(',').filter(Boolean),
    static: { miniappH5Dir: path.resolve(e.MINIAPP_H5_DIR), adminDir: path.resolve(e.ADMIN_DIR) },
    media: {
      dir: path.resolve(e.MEDIA_DIR ?? path.join(dataDir, 'media')), maxBytes: { image: 5 * MB, audio: 50 * MB, video: 200 * MB },
      store: e.MEDIA_STORE, s3,
    },
    auth: { accessTokenTtlSeconds: 15 * 60, maxFailedLogins: 5, lockoutMinutes: 15, sessionIdleMinutes: 30, sessionAbsoluteHours: 12 },
    bodyLimit: '100kb',
  };
}

/** The S3 store's settings when MEDIA_STORE=s3, naming every missing one (never echoing a value: keys are secrets). */
function s3MediaConfig(e: Env): S3MediaStoreConfig | null {
  if (e.MEDIA_STORE !== 's3') return null;
  const missing = [
    ['S3_BUCKET', e.S3_BUCKET, 'the bucket that holds the media files'],
    ['S3_ACCESS_KEY_ID', e.S3_ACCESS_KEY_ID, 'the access key'],
    ['S3_SECRET_ACCESS_KEY', e.S3_SECRET_ACCESS_KEY, 'the secret key'],
  ].filter(([, value]) => !value).map(([name, , what]) => `  ${name} is required when MEDIA_STORE=s3 (${what})`);
  if (missing.length) throw new ConfigError('Invalid configuration:\n' + missing.join('\n'));
  return {
    endpoint: e.S3_ENDPOINT?.replace(/\/+$/, ''), region: e.S3_REGION, bucket: e.S3_BUCKET!,
    accessKeyId: e.S3_ACCESS_KEY_ID!, secretAccessKey: e.S3_SECRET_ACCESS_KEY!, forcePathStyle: e.S3_FORCE_PATH_STYLE === 'true',
  };
}

/**
 * Outside production a missing secret (JWT key, data key) gets a random one kept under DATA_DIR, so tokens and
 * encrypted fields survive restarts of a developer's machine while no secret is ever committed.
 */
function devSecret(dataDir: string, name: string, generate: () => string): string {
  const file = path.join(dataDir, name);
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    try {
      fs.writeFileSync(file, generate(), { mode: 0o600, flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e; // another process wrote it first
    }
    return fs.readFileSync(file, 'utf8').trim();
  }
}

export { DEV_DEMO_PASSWORD };
