// A commune's cases newest first: without it, a list filtered by a commune in date order reads the
// run's date index until its scan budget, page after page (see cases.repository.ts).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index cases_list_by_commune_date on cases (run_id, commune, created_at desc, id desc)
      include (estimated_amount, benefit, rule, confidence, status, source_extracts)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index cases_list_by_commune_date`.execute(db);
}
