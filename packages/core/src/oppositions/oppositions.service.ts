// Registering oppositions (GDPR art. 21). The pseudonyms are recorded and, in the same transaction,
// every case of the convention that concerns one of them is deleted: once the registration is
// answered nobody reads such a case again, and later runs leave the profiles out
// (run-evaluate.stage.ts). The audit event carries counts, never the pseudonyms.
import type { Db } from '@nonrecours/db';
import { sql } from 'kysely';
import { appendAuditEvent } from '../audit/audit.repository.ts';
import type { AuditActor } from '../audit/audit-actor.ts';
import { deleteMembersConcerning } from '../campaigns/campaigns.repository.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { runTables } from '../runs/run-tables.ts';
import { deleteCasesConcerning, insertOppositions, PSEUDONYM } from './oppositions.repository.ts';

export interface OppositionOutcome {
  /** Distinct pseudonyms in the request. */
  submitted: number;
  registered: number;
  already_registered: number;
  cases_deleted: number;
  /** Members of campaign cohorts, removed with their cases: an objector is never in a cohort. */
  campaign_members_deleted: number;
}

/**
 * A run in progress may hold results computed before this registration. Its row lock orders the two:
 * a publication under way (finaliseRun locks the run) commits first and its cases are deleted here,
 * or it waits and publishes results from which the opposed profiles were removed here. Only a
 * partition still evaluating with the older list can slip through; the daily purge deletes any case
 * that concerns an opposed pseudonym.
 */
async function removeFromRunsInProgress(
  trx: Db,
  conventionId: string,
  pseudonyms: readonly string[],
): Promise<void> {
  const runs = await trx
    .selectFrom('runs')
    .select('id')
    .where('convention_id', '=', conventionId)
    .where('status', 'in', ['queued', 'running'])
    .orderBy('id')
    .forUpdate()
    .execute();
  for (const run of runs) {
    const table = runTables(run.id).results;
    const { rows } = await sql<{
      present: boolean;
    }>`select to_regclass(${table}) is not null as present`.execute(trx);
    if (rows[0]?.present)
      await sql`delete from ${sql.table(table)} where pseudonyms && ${pseudonyms}::text[]`.execute(trx);
  }
}

export async function registerOppositions(
  db: Db,
  actor: AuditActor & { actor: string },
  conventionId: string,
  pseudonyms: readonly string[],
): Promise<OppositionOutcome> {
  const distinct = [...new Set(pseudonyms)];
  if (distinct.length === 0) throw badRequest('no_pseudonyms', 'give at least one pseudonym');
  const invalid = distinct.filter((p) => !PSEUDONYM.test(p)).length;
  if (invalid > 0)
    throw badRequest('invalid_pseudonym', `${invalid} of the pseudonyms are not 43 base64url characters`);
  return db.transaction().execute(async (trx) => {
    // The purge and status changes lock the same row: an ending convention waits for this to commit.
    const convention = await trx
      .selectFrom('conventions')
      .select('status')
      .where('id', '=', conventionId)
      .forShare()
      .executeTakeFirst();
    if (!convention) throw notFound('convention');
    if (convention.status === 'ended')
      throw conflict(
        'convention_ended',
        'an ended convention keeps no personal data: nothing is processed any more',
      );
    await removeFromRunsInProgress(trx, conventionId, distinct);
    const registered = await insertOppositions(trx, conventionId, distinct, actor.actor);
    const outcome: OppositionOutcome = {
      submitted: distinct.length,
      registered,
      already_registered: distinct.length - registered,
      cases_deleted: await deleteCasesConcerning(trx, conventionId, distinct),
      campaign_members_deleted: await deleteMembersConcerning(trx, conventionId, distinct),
    };
    await appendAuditEvent(trx, {
      ...actor,
      conventionId,
      action: 'opposition.register',
      target: `convention/${conventionId}/oppositions`,
      purpose: 'rights',
      outcome: 'success',
      recordCount: distinct.length,
      details: { ...outcome },
    });
    return outcome;
  });
}
