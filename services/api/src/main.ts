// The API process: configuration, database (embedded when DATABASE_URL is unset), migrations,
// queue (in-process when REDIS_URL is unset), HTTP, and a graceful shutdown under one deadline.
import { loadConfigOrExit } from '@nonrecours/config';
import {
  closeStageThreads,
  countFailedAttempt,
  createAppQueue,
  createAuditSigner,
  createJobHandlers,
  failInterruptedUploads,
  failRunOfFailedJob,
  listClients,
  loadCheckpointKeys,
  loadSigningKey,
  startCheckpointTimer,
  startMetricsServer,
  startRunWatchdog,
  untilAvailable,
} from '@nonrecours/core';
import { connectDatabase, migrateToLatest } from '@nonrecours/db';
import { loadCommuneNames } from '@nonrecours/french';
import closeWithGrace from 'close-with-grace';
import pino from 'pino';
import { buildApp } from './app.ts';
import { hasDemo, seedDemo } from './demo/demo.ts';
import { demoBanner } from './demo/demo-banner.ts';
import { installLastResortHandler } from './last-resort.ts';
import { loggerOptions, prettyTransport } from './logger.ts';

const config = loadConfigOrExit();

const log = pino(
  loggerOptions(config.LOG_LEVEL, prettyTransport({ nodeEnv: config.NODE_ENV, isTTY: process.stdout.isTTY })),
);
// The first start of the development default shows the demo's summary first: until it is printed,
// only warnings and errors are logged.
const demoWanted = config.NODE_ENV === 'development' && config.DEMO;
if (demoWanted && log.isLevelEnabled('info')) log.level = 'warn';
const database = await connectDatabase(config, log);
if (config.MIGRATE_ON_START) {
  const applied = await untilAvailable('applying the migrations', () => migrateToLatest(database.db), log);
  if (applied.length) log.info({ applied }, 'migrations applied');
}
const signingKey = await loadSigningKey(config.TOKEN_SIGNING_KEY_FILE, {
  create: config.NODE_ENV !== 'production',
});
const checkpointKeys = await loadCheckpointKeys(config);
const auditSigner = createAuditSigner({
  db: database.db,
  keys: checkpointKeys,
  sinkFile: config.AUDIT_CHECKPOINT_SINK_FILE,
});
const queue = await untilAvailable('connecting to Redis', () => createAppQueue(config, log), log);
// Without Redis there is no separate worker: this process handles the jobs itself, watches its runs
// and signs the periodic checkpoints.
const watchdog =
  queue.kind === 'inline'
    ? startRunWatchdog({ db: database.db, queue, log }, config.RUN_WATCHDOG_MS)
    : undefined;
if (queue.kind === 'inline') {
  await queue.startWorkers(
    createJobHandlers({
      db: database.db,
      pool: database.pool,
      queue,
      checkpointKeys,
      auditSigner,
      checkpointPeriodSeconds: config.AUDIT_CHECKPOINT_PERIOD_SECONDS,
    }),
    { onFailed: failRunOfFailedJob(database.db, log), onAttemptFailed: countFailedAttempt },
  );
  startCheckpointTimer(auditSigner, config.AUDIT_CHECKPOINT_PERIOD_SECONDS, log);
}

const app = await buildApp({
  config,
  db: database.db,
  pool: database.pool,
  log,
  signingKey,
  checkpointKeys: checkpointKeys.trusted,
  auditSigner,
  queue,
});
const metrics =
  config.METRICS_PORT === undefined
    ? undefined
    : await startMetricsServer({ host: config.METRICS_HOST, port: config.METRICS_PORT, log });
const interrupted = await untilAvailable(
  'marking interrupted uploads',
  () => failInterruptedUploads(database.db),
  log,
);
if (interrupted) log.warn({ interrupted }, 'uploads interrupted by a previous stop were marked failed');

const shutdown = async () => {
  const deadline = Math.max(100, config.SHUTDOWN_TIMEOUT_MS - 1000);
  await app.close();
  await metrics?.close();
  await watchdog?.stop();
  await queue.close(deadline);
  await closeStageThreads();
  await database.close();
};
const closer = closeWithGrace(
  { delay: config.SHUTDOWN_TIMEOUT_MS, logger: log, skip: ['uncaughtException', 'unhandledRejection'] },
  async ({ signal }) => {
    log.info({ signal }, 'shutting down');
    await shutdown();
  },
);
installLastResortHandler(log, () => {
  closer.uninstall();
  setTimeout(() => process.exit(1), config.SHUTDOWN_TIMEOUT_MS).unref();
  shutdown().finally(() => process.exit(1));
});

// The communes' names (cases, lists, statistics) are read from a 9 MB file: 60 ms not spent on the first request.
loadCommuneNames();
const address = await app.listen({ host: config.HOST, port: config.PORT });

// On the development default, the first start shows the main job at work on a synthetic territory.
if (demoWanted && !(await hasDemo(database.db))) {
  console.error('First start: setting up the demo territory, its extracts and a matching run…');
  const demo = await seedDemo(app, database.db, {
    dir: config.DEMO_DIR,
    persons: config.DEMO_PERSONS,
    month: config.DEMO_MONTH,
  });
  console.log(demoBanner(address, demo));
}
log.level = config.LOG_LEVEL;
const operatorMissing = async () =>
  !(await listClients(database.db)).some((c) => c.role === 'admin' && c.status === 'active');
if (!demoWanted && config.NODE_ENV !== 'test' && (await operatorMissing()))
  log.warn(
    { address },
    'no operator yet: create the first admin client with `pnpm nonrecours admin bootstrap` (Docker: `docker compose run --rm api nonrecours admin bootstrap`)',
  );
else log.info({ address }, 'nonrecours is running');
