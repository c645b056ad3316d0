// The in-process adapter, for development without Redis. Jobs run through the same handlers with the
// same rules as on BullMQ: payloads validated on add and on handle, JSON-stored payloads and results,
// retries with exponential backoff (small delays), jobId dedup while the job is kept, parents after
// their children. Jobs live in memory only: they do not survive a restart, and schedules do not run.

import { settlesWithin } from './deadline.ts';
import { type JobSchemas, payloadToStore } from './job-definitions.ts';
import { JobFailedError, JobNotFoundError, QueueClosedError } from './job-errors.ts';
import type { JobHandler, JobProgress } from './job-handlers.ts';
import { checkHandlers, runHandler } from './job-handlers.ts';
import { assertIdPart, assertJobId } from './job-id.ts';
import type { JobInfo, JobQueue, JobQueueOptions, JobState, WorkerHooks } from './job-queue.ts';
import { childFailure, DEFAULT_ATTEMPTS, KEEP_COMPLETED, KEEP_FAILED } from './job-queue.ts';
import { createWaiters } from './job-waiters.ts';

const DEFAULT_BACKOFF_MS = 10;

interface InlineJob {
  id: string;
  name: string;
  data: unknown;
  state: JobState;
  attemptsMade: number;
  progress: JobProgress;
  result?: unknown;
  failedReason?: string;
  parentId?: string;
  pendingChildren: number;
  finishedAt?: number;
}

interface Entry {
  id: string;
  name: string;
  data: unknown;
}

/** What Redis would hand back: JSON drops undefined, turns dates into strings, and so on. */
const asStored = (value: unknown): unknown => JSON.parse(JSON.stringify(value ?? null));

export function createInlineQueue<T extends JobSchemas>(options: JobQueueOptions<T>): JobQueue<T> {
  const { definitions, log, concurrency } = options;
  const attempts = options.retry?.attempts ?? DEFAULT_ATTEMPTS;
  const backoffMs = options.retry?.backoffMs ?? DEFAULT_BACKOFF_MS;
  log.warn('jobs run in-process (no REDIS_URL); not for production');

  const jobs = new Map<string, InlineJob>();
  const waiting: InlineJob[] = [];
  const active = new Map<string, { controller: AbortController; done: Promise<void> }>();
  const retryTimers = new Set<NodeJS.Timeout>();
  const finished = { completed: [] as string[], failed: [] as string[] };
  const outcomes = { completed: 0, failed: 0 };
  const waiters = createWaiters();
  let handlers: Readonly<Record<string, JobHandler<never>>> | undefined;
  let hooks: WorkerHooks = {};
  let closing: Promise<void> | undefined;
  let lastGeneratedId = 0;

  const ensureOpen = (): void => {
    if (closing) throw new QueueClosedError();
  };

  function toEntry(spec: { name: string; payload: unknown; jobId?: string | undefined }): Entry {
    const data = asStored(payloadToStore(definitions, spec.name, spec.payload));
    if (spec.jobId !== undefined) assertJobId(spec.jobId, spec.name);
    // Like BullMQ: generated ids are integers, which caller-supplied ids may not be.
    return { id: spec.jobId ?? String(++lastGeneratedId), name: spec.name, data };
  }

  function store(entry: Entry, state: JobState, parentId?: string, pendingChildren = 0): InlineJob {
    const job: InlineJob = {
      ...entry,
      state,
      attemptsMade: 0,
      progress: 0,
      pendingChildren,
      ...(parentId === undefined ? {} : { parentId }),
    };
    jobs.set(job.id, job);
    return job;
  }

  function enqueue(job: InlineJob): void {
    job.state = 'waiting';
    waiting.push(job);
    // Later, not now: add() returns before any handler starts, as it does with BullMQ.
    setImmediate(pump);
  }

  function pump(): void {
    while (handlers && !closing && active.size < concurrency) {
      const job = waiting.shift();
      if (!job) return;
      start(job, handlers);
    }
  }

  function start(job: InlineJob, byName: Readonly<Record<string, JobHandler<never>>>): void {
    job.state = 'active';
    const controller = new AbortController();
    const done = runHandler(definitions, byName, {
      jobId: job.id,
      jobName: job.name,
      data: job.data,
      attempt: job.attemptsMade + 1,
      maxAttempts: attempts,
      signal: controller.signal,
      log,
      updateProgress: async (value) => {
        job.progress = asStored(value) as JobProgress;
      },
    })
      // A result that JSON cannot store fails the attempt, as it does with BullMQ.
      .then(asStored)
      .then(
        (result) => complete(job, result),
        (error: unknown) => attemptFailed(job, error),
      )
      .finally(() => {
        active.delete(job.id);
        pump();
      });
    active.set(job.id, { controller, done });
  }

  function attemptFailed(job: InlineJob, error: unknown): void {
    job.attemptsMade += 1;
    hooks.onAttemptFailed?.(job.name);
    const reason = error instanceof Error ? error.message : String(error);
    const unrecoverable = error instanceof Error && error.name === 'UnrecoverableError';
    if (unrecoverable || closing || job.attemptsMade >= attempts) {
      fail(job, reason);
      return;
    }
    job.state = 'delayed';
    const timer = setTimeout(
      () => {
        retryTimers.delete(timer);
        enqueue(job);
      },
      backoffMs * 2 ** (job.attemptsMade - 1),
    );
    retryTimers.add(timer);
  }

  function complete(job: InlineJob, result: unknown): void {
    job.attemptsMade += 1; // BullMQ counts the successful attempt too
    job.state = 'completed';
    outcomes.completed += 1;
    job.result = result;
    settle(job);
    waiters.resolve(job.id, result);
    const parent = job.parentId === undefined ? undefined : jobs.get(job.parentId);
    if (parent?.state === 'waiting-children') {
      parent.pendingChildren -= 1;
      if (parent.pendingChildren === 0) enqueue(parent);
    }
  }

  function fail(job: InlineJob, reason: string): void {
    job.state = 'failed';
    outcomes.failed += 1;
    job.failedReason = reason;
    settle(job);
    waiters.reject(job.id, new JobFailedError(job.id, reason));
    hooks
      .onFailed?.({ id: job.id, name: job.name, data: job.data, failedReason: reason })
      .catch((err: unknown) => log.error({ err, jobId: job.id }, 'failed-job listener error'));
    const parent = job.parentId === undefined ? undefined : jobs.get(job.parentId);
    if (parent?.state === 'waiting-children') fail(parent, childFailure(job.name, reason));
  }

  /** Keeps finished jobs within the same age and count bounds as BullMQ's removeOnComplete/Fail. */
  function settle(job: InlineJob): void {
    job.finishedAt = Date.now();
    const [ids, keep] =
      job.state === 'completed' ? [finished.completed, KEEP_COMPLETED] : [finished.failed, KEEP_FAILED];
    ids.push(job.id);
    const oldest = Date.now() - keep.age * 1000;
    while (ids.length > keep.count || (ids.length > 0 && (jobs.get(ids[0]!)?.finishedAt ?? 0) < oldest)) {
      jobs.delete(ids.shift()!);
    }
  }

  function info(job: InlineJob): JobInfo {
    return {
      id: job.id,
      name: job.name,
      state: job.state,
      progress: job.progress,
      attemptsMade: job.attemptsMade,
      ...(job.state === 'completed' ? { result: job.result } : {}),
      ...(job.state === 'failed' ? { failedReason: job.failedReason ?? '' } : {}),
    };
  }

  async function shutdown(deadlineMs: number): Promise<void> {
    waiters.rejectAll(new QueueClosedError());
    // Delayed retries are dropped: in-process jobs do not outlive the process anyway.
    for (const timer of retryTimers) clearTimeout(timer);
    retryTimers.clear();
    const running = [...active.values()];
    if (!(await settlesWithin(Promise.all(running.map((a) => a.done)), deadlineMs))) {
      log.warn('jobs still active at the shutdown deadline: aborting them');
      for (const { controller } of running) controller.abort('shutdown deadline');
    }
  }

  return {
    kind: 'inline',

    async add(name, payload, opts) {
      ensureOpen();
      const entry = toEntry({ name, payload, jobId: opts?.jobId });
      const existing = jobs.get(entry.id);
      if (existing) return { id: existing.id };
      enqueue(store(entry, 'waiting'));
      return { id: entry.id };
    },

    async addFlow(flow) {
      ensureOpen();
      const parent = toEntry(flow);
      const children = flow.children.map(toEntry);
      // An existing parent id makes the whole flow a no-op (the BullMQ adapter does the same).
      if (jobs.has(parent.id)) return { id: parent.id };
      for (const child of children) {
        if (jobs.has(child.id)) throw new Error(`flow child ${child.id} already exists`);
      }
      const waitingParent = store(parent, 'waiting-children', undefined, children.length);
      for (const child of children) enqueue(store(child, 'waiting', parent.id));
      if (children.length === 0) enqueue(waitingParent);
      return { id: parent.id };
    },

    async startWorkers(byName, workerHooks) {
      ensureOpen();
      if (handlers) throw new Error('job workers are already started');
      checkHandlers(definitions, byName);
      handlers = byName;
      hooks = workerHooks ?? {};
      setImmediate(pump);
    },

    async schedule(schedulerId, pattern, name, payload) {
      ensureOpen();
      assertIdPart(schedulerId, name);
      toEntry({ name, payload });
      log.info(
        { schedulerId, pattern, jobName: name },
        'schedules do not run in-process; add the job by hand',
      );
    },

    async listSchedules() {
      ensureOpen();
      return [];
    },

    onReconnect() {
      // In-process jobs have no connection to lose.
    },

    async waitFor(jobId, timeoutMs) {
      ensureOpen();
      const job = jobs.get(jobId);
      if (!job) throw new JobNotFoundError(jobId);
      if (job.state === 'completed') return job.result;
      if (job.state === 'failed') throw new JobFailedError(jobId, job.failedReason ?? '');
      return waiters.add(jobId, timeoutMs).promise;
    },

    async getJob(jobId) {
      ensureOpen();
      const job = jobs.get(jobId);
      return job ? info(job) : undefined;
    },

    async stats() {
      ensureOpen();
      const counts = { waiting: 0, 'waiting-children': 0, delayed: 0, active: 0, completed: 0, failed: 0 };
      for (const job of jobs.values()) counts[job.state] += 1;
      return { queue: 'inline', counts, ...outcomes };
    },

    async ping() {
      ensureOpen();
    },

    close(deadlineMs) {
      closing ??= shutdown(deadlineMs);
      return closing;
    },
  };
}
