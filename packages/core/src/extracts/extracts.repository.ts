// Extracts: the uploads of a partner under a convention, their status and their row errors.
import type { Db, Extract, ExtractError, NewExtract } from '@nonrecours/db';
import { sql } from 'kysely';

export function insertExtract(db: Db, values: NewExtract): Promise<Extract> {
  return db.insertInto('extracts').values(values).returningAll().executeTakeFirstOrThrow();
}

export function findExtract(db: Db, conventionId: string, id: string): Promise<Extract | undefined> {
  return db
    .selectFrom('extracts')
    .selectAll()
    .where('convention_id', '=', conventionId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findByIdempotencyKey(
  db: Db,
  conventionId: string,
  partnerId: string,
  key: string,
): Promise<Extract | undefined> {
  return db
    .selectFrom('extracts')
    .selectAll()
    .where('convention_id', '=', conventionId)
    .where('partner_id', '=', partnerId)
    .where('idempotency_key', '=', key)
    .where('status', '<>', 'failed')
    .executeTakeFirst();
}

export function listExtracts(
  db: Db,
  filter: { conventionId: string; partnerId?: string | undefined; kind?: string | undefined },
  page: { limit: number; before?: Date | undefined },
): Promise<Extract[]> {
  let q = db.selectFrom('extracts').selectAll().where('convention_id', '=', filter.conventionId);
  if (filter.partnerId) q = q.where('partner_id', '=', filter.partnerId);
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  if (page.before) q = q.where('received_at', '<', page.before);
  return q.orderBy('received_at', 'desc').limit(page.limit).execute();
}

export function listExtractErrors(
  db: Db,
  extractId: string,
  page: { limit: number; after: number },
): Promise<ExtractError[]> {
  return db
    .selectFrom('extract_errors')
    .selectAll()
    .where('extract_id', '=', extractId)
    .where('ordinal', '>', page.after)
    .orderBy('ordinal')
    .limit(page.limit)
    .execute();
}

export async function insertExtractErrors(
  db: Db,
  extractId: string,
  errors: readonly { line: number; column: string | null; code: string }[],
): Promise<void> {
  for (let i = 0; i < errors.length; i += 1000) {
    const batch = errors.slice(i, i + 1000).map((e, j) => ({
      extract_id: extractId,
      ordinal: i + j + 1,
      line: e.line,
      column_name: e.column,
      code: e.code,
    }));
    await db.insertInto('extract_errors').values(batch).execute();
  }
}

/**
 * Marks as failed the uploads whose ingesting session is gone: a live upload holds a row lock on its
 * extract for its whole transaction, so SKIP LOCKED passes over it. The grace period covers the
 * instant between the extract's insert and that lock; a retry under the same key names its
 * extract and needs none (the upload it takes over checks, once it holds its lock, that it was not).
 */
export async function failInterruptedUploads(
  db: Db,
  scope: { graceSeconds?: number; id?: string } | number = {},
): Promise<number> {
  const { graceSeconds = 10, id } = typeof scope === 'number' ? { graceSeconds: scope } : scope;
  const which =
    id === undefined ? sql`received_at < now() - make_interval(secs => ${graceSeconds})` : sql`id = ${id}`;
  const result = await sql`
    update extracts set status = 'failed', refusal_code = 'interrupted',
      refusal_message = 'the upload was interrupted before it completed; send it again', finished_at = now()
    where id in (
      select id from extracts
      where status = 'receiving' and ${which}
      for update skip locked
    )`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/**
 * Of a partner's accepted extracts of one kind, the newest (by reference month, then arrival) is the
 * one later runs use; every other one points to it.
 */
export async function refreshCurrentExtract(
  db: Db,
  of: { convention_id: string; partner_id: string; kind: string },
): Promise<void> {
  const accepted = db
    .selectFrom('extracts')
    .where('convention_id', '=', of.convention_id)
    .where('partner_id', '=', of.partner_id)
    .where('kind', '=', of.kind)
    .where('status', '=', 'accepted');
  const current = await accepted
    .select('id')
    .orderBy('reference_month', 'desc')
    .orderBy('received_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  await db
    .updateTable('extracts')
    .set({ superseded_by: current?.id ?? null })
    .where('convention_id', '=', of.convention_id)
    .where('partner_id', '=', of.partner_id)
    .where('kind', '=', of.kind)
    .where('status', '=', 'accepted')
    .where('id', '<>', current?.id ?? null)
    .execute();
  if (current)
    await db.updateTable('extracts').set({ superseded_by: null }).where('id', '=', current.id).execute();
}
