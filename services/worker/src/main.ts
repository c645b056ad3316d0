// The worker process: handles the queued jobs on Redis and owns the cron schedules (upserted here
// only, so several API instances never double them). Shutdown waits for active jobs until the deadline.
import { loadConfigOrExit } from '@nonrecours/config';
import {
  createAppQueue,
  createAuditSigner,
  createJobHandlers,
  loadCheckpointKeys,
  startCheckpointTimer,
} from '@nonrecours/core';
import { connectDatabase } from '@nonrecours/db';
import closeWithGrace from 'close-with-grace';
import pino from 'pino';

const config = loadConfigOrExit();
const log = pino({ level: config.LOG_LEVEL, base: { service: 'worker' } });
if (!config.REDIS_URL) {
  log.error('REDIS_URL is not set: without Redis the API runs the jobs in-process and no worker is needed');
  process.exit(1);
}

const database = await connectDatabase(config, log);
const queue = await createAppQueue(config, log);
// The audit checkpoints are signed with a key of their own, from its file (never the database).
const checkpointKeys = await loadCheckpointKeys(config);
const auditSigner = createAuditSigner({
  db: database.db,
  keys: checkpointKeys,
  sinkFile: config.AUDIT_CHECKPOINT_SINK_FILE,
});
await queue.startWorkers(
  createJobHandlers({
    db: database.db,
    pool: database.pool,
    queue,
    checkpointKeys,
    auditSigner,
    checkpointPeriodSeconds: config.AUDIT_CHECKPOINT_PERIOD_SECONDS,
  }),
);
// A checkpoint every period while events are appended; the hourly job stays as a backstop.
const stopCheckpoints = startCheckpointTimer(auditSigner, config.AUDIT_CHECKPOINT_PERIOD_SECONDS, log);
await queue.schedule('audit-verify-nightly', '0 3 * * *', 'audit.verify', {});
await queue.schedule('retention-purge-nightly', '15 3 * * *', 'retention.purge', {});
await queue.schedule('audit-checkpoint-hourly', '0 * * * *', 'audit.checkpoint', {});
log.info({ concurrency: config.WORKER_CONCURRENCY }, 'worker started');

closeWithGrace({ delay: config.SHUTDOWN_TIMEOUT_MS, logger: log }, async ({ signal, err }) => {
  if (err) log.error({ err }, 'fatal error, shutting down');
  else log.info({ signal }, 'shutting down');
  stopCheckpoints();
  await queue.close(Math.max(100, config.SHUTDOWN_TIMEOUT_MS - 1000));
  await database.close();
});
