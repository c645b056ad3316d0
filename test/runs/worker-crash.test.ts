// Killing the worker in the middle of a run, then letting another take the job up again, yields the
// same cases as an undisturbed run.
import { jobId } from '@nonrecours/queue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkerProcess } from '../support/api-process.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { loadTerritory } from '../support/territory.ts';

describe('a worker killed during a run', () => {
  let t: TestApp;
  let territory: Awaited<ReturnType<typeof loadTerritory>>;
  const workers: Awaited<ReturnType<typeof startWorkerProcess>>[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    territory = await loadTerritory(t.app, t.database.db);
  }, 60_000);
  afterAll(async () => {
    for (const w of workers) await w.stop('SIGKILL');
    await t.close();
  });

  const worker = async () => {
    const w = await startWorkerProcess({
      DATABASE_URL: t.database.url,
      REDIS_URL: t.config.REDIS_URL!,
      QUEUE_PREFIX: t.config.QUEUE_PREFIX,
      JOB_LOCK_MS: '1500',
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
});
