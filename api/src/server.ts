import { createApp } from './app';
import { ConfigError, loadConfig } from './config';
import { connectDatabase, disconnectDatabase } from './db';
import { closeGracefully } from './lifecycle';
import { createHttpServer } from './http/http-server';
import { createLogger } from './logger';
import { seed } from './seed';

// config → database → first-start bootstrap → listen → graceful shutdown on SIGTERM/SIGINT.
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(e.message + '\n');
      process.exit(78); // EX_CONFIG
    }
    throw e;
  }
  const logger = createLogger(config.logLevel);
  if (!config.mongodbUri) {
    process.stderr.write('MONGODB_URI is not set. Use `npm start` (it runs the embedded database) or set MONGODB_URI.\n');
    process.exit(78);
  }
  await connectDatabase(config.mongodbUri, config.mongodbDb);
  const { app, services } = createApp({ config, logger });
  await seed(services, { config, print: (line) => process.stdout.write(line + '\n') });

  const server = createHttpServer(app);
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const base = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
  logger.info({ port, env: config.env }, 'listening');
  process.stdout.write(
    `\n心安驿站已启动 (${config.env})\n` +
    `  居民端 H5   ${base}/app/\n` +
    `  管理后台    ${base}/admin/\n` +
    `  API         ${base}/api/v1  (OpenAPI: ${base}/api/v1/openapi.json)\n` +
    `  健康检查    ${base}/healthz\n\n`,
  );

  // Due retest reminders go out from here when enabled; claims make it safe on several instances.
  const sweep = config.reminders.sweepIntervalMs > 0
    ? setInterval(() => {
      services.reminders.sendDueReminders(new Date()).catch((e: Error) => logger.error({ err: { message: e.message } }, 'reminder sweep failed'));
    }, config.reminders.sweepIntervalMs)
    : undefined;
  sweep?.unref();
  // Day-before booking reminders (and cleanup of interrupted bookings); claims make it safe on several instances.
  const bookingSweep = config.bookings.sweepIntervalMs > 0
    ? setInterval(() => {
      services.bookings.sweep(new Date()).catch((e: Error) => logger.error({ err: { message: e.message } }, 'booking sweep failed'));
    }, config.bookings.sweepIntervalMs)
    : undefined;
  bookingSweep?.unref();
  // Housekeeping: credential notices for staff (expiring within 30 days, lapsed) and the retention purge of old
  // bookings and activity registrations. Notices are keyed inserts and the purge is idempotent, so several instances
  // may run it at once.
  const maintain = () => {
    const at = new Date();
    // Each service logs its own summary (the app hands them the logger); only failures are reported here.
    services.staffNotices.sweep(at)
      .catch((e: Error) => logger.error({ err: { message: e.message } }, 'credential notice sweep failed'))
      .then(() => services.bookingRetention.purge(at))
      .catch((e: Error) => logger.error({ err: { message: e.message } }, 'booking retention purge failed'));
  };
  const maintenanceSweep = config.maintenance.sweepIntervalMs > 0 ? setInterval(maintain, config.maintenance.sweepIntervalMs) : undefined;
  maintenanceSweep?.unref();
  // Once soon after start too, so a restart does not postpone a lapsed-credential notice by a whole interval.
  const firstMaintenance = config.maintenance.sweepIntervalMs > 0 ? setTimeout(maintain, 10_000) : undefined;
  firstMaintenance?.unref();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    clearInterval(sweep);
    clearInterval(bookingSweep);
    clearInterval(maintenanceSweep);
    clearTimeout(firstMaintenance);
    services.bookingEvents.close(); // ends the open inbox streams, which would otherwise hold the server open
    await closeGracefully(server, [disconnectDatabase], 10_000);
    logger.info('shutdown complete');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((e) => {
  process.stderr.write(`API failed to start: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
