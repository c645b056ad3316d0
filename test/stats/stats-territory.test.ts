// Statistics of a real run over the synthetic territory: they agree with the run's own report and
// with its cases, and nothing from 1 to 4 can be read from them.
import { auditFollowUpStats } from '@nonrecours/core/stats/testing/disclosure-audit.ts';
import { jobId } from '@nonrecours/queue';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { loadTerritory } from '../support/territory.ts';

let t: TestApp;
let territory: Awaited<ReturnType<typeof loadTerritory>>;
let runId: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.startWorkers();
  territory = await loadTerritory(t.app, t.database.db);
  const started = await t.app.inject({
    method: 'POST',
    url: `/v1/conventions/${territory.conventionId}/runs`,
    headers: { authorization: `Bearer ${territory.tokens.territory}` },
    payload: {},
  });
  runId = started.json().id;
  await t.queue.waitFor(jobId('run-prepare', runId), 60_000);
  await t.queue.waitFor(jobId('run-finalise', runId), 60_000);
}, 120_000);
afterAll(() => t.close());

it('agrees with the run report and the cases, and leaks no small count', async () => {
  const db = t.database.db;
  // Follow-up under way, as a team would record it: some verified, some not.
  const outcomes = [
    'contacted',
    'rights_opened',
    'not_eligible',
    'already_covered',
    'refused',
    'unreachable',
  ];
  const ids = await db.selectFrom('cases').select('id').where('run_id', '=', runId).orderBy('id').execute();
  for (const [i, { id }] of ids.entries()) {
    if (i % 3 === 0)
      await db
        .updateTable('cases')
        .set({ status: outcomes[(i / 3) % outcomes.length]! })
        .where('id', '=', id)
        .execute();
  }

  const res = await t.app.inject({
    url: `/v1/conventions/${territory.conventionId}/stats`,
    headers: { authorization: `Bearer ${territory.tokens.territory}` },
  });
  expect(res.statusCode, res.body).toBe(200);
  const stats = res.json();
  const run = await db.selectFrom('runs').select('report').where('id', '=', runId).executeTakeFirstOrThrow();
  const report = run.report as { cases: { total: number; by_benefit: Record<string, number> } };
  expect(stats.overall.presumed).toEqual({ value: report.cases.total, suppressed: false });
  for (const b of stats.by_benefit)
    if (!b.presumed.suppressed) expect(b.presumed.value).toBe(report.cases.by_benefit[b.benefit]);

  const cases = await db
    .selectFrom('cases')
    .select(['benefit', 'rule', 'status', 'commune', 'estimated_amount'])
    .where('run_id', '=', runId)
    .execute();
  expect(auditFollowUpStats(stats, cases)).toEqual([]);
}, 60_000);
