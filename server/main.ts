/**
 * Entry point: config -> database -> migrate -> demo data -> app -> listen.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { buildApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { createLogger } from './core/logger';
import { openDatabase } from './db/client';
import { loadHouseholdDemo } from './demo/household-demo';
import { loadHistoryDemo } from './demo/history-demo';
import { refreshAllDashboards } from './modules/dashboards/dashboards.service';
import { demoSignIns, loadDemoData } from './demo/seed';
import { DEMO_PASSWORD } from './demo/demo-data';
import { outboxMailer, smtpMailer } from './mail/mailer';
import { deliverNotifications, remindMeetups } from './modules/notifications/notifications.service';
import { detectStallsEverywhere } from './modules/neighbour-help/coach.service';
import { deleteExpiredSessions } from './modules/auth/auth.repository';

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.logLevel);
  const database = await openDatabase(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir });
  await database.migrate();
  const now = () => new Date();
  const loaded = config.demoMode ? await loadDemoData(database.db, now) : false;
  // Apart from the main demo load, which the integration tests start from (see household-demo.ts).
  if (config.demoMode) await loadHouseholdDemo(database.db, now);
  if (config.demoMode && config.demoHistory) await loadHistoryDemo(database.db, now);
  // Dashboard figures: counted at start and every hour (and on request by a policy officer).
  // The demo waits for them (a few seconds), so its dashboard has figures at once; a real
  // municipality's count can take minutes (BENCHMARKS.md) and runs after the server listens.
  if (config.demoMode) await refreshAllDashboards({ database }, now());
  const mailer = config.smtpUrl ? smtpMailer(config.smtpUrl, config.mailFrom) : outboxMailer(database.db, now);
  const app = buildApp({ config, database, mailer, logger, now });

  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info: AddressInfo) => {
    const url = `http://${info.address === '127.0.0.1' || info.address === '::1' ? 'localhost' : info.address}:${info.port}`;
    logger.info({ port: info.port, database: database.kind, demoMode: config.demoMode, demoDataLoaded: loaded }, 'listening');
    const lines = [
      '',
      `  samenspel is running: open ${url}`,
      `  database: ${database.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)'}`,
      `  API reference: ${url}/api/docs`,
    ];
    if (config.demoMode) {
      lines.push(`  demo sign-ins (password for all: ${DEMO_PASSWORD}):`);
      for (const s of demoSignIns()) lines.push(`    ${s.municipality.padEnd(10)} ${s.email.padEnd(34)} ${s.roles.join(', ')}`);
      lines.push(`  demo mail outbox: ${url}/postvak`);
    }
    process.stdout.write(`${lines.join('\n')}\n\n`);
  });

  const sweep = setInterval(() => {
    deleteExpiredSessions(database.db, now()).catch(() => logger.warn('session sweep failed'));
  }, 3600_000);
  sweep.unref();
  // Notification e-mail: immediate within each person's weekly cap, the rest in the weekly digest.
  const deliver = setInterval(() => {
    const deps = { config, database, mailer, logger, now };
    remindMeetups(deps, now())
      .then(() => deliverNotifications(deps, now()))
      .catch(() => logger.warn('notification delivery failed'));
  }, 60_000);
  deliver.unref();
  // Stalled requests are recorded even when no coach opens the queue.
  const stalls = setInterval(() => {
    detectStallsEverywhere({ config, database, mailer, logger, now }, now()).catch(() => logger.warn('stall detection failed'));
  }, 600_000);
  stalls.unref();
  if (!config.demoMode) refreshAllDashboards({ database }, now()).catch(() => logger.warn('dashboard refresh failed'));
  const dashboards = setInterval(() => {
    refreshAllDashboards({ database }, now()).catch(() => logger.warn('dashboard refresh failed'));
  }, 3600_000);
  dashboards.unref();

  const shutdown = () => {
    clearInterval(sweep);
    clearInterval(deliver);
    clearInterval(stalls);
    clearInterval(dashboards);
    server.close(() => {
      database.close().finally(() => process.exit(0));
    });
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((err: unknown) => {
  process.stderr.write(`samenspel failed to start: ${err instanceof Error ? `${err.name}: ${err.message}` : 'unknown error'}\n`);
  process.exit(1);
});
