// What partners and territory teams do with extracts once received: read them, withdraw them.
import type { Db, Extract } from '@nonrecours/db';
import type { ExtractKind } from '@nonrecours/pseudo';
import { sql } from 'kysely';
import { appendAuditEvent } from '../audit/audit.repository.ts';
import type { AuditActor } from '../audit/audit-actor.ts';
import { conflict, notFound } from '../errors.ts';
import { dropPartitionSql } from './extract-tables.ts';
import { findExtract, refreshCurrentExtract } from './extracts.repository.ts';

/** A partner sees its own extracts only; territory teams and DPOs see every extract's metadata. */
export async function findVisibleExtract(
  db: Db,
  conventionId: string,
  id: string,
  viewer: { role: string; partnerId: string },
): Promise<Extract> {
  const extract = await findExtract(db, conventionId, id);
  if (!extract || (viewer.role === 'partner' && extract.partner_id !== viewer.partnerId))
    throw notFound('extract');
  return extract;
}

/** Withdraws an extract: its rows are dropped at once and it no longer counts for runs. */
export async function withdrawExtract(
  db: Db,
  actor: AuditActor,
  conventionId: string,
  id: string,
  partnerId: string,
): Promise<Extract> {
  return db.transaction().execute(async (trx) => {
    const extract = await trx
      .selectFrom('extracts')
      .selectAll()
      .where('convention_id', '=', conventionId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!extract || extract.partner_id !== partnerId) throw notFound('extract');
    if (extract.status !== 'accepted' && extract.status !== 'rejected') {
      throw conflict('extract_not_withdrawable', `a ${extract.status} extract cannot be withdrawn`);
    }
    await sql.raw(dropPartitionSql(extract.kind as ExtractKind, extract.id)).execute(trx);
    await trx.deleteFrom('extract_errors').where('extract_id', '=', extract.id).execute();
    const withdrawn = await trx
      .updateTable('extracts')
      .set({ status: 'withdrawn', withdrawn_at: new Date(), superseded_by: null })
      .where('id', '=', extract.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await refreshCurrentExtract(trx, extract);
    await appendAuditEvent(trx, {
      ...actor,
      conventionId,
      action: 'extract.withdraw',
      target: `extract/${extract.id}`,
      purpose: 'ingestion',
      outcome: 'success',
      statusCode: 200,
      recordCount: extract.valid_count,
      details: { kind: extract.kind },
    });
    return withdrawn;
  });
}
