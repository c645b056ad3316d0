// Stage 4, finalise: merges the partitions' results into one case per (subject, benefit) — the most
// confident result, the others as supporting evidence — carries over the follow-up of the previous
// run, and publishes the run, all in one transaction: a run's cases appear together or not at all.
import type { Db } from '@nonrecours/db';
import { sql } from 'kysely';
import { appendAuditEvent } from '../audit/audit.repository.ts';
import type { AuditActor } from '../audit/audit-actor.ts';
import { dropRunTablesSql, runTables } from './run-tables.ts';

export interface CaseCounts {
  total: number;
  by_rule: Record<string, number>;
  by_benefit: Record<string, number>;
  by_confidence: Record<string, number>;
  carried_over: number;
}

export async function finaliseRun(
  db: Db,
  run: { id: string; conventionId: string; retentionDays: number },
  actor: AuditActor,
  timings: { before: Record<string, number>; startedAt: number },
): Promise<CaseCounts | null> {
  const results = sql.table(runTables(run.id).results);
  const counts = await db.transaction().execute(async (trx) => {
    const locked = await trx
      .selectFrom('runs')
      .select('status')
      .where('id', '=', run.id)
      .forUpdate()
      .executeTakeFirst();
    if (locked?.status !== 'running') return null;
    await trx.deleteFrom('cases').where('run_id', '=', run.id).execute();
    await sql`
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
      insert into cases (run_id, convention_id, part, subject_kind, subject_pseudo, household_pseudo, pseudonyms, benefit,
        variant, rule, rule_version, confidence, estimated_amount, commune, source_partners, source_extracts, evidence, expires_at)
      select ${run.id}::uuid, ${run.conventionId}::uuid, b.part, b.subject_kind, b.subject_pseudo, b.household_pseudo, b.pseudonyms,
        b.benefit, b.variant, b.rule, b.rule_version, b.confidence, b.estimated_amount, b.commune, b.source_partners,
        b.source_extracts,
        case when s.others is null then b.evidence
             else jsonb_set(b.evidence, '{supporting}', coalesce(b.evidence -> 'supporting', '[]'::jsonb) || s.others) end,
        now() + make_interval(days => ${run.retentionDays})
      from ranked b left join supporting s using (subject_kind, subject_pseudo, benefit)
      where b.n = 1
        -- An objection registered while the run was evaluating still holds.
        and not exists (
          select 1 from oppositions o where o.convention_id = ${run.conventionId}::uuid and o.pseudonym = any(b.pseudonyms))`.execute(
      trx,
    );

    // The field work of the previous published run goes on: same subject and benefit, same follow-up,
    // and the date the presumption was first made (what the lists' date order shows).
    // Locking that run waits for the follow-up changes in flight (each holds a share lock on it) and
    // holds off the next ones until this run is published, when they find their case superseded.
    const previous = await trx
      .selectFrom('runs')
      .select('id')
      .where('convention_id', '=', run.conventionId)
      .where('status', '=', 'succeeded')
      .where('id', '<>', run.id)
      .orderBy('finished_at', 'desc')
      .limit(1)
      .forUpdate()
      .executeTakeFirst();
    const carried = previous
      ? await sql`
          update cases c set status = p.status, status_history = p.status_history, created_at = p.created_at
          from cases p
          where c.run_id = ${run.id} and p.run_id = ${previous.id}
            and p.subject_kind = c.subject_kind and p.subject_pseudo = c.subject_pseudo and p.benefit = c.benefit`.execute(
          trx,
        )
      : { numAffectedRows: 0n };

    const grouped = await sql<{ rule: string; benefit: string; confidence: string; n: number }>`
      select rule, benefit, confidence, count(*)::int as n from cases where run_id = ${run.id} group by 1, 2, 3`.execute(
      trx,
    );
    const tally = (key: 'rule' | 'benefit' | 'confidence') => {
      const counts: Record<string, number> = {};
      for (const r of grouped.rows) counts[r[key]] = (counts[r[key]] ?? 0) + r.n;
      return counts;
    };
    const caseCounts: CaseCounts = {
      total: grouped.rows.reduce((sum, r) => sum + r.n, 0),
      by_rule: tally('rule'),
      by_benefit: tally('benefit'),
      by_confidence: tally('confidence'),
      carried_over: Number(carried.numAffectedRows ?? 0),
    };
    await sql`
      update runs set status = 'succeeded', stage = 'finalise', finished_at = now(),
        report = report || ${JSON.stringify({
          cases: caseCounts,
          timings: { ...timings.before, finalise_ms: Date.now() - timings.startedAt },
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
      details: { by_rule: caseCounts.by_rule },
    });
    return caseCounts;
  });
  await sql.raw(dropRunTablesSql(run.id)).execute(db);
  return counts;
}
