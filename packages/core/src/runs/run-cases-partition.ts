// A run's cases are one partition of `cases` (migration 2026-12-06T1000). The publication creates
// it detached, fills it, builds the parent's indexes on it in bulk and attaches it last: the check
// on run_id spares the attachment a scan, and the indexes it finds built are taken as they are.
// Attaching locks the parent in a mode no reader or follow-up waits on; detaching, done only for a
// run that failed or was expired, locks it briefly.
import type { Db } from '@nonrecours/db';
import { sql } from 'kysely';
import { runIdInNames } from './run-tables.ts';

export const casesPartition = (runId: string) => `cases_${runIdInNames(runId)}`;

/** The run's partition, detached and empty. */
export async function createCasesPartition(db: Db, runId: string): Promise<string> {
  const table = casesPartition(runId);
  await sql
    .raw(`create table ${table} (like cases including defaults including constraints including storage including compression);
      alter table ${table} add constraint ${table}_one check (run_id = '${runId}'::uuid)`)
    .execute(db);
  return table;
}

/** Builds on the filled partition the parent's constraints and indexes, as the attachment expects them. */
export async function indexCasesPartition(db: Db, runId: string): Promise<void> {
  const table = casesPartition(runId);
  const { rows } = await sql<{ statement: string }>`
    select format('alter table %I add %s', ${table}::text, pg_get_constraintdef(c.oid)) as statement
    from pg_constraint c where c.conrelid = 'cases'::regclass and c.contype in ('p', 'u')
    union all
    select regexp_replace(pg_get_indexdef(i.indexrelid), ' INDEX \\S+ ON ONLY \\S+ USING ', format(' INDEX ON %I USING ', ${table}::text))
    from pg_index i
    where i.indrelid = 'cases'::regclass and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`.execute(
    db,
  );
  for (const { statement } of rows) await sql.raw(statement).execute(db);
}

export async function attachCasesPartition(db: Db, runId: string): Promise<void> {
  await sql
    .raw(`alter table cases attach partition ${casesPartition(runId)} for values in ('${runId}'::uuid)`)
    .execute(db);
}

/** Whether the run has a partition, attached or not. */
export async function hasCasesPartition(db: Db, runId: string): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`
    select to_regclass(${casesPartition(runId)}) is not null as found`.execute(db);
  return rows[0]!.found;
}

/** Detaches (if attached) and drops the run's partition, in the transaction given. */
export async function dropCasesPartition(db: Db, runId: string): Promise<void> {
  const table = casesPartition(runId);
  const { rows } = await sql<{ attached: boolean | null }>`
    select (select c.relispartition from pg_class c where c.oid = to_regclass(${table})) as attached`.execute(
    db,
  );
  const attached = rows[0]!.attached;
  if (attached === null) return;
  if (attached) await sql.raw(`alter table cases detach partition ${table}`).execute(db);
  await sql.raw(`drop table ${table}`).execute(db);
}

/**
 * Drops the partitions left empty (their cases expired, their run deleted) of runs no longer under
 * way, each in a transaction of its own that gives up, leaving it to the next purge, rather than
 * hold up the case lists more than `waitMs` behind a long reader.
 */
export async function dropEmptyCasesPartitions(db: Db, options: { waitMs: number }): Promise<number> {
  const { rows } = await sql<{ relname: string }>`
    select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
    where i.inhparent = 'cases'::regclass and c.relname ~ '^cases_[0-9a-f]{32}$'
    order by c.relname`.execute(db);
  let dropped = 0;
  for (const { relname } of rows) {
    const runId = relname.slice(6).replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
    try {
      dropped += await db.transaction().execute(async (trx) => {
        await sql`select set_config('lock_timeout', ${`${options.waitMs}ms`}, true)`.execute(trx);
        const { rows: due } = await sql<{ due: boolean }>`
          select not exists (select 1 from runs r where r.id = ${runId}::uuid and r.status in ('queued', 'running'))
            and not exists (select 1 from ${sql.table(relname)}) as due`.execute(trx);
        if (!due[0]!.due) return 0;
        await dropCasesPartition(trx, runId);
        return 1;
      });
    } catch (error) {
      if ((error as { code?: string }).code !== '55P03') throw error; // lock_not_available
    }
  }
  return dropped;
}

/** An attached, empty partition for cases written directly (tools, tests); nothing when it exists. */
export async function openCasesPartition(db: Db, runId: string): Promise<void> {
  if (await hasCasesPartition(db, runId)) return;
  await createCasesPartition(db, runId);
  await attachCasesPartition(db, runId);
}
