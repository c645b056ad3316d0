// The SQL of the signed checkpoints (migration 2026-11-27T1120): append, the latest one, and every one
// beside the hash the chain holds today at its seq.
import type { Db } from '@nonrecours/db';
import { sql } from 'kysely';

export interface AuditCheckpoint {
  id: number;
  at: Date;
  seq: number;
  hash: string;
  jws: string;
  kid: string;
}

type CheckpointTables = {
  audit_checkpoints: AuditCheckpoint;
};

// An arbitrary constant naming the checkpoints' advisory lock (numbers follow one another).
const CHECKPOINT_LOCK = 7_264_511_002;

const checkpoints = (db: Db) => db.withTables<CheckpointTables>();

/** Serialises checkpoint writers until the end of the transaction `db`. */
export async function lockCheckpoints(db: Db): Promise<void> {
  await sql`select pg_advisory_xact_lock(${CHECKPOINT_LOCK})`.execute(db);
}

export function lastCheckpoint(db: Db): Promise<AuditCheckpoint | undefined> {
  return checkpoints(db)
    .selectFrom('audit_checkpoints')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertCheckpoint(db: Db, checkpoint: AuditCheckpoint): Promise<void> {
  await checkpoints(db).insertInto('audit_checkpoints').values(checkpoint).execute();
}

/** The hash the chain holds at `seq` today; null when the chain no longer reaches it. */
export async function eventHashAt(db: Db, seq: number): Promise<string | null> {
  const row = await db.selectFrom('audit_events').select('hash').where('seq', '=', seq).executeTakeFirst();
  return row?.hash ?? null;
}

export type CheckpointWithEvent = AuditCheckpoint & { event_hash: string | null };

/** Every checkpoint in order, each with the chain's hash at its seq, fetched in bounded batches. */
export async function* streamCheckpointsWithEvents(
  db: Db,
  batchSize = 500,
): AsyncGenerator<CheckpointWithEvent> {
  let after = 0;
  for (;;) {
    const rows = await checkpoints(db)
      .selectFrom('audit_checkpoints as c')
      .leftJoin('audit_events as e', 'e.seq', 'c.seq')
      .selectAll('c')
      .select('e.hash as event_hash')
      .where('c.id', '>', after)
      .orderBy('c.id')
      .limit(batchSize)
      .execute();
    yield* rows;
    if (rows.length < batchSize) return;
    after = rows.at(-1)!.id;
  }
}

/** The chain's hash at each of these seqs, where it still reaches them. */
export async function eventHashesAt(db: Db, seqs: readonly number[]): Promise<Map<number, string>> {
  if (seqs.length === 0) return new Map();
  const rows = await db
    .selectFrom('audit_events')
    .select(['seq', 'hash'])
    .where('seq', '=', sql<number>`any(${[...new Set(seqs)]}::bigint[])`)
    .execute();
  return new Map(rows.map((r) => [Number(r.seq), r.hash]));
}

/** The JWS the database holds today for each of these checkpoint ids. */
export async function checkpointJwsByIds(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await checkpoints(db)
    .selectFrom('audit_checkpoints')
    .select(['id', 'jws'])
    .where('id', '=', sql<number>`any(${[...new Set(ids)]}::bigint[])`)
    .execute();
  return new Map(rows.map((r) => [Number(r.id), r.jws]));
}

/**
 * How many events follow `after`, when the first of them was appended, and whether the chain's head
 * row still names the last event (a cut tail leaves it ahead, unless it was rewritten too).
 */
export async function unvouchedEvents(
  db: Db,
  after: number,
): Promise<{ unvouched: number; firstAt: Date | null; headHolds: boolean }> {
  const { rows } = await sql<{ last_seq: string | null; first_at: Date | null; head_holds: boolean }>`
    with last as (select seq, hash from audit_events order by seq desc limit 1)
    select (select seq from last) as last_seq,
      (select at from audit_events where seq > ${after} order by seq limit 1) as first_at,
      coalesce((select h.seq = coalesce((select seq from last), 0) and h.hash = coalesce((select hash from last), repeat('0', 64))
        from audit_chain_head h), true) as head_holds`.execute(db);
  const row = rows[0]!;
  return {
    unvouched: Math.max(0, Number(row.last_seq ?? 0) - after),
    firstAt: row.first_at,
    headHolds: row.head_holds,
  };
}
