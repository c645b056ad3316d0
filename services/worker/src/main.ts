// The worker process: handles the queued jobs on Redis and owns the cron schedules (upserted here
// only, so several API instances never double them). It rides out PostgreSQL and Redis restarts: its
// connections come back by themselves, its schedules are repaired on reconnection and periodically,
// and a watchdog fails or takes up again the runs whose jobs were lost. Shutdown waits for active jobs
// until the deadline.
import { loadConfigOrExit } from '@nonrecours/config';
import {
  closeStageThreads,
  countFailedAttempt,
  createAppQueue,
  createAuditSigner,
  createJobHandlers,
  failRunOfFailedJob,
  keepSchedules,
  loadCheckpointKeys,
  observeProcess,
  startCheckpointTimer,
  startMetricsServer,
  startRunWatchdog,
  untilAvailable,
} from '@nonrecours/core';
import { connectDatabase } from '@nonrecours/db';
import closeWithGrace from 'close-with-grace';
import pino from 'pino';
import { startLiveness } from './liveness.ts';

const config = loadConfigOrExit();
const log = pino({ level: config.LOG_LEVEL, base: { service: 'worker' } });
if (!config.REDIS_URL) {
  log.error('REDIS_URL is not set: without Redis the API runs the jobs in-process and no worker is needed');
  process.exit(1);
}

const database = await connectDatabase(config, log);
const queue = await untilAvailable('connecting to Redis', () => createAppQueue(config, log), log);
// The audit checkpoints are signed with a key of their own, from its file (never the database).
const checkpointKeys = await loadCheckpointKeys(config);
const auditSigner = createAuditSigner({
  db: database.db,
  keys: checkpointKeys,
  sinkFile: config.AUDIT_CHECKPOINT_SINK_FILE,
});
await untilAvailable(
  'starting the job workers',
  () =>
    queue.startWorkers(
      createJobHandlers({
        db: database.db,
        pool: database.pool,
        queue,
        checkpointKeys,
        auditSigner,
        checkpointPeriodSeconds: config.AUDIT_CHECKPOINT_PERIOD_SECONDS,
      }),
      { onFailed: failRunOfFailedJob(database.db, log), onAttemptFailed: countFailedAttempt },
    ),
  log,
);
const schedules = await untilAvailable(
  'creating the job schedulers',
  () => keepSchedules(queue, log, config.SCHEDULE_CHECK_MS),
  log,
);
const watchdog = startRunWatchdog({ db: database.db, queue, log }, config.RUN_WATCHDOG_MS);
// A checkpoint every period while events are appended; the hourly job stays as a backstop.
const stopCheckpoints = startCheckpointTimer(auditSigner, config.AUDIT_CHECKPOINT_PERIOD_SECONDS, log);
// Its own probe and metrics (queue depth, job outcomes, run stages, pool), on METRICS_PORT.
const stopObserving = observeProcess({ db: database.db, pool: database.pool, queue });
const liveness = startLiveness({ ping: () => queue.ping(), everyMs: 5000, redisGraceMs: 60_000 });
const metrics =
  config.METRICS_PORT === undefined
    ? undefined
    : await startMetricsServer({
        host: config.METRICS_HOST,
        port: config.METRICS_PORT,
        log,
        live: () => liveness.check(),
      });
log.info({ concurrency: config.WORKER_CONCURRENCY }, 'worker started');

closeWithGrace({ delay: config.SHUTDOWN_TIMEOUT_MS, logger: log }, async ({ signal, err }) => {
  if (err) log.error({ err }, 'fatal error, shutting down');
  else log.info({ signal }, 'shutting down');
  schedules.stop();
  liveness.stop();
  stopObserving();
  await metrics?.close();
  stopCheckpoints();
  await watchdog.stop();
  await queue.close(Math.max(100, config.SHUTDOWN_TIMEOUT_MS - 1000));
  await closeStageThreads();
  await database.close();
});
