// A publication cut between its two transactions — its connection terminated while it waits for the
// follow-ups in flight — leaves the run unpublished, and the finaliser taken up again publishes the
// same cases and observations, once. The stages are driven one by one (no worker, stepped-runs.ts).
import { publishRun } from '@nonrecours/core/runs/runs.service.ts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { nextMonth, nextMonthCafExtract } from '../support/next-month.ts';
import { steppedRuns } from '../support/stepped-runs.ts';
import { loadTerritory } from '../support/territory.ts';

describe('a publication cut between its two transactions', () => {
  let t: TestApp;
  let territory: Awaited<ReturnType<typeof loadTerritory>>;
  let runs: ReturnType<typeof steppedRuns>;

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
  const db = () => t.database.db;
  const evaluated = () => runs.evaluated();

  const counts = async (id: string) => {
    const { rows } = await sql<{ cases: number; observations: number; status: string }>`
      select (select count(*)::int from cases where run_id = ${id}) as cases,
        (select count(*)::int from case_observations where run_id = ${id}) as observations,
        (select status from runs where id = ${id}) as status`.execute(db());
    return rows[0]!;
  };

  it('publishes the same cases and observations once, when taken up again', async () => {
    const first = await evaluated();
    expect(await publishRun(deps(), first)).toEqual({ cases: expect.any(Number) });
    const { rows } = await sql<{ household_pseudo: string }>`
      select household_pseudo from cases where run_id = ${first} and rule = 'RSA.RESOURCES'
      order by id limit 3`.execute(db());
    const [a, b, c] = rows.map((r) => r.household_pseudo) as [string, string, string];
    const m = territory.manifest;
    const upload = await t.app.inject({
      method: 'POST',
      url: `/v1/conventions/${territory.conventionId}/extracts?kind=caf&schema=${m.files.caf!.schema}&reference_month=${nextMonth(m.month)}`,
      headers: {
        authorization: `Bearer ${territory.tokens.caf}`,
        'content-type': 'text/csv',
        'x-key-check': m.kcv,
      },
      payload: nextMonthCafExtract({ takeUpRsa: [a], earnMore: [b], leave: [c] }),
    });
    expect(upload.statusCode, upload.body).toBe(202);
    const second = await evaluated();

    // A follow-up in flight holds the first run: the publication's last transaction waits for it,
    // and its connection is terminated there.
    const holder = await t.database.pool.connect();
    await holder.query('begin');
    await holder.query('select id from runs where id = $1 for update', [first]);
    const publishing = publishRun(deps(), second);
    let waiting: number | undefined;
    for (let waited = 0; waiting === undefined; waited += 50) {
      const { rows } = await sql<{ pid: number }>`
        select pid from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock' and query like '%for update%'`.execute(
        db(),
      );
      waiting = rows[0]?.pid;
      if (waited > 30_000) throw new Error('the publication never waited');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await sql`select pg_terminate_backend(${waiting})`.execute(db());
    await expect(publishing).rejects.toThrow();
    await holder.query('rollback');
    holder.release();
    const cut = await counts(second);
    expect(cut.status).toBe('running');
    expect(cut.observations).toBeGreaterThanOrEqual(2);

    expect(await publishRun(deps(), second)).toEqual({ cases: cut.cases });
    expect(await counts(second)).toEqual({ ...cut, status: 'succeeded' });
    const report = (
      await db().selectFrom('runs').select('report').where('id', '=', second).executeTakeFirstOrThrow()
    ).report as { cases: { observed: { taken_up: number; no_longer_presumed: number } } };
    expect(report.cases.observed.taken_up + report.cases.observed.no_longer_presumed).toBe(cut.observations);
  });
});
