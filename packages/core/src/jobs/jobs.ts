// The application's jobs: name → payload schema. Payloads carry ids only.
import { defineJobs, type JobHandlers, type JobQueue } from '@nonrecours/queue';
import { z } from 'zod';

const schemas = {
  /** Recomputes the audit chain and records the result in the chain itself. */
  'audit.verify': z.object({}),
};

export const jobDefinitions = defineJobs(schemas);
export type AppJobSchemas = typeof schemas;
export type AppQueue = JobQueue<AppJobSchemas>;
export type AppJobHandlers = JobHandlers<AppJobSchemas>;
