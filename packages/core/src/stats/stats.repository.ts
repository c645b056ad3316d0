// The figures of a run's statistics.
import type { Db } from '@nonrecours/db';
import { sql } from 'kysely';
import { caseSightSql } from '../cases/case-sight.ts';
import type { CaseViewer } from '../cases/case-viewer.ts';
import type { CommuneGroup, FollowUpGroup } from './follow-up-stats.ts';
import type { MonthGroup } from './monthly-series.ts';

/** The commune of the cases whose commune a partner may not see (case-sight.ts). */
export const UNDISCLOSED_COMMUNE = 'undisclosed';

/**
 * A run's cases counted by benefit, rule and follow-up status, and by commune. One statement, so the
 * two breakdowns see the same cases even while follow-ups are recorded or cases purged. A partner's
 * are the cases it may see, with the amounts and communes it may see of them (case-sight.ts).
 */
export async function followUpGroups(
  db: Db,
  conventionId: string,
  runId: string,
  viewer: CaseViewer,
): Promise<{ groups: FollowUpGroup[]; communes: CommuneGroup[] }> {
  if (viewer.role === 'partner' && viewer.extractIds.length === 0) return { groups: [], communes: [] };
  const seen = caseSightSql(viewer, (value) => sql`${value}`);
  const visible =
    viewer.role === 'partner'
      ? sql`source_extracts && array[${sql.join(viewer.extractIds.map((id) => sql`${id}`))}]::uuid[]`
      : sql`true`;
  const { rows } = await sql<FollowUpGroup & { commune: string | null }>`
    select benefit, rule, status, commune, count(*)::int as cases,
      coalesce(sum(amount), 0) as amount, count(amount)::int as estimated
    from (
      select benefit, rule, status, coalesce(${seen.commune}, ${UNDISCLOSED_COMMUNE}) as commune,
        ${seen.amount} as amount
      from cases
      where run_id = ${runId} and convention_id = ${conventionId} and ${visible}
    ) seen
    group by grouping sets ((benefit, rule, status), (commune))`.execute(db);
  return {
    groups: rows
      .filter((r) => r.commune === null)
      .map(({ benefit, rule, status, cases, amount, estimated }) => ({
        benefit,
        rule,
        status,
        cases,
        amount,
        estimated,
      })),
    communes: rows.flatMap((r) => (r.commune === null ? [] : [{ commune: r.commune, cases: r.cases }])),
  };
}

/**
 * The convention's months (the latest published run of each as_of month) counted by benefit and in
 * all: that month's cases by follow-up, and the previous month's cases its extracts showed taken up.
 */
export async function monthGroups(db: Db, conventionId: string): Promise<MonthGroup[]> {
  const { rows } = await sql<MonthGroup>`
    with months as (
      select distinct on (as_of) id, as_of from runs
      where convention_id = ${conventionId} and status = 'succeeded' and as_of is not null
      order by as_of, finished_at desc
    ),
    listed as (
      select m.as_of, c.benefit,
        count(*) filter (where not c.subject_absent)::int as presumed,
        count(*) filter (where c.status <> 'to_contact')::int as contacted,
        count(*) filter (where c.status = 'rights_opened')::int as declared_opened
      from months m join cases c on c.run_id = m.id
      group by grouping sets ((m.as_of, c.benefit), (m.as_of))
    ),
    taken_up as (
      select m.as_of, c.benefit,
        count(*) filter (where c.status <> 'to_contact')::int as taken_up_contacted,
        count(*) filter (where c.status = 'to_contact')::int as taken_up_not_contacted,
        coalesce(sum(c.estimated_amount), 0)::float8 as taken_up_amount,
        count(c.estimated_amount)::int as taken_up_estimated,
        percentile_cont(0.5) within group (order by
          (extract(year from age(o.month, coalesce(c.first_month, o.month))) * 12
            + extract(month from age(o.month, coalesce(c.first_month, o.month))))) as median_months_to_take_up
      from months m
      join case_observations o on o.run_id = m.id and o.outcome = 'taken_up'
      join cases c on c.id = o.case_id and c.run_id = o.case_run_id
      group by grouping sets ((m.as_of, c.benefit), (m.as_of))
    )
    select to_char(m.as_of, 'YYYY-MM') as month, m.id as run_id, coalesce(l.benefit, t.benefit) as benefit,
      coalesce(l.presumed, 0) as presumed, coalesce(l.contacted, 0) as contacted,
      coalesce(l.declared_opened, 0) as declared_opened,
      coalesce(t.taken_up_contacted, 0) as taken_up_contacted,
      coalesce(t.taken_up_not_contacted, 0) as taken_up_not_contacted,
      coalesce(t.taken_up_amount, 0) as taken_up_amount, coalesce(t.taken_up_estimated, 0) as taken_up_estimated,
      t.median_months_to_take_up
    from listed l full join taken_up t on t.as_of = l.as_of and t.benefit is not distinct from l.benefit
    join months m on m.as_of = coalesce(l.as_of, t.as_of)
    order by 1, 3 nulls first`.execute(db);
  return rows;
}
