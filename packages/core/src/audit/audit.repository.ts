// The audit trail: append under the lock of the chain's head so the chain stays linear whatever the
// number of writers, query with keyset pagination, and verify by recomputing every hash.
import type { AuditEvent, Db } from '@nonrecours/db';
import { sql } from 'kysely';
import { type ChainedContent, chainHash, GENESIS_HASH } from './audit-hash.ts';

export type AuditOutcome = 'success' | 'denied' | 'failed';

export interface AuditEntry {
  actor?: string | null;
  org?: string | null;
  role?: string | null;
  conventionId?: string | null;
  action: string;
  target?: string | null;
  purpose?: string | null;
  requestId?: string | null;
  ip?: string | null;
  outcome: AuditOutcome;
  statusCode?: number | null;
  recordCount?: number | null;
  details?: Record<string, unknown> | null;
  /**
   * The pseudonyms the request disclosed (GDPR art. 15: who saw what about this person), recorded
   * beside the event in audit_disclosures, outside the hashed content.
   */
  disclosed?: Iterable<string>;
}

/**
 * Appends one event. Called with a transaction, the event commits or rolls back with the change it
 * records; called with the pool, it runs in a transaction of its own. The chain's head stays locked
 * until commit, so write the event last in a long transaction.
 */
export async function appendAuditEvent(db: Db, entry: AuditEntry): Promise<AuditEvent> {
  const [event] = await appendAuditEvents(db, [entry]);
  return event!;
}

/**
 * Appends events in the order given, chained one to the next: the head is locked and read in one
 * statement, the events, their disclosures and the new head written in another.
 */
export async function appendAuditEvents(db: Db, entries: readonly AuditEntry[]): Promise<AuditEvent[]> {
  if (!db.isTransaction) return db.transaction().execute((trx) => appendAuditEvents(trx, entries));
  if (entries.length === 0) return [];
  const head = await db
    .selectFrom('audit_chain_head')
    .select(['seq', 'hash'])
    .forUpdate()
    .executeTakeFirstOrThrow();
  let { seq, hash: prevHash } = head;
  const at = new Date();
  const rows = entries.map((entry) => {
    const content: ChainedContent = {
      seq: ++seq,
      at,
      actor: entry.actor ?? null,
      org: entry.org ?? null,
      role: entry.role ?? null,
      convention_id: entry.conventionId ?? null,
      action: entry.action,
      target: entry.target ?? null,
      purpose: entry.purpose ?? null,
      request_id: entry.requestId ?? null,
      ip: entry.ip ?? null,
      outcome: entry.outcome,
      status_code: entry.statusCode ?? null,
      record_count: entry.recordCount ?? null,
      details: entry.details ?? null,
    };
    const row = { ...content, prev_hash: prevHash, hash: chainHash(prevHash, content) };
    prevHash = row.hash;
    return row;
  });
  const disclosures = entries.flatMap((entry, i) => {
    const pseudonyms = entry.disclosed ? [...new Set(entry.disclosed)] : [];
    return pseudonyms.length ? [{ seq: rows[i]!.seq, pseudonyms }] : [];
  });
  const events = rows.map((row) => ({
    ...row,
    details: row.details === null ? null : JSON.stringify(row.details),
  }));
  const appended = db.with('appended', (w) => w.insertInto('audit_events').values(events));
  const written = disclosures.length
    ? appended.with('disclosed', (w) => w.insertInto('audit_disclosures').values(disclosures))
    : appended;
  await written.updateTable('audit_chain_head').set({ seq, hash: prevHash }).execute();
  return rows;
}

/**
 * Merges the pending entries of the disclosures' GIN index into its tree, in bulk and in key order
 * (what vacuum does; migration 2026-11-27T1300). Inserts go on meanwhile.
 */
export async function mergePendingDisclosures(db: Db): Promise<void> {
  await sql`select gin_clean_pending_list('audit_disclosures_pseudonyms'::regclass)`.execute(db);
}

export interface AuditFilter {
  conventionIds?: string[] | undefined;
  conventionId?: string | undefined;
  actor?: string | undefined;
  action?: string | undefined;
  outcome?: AuditOutcome | undefined;
  /** The `x-request-id` of the request (or the job id) that recorded the event. */
  requestId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** Only the events whose request returned something about this pseudonym. */
  pseudonym?: string | undefined;
}

/**
 * The events that disclosed a pseudonym, read from the disclosures' GIN index. The planner prices a
 * sequential scan of audit_disclosures by its small main table, not by the arrays it would have to
 * read out of line for every event; it is not offered one.
 */
export function disclosingEvents(db: Db, pseudonym: string): Promise<number[]> {
  return db.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    await sql`set local enable_indexscan = off`.execute(trx);
    const rows = await trx
      .selectFrom('audit_disclosures')
      .select('seq')
      .distinct()
      .where('pseudonyms', '@>', sql<string[]>`array[${pseudonym}]::text[]`)
      .execute();
    return rows.map((r) => r.seq);
  });
}

/** The query of a filter; `disclosing`: the events that disclosed the filter's pseudonym. */
function selectFiltered(db: Db, filter: AuditFilter, disclosing: number[] | undefined) {
  let q = db.selectFrom('audit_events').selectAll();
  if (filter.conventionIds) {
    const ids = filter.conventionIds;
    q = ids.length ? q.where('convention_id', 'in', ids) : q.where(sql<boolean>`false`);
  }
  if (filter.conventionId) q = q.where('convention_id', '=', filter.conventionId);
  if (filter.actor) q = q.where('actor', '=', filter.actor);
  if (filter.action) q = q.where('action', '=', filter.action);
  if (filter.outcome) q = q.where('outcome', '=', filter.outcome);
  if (filter.requestId) q = q.where('request_id', '=', filter.requestId);
  if (filter.from) q = q.where('at', '>=', filter.from);
  if (filter.to) q = q.where('at', '<', filter.to);
  if (disclosing) q = q.where('seq', '=', sql<number>`any(${disclosing}::bigint[])`);
  return q;
}

const disclosingOf = (db: Db, filter: AuditFilter) =>
  filter.pseudonym === undefined ? undefined : disclosingEvents(db, filter.pseudonym);

/** Newest first; `before` is the cursor (a seq) returned by the previous page. */
export async function queryAuditEvents(
  db: Db,
  filter: AuditFilter,
  page: { limit: number; before?: number | undefined },
): Promise<{ items: AuditEvent[]; nextCursor: number | null }> {
  let q = selectFiltered(db, filter, await disclosingOf(db, filter));
  if (page.before !== undefined) q = q.where('seq', '<', page.before);
  const rows = await q
    .orderBy('seq', 'desc')
    .limit(page.limit + 1)
    .execute();
  const items = rows.slice(0, page.limit);
  return { items, nextCursor: rows.length > page.limit ? (items.at(-1)?.seq ?? null) : null };
}

/** How many events match the filter. */
export async function countAuditEvents(db: Db, filter: AuditFilter): Promise<number> {
  const row = await selectFiltered(db, filter, await disclosingOf(db, filter))
    .clearSelect()
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every event matching the filter in chain order, after `after` (a seq), fetched in bounded batches. */
export async function* streamAuditEvents(
  db: Db,
  filter: AuditFilter,
  options: { after?: number; batchSize?: number } = {},
): AsyncGenerator<AuditEvent> {
  const batchSize = options.batchSize ?? 1000;
  let after = options.after ?? 0;
  const disclosing = await disclosingOf(db, filter);
  for (;;) {
    const rows = await selectFiltered(db, filter, disclosing)
      .where('seq', '>', after)
      .orderBy('seq', 'asc')
      .limit(batchSize)
      .execute();
    yield* rows;
    if (rows.length < batchSize) return;
    after = rows.at(-1)!.seq;
  }
}

export type ChainBreak = 'hash_mismatch' | 'link_mismatch' | 'sequence_gap';

/** A point of the chain: an event's seq and hash. */
export interface ChainPoint {
  seq: number;
  hash: string;
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  /** The last event that holds (`from` itself when nothing follows it). */
  head: ChainPoint | null;
  firstBroken: { seq: number; reason: ChainBreak } | null;
}

/**
 * Recomputes the chain and names the first event that does not hold: the whole chain, or only what
 * follows `from`, a point already vouched for (a verified checkpoint).
 */
export async function verifyAuditChain(db: Db, from?: ChainPoint): Promise<ChainVerification> {
  let prevHash = from?.hash ?? GENESIS_HASH;
  let expectedSeq = (from?.seq ?? 0) + 1;
  let checked = 0;
  let head: ChainVerification['head'] = from ? { seq: from.seq, hash: from.hash } : null;
  for await (const event of streamAuditEvents(db, {}, { after: from?.seq ?? 0 })) {
    checked++;
    const reason: ChainBreak | null =
      event.seq !== expectedSeq
        ? 'sequence_gap'
        : event.prev_hash !== prevHash
          ? 'link_mismatch'
          : chainHash(event.prev_hash, event) !== event.hash
            ? 'hash_mismatch'
            : null;
    if (reason)
      return {
        ok: false,
        checked,
        head,
        firstBroken: { seq: reason === 'sequence_gap' ? expectedSeq : event.seq, reason },
      };
    prevHash = event.hash;
    expectedSeq = event.seq + 1;
    head = { seq: event.seq, hash: event.hash };
  }
  return { ok: true, checked, head, firstBroken: null };
}
