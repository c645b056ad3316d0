// Each run's cases become one partition of `cases` (list by run_id). A publication fills and
// indexes its run's partition on its own and attaches it at the end: it no longer maintains eleven
// indexes row by row (at a million persons, half the write-ahead log and a third of the merge), and
// the attachment takes no lock a follow-up waits on. A case is still found by its id alone: the
// primary key (id, run_id) leads with it. An observation names the run of the case it closes.
import { type Kysely, sql } from 'kysely';

/** The indexes of `table` that back no constraint, as statements to build them on `onto`. */
async function indexStatements(db: Kysely<unknown>, table: string, onto: string): Promise<string[]> {
  const { rows } = await sql<{ def: string }>`
    select pg_get_indexdef(i.indexrelid) as def from pg_index i
    where i.indrelid = ${table}::regclass
      and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
    order by i.indexrelid`.execute(db);
  return rows.map((r) => r.def.replace(/ ON (ONLY )?\S+ USING /, ` ON ${onto} USING `));
}

/** The triggers of `table` (its own, not those of its constraints), as statements to create them on `onto`. */
async function triggerStatements(db: Kysely<unknown>, table: string, onto: string): Promise<string[]> {
  const { rows } = await sql<{ def: string }>`
    select pg_get_triggerdef(t.oid) as def from pg_trigger t
    where t.tgrelid = ${table}::regclass and not t.tgisinternal order by t.tgname`.execute(db);
  return rows.map((r) => r.def.replace(/ ON \S+ FOR EACH /, ` ON ${onto} FOR EACH `));
}

async function dropIndexes(db: Kysely<unknown>, table: string): Promise<void> {
  const { rows } = await sql<{ name: string }>`
    select i.indexrelid::regclass::text as name from pg_index i
    where i.indrelid = ${table}::regclass
      and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`.execute(db);
  for (const { name } of rows) await sql.raw(`drop index ${name}`).execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const indexes = await indexStatements(db, 'cases', 'cases');
  const triggers = await triggerStatements(db, 'cases', 'cases');
  await sql`
    alter table case_observations drop constraint case_observations_case_id_fkey;
    alter table cases rename to cases_unpartitioned;
    alter table cases_unpartitioned drop constraint cases_pkey,
      drop constraint cases_run_id_subject_kind_subject_pseudo_benefit_key,
      drop constraint cases_run_id_fkey, drop constraint cases_convention_id_fkey`.execute(db);
  await dropIndexes(db, 'cases_unpartitioned');
  await sql`
    create table cases (like cases_unpartitioned including defaults including constraints including storage including compression)
      partition by list (run_id);
    alter table cases add primary key (id, run_id),
      add unique (run_id, subject_kind, subject_pseudo, benefit),
      add foreign key (run_id) references runs (id) on delete cascade,
      add foreign key (convention_id) references conventions (id) on delete cascade`.execute(db);
  for (const statement of [...indexes, ...triggers]) await sql.raw(statement).execute(db);

  const runs = await sql<{ run_id: string }>`select distinct run_id from cases_unpartitioned`.execute(db);
  for (const { run_id } of runs.rows) {
    const partition = `cases_${run_id.replaceAll('-', '')}`;
    await sql
      .raw(`create table ${partition} (like cases including defaults including constraints including storage including compression);
        alter table ${partition} add constraint ${partition}_one check (run_id = '${run_id}'::uuid);
        insert into ${partition} select * from cases_unpartitioned where run_id = '${run_id}'::uuid;
        alter table cases attach partition ${partition} for values in ('${run_id}'::uuid);`)
      .execute(db);
  }
  await sql`
    drop table cases_unpartitioned;
    alter table case_observations add column case_run_id uuid;
    update case_observations o set case_run_id = c.run_id from cases c where c.id = o.case_id;
    alter table case_observations alter column case_run_id set not null,
      add foreign key (case_id, case_run_id) references cases (id, run_id) on delete cascade`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const indexes = await indexStatements(db, 'cases', 'cases');
  const triggers = await triggerStatements(db, 'cases', 'cases');
  await sql`
    alter table case_observations drop constraint case_observations_case_id_case_run_id_fkey;
    alter table case_observations drop column case_run_id;
    create table cases_unpartitioned (like cases including defaults including constraints including storage including compression);
    insert into cases_unpartitioned select * from cases;
    drop table cases;
    alter table cases_unpartitioned rename to cases;
    alter table cases add primary key (id),
      add unique (run_id, subject_kind, subject_pseudo, benefit),
      add foreign key (run_id) references runs (id) on delete cascade,
      add foreign key (convention_id) references conventions (id) on delete cascade`.execute(db);
  for (const statement of [...indexes, ...triggers]) await sql.raw(statement).execute(db);
  await sql`
    alter table case_observations add foreign key (case_id) references cases (id) on delete cascade`.execute(
    db,
  );
}
