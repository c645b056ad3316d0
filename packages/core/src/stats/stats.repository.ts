// The figures of a run's statistics.
import type { Db } from '@nonrecours/db';
import { sql } from 'kysely';
import type { CommuneGroup, FollowUpGroup } from './follow-up-stats.ts';

/**
 * A run's cases counted by benefit, rule and follow-up status, and by commune. One statement, so the
 * two breakdowns see the same cases even while follow-ups are recorded or cases purged.
 */
export async function followUpGroups(
  db: Db,
  conventionId: string,
  runId: string,
): Promise<{ groups: FollowUpGroup[]; communes: CommuneGroup[] }> {
  const { rows } = await sql<FollowUpGroup & { commune: string | null }>`
    select benefit, rule, status, commune, count(*)::int as cases,
      coalesce(sum(estimated_amount), 0) as amount, count(estimated_amount)::int as estimated
    from cases
    where run_id = ${runId} and convention_id = ${conventionId}
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
