// Where a refused extract went wrong (line, column, the header columns at fault): kept with the
// refusal so that the console can say it later, not only in the upload's answer. Names and positions
// only, never a value of the file (core extracts/parse/extract-refusal.ts).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table extracts add column refusal_details jsonb`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table extracts drop column refusal_details`.execute(db);
}
