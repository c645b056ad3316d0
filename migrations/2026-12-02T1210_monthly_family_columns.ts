// caf.v2 and msa.v2 (packages/pseudo/README.md): the monthly columns of the PPA reference months
// (m0 = the reference month … m4) and the household's 12-month C2S resources. Null for v1 extracts.
import { type Kysely, sql } from 'kysely';

const months = [0, 1, 2, 3, 4];

const columns = [
  ...months.flatMap((k) => [
    `activity_income_m${k} numeric(12, 2)`,
    `household_resources_m${k} numeric(12, 2)`,
    `household_adults_m${k} smallint`,
    `household_children_m${k} smallint`,
    `single_parent_increase_m${k} boolean`,
    `housing_aid_amount_m${k} numeric(12, 2)`,
  ]),
  'c2s_resources numeric(12, 2)',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ['extract_rows_caf', 'extract_rows_msa']) {
    await sql.raw(`alter table ${table} ${columns.map((c) => `add column ${c}`).join(', ')}`).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['extract_rows_caf', 'extract_rows_msa']) {
    const names = columns.map((c) => c.split(' ')[0]);
    await sql.raw(`alter table ${table} ${names.map((n) => `drop column ${n}`).join(', ')}`).execute(db);
  }
}
