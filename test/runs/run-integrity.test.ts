// A run publishes only cases computed from complete inputs, and always ends. The stages are driven one
// by one over the real database and queue (no worker), and the run's working tables are emptied the way
// crash recovery empties unlogged tables, between two stages.
import { createRunWatchdog, dropEndedRunTables } from '@nonrecours/core';
import { runTables } from '@nonrecours/core/runs/run-tables.ts';
import { prepareRun, publishRun, runPartition } from '@nonrecours/core/runs/runs.service.ts';
import { jobId } from '@nonrecours/queue';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { steppedRuns } from '../support/stepped-runs.ts';
import { loadTerritory } from '../support/territory.ts';

describe('run integrity', () => {
  let t: TestApp;
  let territory: Awaited<ReturnType<typeof loadTerritory>>;
  let runs: ReturnType<typeof steppedRuns>;
  const log = pino({ level: 'silent' });

  beforeAll(async () => {
    t = await createTestApp();
    territory = await loadTerritory(t.app, t.database.db);
    runs = steppedRuns(t, territory);
  }, 60_000);
  afterAll(async () => {
    await runs.close();
    await t.close();
  });

  const deps = () => runs.deps();
  const start = () => runs.start();

  const runOf = (id: string) =>
    t.database.db.selectFrom('runs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const casesOf = async (id: string) =>
    (
      await t.database.db
        .selectFrom('cases')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('run_id', '=', id)
        .executeTakeFirstOrThrow()
    ).n;
  async function tablesOf(id: string): Promise<string[]> {
    const names = Object.values(runTables(id));
    const { rows } = await sql<{ relname: string }>`
      select relname from pg_class where relname = any(${names})`.execute(t.database.db);
    return rows.map((r) => r.relname);
  }
  const partitions = (id: string) => runs.partitions(id);
  const removeFlow = (id: string) => runs.removeFlow(id);

  it('publishes an undisturbed run, with the link counts recorded', async () => {
    const id = await start();
    await prepareRun(deps(), id);
    const counts = await t.database.db
      .selectFrom('run_stage_counts')
      .select(['relation', 'rows'])
      .where('run_id', '=', id)
      .execute();
    const linkage = ((await runOf(id)).report as { linkage: Record<string, number> }).linkage;
    expect(Object.fromEntries(counts.map((c) => [c.relation, c.rows]))).toEqual({
      family: linkage.family_rows,
      retirees: linkage.retirees,
      tenants: linkage.tenants,
    });
    await partitions(id);
    await removeFlow(id);
    expect(await publishRun(deps(), id)).toEqual({ cases: expect.any(Number) });
    expect((await runOf(id)).status).toBe('succeeded');
    expect(await casesOf(id)).toBeGreaterThan(1000);
    expect(await tablesOf(id)).toEqual([]);
  }, 60_000);

  it('fails a run whose linked rows were emptied before evaluation, and publishes nothing', async () => {
    const id = await start();
    await prepareRun(deps(), id);
    await removeFlow(id);
    const tables = runTables(id);
    await sql`truncate ${sql.table(tables.family)}, ${sql.table(tables.retirees)}, ${sql.table(tables.tenants)}`.execute(
      t.database.db,
    );
    expect(await runPartition(deps(), id, 0)).toEqual({ failed: expect.stringContaining('emptied') });
    const run = await runOf(id);
    expect(run.status).toBe('failed');
    expect(run.error).toMatch(/family, retirees, tenants/);
    expect(await publishRun(deps(), id)).toEqual({ skipped: true });
    expect(await casesOf(id)).toBe(0);
    expect(await tablesOf(id)).toEqual([]);
  }, 60_000);

  it('fails a run whose results were emptied or cut short before publication', async () => {
    for (const loss of ['truncate', 'delete some'] as const) {
      const id = await start();
      await prepareRun(deps(), id);
      await partitions(id);
      await removeFlow(id);
      const results = sql.table(runTables(id).results);
      if (loss === 'truncate') await sql`truncate ${results}`.execute(t.database.db);
      else
        await sql`delete from ${results} where ctid in (select ctid from ${results} limit 10)`.execute(
          t.database.db,
        );
      expect(await publishRun(deps(), id)).toEqual({ failed: expect.stringContaining('partition(s) 0') });
      const run = await runOf(id);
      expect(run.status).toBe('failed');
      expect(await casesOf(id)).toBe(0);
      expect(await tablesOf(id)).toEqual([]);
    }
  }, 60_000);

  it('evaluates a partition taken up twice at once only once', async () => {
    const id = await start();
    await prepareRun(deps(), id);
    await removeFlow(id);
    const [a, b] = await Promise.all([runPartition(deps(), id, 0), runPartition(deps(), id, 0)]);
    expect([a, b]).toContainEqual(expect.objectContaining({ again: true }));
    await publishRun(deps(), id);
    expect((await runOf(id)).status).toBe('succeeded');
  }, 60_000);

  it('cancels a run in any stage, drops its working tables, and lets the next run start', async () => {
    const queued = await start();
    const cancel = (id: string) =>
      t.app.inject({
        method: 'POST',
        url: `/v1/conventions/${territory.conventionId}/runs/${id}/cancel`,
        headers: { authorization: `Bearer ${territory.tokens.territory}` },
      });
    expect((await cancel(queued)).statusCode).toBe(200);

    const evaluating = await start();
    await prepareRun(deps(), evaluating);
    await removeFlow(evaluating);
    expect(await tablesOf(evaluating)).toHaveLength(5);
    expect((await cancel(evaluating)).statusCode).toBe(200);
    expect(await tablesOf(evaluating)).toEqual([]);
    expect(await runPartition(deps(), evaluating, 0)).toEqual({ skipped: true });
    expect(await publishRun(deps(), evaluating)).toEqual({ skipped: true });

    // Held by a stage at the moment of the cancel: the tables go at the sweep.
    const held = await start();
    await prepareRun(deps(), held);
    await removeFlow(held);
    const client = await t.database.pool.connect();
    try {
      await client.query('begin');
      await client.query(`lock table ${runTables(held).family} in access share mode`);
      expect((await cancel(held)).statusCode).toBe(200);
      expect(await tablesOf(held)).toHaveLength(5);
      await client.query('commit');
    } finally {
      client.release();
    }
    expect(await dropEndedRunTables(t.database.db)).toBe(1);
    expect(await tablesOf(held)).toEqual([]);
    for (const id of [queued, evaluating, held]) expect((await runOf(id)).status).toBe('cancelled');
    expect(await casesOf(held)).toBe(0);
  }, 60_000);

  it('takes a run up again when the queue lost its jobs, and fails one whose job failed', async () => {
    const watchdog = createRunWatchdog({ db: t.database.db, queue: t.queue, log });
    const lost = await start(); // its job is gone, as after a Redis restart without persistence
    expect((await watchdog.check()).resumed).toEqual([]);
    expect((await watchdog.check()).resumed).toEqual([lost]);
    expect((await t.queue.getJob(jobId('run-prepare', lost)))?.state).toBe('waiting');
    await t.startWorkers();
    await t.queue.waitFor(jobId('run-prepare', lost), 60_000);
    await t.queue.waitFor(jobId('run-finalise', lost), 60_000);
    expect((await runOf(lost)).status).toBe('succeeded');
    expect((await runOf(lost)).report).toMatchObject({ resumes: 1 });

    // A run left running after its job failed for good (its own failure could not be recorded).
    await sql`alter table extract_rows_caf rename to extract_rows_caf_away`.execute(t.database.db);
    const res = await t.app.inject({
      method: 'POST',
      url: `/v1/conventions/${territory.conventionId}/runs`,
      headers: { authorization: `Bearer ${territory.tokens.territory}` },
      payload: {},
    });
    const stuck: string = res.json().id;
    await t.queue.waitFor(jobId('run-prepare', stuck), 30_000).catch(() => {});
    await sql`alter table extract_rows_caf_away rename to extract_rows_caf`.execute(t.database.db);
    await t.database.db
      .updateTable('runs')
      .set({ status: 'running', error: null, finished_at: null })
      .where('id', '=', stuck)
      .execute();
    await watchdog.check();
    expect((await watchdog.check()).failed).toEqual([stuck]);
    const failed = await runOf(stuck);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/^run\.prepare failed: /);
  }, 120_000);
});
