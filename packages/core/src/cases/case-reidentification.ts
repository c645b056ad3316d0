// Who can put a name on a case, and from which of their files: the partners whose extracts were
// linked into the case's profile. Each holds the clear file its extract was pseudonymised from and
// finds the person in it with `nonrecours reidentify`, on its own computer; the service never can.
// A partner is told only of its own extracts.
import type { Db } from '@nonrecours/db';
import type { CaseViewer } from './case-viewer.ts';

export interface Reidentification {
  partner_id: string;
  partner_name: string;
  kind: string;
  extract_id: string;
  reference_month: string;
  /** The profile was built on this extract's row; the others were linked to it. */
  profile: boolean;
}

export async function reidentificationOf(
  db: Db,
  sourceExtracts: readonly string[],
  viewer: CaseViewer,
): Promise<Reidentification[]> {
  const ids =
    viewer.role === 'territory'
      ? [...sourceExtracts]
      : sourceExtracts.filter((e) => viewer.extractIds.includes(e));
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('extracts as e')
    .innerJoin('partners as p', 'p.id', 'e.partner_id')
    .select(['e.id', 'e.partner_id', 'p.name', 'e.kind', 'e.reference_month'])
    .where('e.id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [
      {
        partner_id: r.partner_id,
        partner_name: r.name,
        kind: r.kind,
        extract_id: r.id,
        reference_month: String(r.reference_month).slice(0, 7),
        profile: id === sourceExtracts[0],
      },
    ];
  });
}
