// The behaviour both adapters promise, run against each: in-process, and BullMQ on the real Redis.

import { UnrecoverableError } from 'bullmq';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createJobQueue } from './create-job-queue.ts';
import { defineJobs } from './job-definitions.ts';
import {
  InvalidJobError,
  JobFailedError,
  JobHandlersError,
  JobNotFoundError,
  JobWaitTimeoutError,
  QueueClosedError,
} from './job-errors.ts';
import type { JobHandlers } from './job-handlers.ts';
import { jobId } from './job-id.ts';
import type { JobQueue } from './job-queue.ts';
import { deleteKeys, REDIS_URL, redisTestsRun, silentLog, testPrefix } from './test-support.ts';

/** Lets a test change what the current schema accepts after a job was added (a newer deployment). */
const schemaGate = { open: true };

const schemas = {
  'extract.ingest': z.object({ extractId: z.uuid() }),
  'run.partition': z.object({ runId: z.uuid(), partition: z.number().int().min(0) }),
  'run.finalise': z.object({ runId: z.uuid() }),
  'retention.purge': z.object({}),
  'schema.probe': z
    .object({ value: z.string() })
    .refine(() => schemaGate.open, 'refused by the current schema'),
};
const definitions = defineJobs(schemas);
type Handlers = JobHandlers<typeof schemas>;
type Queue = JobQueue<typeof schemas>;

const extractId = '6f1c2d3e-4b5a-4c6d-8e7f-8091a2b3c4d5';
const runId = '0b9c8d7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e';
const BACKOFF_MS = 100;
const idle = async () => null;

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    'extract.ingest': idle,
    'run.partition': idle,
    'run.finalise': idle,
    'retention.purge': idle,
    'schema.probe': idle,
    ...overrides,
  };
}

const redisRuns = await redisTestsRun();

describe.each(['inline', 'bullmq'] as const)('%s job queue', (kind) => {
  const opened: Queue[] = [];
  const prefixes: string[] = [];

  async function open(options: { prefix?: string; concurrency?: number } = {}): Promise<Queue> {
    const prefix = options.prefix ?? testPrefix();
    prefixes.push(prefix);
    const queue = await createJobQueue({
      definitions,
      redisUrl: kind === 'bullmq' ? REDIS_URL : undefined,
      prefix,
      log: silentLog,
      concurrency: options.concurrency ?? 2,
      retry: { backoffMs: BACKOFF_MS },
    });
    opened.push(queue);
    return queue;
  }

  /** Where to read a job's state once its queue is closed: BullMQ keeps it in Redis; inline, it is gone. */
  async function store(prefix: string): Promise<Queue | undefined> {
    return kind === 'bullmq' ? open({ prefix }) : undefined;
  }

  afterEach(async () => {
    schemaGate.open = true;
    await Promise.all(opened.splice(0).map((queue) => queue.close(1000)));
    if (kind === 'bullmq') await Promise.all(prefixes.splice(0).map(deleteKeys));
  });

  describe.skipIf(kind === 'bullmq' && !redisRuns)('', () => {
    it('runs a job once with its validated payload and keeps its result', async () => {
      const queue = await open();
      const calls: unknown[] = [];
      await queue.startWorkers(
        handlers({
          'extract.ingest': async (payload, ctx) => {
            calls.push({ payload, jobId: ctx.jobId, jobName: ctx.jobName, attempt: ctx.attempt });
            return { rows: 3 };
          },
        }),
      );
      const input = { extractId, correlationId: 'req-1', rows: ['stray data'] };
      const { id } = await queue.add('extract.ingest', input);
      expect(await queue.waitFor(id, 10_000)).toEqual({ rows: 3 });
      expect(calls).toEqual([
        { payload: { extractId, correlationId: 'req-1' }, jobId: id, jobName: 'extract.ingest', attempt: 1 },
      ]);
      expect(await queue.getJob(id)).toMatchObject({
        id,
        name: 'extract.ingest',
        state: 'completed',
        attemptsMade: 1,
        result: { rows: 3 },
      });
    });

    it('refuses an invalid payload, an unknown job and a bad job id at add', async () => {
      const queue = await open();
      await expect(queue.add('extract.ingest', { extractId: 'not-a-uuid' })).rejects.toThrow(InvalidJobError);
      await expect(queue.add('extract.unknown' as 'retention.purge', {})).rejects.toThrow(InvalidJobError);
      await expect(queue.add('retention.purge', {}, { jobId: 'purge:1' })).rejects.toThrow(InvalidJobError);
      await expect(queue.add('retention.purge', {}, { jobId: '17' })).rejects.toThrow(InvalidJobError);
      await expect(
        queue.schedule('purge-nightly', '0 3 * * *', 'extract.ingest', { extractId: 'x' }),
      ).rejects.toThrow(InvalidJobError);
    });

    it('fails a job whose stored payload no longer validates, without retrying it', async () => {
      const queue = await open();
      const { id } = await queue.add('schema.probe', { value: 'accepted when added' });
      schemaGate.open = false;
      let calls = 0;
      await queue.startWorkers(handlers({ 'schema.probe': async () => ++calls }));
      await expect(queue.waitFor(id, 10_000)).rejects.toThrow(JobFailedError);
      expect(calls).toBe(0);
      expect(await queue.getJob(id)).toMatchObject({ state: 'failed', attemptsMade: 1 });
    });

    it('retries a failing handler with exponential backoff, then fails the job', async () => {
      const queue = await open();
      const startedAt: number[] = [];
      const attempts: number[] = [];
      await queue.startWorkers(
        handlers({
          'extract.ingest': async (_payload, ctx) => {
            startedAt.push(Date.now());
            attempts.push(ctx.attempt);
            throw new Error('database unavailable');
          },
        }),
      );
      const { id } = await queue.add('extract.ingest', { extractId });
      const failure = await queue.waitFor(id, 10_000).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(JobFailedError);
      expect(failure).toMatchObject({ jobId: id, reason: 'database unavailable' });
      expect(attempts).toEqual([1, 2, 3]);
      const [first, second, third] = startedAt as [number, number, number];
      expect(second - first).toBeGreaterThanOrEqual(BACKOFF_MS - 5);
      expect(third - second).toBeGreaterThanOrEqual(2 * BACKOFF_MS - 5);
      expect(await queue.getJob(id)).toMatchObject({ state: 'failed', attemptsMade: 3 });
    });

    it('does not retry a handler that throws UnrecoverableError', async () => {
      const queue = await open();
      let calls = 0;
      await queue.startWorkers(
        handlers({
          'extract.ingest': async () => {
            calls += 1;
            throw new UnrecoverableError('extract was withdrawn');
          },
        }),
      );
      const { id } = await queue.add('extract.ingest', { extractId });
      await expect(queue.waitFor(id, 10_000)).rejects.toMatchObject({ reason: 'extract was withdrawn' });
      expect(calls).toBe(1);
    });

    it('deduplicates a job id while the job is kept', async () => {
      const queue = await open({ concurrency: 1 });
      const id = jobId('extract.ingest', extractId);
      expect(await queue.add('extract.ingest', { extractId }, { jobId: id })).toEqual({ id });
      expect(await queue.add('extract.ingest', { extractId }, { jobId: id })).toEqual({ id });
      let calls = 0;
      await queue.startWorkers(handlers({ 'extract.ingest': async () => ++calls }));
      expect(await queue.waitFor(id, 10_000)).toBe(1);
      expect(await queue.add('extract.ingest', { extractId }, { jobId: id })).toEqual({ id });
      // One job at a time, in order: had a copy been queued, it would have run before this one.
      const sentinel = await queue.add('retention.purge', {});
      await queue.waitFor(sentinel.id, 10_000);
      expect(calls).toBe(1);
    });

    it('runs the children of a flow before its parent', async () => {
      const queue = await open();
      const order: string[] = [];
      await queue.startWorkers(
        handlers({
          'run.partition': async ({ partition }) => {
            order.push(`partition ${partition}`);
            return partition;
          },
          'run.finalise': async () => {
            order.push('finalise');
            return 'done';
          },
        }),
      );
      const flow = await queue.addFlow({
        name: 'run.finalise',
        payload: { runId },
        jobId: jobId('run.finalise', runId),
        children: [0, 1, 2].map((partition) => ({
          name: 'run.partition' as const,
          payload: { runId, partition },
          jobId: jobId('run.partition', runId, partition),
        })),
      });
      expect(flow).toEqual({ id: jobId('run.finalise', runId) });
      expect(await queue.waitFor(flow.id, 10_000)).toBe('done');
      expect(order.slice(0, 3).sort()).toEqual(['partition 0', 'partition 1', 'partition 2']);
      expect(order.slice(3)).toEqual(['finalise']);
      expect(await queue.getJob(jobId('run.partition', runId, 2))).toMatchObject({
        state: 'completed',
        result: 2,
      });
    });

    it('does not add a flow again while its parent is kept', async () => {
      const queue = await open();
      await queue.startWorkers(handlers());
      const parent = {
        name: 'run.finalise' as const,
        payload: { runId },
        jobId: jobId('run.finalise', runId),
      };
      const child = (partition: number) => ({
        name: 'run.partition' as const,
        payload: { runId, partition },
        jobId: jobId('run.partition', runId, partition),
      });
      const first = await queue.addFlow({ ...parent, children: [child(0)] });
      await queue.waitFor(first.id, 10_000);
      expect(await queue.addFlow({ ...parent, children: [child(1)] })).toEqual(first);
      expect(await queue.getJob(child(1).jobId)).toBeUndefined();
    });

    it("fails the parent of a flow when a child fails for good, with the child's reason", async () => {
      const queue = await open();
      let finalised = false;
      const parentFailed = Promise.withResolvers<string>();
      await queue.startWorkers(
        handlers({
          'run.partition': async ({ partition }) => {
            if (partition === 1) throw new UnrecoverableError('partition is corrupt');
            return partition;
          },
          'run.finalise': async () => {
            finalised = true;
          },
        }),
        {
          onFailed: async (job) => {
            if (job.name === 'run.finalise') parentFailed.resolve(job.failedReason);
          },
        },
      );
      const flow = await queue.addFlow({
        name: 'run.finalise',
        payload: { runId },
        children: [0, 1].map((partition) => ({
          name: 'run.partition' as const,
          payload: { runId, partition },
        })),
      });
      await expect(queue.waitFor(flow.id, 10_000)).rejects.toThrow(JobFailedError);
      expect(finalised).toBe(false);
      expect(await queue.getJob(flow.id)).toMatchObject({ state: 'failed' });
      expect(await parentFailed.promise).toBe('run.partition failed: partition is corrupt');
    });

    it('tells the failed-job hook once per job that failed for good, not per failed attempt', async () => {
      const queue = await open();
      const failed: { id: string; name: string; data: unknown; failedReason: string }[] = [];
      const told = Promise.withResolvers<void>();
      await queue.startWorkers(
        handlers({
          'extract.ingest': async () => {
            throw new Error('still broken');
          },
        }),
        {
          onFailed: async (job) => {
            failed.push(job);
            told.resolve();
          },
        },
      );
      const { id } = await queue.add('extract.ingest', { extractId });
      await queue.waitFor(id, 10_000).catch(() => {});
      await told.promise;
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(failed).toEqual([
        { id, name: 'extract.ingest', data: { extractId }, failedReason: 'still broken' },
      ]);
    });

    it('lists the schedulers it holds (none in-process)', async () => {
      const queue = await open();
      await queue.schedule('nightly-purge', '0 3 * * *', 'retention.purge', {});
      expect(await queue.listSchedules()).toEqual(kind === 'bullmq' ? ['nightly-purge'] : []);
    });

    it('reports the progress of an active job', async () => {
      const queue = await open();
      const started = Promise.withResolvers<void>();
      const release = Promise.withResolvers<void>();
      await queue.startWorkers(
        handlers({
          'extract.ingest': async (_payload, ctx) => {
            await ctx.updateProgress({ done: 1, total: 4 });
            started.resolve();
            await release.promise;
          },
        }),
      );
      const { id } = await queue.add('extract.ingest', { extractId });
      await started.promise;
      expect(await queue.getJob(id)).toMatchObject({ state: 'active', progress: { done: 1, total: 4 } });
      release.resolve();
      expect(await queue.waitFor(id, 10_000)).toBeNull();
    });

    it('starts no worker until asked: jobs wait', async () => {
      const queue = await open();
      const { id } = await queue.add('retention.purge', {});
      expect(await queue.getJob(id)).toMatchObject({ state: 'waiting', attemptsMade: 0 });
      await expect(queue.waitFor(id, 50)).rejects.toThrow(JobWaitTimeoutError);
      await queue.startWorkers(handlers());
      expect(await queue.waitFor(id, 10_000)).toBeNull();
    });

    it('rejects waitFor and getJob on a job it does not know', async () => {
      const queue = await open();
      await expect(queue.waitFor('extract.ingest_nothing', 1000)).rejects.toThrow(JobNotFoundError);
      expect(await queue.getJob('extract.ingest_nothing')).toBeUndefined();
    });

    it('runs the boot check before starting workers', async () => {
      const queue = await open();
      const { 'retention.purge': _purge, ...withoutPurge } = handlers();
      const mismatched = { ...withoutPurge, 'retention.purj': idle } as unknown as Handlers;
      await expect(queue.startWorkers(mismatched)).rejects.toThrow(
        expect.objectContaining({
          problems: [
            "job 'retention.purge' has no handler",
            "handler 'retention.purj' has no job definition",
          ],
        }),
      );
      await expect(queue.startWorkers(mismatched)).rejects.toThrow(JobHandlersError);
      await queue.startWorkers(handlers());
      await expect(queue.startWorkers(handlers())).rejects.toThrow(/already started/);
    });

    it('lets an active job finish when closing within the deadline', async () => {
      const prefix = testPrefix();
      const queue = await open({ prefix });
      const started = Promise.withResolvers<void>();
      const release = Promise.withResolvers<void>();
      let returned = false;
      await queue.startWorkers(
        handlers({
          'extract.ingest': async () => {
            started.resolve();
            await release.promise;
            returned = true;
            return 'finished';
          },
        }),
      );
      const { id } = await queue.add('extract.ingest', { extractId });
      await started.promise;
      let closed = false;
      const closing = queue.close(10_000).then(() => {
        closed = true;
      });
      await new Promise(setImmediate); // a close that did not wait would be done by now
      expect(closed).toBe(false);
      release.resolve();
      await closing;
      expect(returned).toBe(true);
      const kept = await store(prefix);
      if (kept) expect(await kept.getJob(id)).toMatchObject({ state: 'completed', result: 'finished' });
    });

    it('aborts a stuck handler at the close deadline', async () => {
      const prefix = testPrefix();
      const queue = await open({ prefix });
      const started = Promise.withResolvers<void>();
      const aborted = Promise.withResolvers<unknown>();
      await queue.startWorkers(
        handlers({
          'extract.ingest': async (_payload, ctx) => {
            ctx.signal.addEventListener('abort', () => aborted.resolve(ctx.signal.reason));
            started.resolve();
            await new Promise(() => {}); // stuck: ignores its signal
          },
        }),
      );
      const { id } = await queue.add('extract.ingest', { extractId });
      await started.promise;
      const before = performance.now();
      await queue.close(300);
      const elapsed = performance.now() - before;
      expect(elapsed).toBeGreaterThanOrEqual(290);
      expect(elapsed).toBeLessThan(3000);
      expect(await aborted.promise).toBe('shutdown deadline');
      // Neither completed nor failed: its lock expires and another worker runs it again.
      const kept = await store(prefix);
      if (kept) expect(await kept.getJob(id)).toMatchObject({ state: 'active' });
    });

    it('refuses work once closed and releases whoever waits', async () => {
      const queue = await open();
      await queue.ping();
      const { id } = await queue.add('retention.purge', {});
      const waiting = expect(queue.waitFor(id, 10_000)).rejects.toThrow(QueueClosedError);
      await queue.close(1000);
      await waiting;
      await expect(queue.add('retention.purge', {})).rejects.toThrow(QueueClosedError);
      await expect(queue.ping()).rejects.toThrow(QueueClosedError);
      await expect(queue.startWorkers(handlers())).rejects.toThrow(QueueClosedError);
      await expect(queue.getJob(id)).rejects.toThrow(QueueClosedError);
    });
  });
});
