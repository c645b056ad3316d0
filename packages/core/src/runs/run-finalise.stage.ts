// Stage 4, finalise: merges the partitions' results into one case per (subject, benefit) — the most
// confident result, the others as supporting evidence — carries the field work of the previous
// published run over, observes what became of that run's cases the new extracts no longer presume,
// and publishes. Two transactions: the first writes every case into the run's own partition of
// `cases` (run-cases-partition.ts), indexes it and attaches it, while the run is still unpublished
// and holding no lock a follow-up waits on; the second, a few milliseconds long, waits for the
// follow-ups in flight, carries over the ones made meanwhile, and publishes. A run's cases appear
// together or not at all.
import type { Db } from '@nonrecours/db';
import { type RawBuilder, sql } from 'kysely';
import { appendAuditEvent } from '../audit/audit.repository.ts';
import type { AuditActor } from '../audit/audit-actor.ts';
import { recordCampaignObservations } from '../campaigns/campaigns.repository.ts';
import {
  attachCasesPartition,
  createCasesPartition,
  dropCasesPartition,
  hasCasesPartition,
  indexCasesPartition,
} from './run-cases-partition.ts';
import { assertLinkIntact, assertResultsComplete } from './run-integrity.ts';
import { subjectsSeenSql } from './run-observations.ts';
import { dropRunTablesSql, runTables } from './run-tables.ts';

export interface CaseCounts {
  total: number;
  by_rule: Record<string, number>;
  by_benefit: Record<string, number>;
  by_confidence: Record<string, number>;
  carried_over: number;
  /** Cases of the previous run the new extracts closed, by outcome, and those kept open unseen. */
  observed: { taken_up: number; no_longer_presumed: number; kept_open_absent: number };
}

export interface FinaliseRun {
  id: string;
  conventionId: string;
  retentionDays: number;
  /** YYYY-MM */
  asOf: string;
}

/**
 * Where the server hides other sessions' activity (another role's), a follow-up begun this long
 * before the merge and committed after it is still carried over.
 */
const FOLLOW_UP_MARGIN = sql.raw(`interval '10 minutes'`);

const caseColumns =
  sql.raw(`convention_id, part, subject_kind, subject_pseudo, household_pseudo, pseudonyms, benefit,
  variant, rule, rule_version, confidence, estimated_amount, commune, source_partners, source_extracts, evidence,
  status, status_history, created_at, expires_at, status_changed_at, first_month, input_partners, input_kinds,
  sole_input_partner`);

/** What the joins and the case lists filter and sort on; the autovacuum samples the rest later. */
const analyzedCaseColumns = sql.raw(
  'id, part, subject_kind, subject_pseudo, benefit, status, commune, estimated_amount, created_at, status_changed_at, sole_input_partner',
);

export async function finaliseRun(
  db: Db,
  run: FinaliseRun,
  actor: AuditActor,
  timings: { before: Record<string, number>; startedAt: number },
): Promise<CaseCounts | null> {
  const t = runTables(run.id);
  const steps: Record<string, number> = {};
  const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const result = await work();
    steps[name] = Math.round(performance.now() - t0);
    return result;
  };
  const previous = await db
    .selectFrom('runs')
    .select('id')
    .where('convention_id', '=', run.conventionId)
    .where('status', '=', 'succeeded')
    .where('id', '<>', run.id)
    .orderBy('finished_at', 'desc')
    .limit(1)
    .executeTakeFirst();

  // A finaliser taken up again after a crash between its two transactions starts over. Detaching
  // locks `cases` a moment: a transaction of its own, not the long one below.
  if (await hasCasesPartition(db, run.id)) {
    const running = await db.transaction().execute(async (trx) => {
      if (!(await lockRunning(trx, run.id))) return false;
      await dropCasesPartition(trx, run.id);
      return true;
    });
    if (!running) return null;
  }

  const written = await db.transaction().execute(async (trx) => {
    const locked = await trx
      .selectFrom('runs')
      .select(['status', sql<Date>`now()`.as('began')])
      .where('id', '=', run.id)
      .forUpdate()
      .executeTakeFirst();
    if (locked?.status !== 'running') return null;
    await assertResultsComplete(trx, run.id);
    // The results were just written: without statistics the merge would be planned for an empty table.
    // Of the columns it groups and joins on only: sampling the evidence would cost more than the rest.
    await step('analyze', () =>
      sql`analyze ${sql.table(t.results)} (subject_kind, subject_pseudo, benefit, rank)`.execute(trx),
    );
    // Every join here is between two whole runs: hash joins, whatever the statistics say; and no JIT,
    // which the cost of a disabled plan node would otherwise trigger (a second spent compiling).
    await sql`set local enable_nestloop = off`.execute(trx);
    // Nor a merge join that sorts a whole run's linked rows to meet a few thousand cases.
    await sql`set local enable_mergejoin = off`.execute(trx);
    await sql`set local jit = off`.execute(trx);
    await sql`set local work_mem = '256MB'`.execute(trx);
    await trx.deleteFrom('case_observations').where('run_id', '=', run.id).execute();
    const partition = await createCasesPartition(trx, run.id);
    // A follow-up the merge does not see was in flight when it began, or began after: it began no
    // earlier than the oldest transaction in flight now. The publication carries over what changed since.
    const since = await sql<{ since: Date }>`
      select coalesce(
        (select case when bool_or(state is null) then null else least(clock_timestamp(), min(xact_start)) end
         from pg_stat_activity where datname = current_database() and backend_type = 'client backend'),
        clock_timestamp() - ${FOLLOW_UP_MARGIN}) as since`.execute(trx);
    const cases = sql.table(partition);
    await step('merge', () => insertMergedCases(run, cases, previous?.id ?? null).execute(trx));
    // Indexed in bulk once filled; the cases kept open below are a few hundred more. The statements
    // that follow, and the next run's, join with these cases: their plans need statistics.
    await step('index', () => indexCasesPartition(trx, run.id));
    await step('analyze_cases', () => sql`analyze ${cases} (${analyzedCaseColumns})`.execute(trx));
    if (previous) {
      // What the extracts say of each subject is read from the linked rows: they must all be there.
      await assertLinkIntact(trx, run.id);
      await step('observe', () => insertObservations(run, cases, previous.id).execute(trx));
      await step('keep_absent', () => insertCasesKeptOpen(run, cases, previous.id).execute(trx));
    }
    const counts = await step('count', () => countCases(trx, cases, run.id, locked.began));
    // Last: attaching holds a lock on `runs` (its foreign key) that run updates wait on until commit.
    await step('attach', () => attachCasesPartition(trx, run.id));
    return { since: since.rows[0]!.since, counts };
  });
  if (!written) return null;

  const counts = await db.transaction().execute(async (trx) => {
    if (!(await lockRunning(trx, run.id))) return null;
    if (previous) {
      // Waits for the follow-ups in flight on the previous run (each holds a share lock on it) and
      // holds off the next ones until this run is published, when they land on its cases.
      await trx.selectFrom('runs').select('id').where('id', '=', previous.id).forUpdate().execute();
      await step('late_follow_up', () =>
        sql`
          update cases c set status = p.status, status_history = p.status_history, status_changed_at = p.status_changed_at
          from cases p
          where p.run_id = ${previous.id} and p.status_changed_at >= ${written.since}::timestamptz
            and c.run_id = ${run.id} and c.subject_kind = p.subject_kind and c.subject_pseudo = p.subject_pseudo
            and c.benefit = p.benefit and (c.status, c.status_history) is distinct from (p.status, p.status_history)`.execute(
          trx,
        ),
      );
    }
    // What the new extracts showed of the campaigns' members, published with the run.
    if (previous) await step('campaigns', () => recordCampaignObservations(trx, run.id));
    const caseCounts = written.counts;
    await sql`
      update runs set status = 'succeeded', stage = 'finalise', finished_at = now(),
        report = report || ${JSON.stringify({
          cases: caseCounts,
          timings: { ...timings.before, finalise_ms: Date.now() - timings.startedAt, finalise_steps: steps },
        })}::jsonb
      where id = ${run.id}`.execute(trx);
    await appendAuditEvent(trx, {
      ...actor,
      conventionId: run.conventionId,
      action: 'run.publish',
      target: `run/${run.id}`,
      purpose: 'matching',
      outcome: 'success',
      recordCount: caseCounts.total,
      details: { by_rule: caseCounts.by_rule, observed: caseCounts.observed },
    });
    return caseCounts;
  });
  await sql.raw(dropRunTablesSql(run.id)).execute(db);
  return counts;
}

/** Locks the run's row; whether it is still running (a cancellation or a failure may have ended it). */
async function lockRunning(db: Db, runId: string): Promise<boolean> {
  const locked = await db
    .selectFrom('runs')
    .select('status')
    .where('id', '=', runId)
    .forUpdate()
    .executeTakeFirst();
  return locked?.status === 'running';
}

const sameCase = (a: string, b: string) =>
  sql.raw(
    `${a}.subject_kind = ${b}.subject_kind and ${a}.subject_pseudo = ${b}.subject_pseudo and ${a}.benefit = ${b}.benefit`,
  );

const notOpposed = (conventionId: string, pseudonyms: RawBuilder<unknown>) => sql`not exists (
  select 1 from oppositions o where o.convention_id = ${conventionId}::uuid and o.pseudonym = any(${pseudonyms}))`;

/** One case per (subject, benefit), with the previous run's follow-up and first date where it had the case. */
function insertMergedCases(run: FinaliseRun, cases: RawBuilder<unknown>, previousId: string | null) {
  const results = sql.table(runTables(run.id).results);
  return sql`
    with ranked as (
      select r.*, row_number() over w as n
      from ${results} r
      window w as (partition by subject_kind, subject_pseudo collate "C", benefit order by rank)
    ),
    supporting as (
      -- Each with its own variant and amount, in the shape of a rule's supporting result.
      select subject_kind, subject_pseudo, benefit, jsonb_agg(jsonb_build_object(
          'rule', jsonb_build_object('id', rule, 'version', rule_version), 'variant', variant,
          'confidence', confidence, 'amount', estimated_amount, 'evidence', evidence - 'supporting' - 'confidence')
        order by rank) as others
      from ranked where n > 1 group by subject_kind, subject_pseudo, benefit
    )
    insert into ${cases} (run_id, convention_id, part, subject_kind, subject_pseudo, household_pseudo, pseudonyms, benefit,
      variant, rule, rule_version, confidence, estimated_amount, commune, source_partners, source_extracts, evidence, expires_at,
      status, status_history, created_at, status_changed_at, first_month, input_partners, input_kinds, sole_input_partner)
    select ${run.id}::uuid, ${run.conventionId}::uuid, b.part, b.subject_kind, b.subject_pseudo, b.household_pseudo, b.pseudonyms,
      b.benefit, b.variant, b.rule, b.rule_version, b.confidence, b.estimated_amount, b.commune, b.source_partners,
      b.source_extracts, e.evidence, now() + make_interval(days => ${run.retentionDays}),
      coalesce(p.status, 'to_contact'), coalesce(p.status_history, '[]'::jsonb), coalesce(p.created_at, now()),
      p.status_changed_at, coalesce(p.first_month, ${`${run.asOf}-01`}::date),
      -- The inputs of the results; a case merged across partitions gets them from its whole evidence,
      -- by the functions of the trigger on \`cases\` (migration 2026-12-02T1400), which the partition
      -- has only once attached.
      coalesce(case when s.others is null then b.input_partners end, case_inputs(e.evidence, 'partner')),
      coalesce(case when s.others is null then b.input_kinds end, case_inputs(e.evidence, 'kind')),
      case when s.others is null and b.input_partners is not null
        then case when cardinality(b.input_partners) = 1 then b.input_partners[1] end
        else case_sole_input_partner(e.evidence) end
    from ranked b
    left join supporting s using (subject_kind, subject_pseudo, benefit)
    cross join lateral (select case when s.others is null then b.evidence
      else jsonb_set(b.evidence, '{supporting}', coalesce(b.evidence -> 'supporting', '[]'::jsonb) || s.others) end as evidence) e
    left join cases p on p.run_id = ${previousId}::uuid and ${sameCase('p', 'b')}
    where b.n = 1
      -- An objection registered while the run was evaluating still holds.
      and ${notOpposed(run.conventionId, sql`b.pseudonyms`)}`;
}

/** The previous run's cases this run did not presume again, and about whose subject its extracts say something. */
function insertObservations(run: FinaliseRun, cases: RawBuilder<unknown>, previousId: string) {
  return sql`
    with gone as (
      select p.id, p.subject_kind, p.subject_pseudo, p.benefit from cases p
      where p.run_id = ${previousId}
        and not exists (select 1 from ${cases} c where ${sameCase('c', 'p')})
    ),
    seen as (
      select g.id, coalesce(bool_or(n.benefit = g.benefit), false) as received
      from gone g join (${subjectsSeenSql(runTables(run.id))}) n on n.pseudo = g.subject_pseudo and n.kind = g.subject_kind
      group by g.id
    )
    insert into case_observations (case_id, case_run_id, run_id, convention_id, outcome, month)
    select id, ${previousId}::uuid, ${run.id}::uuid, ${run.conventionId}::uuid,
      case when received then 'taken_up' else 'no_longer_presumed' end, ${`${run.asOf}-01`}::date
    from seen`;
}

/** The previous run's cases whose subject the extracts no longer hold: open still, unchanged. */
function insertCasesKeptOpen(run: FinaliseRun, cases: RawBuilder<unknown>, previousId: string) {
  return sql`
    insert into ${cases} (run_id, ${caseColumns}, subject_absent)
    select ${run.id}::uuid, ${caseColumns}, true from cases p
    where p.run_id = ${previousId}
      and not exists (select 1 from ${cases} c where ${sameCase('c', 'p')})
      and not exists (select 1 from case_observations o where o.case_id = p.id and o.case_run_id = p.run_id)
      and ${notOpposed(run.conventionId, sql`p.pseudonyms`)}`;
}

async function countCases(
  db: Db,
  cases: RawBuilder<unknown>,
  runId: string,
  began: Date,
): Promise<CaseCounts> {
  const grouped = await sql<{
    rule: string;
    benefit: string;
    confidence: string;
    n: number;
    carried: number;
    absent: number;
  }>`
    select rule, benefit, confidence, count(*)::int as n,
      count(*) filter (where created_at < ${began}::timestamptz and not subject_absent)::int as carried,
      count(*) filter (where subject_absent)::int as absent
    from ${cases} group by 1, 2, 3`.execute(db);
  const observed = await sql<{ outcome: 'taken_up' | 'no_longer_presumed'; n: number }>`
    select outcome, count(*)::int as n from case_observations where run_id = ${runId} group by 1`.execute(db);
  const tally = (key: 'rule' | 'benefit' | 'confidence') => {
    const counts: Record<string, number> = {};
    for (const r of grouped.rows) counts[r[key]] = (counts[r[key]] ?? 0) + r.n;
    return counts;
  };
  const sum = (key: 'n' | 'carried' | 'absent') => grouped.rows.reduce((total, r) => total + r[key], 0);
  const outcome = (o: string) => observed.rows.find((r) => r.outcome === o)?.n ?? 0;
  return {
    total: sum('n'),
    by_rule: tally('rule'),
    by_benefit: tally('benefit'),
    by_confidence: tally('confidence'),
    carried_over: sum('carried'),
    observed: {
      taken_up: outcome('taken_up'),
      no_longer_presumed: outcome('no_longer_presumed'),
      kept_open_absent: sum('absent'),
    },
  };
}
