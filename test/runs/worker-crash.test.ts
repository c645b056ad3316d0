// Killing the worker in the middle of a run, then letting another take the job up again, yields the
// same cases as an undisturbed run; killing it twice in the same stage fails the run with its reason
// (BullMQ gives a job that stalled more than once up), and the next run starts and completes.
import { jobId } from '@nonrecours/queue';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkerProcess } from '../support/api-process.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { loadTerritory } from '../support/territory.ts';

describe('a worker killed during a run', () => {
  let t: TestApp;
  let territory: Awaited<ReturnType<typeof loadTerritory>>;
  const workers: Awaited<ReturnType<typeof startWorkerProcess>>[] = [];
  let published: string;

  let redis: Redis;

  beforeAll(async () => {
    t = await createTestApp();
    redis = new Redis(t.config.REDIS_URL!);
    territory = await loadTerritory(t.app, t.database.db);
  }, 60_000);
  afterAll(async () => {
    for (const w of workers) await w.stop('SIGKILL');
    redis.disconnect();
    await t.close();
  });

  const worker = async () => {
    const w = await startWorkerProcess({
      DATABASE_URL: t.database.url,
      REDIS_URL: t.config.REDIS_URL!,
      QUEUE_PREFIX: t.config.QUEUE_PREFIX,
      // Short, so a killed worker's job is taken up soon; long enough that a partition evaluated on a
      // busy machine keeps renewing its lock.
      JOB_LOCK_MS: '4000',
      WORKER_CONCURRENCY: '1',
    });
    workers.push(w);
    return w;
  };

  async function run(): Promise<string> {
    const res = await t.app.inject({
      method: 'POST',
      url: `/v1/conventions/${territory.conventionId}/runs`,
      headers: { authorization: `Bearer ${territory.tokens.territory}` },
      payload: {},
    });
    expect(res.statusCode, res.body).toBe(202);
    return res.json().id;
  }

  /** Kills the worker once it handles the partition, after it stalled `stalls` times already. */
  async function killDuring(runId: string, w: Awaited<ReturnType<typeof worker>>, stalls: number) {
    const id = jobId('run-partition', runId, 'p0');
    for (;;) {
      const job = await t.queue.getJob(id);
      const counted = Number((await redis.hget(`${t.config.QUEUE_PREFIX}:jobs:${id}`, 'stc')) ?? 0);
      if (job?.state === 'active' && counted === stalls) break;
      if (job?.state === 'completed' || job?.state === 'failed')
        throw new Error(`the partition was ${job.state} before the worker could be killed`);
      await new Promise((r) => setTimeout(r, 10));
    }
    await w.stop('SIGKILL');
  }

  async function casesOf(runId: string): Promise<string[]> {
    const rows = await t.database.db
      .selectFrom('cases')
      .select(['subject_kind', 'subject_pseudo', 'benefit', 'rule', 'confidence', 'estimated_amount'])
      .where('run_id', '=', runId)
      .execute();
    return rows
      .map(
        (c) =>
          `${c.subject_kind}|${c.subject_pseudo}|${c.benefit}|${c.rule}|${c.confidence}|${c.estimated_amount}`,
      )
      .sort();
  }

  it('publishes the same cases after the job is taken up again', async () => {
    const first = await worker();
    const crashed = await run();
    published = crashed;
    // Kill the worker while it evaluates the run's partition.
    for (;;) {
      const job = await t.queue.getJob(jobId('run-partition', crashed, 'p0'));
      if (job?.state === 'active') break;
      if (job?.state === 'completed')
        throw new Error('the partition finished before the worker could be killed');
      await new Promise((r) => setTimeout(r, 10));
    }
    await first.stop('SIGKILL');
    await worker();
    await t.queue.waitFor(jobId('run-finalise', crashed), 60_000);

    const undisturbed = await run();
    await t.queue.waitFor(jobId('run-prepare', undisturbed), 30_000);
    await t.queue.waitFor(jobId('run-finalise', undisturbed), 60_000);

    const [a, b] = await Promise.all([casesOf(crashed), casesOf(undisturbed)]);
    expect(a.length).toBeGreaterThan(1000);
    expect(a).toEqual(b);
    const runs = await t.database.db.selectFrom('runs').select(['id', 'status']).execute();
    expect(runs.every((r) => r.status === 'succeeded')).toBe(true);
  }, 120_000);

  it('fails a run whose worker is killed twice in the same stage, and runs the next one', async () => {
    for (const w of workers) await w.stop('SIGKILL');
    const stalled = await run();
    await killDuring(stalled, await worker(), 0);
    await killDuring(stalled, await worker(), 1);
    await worker();
    const deadline = Date.now() + 60_000;
    let status = '';
    let error: string | null = null;
    while (Date.now() < deadline) {
      ({ status, error } = await t.database.db
        .selectFrom('runs')
        .select(['status', 'error'])
        .where('id', '=', stalled)
        .executeTakeFirstOrThrow());
      if (status !== 'queued' && status !== 'running') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe('failed');
    expect(error).toMatch(/^run\.(partition|finalise) failed: .*stalled/);
    const { rows: tables } = await sql`
      select relname from pg_class where relname like ${`run_${stalled.replaceAll('-', '')}_%`}`.execute(
      t.database.db,
    );
    expect(tables).toEqual([]);

    const next = await run();
    await t.queue.waitFor(jobId('run-prepare', next), 30_000);
    await t.queue.waitFor(jobId('run-finalise', next), 60_000);
    expect(await casesOf(next)).toEqual(await casesOf(published));
  }, 180_000);
});
