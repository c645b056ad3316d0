// The application's jobs: name → payload schema. Payloads carry ids only.
import { defineJobs, type JobHandlers, type JobQueue } from '@nonrecours/queue';
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
