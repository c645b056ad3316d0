// What only the BullMQ adapter does: split producer and worker processes, stored job options, payloads
// written by another producer, cron schedulers, and refusing a Redis it cannot reach.
import { Queue } from 'bullmq';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BULLMQ_QUEUE_NAME } from './bullmq-queue.ts';
import { createJobQueue } from './create-job-queue.ts';
import { defineJobs } from './job-definitions.ts';
import { JobFailedError } from './job-errors.ts';
import type { JobHandlers } from './job-handlers.ts';
import type { JobQueue } from './job-queue.ts';
import { KEEP_COMPLETED, KEEP_FAILED } from './job-queue.ts';
import { deleteKeys, freePort, REDIS_URL, redisTestsRun, silentLog, testPrefix } from './test-support.ts';

const schemas = {
  'extract.ingest': z.object({ extractId: z.uuid() }),
  'retention.purge': z.object({ conventionId: z.uuid().optional() }),
};
const definitions = defineJobs(schemas);
const extractId = '6f1c2d3e-4b5a-4c6d-8e7f-8091a2b3c4d5';
const idle = async () => null;
const handlers = (overrides: Partial<JobHandlers<typeof schemas>> = {}): JobHandlers<typeof schemas> => ({
  'extract.ingest': idle,
  'retention.purge': idle,
  ...overrides,
});

const redisRuns = await redisTestsRun();

describe.skipIf(!redisRuns)('bullmq job queue', () => {
  const closers: (() => Promise<void>)[] = [];
  const prefixes: string[] = [];

  async function open(prefix: string): Promise<JobQueue<typeof schemas>> {
    prefixes.push(prefix);
    const queue = await createJobQueue({
      definitions,
      redisUrl: REDIS_URL,
      prefix,
      log: silentLog,
      concurrency: 1,
    });
    closers.push(() => queue.close(1000));
    return queue;
  }

  function rawQueue(prefix: string): Queue {
    const queue = new Queue(BULLMQ_QUEUE_NAME, { connection: { url: REDIS_URL }, prefix });
    closers.push(() => queue.close());
    return queue;
  }

  afterEach(async () => {
    await Promise.all(closers.splice(0).map((close) => close()));
    await Promise.all(prefixes.splice(0).map(deleteKeys));
  });

  it('lets a producer-only process enqueue for a worker process', async () => {
    const prefix = testPrefix();
    const api = await open(prefix);
    const worker = await open(prefix);
    const { id } = await api.add('extract.ingest', { extractId });
    expect(await api.getJob(id)).toMatchObject({ state: 'waiting' });
    await worker.startWorkers(handlers({ 'extract.ingest': async ({ extractId }) => extractId }));
    expect(await api.waitFor(id, 10_000)).toBe(extractId);
  });

  it('stores jobs with retries, exponential backoff and bounded retention', async () => {
    const prefix = testPrefix();
    const queue = await open(prefix);
    const { id } = await queue.add('extract.ingest', { extractId });
    const job = await rawQueue(prefix).getJob(id);
    expect(job?.opts).toMatchObject({
      attempts: 3,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: KEEP_COMPLETED,
      removeOnFail: KEEP_FAILED,
    });
  });

  it('fails a job stored by another producer with an invalid payload, without calling its handler', async () => {
    const prefix = testPrefix();
    const queue = await open(prefix);
    const { id } = await rawQueue(prefix).add('extract.ingest', { extractId: 'not-a-uuid' }, { attempts: 3 });
    if (id === undefined) throw new Error('BullMQ returned no job id');
    let calls = 0;
    await queue.startWorkers(handlers({ 'extract.ingest': async () => ++calls }));
    await expect(queue.waitFor(id, 10_000)).rejects.toThrow(JobFailedError);
    expect(calls).toBe(0);
    expect(await queue.getJob(id)).toMatchObject({ state: 'failed', attemptsMade: 1 });
  });

  it('upserts a cron scheduler whose jobs run through the handlers', async () => {
    const prefix = testPrefix();
    const queue = await open(prefix);
    const ran = Promise.withResolvers<string>();
    await queue.startWorkers(
      handlers({
        'retention.purge': async (_payload, ctx) => {
          ran.resolve(ctx.jobId);
        },
      }),
    );
    await queue.schedule('retention-nightly', '0 3 * * *', 'retention.purge', {});
    await queue.schedule('retention-nightly', '* * * * * *', 'retention.purge', {}); // every second
    const schedulers = await rawQueue(prefix).getJobSchedulers();
    expect(schedulers).toMatchObject([{ key: 'retention-nightly', pattern: '* * * * * *' }]);
    expect(await ran.promise).toMatch(/^repeat:retention-nightly:/);
  });

  it('refuses a Redis it cannot reach, naming where it looked', async () => {
    const port = await freePort();
    const opening = createJobQueue({
      definitions,
      redisUrl: `redis://:secret@127.0.0.1:${port}`,
      prefix: testPrefix(),
      log: silentLog,
      concurrency: 1,
    });
    await expect(opening).rejects.toThrow(`cannot connect to Redis at 127.0.0.1:${port}`);
    await expect(opening).rejects.not.toThrow(/secret/);
  });
});
