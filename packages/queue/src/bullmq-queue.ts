// The BullMQ adapter. One BullMQ queue ("jobs") holds every job as a named job, rather than a queue per
// job name: job ids then live in one namespace (so `waitFor(jobId)` and `getJob(jobId)` need no name),
// a flow's parent and children sit in the same queue, and a process needs 4 Redis connections
// (producer, worker + its blocking twin, events) instead of 3 per job name. The cost is one shared
// concurrency for all jobs: a flood of run partitions delays a purge, which is acceptable here.
import type { Job, JobsOptions } from 'bullmq';
import { FlowProducer, MetricsTime, Queue, QueueEvents, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { deadlineIn, settlesWithin } from './deadline.ts';
import type { JobSchemas } from './job-definitions.ts';
import { payloadToStore } from './job-definitions.ts';
import { JobFailedError, JobNotFoundError, QueueClosedError } from './job-errors.ts';
import type { JobHandler, JobProgress } from './job-handlers.ts';
import { checkHandlers, runHandler } from './job-handlers.ts';
import { assertIdPart, assertJobId } from './job-id.ts';
import type { JobInfo, JobQueue, JobQueueOptions, JobState, WorkerHooks } from './job-queue.ts';
import { childFailure, DEFAULT_ATTEMPTS, KEEP_COMPLETED, KEEP_FAILED } from './job-queue.ts';
import { createWaiters } from './job-waiters.ts';
import { assertNoEviction } from './redis-policy.ts';

/** The one BullMQ queue, for dashboards and ops tools: its keys are `<prefix>:jobs:…`. */
export const BULLMQ_QUEUE_NAME = 'jobs';
const DEFAULT_BACKOFF_MS = 1000;
const STATES: JobState[] = ['waiting', 'waiting-children', 'delayed', 'active', 'completed', 'failed'];

/** host:port of a Redis URL, for messages: the URL itself may hold a password. */
function redisLocation(url: string): string {
  try {
    const { hostname, port } = new URL(url);
    return `${hostname}:${port || '6379'}`;
  } catch {
    return '(unparseable REDIS_URL)';
  }
}

function idOf(job: Job): string {
  if (job.id === undefined) throw new Error(`BullMQ returned job '${job.name}' without an id`);
  return job.id;
}

/** Connects the producer connection and checks the eviction policy; throws if either fails. */
async function connectProducer(redisUrl: string, prefix: string, log: Logger): Promise<Redis> {
  // enableOfflineQueue: false makes adds fail fast while Redis is down, instead of piling up in memory.
  const producer = new Redis(redisUrl, {
    enableOfflineQueue: false,
    lazyConnect: true,
    connectionName: `${prefix}:producer`,
  });
  producer.on('error', (err) => log.error({ err }, 'redis producer connection error'));
  try {
    await producer.connect();
  } catch (cause) {
    producer.disconnect();
    throw new Error(`cannot connect to Redis at ${redisLocation(redisUrl)}`, { cause });
  }
  try {
    await assertNoEviction(producer);
  } catch (error) {
    producer.disconnect();
    throw error;
  }
  return producer;
}

export async function createBullmqQueue<T extends JobSchemas>(
  options: JobQueueOptions<T> & { redisUrl: string },
): Promise<JobQueue<T>> {
  const { definitions, redisUrl, prefix, log, concurrency } = options;
  const jobOptions: JobsOptions = {
    attempts: options.retry?.attempts ?? DEFAULT_ATTEMPTS,
    backoff: { type: 'exponential', delay: options.retry?.backoffMs ?? DEFAULT_BACKOFF_MS },
    removeOnComplete: KEEP_COMPLETED,
    removeOnFail: KEEP_FAILED,
  };
  const producer = await connectProducer(redisUrl, prefix, log);
  // Blocking consumers (worker, events) must retry forever rather than give up on a command.
  const blockingConnection = { url: redisUrl, maxRetriesPerRequest: null };

  const queue = new Queue<unknown, unknown>(BULLMQ_QUEUE_NAME, {
    connection: producer,
    prefix,
    defaultJobOptions: jobOptions,
  });
  const flows = new FlowProducer({ connection: producer, prefix });
  queue.on('error', (err) => log.error({ err }, 'job queue error'));
  flows.on('error', (err) => log.error({ err }, 'job flow producer error'));

  let worker: Worker<unknown, unknown> | undefined;
  let events: Promise<QueueEvents> | undefined;
  let closing: Promise<void> | undefined;
  const waiters = createWaiters();

  const ensureOpen = (): void => {
    if (closing) throw new QueueClosedError();
  };

  /**
   * One QueueEvents (a blocking XREAD connection), opened on the first waitFor: producers rarely wait.
   * It reads from the stream's last entry as of now rather than from '$', which would only mean "from
   * whenever its first XREAD goes out" and lose the events of a job finishing in between.
   */
  function queueEvents(): Promise<QueueEvents> {
    events ??= (async () => {
      const [last] = await producer.xrevrange(queue.toKey('events'), '+', '-', 'COUNT', 1);
      const created = new QueueEvents(BULLMQ_QUEUE_NAME, {
        connection: blockingConnection,
        prefix,
        lastEventId: last?.[0] ?? '0',
      });
      created.on('error', (err) => log.error({ err }, 'job events error'));
      created.on('completed', ({ jobId, returnvalue }) => waiters.resolve(jobId, returnvalue));
      created.on('failed', ({ jobId, failedReason }) =>
        waiters.reject(jobId, new JobFailedError(jobId, failedReason)),
      );
      await created.waitUntilReady();
      return created;
    })();
    // A first try while Redis is down must not stay the answer for ever.
    events.catch(() => {
      events = undefined;
    });
    return events;
  }

  function toEntry(spec: { name: string; payload: unknown; jobId?: string | undefined }) {
    const data = payloadToStore(definitions, spec.name, spec.payload);
    if (spec.jobId === undefined) return { name: spec.name, data, opts: jobOptions };
    assertJobId(spec.jobId, spec.name);
    return { name: spec.name, data, opts: { ...jobOptions, jobId: spec.jobId } };
  }

  async function getJob(jobId: string): Promise<JobInfo | undefined> {
    // State first: a job moves to completed or failed together with its result, so a hash read after a
    // finished state carries that result (read the other way round, the result may be stale).
    const state = await queue.getJobState(jobId);
    if (state === 'unknown') return undefined;
    const job = await queue.getJob(jobId);
    if (!job) return undefined; // removed between the two reads
    return {
      id: jobId,
      name: job.name,
      state: state === 'prioritized' ? 'waiting' : state,
      progress: job.progress as JobProgress, // only ever set through ctx.updateProgress
      attemptsMade: job.attemptsMade,
      ...(state === 'completed' ? { result: job.returnvalue } : {}),
      ...(state === 'failed' ? { failedReason: await rootCause(job.failedReason) } : {}),
    };
  }

  /**
   * From the queue's event stream rather than the worker's own 'failed' event: a job that stalled too
   * often is failed by whichever worker noticed, and never reaches a handler.
   */
  async function listenForFailures(onFailed: NonNullable<WorkerHooks['onFailed']>): Promise<void> {
    const stream = await queueEvents();
    stream.on('failed', ({ jobId, failedReason }) => {
      void (async () => {
        const job = await queue.getJob(jobId);
        // Only a job that failed for good; its event is seen once per process listening.
        if (!job || (await job.getState()) !== 'failed') return;
        await onFailed({
          id: jobId,
          name: job.name,
          data: job.data,
          failedReason: await rootCause(failedReason),
        });
      })().catch((err: unknown) => log.error({ err, jobId }, 'failed-job listener error'));
    });
  }

  /**
   * BullMQ fails a parent with "child <key> failed": the child's own reason says what happened, and
   * whichever of the two failures is heard first is the one recorded.
   */
  async function rootCause(failedReason: string): Promise<string> {
    const childKey = /^child (.+) failed$/.exec(failedReason)?.[1];
    const keyPrefix = queue.toKey('');
    if (!childKey?.startsWith(keyPrefix)) return failedReason;
    const child = await queue.getJob(childKey.slice(keyPrefix.length));
    return child?.failedReason ? childFailure(child.name, child.failedReason) : failedReason;
  }

  async function shutdown(deadlineMs: number): Promise<void> {
    const remaining = deadlineIn(deadlineMs);
    waiters.rejectAll(new QueueClosedError());
    const running = worker;
    // worker.close() stops fetching and waits for active jobs, with no timeout of its own.
    if (running && !(await settlesWithin(running.close(), remaining()))) {
      log.warn('jobs still active at the shutdown deadline: aborting them; they will run again');
      running.cancelAllJobs('shutdown deadline');
      await running.disconnect().catch((err: unknown) => log.error({ err }, 'worker disconnect failed'));
    }
    const openEvents = await events?.catch(() => undefined);
    const closed = Promise.all([openEvents?.close(), flows.close(), queue.close(), producer.quit()]);
    if (!(await settlesWithin(closed, remaining()))) {
      log.warn('job queue connections did not close by the shutdown deadline: disconnecting them');
      await openEvents?.disconnect().catch(() => {});
      producer.disconnect();
    }
  }

  return {
    kind: 'bullmq',
    bullmq: queue,

    async stats() {
      ensureOpen();
      const [counts, completed, failed] = await Promise.all([
        queue.getJobCounts(...STATES, 'prioritized'),
        queue.getMetrics('completed', 0, 0),
        queue.getMetrics('failed', 0, 0),
      ]);
      const { prioritized = 0, ...rest } = counts;
      const byState = Object.fromEntries(STATES.map((state) => [state, rest[state] ?? 0])) as Record<
        JobState,
        number
      >;
      byState.waiting += prioritized;
      return {
        queue: BULLMQ_QUEUE_NAME,
        counts: byState,
        completed: completed.meta.count,
        failed: failed.meta.count,
      };
    },

    async add(name, payload, opts) {
      ensureOpen();
      const entry = toEntry({ name, payload, jobId: opts?.jobId });
      return { id: idOf(await queue.add(entry.name, entry.data, entry.opts)) };
    },

    async addFlow(flow) {
      ensureOpen();
      const parent = toEntry(flow);
      const children = flow.children.map(toEntry);
      // BullMQ would keep an existing parent but still add the children: make the whole flow a no-op.
      // Two concurrent adds may both pass this check; deterministic child ids then dedup the children.
      if (flow.jobId !== undefined && (await queue.getJobState(flow.jobId)) !== 'unknown') {
        return { id: flow.jobId };
      }
      const node = await flows.add({
        ...parent,
        queueName: BULLMQ_QUEUE_NAME,
        // Without failParentOnFailure a failed child would leave the parent waiting for ever.
        children: children.map((child) => ({
          ...child,
          queueName: BULLMQ_QUEUE_NAME,
          opts: { ...child.opts, failParentOnFailure: true },
        })),
      });
      return { id: idOf(node.job) };
    },

    async startWorkers(handlers, hooks) {
      ensureOpen();
      if (worker) throw new Error('job workers are already started');
      checkHandlers(definitions, handlers);
      if (hooks?.onFailed) await listenForFailures(hooks.onFailed);
      const byName: Readonly<Record<string, JobHandler<never>>> = handlers;
      // Three declared parameters: BullMQ only passes an AbortSignal to processors that take one.
      const processor = (job: Job<unknown, unknown>, _token: string | undefined, signal?: AbortSignal) =>
        runHandler(definitions, byName, {
          jobId: idOf(job),
          jobName: job.name,
          data: job.data,
          attempt: job.attemptsMade + 1,
          maxAttempts: job.opts.attempts ?? 1,
          signal: signal ?? new AbortController().signal,
          log,
          updateProgress: (value) => job.updateProgress(value),
        });
      worker = new Worker<unknown, unknown>(BULLMQ_QUEUE_NAME, processor, {
        connection: blockingConnection,
        prefix,
        concurrency,
        // BullMQ's own counts of completed and failed jobs, per minute over two weeks, for /metrics.
        metrics: { maxDataPoints: MetricsTime.TWO_WEEKS },
        ...(options.lockDurationMs
          ? { lockDuration: options.lockDurationMs, stalledInterval: options.lockDurationMs }
          : {}),
      });
      worker.on('error', (err) => log.error({ err }, 'job worker error'));
      if (hooks?.onAttemptFailed) {
        const counted = hooks.onAttemptFailed;
        worker.on('failed', (job) => counted(job?.name ?? 'unknown'));
      }
      await worker.waitUntilReady();
    },

    async schedule(schedulerId, pattern, name, payload) {
      ensureOpen();
      assertIdPart(schedulerId, name);
      const entry = toEntry({ name, payload });
      await queue.upsertJobScheduler(schedulerId, { pattern }, { name, data: entry.data, opts: jobOptions });
    },

    async listSchedules() {
      ensureOpen();
      const schedulers = await queue.getJobSchedulers(0, -1);
      return schedulers.map((s) => s.id ?? s.key);
    },

    onReconnect(listener) {
      // The producer connected before this returns: every later 'ready' is a reconnection.
      producer.on('ready', () => {
        if (!closing) listener();
      });
    },

    async waitFor(jobId, timeoutMs) {
      ensureOpen();
      await queueEvents();
      ensureOpen(); // closing while the events connection opened would leave this waiter behind
      const { promise, waiter } = waiters.add(jobId, timeoutMs);
      // The job may have finished before this waiter was registered: read its state once now.
      getJob(jobId).then(
        (info) => {
          if (!info) waiter.reject(new JobNotFoundError(jobId));
          else if (info.state === 'completed') waiter.resolve(info.result);
          else if (info.state === 'failed') waiter.reject(new JobFailedError(jobId, info.failedReason ?? ''));
        },
        (error: unknown) => waiter.reject(error instanceof Error ? error : new Error(String(error))),
      );
      return promise;
    },

    async getJob(jobId) {
      ensureOpen();
      return getJob(jobId);
    },

    async ping() {
      ensureOpen();
      await producer.ping();
    },

    close(deadlineMs) {
      closing ??= shutdown(deadlineMs);
      return closing;
    },
  };
}
