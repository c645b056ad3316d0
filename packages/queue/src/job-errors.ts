// The errors this package throws, each with a stable code so callers map them without parsing text.

/** An add (or schedule) was refused: unknown job name, invalid or oversized payload, or a bad job id. */
export class InvalidJobError extends Error {
  readonly code = 'JOB_INVALID';
  readonly jobName: string;
  readonly problems: readonly string[];
  constructor(jobName: string, problems: string[]) {
    super(`invalid job '${jobName}': ${problems.join('; ')}`);
    this.name = 'InvalidJobError';
    this.jobName = jobName;
    this.problems = problems;
  }
}

/** The boot check found jobs without a handler or handlers without a job. */
export class JobHandlersError extends Error {
  readonly code = 'JOB_HANDLERS_MISMATCH';
  readonly problems: readonly string[];
  constructor(problems: string[]) {
    super(`job handlers do not match the job definitions:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'JobHandlersError';
    this.problems = problems;
  }
}

/** `waitFor` on a job that failed for good (retries exhausted, unrecoverable, or a failed child). */
export class JobFailedError extends Error {
  readonly code = 'JOB_FAILED';
  readonly jobId: string;
  readonly reason: string;
  constructor(jobId: string, reason: string) {
    super(`job ${jobId} failed: ${reason}`);
    this.name = 'JobFailedError';
    this.jobId = jobId;
    this.reason = reason;
  }
}

export class JobWaitTimeoutError extends Error {
  readonly code = 'JOB_WAIT_TIMEOUT';
  readonly jobId: string;
  constructor(jobId: string, timeoutMs: number) {
    super(`job ${jobId} did not finish within ${timeoutMs} ms`);
    this.name = 'JobWaitTimeoutError';
    this.jobId = jobId;
  }
}

/** No such job: never added, or removed once finished (finished jobs are kept for a bounded time). */
export class JobNotFoundError extends Error {
  readonly code = 'JOB_NOT_FOUND';
  readonly jobId: string;
  constructor(jobId: string) {
    super(`no job ${jobId}`);
    this.name = 'JobNotFoundError';
    this.jobId = jobId;
  }
}

export class QueueClosedError extends Error {
  readonly code = 'QUEUE_CLOSED';
  constructor() {
    super('the job queue is closed');
    this.name = 'QueueClosedError';
  }
}

/** Redis evicts keys under memory pressure: BullMQ would silently lose jobs and locks. */
export class RedisEvictionPolicyError extends Error {
  readonly code = 'REDIS_EVICTION_POLICY';
  readonly policy: string;
  constructor(policy: string) {
    super(
      `Redis maxmemory-policy is '${policy}'; the job queue needs 'noeviction' (any eviction policy loses jobs)`,
    );
    this.name = 'RedisEvictionPolicyError';
    this.policy = policy;
  }
}

const unavailableMessages = [
  "Stream isn't writeable",
  'Connection is closed',
  'Reached the max retries per request limit',
  'connect ECONNREFUSED',
  'cannot connect to Redis',
];

/** True when an error comes from Redis being unreachable (a restart, a network cut): a retry may pass. */
export function isQueueUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { name, message } = e as { name?: unknown; message?: unknown };
    if (name === 'MaxRetriesPerRequestError') return true;
    if (typeof message === 'string' && unavailableMessages.some((m) => message.includes(m))) return true;
  }
  return false;
}
