// What each stage of a run wrote, counted in the stage's own transaction and kept in a logged table:
// the run's working tables are unlogged, and crash recovery empties them, so a later stage compares
// what it finds with these counts before it goes on (see packages/core/src/runs/run-integrity.ts).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table run_stage_counts (
      run_id uuid not null references runs (id) on delete cascade,
      relation text not null check (relation in ('family', 'retirees', 'tenants')),
      rows integer not null check (rows >= 0),
      recorded_at timestamptz not null default now(),
      primary key (run_id, relation)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table run_stage_counts`.execute(db);
}
