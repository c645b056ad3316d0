// The one queue interface the services use, with two implementations: BullMQ on Redis (deployments,
// integration tests) and in-process (development without Redis). Creating a queue never starts
// workers, so the API can enqueue while a separate worker process handles.
import type { Queue } from 'bullmq';
import type { Logger } from 'pino';
import type { JobDefinitions, JobInput, JobName, JobSchemas } from './job-definitions.ts';
import type { JobHandlers, JobProgress } from './job-handlers.ts';

export interface AddOptions {
  /** A deterministic id (see `jobId`): adding the same id again is a no-op while the job is kept. */
  jobId?: string;
}

/** One job of a flow: any defined job with its payload. */
export type JobSpec<T extends JobSchemas> = {
  [N in JobName<T>]: { name: N; payload: JobInput<T[N]>; jobId?: string };
}[JobName<T>];

/** A parent job that runs once all its children have completed, and fails if one of them fails. */
export type FlowSpec<T extends JobSchemas> = JobSpec<T> & { children: JobSpec<T>[] };

export type JobState = 'waiting' | 'waiting-children' | 'delayed' | 'active' | 'completed' | 'failed';

export interface JobInfo {
  id: string;
  name: string;
  state: JobState;
  progress: JobProgress;
  /** Attempts finished so far, successful or not (BullMQ's count). */
  attemptsMade: number;
  result?: unknown;
  failedReason?: string;
}

/** A job that failed for good: its last attempt failed, it stalled too often, or a child failed. */
export interface FailedJob {
  id: string;
  name: string;
  data: unknown;
  failedReason: string;
}

/** For /metrics: the jobs held now, by state, and the jobs finished since the queue was created. */
export interface QueueStats {
  queue: string;
  counts: Record<JobState, number>;
  /** Jobs that completed, or failed for good (BullMQ's own metrics, kept in Redis, all processes). */
  completed: number;
  failed: number;
}

export interface WorkerHooks {
  /** Called once per job that failed for good, whichever process ran it; errors are logged. */
  onFailed?: (job: FailedJob) => Promise<void>;
  /** Called in the process that ran it for every attempt that failed, retried or not (for metrics). */
  onAttemptFailed?: (jobName: string) => void;
}

export interface RetryOptions {
  /** Tries in all, first included (default 3). */
  attempts?: number;
  /** Base of the exponential backoff: retry n waits backoffMs * 2^(n-1) (default 1000; inline 10). */
  backoffMs?: number;
}

export interface JobQueueOptions<T extends JobSchemas> {
  definitions: JobDefinitions<T>;
  /** With a URL, BullMQ on that Redis; without, jobs run in-process (development only). */
  redisUrl?: string | undefined;
  /** Namespaces the Redis keys (`<prefix>:jobs:…`). */
  prefix: string;
  log: Logger;
  /** Jobs handled at once by this process's worker. */
  concurrency: number;
  /**
   * How long a job stays locked to a worker that stops renewing it (BullMQ default 30 s): after that,
   * a job whose worker died is taken up again by another one.
   */
  lockDurationMs?: number;
  retry?: RetryOptions;
}

export interface JobQueue<T extends JobSchemas> {
  readonly kind: 'bullmq' | 'inline';
  /** Validates the payload and enqueues the job; resolves once it is stored, not when it has run. */
  add<N extends JobName<T>>(name: N, payload: JobInput<T[N]>, opts?: AddOptions): Promise<{ id: string }>;
  /**
   * Enqueues a parent and its children atomically and returns the parent's id; the parent runs after
   * every child completed. A flow whose parent id already exists is not added again.
   */
  addFlow(flow: FlowSpec<T>): Promise<{ id: string }>;
  /** Runs the boot check, then starts handling jobs with `concurrency` at a time. Call once. */
  startWorkers(handlers: JobHandlers<T>, hooks?: WorkerHooks): Promise<void>;
  /**
   * Creates or updates a cron scheduler (BullMQ `upsertJobScheduler`). Call it from one place only.
   * The inline adapter validates and logs but does not run schedules: start such jobs by hand in dev.
   */
  schedule<N extends JobName<T>>(
    schedulerId: string,
    pattern: string,
    name: N,
    payload: JobInput<T[N]>,
  ): Promise<void>;
  /** The ids of the schedulers the queue holds (none in-process, where schedules do not run). */
  listSchedules(): Promise<string[]>;
  /**
   * Calls `listener` each time the connection to the queue's store comes back after a loss (BullMQ:
   * Redis reconnected, possibly empty if it restarted without persistence). Never called in-process.
   */
  onReconnect(listener: () => void): void;
  /** Resolves with the job's result or rejects with JobFailedError, JobWaitTimeoutError or JobNotFoundError. */
  waitFor(jobId: string, timeoutMs: number): Promise<unknown>;
  /** The job's state, or undefined if it was never added or is no longer kept. */
  getJob(jobId: string): Promise<JobInfo | undefined>;
  /** Readiness: rejects when the queue cannot take jobs. */
  ping(): Promise<void>;
  /** Depth and outcomes, for the metrics. */
  stats(): Promise<QueueStats>;
  /** The BullMQ queue itself, for the operators' dashboard; absent in-process. */
  readonly bullmq?: Queue;
  /**
   * Stops taking jobs, waits for active ones until the deadline, then aborts them (their signal fires;
   * BullMQ re-runs them elsewhere once their lock expires) and closes every connection. Afterwards every
   * method rejects with QueueClosedError.
   */
  close(deadlineMs: number): Promise<void>;
}

export const DEFAULT_ATTEMPTS = 3;

/** Finished jobs are kept for a while (for `waitFor`, `getJob` and dedup), bounded in age and count. */
export const KEEP_COMPLETED = { age: 24 * 3600, count: 1000 } as const;
export const KEEP_FAILED = { age: 7 * 24 * 3600, count: 5000 } as const;

/** The reason a parent fails with when one of its children failed for good: the child's own reason. */
export function childFailure(childName: string, reason: string): string {
  return `${childName} failed: ${reason}`;
}
