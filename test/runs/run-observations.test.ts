// The next month's run observes what became of the cases it no longer presumes: the CAF extract of
// the following month shows one presumed household now receiving RSA (taken up), another with
// resources above the threshold (no longer presumed), and a third gone from the file (its case stays
// open, carried over unchanged). Field work goes on through it all.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PublishedTerritory, publishedTerritory } from '../cases/published-territory.ts';
import { nextMonth, nextMonthCafExtract } from '../support/next-month.ts';

describe('observed outcomes in the next month’s extracts', () => {
  let p: PublishedTerritory;
  let households: { id: string; subject_pseudo: string; household_pseudo: string }[];
  let second: string;

  beforeAll(async () => {
    p = await publishedTerritory();
    const { rows } = await sql<{ id: string; subject_pseudo: string; household_pseudo: string }>`
      select id, subject_pseudo, household_pseudo from cases
      where run_id = ${p.runId} and rule = 'RSA.RESOURCES' and source_extracts[1] = (
        select id from extracts where kind = 'caf' and status = 'accepted' limit 1)
      order by id limit 3`.execute(p.t.database.db);
    households = rows;
    expect(households).toHaveLength(3);
    const [takesUp, earnsMore, leaves] = households as [(typeof rows)[0], (typeof rows)[0], (typeof rows)[0]];
    expect((await p.patch(takesUp.id, 'contacted')).statusCode).toBe(200);

    const m = p.territory.manifest;
    const upload = await p.t.app.inject({
      method: 'POST',
      url: `/v1/conventions/${p.territory.conventionId}/extracts?kind=caf&schema=${m.files.caf!.schema}&reference_month=${nextMonth(m.month)}`,
      headers: {
        authorization: `Bearer ${p.territory.tokens.caf}`,
        'content-type': 'text/csv',
        'x-key-check': m.kcv,
      },
      payload: nextMonthCafExtract({
        takeUpRsa: [takesUp.household_pseudo],
        earnMore: [earnsMore.household_pseudo],
        leave: [leaves.household_pseudo],
      }),
    });
    expect(upload.statusCode).toBe(202);
    second = await p.publishRun();
  }, 180_000);

  afterAll(() => p?.close());

  const observation = (caseId: string) =>
    p.t.database.db
      .selectFrom('case_observations')
      .select(['run_id', 'outcome', sql<string>`to_char(month, 'YYYY-MM')`.as('month')])
      .where('case_id', '=', caseId)
      .executeTakeFirst();
  const inSecondRun = (subject: string) =>
    p.t.database.db
      .selectFrom('cases')
      .select(['id', 'status', 'subject_absent', 'created_at'])
      .where('run_id', '=', second)
      .where('subject_pseudo', '=', subject)
      .where('benefit', '=', 'rsa')
      .executeTakeFirst();

  it('closes a case whose household now receives the benefit as taken up, in the month it was first seen', async () => {
    const [takesUp] = households;
    expect(await observation(takesUp!.id)).toEqual({
      run_id: second,
      outcome: 'taken_up',
      month: nextMonth(p.territory.manifest.month),
    });
    expect(await inSecondRun(takesUp!.subject_pseudo)).toBeUndefined();
  });

  it('closes a case whose household no longer meets the rule as no longer presumed', async () => {
    const [, earnsMore] = households;
    expect((await observation(earnsMore!.id))?.outcome).toBe('no_longer_presumed');
    expect(await inSecondRun(earnsMore!.subject_pseudo)).toBeUndefined();
  });

  it('keeps the case of a household absent from the extracts open, with its first date', async () => {
    const [, , leaves] = households;
    expect(await observation(leaves!.id)).toBeUndefined();
    const kept = await inSecondRun(leaves!.subject_pseudo);
    expect(kept).toMatchObject({ status: 'to_contact', subject_absent: true });
    const first = await p.t.database.db
      .selectFrom('cases')
      .select('created_at')
      .where('id', '=', leaves!.id)
      .executeTakeFirstOrThrow();
    expect(kept!.created_at).toEqual(first.created_at);
  });

  it('counts what it observed in the run report, and leaves every other case as the first run had it', async () => {
    const run = (await p.get(`/runs/${second}`)).json<{
      report: {
        cases: {
          observed: { taken_up: number; no_longer_presumed: number; kept_open_absent: number };
          carried_over: number;
          total: number;
        };
      };
    }>();
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from cases where run_id = ${p.runId}`.execute(p.t.database.db);
    const observed = run.report.cases.observed;
    expect(observed.taken_up).toBeGreaterThanOrEqual(1);
    expect(observed.no_longer_presumed).toBeGreaterThanOrEqual(1);
    expect(observed.kept_open_absent).toBeGreaterThanOrEqual(1);
    // Every case of the first run is either presumed again, closed, or kept open.
    expect(
      run.report.cases.carried_over +
        observed.taken_up +
        observed.no_longer_presumed +
        observed.kept_open_absent,
    ).toBe(rows[0]!.n);
  });

  it('writes each case’s inputs as the database derives them from its evidence', async () => {
    const { rows } = await sql<{ cases: number; differ: number }>`
      select count(*)::int as cases, count(*) filter (where
        input_partners is distinct from case_inputs(evidence, 'partner')
        or input_kinds is distinct from case_inputs(evidence, 'kind')
        or sole_input_partner is distinct from case_sole_input_partner(evidence))::int as differ
      from cases where run_id in (${p.runId}, ${second})`.execute(p.t.database.db);
    expect(rows[0]!.cases).toBeGreaterThan(500);
    expect(rows[0]!.differ).toBe(0);
  });

  it('gives the months in the statistics, protecting the one taken-up case', async () => {
    const stats = (await p.get('/stats')).json<{
      series: { month: string; run_id: string; by_benefit: { benefit: string; taken_up: unknown }[] }[];
    }>();
    const first = p.territory.manifest.month;
    expect(stats.series.map((m) => [m.month, m.run_id])).toEqual([
      [first, p.runId],
      [nextMonth(first), second],
    ]);
    const rsa = stats.series[1]!.by_benefit.find((b) => b.benefit === 'rsa');
    expect(rsa?.taken_up).toEqual({ value: null, suppressed: true });
  });

  it('takes a follow-up sent for a case closed by the latest run onto that closed case', async () => {
    const [takesUp] = households;
    const res = await p.patch(takesUp!.id, 'rights_opened');
    expect(res.statusCode).toBe(200);
    expect(res.json().id).toBe(takesUp!.id);
  });
});
