// Runs played stage by stage by the test itself, over the real database and queue but no worker: a
// run is started through the API, its queued jobs taken out of the way, and its stages called one
// by one, so a test can disturb the run between two of them.
import { prepareRun, runPartition } from '@nonrecours/core/runs/runs.service.ts';
import { jobId } from '@nonrecours/queue';
import { Queue } from 'bullmq';
import { expect } from 'vitest';
import type { TestApp } from './app.ts';
import type { loadTerritory } from './territory.ts';

export function steppedRuns(t: TestApp, territory: Awaited<ReturnType<typeof loadTerritory>>) {
  const bull = new Queue('jobs', { connection: { url: t.config.REDIS_URL! }, prefix: t.config.QUEUE_PREFIX });
  const deps = () => ({ db: t.database.db, pool: t.database.pool, queue: t.queue });

  /** A run started by the territory team, its `run.prepare` job removed. */
  async function start(): Promise<string> {
    const res = await t.app.inject({
      method: 'POST',
      url: `/v1/conventions/${territory.conventionId}/runs`,
      headers: { authorization: `Bearer ${territory.tokens.territory}` },
      payload: {},
    });
    expect(res.statusCode, res.body).toBe(202);
    const id: string = res.json().id;
    await bull.remove(jobId('run-prepare', id));
    return id;
  }

  /** Every partition of the run evaluated, in order. */
  async function partitions(id: string): Promise<void> {
    const { partitions } = await t.database.db
      .selectFrom('runs')
      .select('partitions')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    for (let part = 0; part < partitions; part++) await runPartition(deps(), id, part);
  }

  /** The flow `prepareRun` queued (its finaliser and partitions) taken out of the way. */
  const removeFlow = (id: string) => bull.remove(jobId('run-finalise', id), { removeChildren: true });

  /** A run started, prepared and evaluated: what is left is its publication. */
  async function evaluated(): Promise<string> {
    const id = await start();
    await prepareRun(deps(), id);
    await partitions(id);
    await removeFlow(id);
    return id;
  }

  return { deps, start, partitions, removeFlow, evaluated, close: () => bull.close() };
}
