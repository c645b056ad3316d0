// A convention chooses how landlord tenants without a NIR are linked once exact linkage has left
// them: `dice` (the Bloom filters' Dice at the convention's dice_threshold, one to one) or
// `probabilistic` (household-aware Fellegi–Sunter weights estimated from the run's data), and for the
// latter a weight threshold, or none to take the one the run estimates. Each run records what it used.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ['conventions', 'runs']) {
    await sql`
      alter table ${sql.table(table)}
        add column linkage_method text not null default 'dice' check (linkage_method in ('dice', 'probabilistic')),
        add column link_weight_threshold numeric(5, 2) check (link_weight_threshold between -50 and 100)`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['conventions', 'runs']) {
    await sql`alter table ${sql.table(table)} drop column linkage_method, drop column link_weight_threshold`.execute(
      db,
    );
  }
}
