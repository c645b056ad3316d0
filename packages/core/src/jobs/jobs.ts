// The application's jobs: name → payload schema. Payloads carry ids only.
import type { Config } from '@nonrecours/config';
import { createJobQueue, defineJobs, type JobHandlers, type JobQueue } from '@nonrecours/queue';
import type { Logger } from 'pino';
import { z } from 'zod';

const schemas = {
  /** Recomputes the audit chain and records the result in the chain itself. */
  'audit.verify': z.object({}),
  /** Signs the head of the audit chain once what is new since the last checkpoint verifies. */
  'audit.checkpoint': z.object({}),
  /** Stages select and link of a run, then its flow of partitions. */
  'run.prepare': z.object({ runId: z.uuid() }),
  /** Stage evaluate for one partition of a run. */
  'run.partition': z.object({ runId: z.uuid(), part: z.number().int().min(0) }),
  /** Publishes a run once all its partitions are done. */
  'run.finalise': z.object({ runId: z.uuid() }),
  /** Removes what is past its retention date, convention by convention (idempotent). */
  'retention.purge': z.object({}),
};

export const jobDefinitions = defineJobs(schemas);
export type AppJobSchemas = typeof schemas;
export type AppQueue = JobQueue<AppJobSchemas>;
export type AppJobHandlers = JobHandlers<AppJobSchemas>;

/** The application's queue as the configuration describes it (BullMQ on REDIS_URL, else in-process). */
export function createAppQueue(
  config: Pick<Config, 'REDIS_URL' | 'QUEUE_PREFIX' | 'WORKER_CONCURRENCY' | 'JOB_LOCK_MS'>,
  log: Logger,
): Promise<AppQueue> {
  return createJobQueue({
    definitions: jobDefinitions,
    redisUrl: config.REDIS_URL,
    prefix: config.QUEUE_PREFIX,
    log,
    concurrency: config.WORKER_CONCURRENCY,
    lockDurationMs: config.JOB_LOCK_MS,
  });
}
