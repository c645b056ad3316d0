// The figures of a run's statistics.
import type { Db } from '@nonrecours/db';
import { sql } from 'kysely';
import { caseSightSql } from '../cases/case-sight.ts';
import type { CaseViewer } from '../cases/case-viewer.ts';
import type { CommuneGroup, FollowUpGroup } from './follow-up-stats.ts';

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
