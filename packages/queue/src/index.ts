// @nonrecours/queue: a typed job registry over BullMQ, with an in-process adapter for development.
export { UnrecoverableError } from 'bullmq';
export { BULLMQ_QUEUE_NAME } from './bullmq-queue.ts';
export { createJobQueue } from './create-job-queue.ts';
export type { JobDefinitions, JobInput, JobName, JobPayload, JobSchemas } from './job-definitions.ts';
export { defineJobs, MAX_PAYLOAD_BYTES } from './job-definitions.ts';
export {
  InvalidJobError,
  isQueueUnavailable,
  JobFailedError,
  JobHandlersError,
  JobNotFoundError,
  JobWaitTimeoutError,
  QueueClosedError,
  RedisEvictionPolicyError,
} from './job-errors.ts';
export type { JobContext, JobHandler, JobHandlers, JobProgress, JsonValue } from './job-handlers.ts';
export { jobId } from './job-id.ts';
export type {
  AddOptions,
  FailedJob,
  FlowSpec,
  JobInfo,
  JobQueue,
  JobQueueOptions,
  JobSpec,
  JobState,
  QueueStats,
  RetryOptions,
  WorkerHooks,
} from './job-queue.ts';
export { assertNoEviction, readEvictionPolicy } from './redis-policy.ts';
