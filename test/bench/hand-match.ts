// The yardstick of the matching benchmarks: the run's exact linkage and its C2S.RSA rule written by
// hand as one SQL statement, with the link stage's working memory, over a convention's extracts.
import { LINK_WORK_MEM } from '@nonrecours/core';
import type { Db } from '@nonrecours/db';
import { sql } from 'kysely';

export async function handMatch(db: Db, conventionId: string): Promise<{ ms: number; c2sRsa: number }> {
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('work_mem', ${LINK_WORK_MEM}, true)`.execute(trx);
    const t0 = performance.now();
    const { rows } = await sql<{ n: number }>`
    with ex as (select id, kind from extracts
      where convention_id = ${conventionId} and status = 'accepted' and superseded_by is null),
    health as (
      select distinct on (person_pseudo) person_pseudo, c2s from (
        select person_pseudo, c2s, 0 as p from extract_rows_cpam where extract_id in (select id from ex where kind = 'cpam')
        union all select person_pseudo, c2s, 1 from extract_rows_msa where extract_id in (select id from ex where kind = 'msa')) h
      order by person_pseudo, p),
    family as (
      select person_pseudo, identity_pseudo, household_pseudo, rsa from extract_rows_caf where extract_id in (select id from ex where kind = 'caf')
      union all select person_pseudo, identity_pseudo, household_pseudo, rsa from extract_rows_msa where extract_id in (select id from ex where kind = 'msa')),
    linked as (select f.*, h.c2s from family f left join health h using (person_pseudo)),
    tenants as (
      select t.identity_pseudo, f.person_pseudo from extract_rows_landlord t
      left join family f on f.identity_pseudo = t.identity_pseudo
      where t.extract_id in (select id from ex where kind = 'landlord'))
    select (select count(*)::int from linked where rsa and c2s = 'none') + 0 * (select count(*) from tenants) as n`.execute(
      trx,
    );
    return { ms: performance.now() - t0, c2sRsa: rows[0]!.n };
  });
}
