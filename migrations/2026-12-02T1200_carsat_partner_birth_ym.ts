// carsat.v1 gains the optional partner_birth_ym (EXTRACTS.md): the ASPA of a couple is shared by two
// eligible partners, or capped at the single amount when only one is 65 or more. Adding the column to
// the partitioned table adds it to every extract's partition.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table extract_rows_carsat add column partner_birth_ym date`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table extract_rows_carsat drop column partner_birth_ym`.execute(db);
}
