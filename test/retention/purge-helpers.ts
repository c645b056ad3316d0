// What the retention tests look at: the extract rows and tables left, counted from the catalogue.
import type { Db } from '@nonrecours/db';
import { extractKinds } from '@nonrecours/pseudo';
import { sql } from 'kysely';

/** Rows in every rows table, and the per-extract tables that exist. */
export async function extractRowsLeft(db: Db): Promise<{ rows: number; tables: string[] }> {
  let rows = 0;
  for (const kind of extractKinds) {
    const { rows: r } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(
      `extract_rows_${kind}`,
    )}`.execute(db);
    rows += r[0]!.n;
  }
  const { rows: tables } = await sql<{ relname: string }>`
    select relname from pg_class where relname ~ '^extract_rows_[a-z]+_[0-9a-f]{32}$' order by relname`.execute(
    db,
  );
  return { rows, tables: tables.map((t) => t.relname) };
}

/** Working tables of runs that exist (run_<id>_<name>). */
export async function runTablesLeft(db: Db): Promise<string[]> {
  const { rows } = await sql<{ relname: string }>`
    select relname from pg_class where relname ~ '^run_[0-9a-f]{32}_[a-z]+$' and relkind in ('r', 'p')
    order by relname`.execute(db);
  return rows.map((r) => r.relname);
}

/** Of these runs, those whose partition of `cases` exists. */
export async function casesPartitionsLeft(db: Db, runIds: readonly string[]): Promise<string[]> {
  const names = runIds.map((id) => `cases_${id.replaceAll('-', '')}`);
  const { rows } = await sql<{ relname: string }>`
    select relname from pg_class where relname = any(${names}::text[]) order by relname`.execute(db);
  return rows.map((r) => r.relname);
}
