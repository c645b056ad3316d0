// Who reads the cases, and so which cases and which of their values they may see.
//
// Territory teams see every case of the convention. A partner sees a case when one of the extracts
// the case was computed from is its own and the service still holds it (accepted, superseded or not,
// not withdrawn, purged or past its retention date): the case's `source_extracts` are the extracts
// whose rows were linked into the case's profile, so the partner's extract holds a row of one of the
// persons or households the case is about. This needs no join with extract rows (a list page reads
// the case index alone), and it follows the data: a withdrawn or purged extract takes its cases out
// of its partner's sight. What a partner then sees of each case is the need-to-know rule's (case-sight.ts).
import type { Db } from '@nonrecours/db';
import type { ConventionAccess } from '../conventions/convention-access.ts';
import { heldExtractIds } from './cases.repository.ts';

export type CaseViewer =
  | { role: 'territory' }
  | {
      role: 'partner';
      partnerId: string;
      /** The partner's extracts a case must come from to be visible. */
      extractIds: string[];
    };

export async function caseViewerOf(db: Db, access: ConventionAccess): Promise<CaseViewer> {
  if (access.role === 'territory') return { role: 'territory' };
  if (access.role !== 'partner') throw new Error(`no case view for the ${access.role} role`);
  const partnerId = access.member.partner_id;
  return {
    role: 'partner',
    partnerId,
    extractIds: await heldExtractIds(db, access.convention.id, partnerId),
  };
}
