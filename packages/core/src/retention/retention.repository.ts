// The SQL of the retention purge: what is due under one convention at a given instant, and the
// statements that remove it. Every function takes the transaction of that convention's purge.
import type { Db } from '@nonrecours/db';
import type { ExtractKind } from '@nonrecours/pseudo';
import { sql } from 'kysely';
import { rowsTable } from '../extracts/extract-tables.ts';

export type PurgeReason = 'ended' | 'expired' | 'superseded' | 'stale_key';

export interface PurgeCandidate {
  id: string;
  kind: ExtractKind;
  status: string;
  valid_count: number | null;
  /** Null for a withdrawn extract not yet expired: only a leftover of its rows is looked for. */
  reason: PurgeReason | null;
}

export async function conventionIds(db: Db): Promise<string[]> {
  return (await db.selectFrom('conventions').select('id').orderBy('id').execute()).map((c) => c.id);
}

export function lockConvention(db: Db, id: string) {
  return db
    .selectFrom('conventions')
    .select(['id', 'status'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** Of the given tables, those that exist in the current schema. */
export async function existingTables(db: Db, names: readonly string[]): Promise<string[]> {
  if (names.length === 0) return [];
  const { rows } = await sql<{ relname: string }>`
    select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relname = any(${names}::text[])
    order by c.relname`.execute(db);
  return rows.map((r) => r.relname);
}

/** Names come from checked uuids and known kinds only (extract-tables.ts, run-tables.ts). */
export async function dropTables(db: Db, names: readonly string[]): Promise<void> {
  if (names.length > 0) await sql.raw(`drop table if exists ${names.join(', ')}`).execute(db);
}

/**
 * Takes the rows tables of these kinds before any extract row, in a fixed order. Dropping a partition
 * locks its parent anyway; taking it first keeps the order of an upload (parent, then the extracts it
 * supersedes), so the two wait for each other instead of deadlocking.
 */
export async function lockRowsTables(db: Db, kinds: readonly ExtractKind[]): Promise<void> {
  const tables = [...new Set(kinds)].sort().map(rowsTable);
  if (tables.length > 0)
    await sql.raw(`lock table ${tables.join(', ')} in access exclusive mode`).execute(db);
}

/**
 * The extracts whose rows must go: all of an ended convention (purged ones too: their metadata goes
 * as well); those past their expiry date; those no run can use any more (superseded by a newer
 * extract of the same partner and kind, or made with an older convention key); and the withdrawn
 * ones, whose rows the withdrawal dropped already (a leftover is looked for). Receiving extracts
 * belong to their upload; the extracts of a run in progress wait for the next purge.
 */
export function purgeCandidates(
  db: Db,
  conventionId: string,
  now: Date,
  ended: boolean,
  lock: boolean,
): Promise<PurgeCandidate[]> {
  const q = sql<PurgeCandidate>`
    select e.id, e.kind, e.status, e.valid_count, case
        when ${ended} then 'ended'
        when e.expires_at <= ${now} then 'expired'
        when e.status = 'accepted' and e.superseded_by is not null then 'superseded'
        when e.status = 'accepted' and e.key_version < c.key_version then 'stale_key'
      end as reason
    from extracts e join conventions c on c.id = e.convention_id
    where e.convention_id = ${conventionId}
      and e.status <> 'receiving' and (e.status <> 'purged' or ${ended})
      and (${ended} or e.expires_at <= ${now} or e.status = 'withdrawn'
        or (e.status = 'accepted' and (e.superseded_by is not null or e.key_version < c.key_version)))
      and e.id not in (
        select (x ->> 'id')::uuid from runs r, jsonb_array_elements(r.extracts) x
        where r.convention_id = ${conventionId} and r.status in ('queued', 'running'))
    order by e.id
    ${lock ? sql`for update of e` : sql``}`;
  return q.execute(db).then((r) => r.rows);
}

export async function deleteExtractErrors(db: Db, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db.deleteFrom('extract_errors').where('extract_id', 'in', ids).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The metadata stays (partner, kind, month, counts, hash): only the rows are gone. */
export async function markExtractsPurged(db: Db, ids: readonly string[], now: Date): Promise<void> {
  if (ids.length > 0)
    await db
      .updateTable('extracts')
      .set({ status: 'purged', purged_at: now })
      .where('id', 'in', ids)
      .execute();
}

export async function deleteExtracts(db: Db, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db.deleteFrom('extracts').where('id', 'in', ids).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteCases(
  db: Db,
  conventionId: string,
  which: { expiredAt: Date } | 'all',
): Promise<number> {
  let q = db.deleteFrom('cases').where('convention_id', '=', conventionId);
  if (which !== 'all') q = q.where('expires_at', '<=', which.expiredAt);
  return Number((await q.executeTakeFirst()).numDeletedRows);
}

/** Cases that concern an opposed pseudonym: a backstop for a run that was evaluating at registration. */
export async function deleteOpposedCases(db: Db, conventionId: string): Promise<number> {
  const result = await sql`
    delete from cases c where c.convention_id = ${conventionId}
      and exists (select 1 from oppositions o where o.convention_id = ${conventionId} and o.pseudonym = any(c.pseudonyms))`.execute(
    db,
  );
  return Number(result.numAffectedRows ?? 0);
}

export async function deleteOppositions(db: Db, conventionId: string): Promise<number> {
  const result = await db
    .deleteFrom('oppositions')
    .where('convention_id', '=', conventionId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Runs that no job works on any more (finished, failed or cancelled). */
export async function finishedRuns(db: Db, conventionId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('runs')
    .select('id')
    .where('convention_id', '=', conventionId)
    .where('status', 'not in', ['queued', 'running'])
    .orderBy('id')
    .forUpdate()
    .execute();
  return rows.map((r) => r.id);
}

/** The jobs of a cancelled run stop at their next step (they re-check its status). */
export async function cancelActiveRuns(db: Db, conventionId: string, reason: string): Promise<number> {
  const result = await db
    .updateTable('runs')
    .set({ status: 'cancelled', error: reason, finished_at: new Date() })
    .where('convention_id', '=', conventionId)
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Their partitions and cases go with them (on delete cascade). */
export async function deleteRuns(db: Db, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db.deleteFrom('runs').where('id', 'in', ids).executeTakeFirst();
  return Number(result.numDeletedRows);
}
