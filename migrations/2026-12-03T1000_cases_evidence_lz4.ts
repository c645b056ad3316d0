// A case's evidence is its largest value (about 4 kB of JSON), compressed out of line when it is
// written: with pglz, compressing a run's evidence was a third of the time its publication spent
// writing cases; lz4 does it several times faster for a slightly larger result. Servers built
// without lz4 keep pglz. Only new values are compressed so: existing cases keep theirs.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    do $$ begin
      if exists (select from pg_settings where name = 'default_toast_compression' and 'lz4' = any(enumvals)) then
        alter table cases alter column evidence set compression lz4;
      end if;
    end $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table cases alter column evidence set compression default`.execute(db);
}
