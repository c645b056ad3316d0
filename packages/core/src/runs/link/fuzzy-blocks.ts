// What both fuzzy linkage methods compare: the tenants still unlinked after exact linkage, against the
// family rows no tenant took, month of birth by month of birth. The months are taken a few at a time,
// each chunk read when the previous one is done with, so memory stays bounded whatever the
// territory's size.
import type { Db } from '@nonrecours/db';
import { sql } from 'kysely';

const MONTHS_PER_CHUNK = 60;

export interface FuzzyBlock {
  open: { tid: string; birth_ym: string; identity_clk: string }[];
  candidates: { person_pseudo: string; birth_ym: string; identity_clk: string }[];
}

export async function* fuzzyBlocks(
  db: Db,
  familyTable: string,
  tenantsTable: string,
): AsyncGenerator<FuzzyBlock> {
  const family = sql.table(familyTable);
  const tenants = sql.table(tenantsTable);
  const months = await sql<{ birth_ym: string }>`
    select distinct birth_ym::text from ${tenants} where link_method is null and identity_clk is not null order by 1`.execute(
    db,
  );
  for (let i = 0; i < months.rows.length; i += MONTHS_PER_CHUNK) {
    const chunk = months.rows.slice(i, i + MONTHS_PER_CHUNK).map((m) => m.birth_ym);
    const open = await sql<FuzzyBlock['open'][number]>`
      select tid::text, birth_ym::text, identity_clk from ${tenants}
      where link_method is null and identity_clk is not null and birth_ym = any(${chunk}::date[])`.execute(
      db,
    );
    const candidates = await sql<FuzzyBlock['candidates'][number]>`
      select distinct on (f.person_pseudo collate "C") f.person_pseudo, f.birth_ym::text, f.identity_clk
      from ${family} f
      where f.identity_clk is not null and f.birth_ym = any(${chunk}::date[])
        and not exists (select 1 from ${tenants} t where t.linked_person = f.person_pseudo)
      order by f.person_pseudo collate "C"`.execute(db);
    yield { open: open.rows, candidates: candidates.rows };
  }
}
