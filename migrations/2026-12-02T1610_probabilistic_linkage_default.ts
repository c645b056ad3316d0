// New conventions link tenants without a NIR probabilistically (household-aware Fellegi–Sunter): on
// landlord files with the identity noise of real registers it keeps precision and recall above 0.95
// where the Dice threshold alone falls to about 0.6. Conventions that exist keep the method they have,
// so their runs stay comparable month to month; an operator switches them with PATCH.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ['conventions', 'runs'])
    await sql`alter table ${sql.table(table)} alter column linkage_method set default 'probabilistic'`.execute(
      db,
    );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['conventions', 'runs'])
    await sql`alter table ${sql.table(table)} alter column linkage_method set default 'dice'`.execute(db);
}
