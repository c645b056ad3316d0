// landlord.v2 (packages/pseudo/README.md): what the housing-aid estimate (APL.LANDLORD) needs beyond
// v1 — whether the dwelling is conventionné, the household's RFR of year N-2, the APL paid, and the
// dependants under 21 when they differ from household_children. Null for v1 extracts.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table extract_rows_landlord
      add column conventionne boolean,
      add column annual_resources numeric(12, 2),
      add column apl_amount numeric(12, 2),
      add column dependants smallint`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table extract_rows_landlord
      drop column conventionne, drop column annual_resources, drop column apl_amount, drop column dependants`.execute(
    db,
  );
}
