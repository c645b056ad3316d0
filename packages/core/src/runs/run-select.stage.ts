// Stage 1, select: the extracts a run uses — per partner and kind the current accepted extract,
// made with the convention's current key, and not older than three months before as_of.
import type { Db } from '@nonrecours/db';
import type { ExtractKind } from '@nonrecours/pseudo';
import { sql } from 'kysely';

export interface RunExtract {
  id: string;
  kind: ExtractKind;
  partner_id: string;
  /** YYYY-MM */
  reference_month: string;
  rows: number;
  /** The extract's schema (runs recorded before it was kept have none: read as the kind's v1). */
  schema?: string;
}

export interface Selection {
  asOf: string;
  used: RunExtract[];
  leftOut: (RunExtract & { reason: 'stale' })[];
}

const STALE_AFTER_MONTHS = 3;

export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm);
}

export async function currentExtracts(db: Db, conventionId: string): Promise<RunExtract[]> {
  const rows = await db
    .selectFrom('extracts as e')
    .innerJoin('conventions as c', 'c.id', 'e.convention_id')
    .select([
      'e.id',
      'e.kind',
      'e.partner_id',
      'e.schema',
      sql<string>`to_char(e.reference_month, 'YYYY-MM')`.as('reference_month'),
      sql<number>`coalesce(e.valid_count, 0)`.as('rows'),
    ])
    .where('e.convention_id', '=', conventionId)
    .where('e.status', '=', 'accepted')
    .where('e.superseded_by', 'is', null)
    .whereRef('e.key_version', '=', 'c.key_version')
    .orderBy('e.kind')
    .orderBy('e.reference_month', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, kind: r.kind as ExtractKind }));
}

/** as_of defaults to the latest reference month among the current extracts. */
export function selectExtracts(current: readonly RunExtract[], asOf: string | null): Selection {
  const effective =
    asOf ??
    current
      .map((e) => e.reference_month)
      .sort()
      .at(-1)!;
  const stale = (e: RunExtract) => monthsBetween(e.reference_month, effective) > STALE_AFTER_MONTHS;
  return {
    asOf: effective,
    used: current.filter((e) => !stale(e)),
    leftOut: current.filter(stale).map((e) => ({ ...e, reason: 'stale' as const })),
  };
}
