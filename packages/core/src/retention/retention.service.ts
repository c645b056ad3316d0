// The retention purge (DESIGN.md principle 3), run daily by the `retention.purge` job. Convention by
// convention, in one transaction each, it removes what is past its date or of no use any more, and
// records what it removed in one audit event of that convention (counts only), so the convention's
// DPO finds it. The clock is a parameter: tests move it.
//
// - extract rows: dropped when the extract expires, is superseded or made with an older key (metadata
//   kept, status `purged`); a leftover of a withdrawn extract's rows is dropped too; row errors go
//   with the rows;
// - cases: deleted when they expire, and any case concerning an opposed pseudonym;
// - run working tables: dropped once the run is no longer queued or running;
// - an ended convention: everything but its record, its members (who may still read its audit trail)
//   and the audit trail — extracts, rows, runs, cases and oppositions (no run will ever need them).
import type { Db } from '@nonrecours/db';
import { appendAuditEvent } from '../audit/audit.repository.ts';
import { deleteCampaigns } from '../campaigns/campaigns.repository.ts';
import { partitionTable } from '../extracts/extract-tables.ts';
import { failInterruptedUploads } from '../extracts/extracts.repository.ts';
import { dropEmptyCasesPartitions } from '../runs/run-cases-partition.ts';
import { runTables } from '../runs/run-tables.ts';
import {
  cancelActiveRuns,
  conventionIds,
  deleteCases,
  deleteExtractErrors,
  deleteExtracts,
  deleteOpposedCases,
  deleteOppositions,
  deleteRuns,
  dropTables,
  existingTables,
  finishedRuns,
  lockConvention,
  lockRowsTables,
  markExtractsPurged,
  type PurgeCandidate,
  purgeCandidates,
} from './retention.repository.ts';

export interface PurgeCounts {
  extracts_expired: number;
  extracts_superseded: number;
  extracts_stale_key: number;
  /** Extracts of an ended convention, metadata included. */
  extracts_deleted: number;
  row_tables_dropped: number;
  rows_dropped: number;
  errors_deleted: number;
  cases_expired: number;
  cases_opposed: number;
  /** Cases of an ended convention, whatever their date. */
  cases_deleted: number;
  oppositions_deleted: number;
  /** Members of the campaigns of an ended convention, deleted with their campaigns. */
  campaign_members_deleted: number;
  runs_cancelled: number;
  runs_deleted: number;
  run_tables_dropped: number;
}

export interface PurgeReport {
  now: string;
  conventions: number;
  totals: PurgeCounts;
  /** Per convention where something was removed. */
  purged: Record<string, PurgeCounts>;
}

const zero = (): PurgeCounts => ({
  extracts_expired: 0,
  extracts_superseded: 0,
  extracts_stale_key: 0,
  extracts_deleted: 0,
  row_tables_dropped: 0,
  rows_dropped: 0,
  errors_deleted: 0,
  cases_expired: 0,
  cases_opposed: 0,
  cases_deleted: 0,
  oppositions_deleted: 0,
  campaign_members_deleted: 0,
  runs_cancelled: 0,
  runs_deleted: 0,
  run_tables_dropped: 0,
});

const removedAnything = (c: PurgeCounts) => Object.values(c).some((n) => n > 0);

/** Personal-data records removed: extract rows, cases and opposed pseudonyms. */
const personalRecords = (c: PurgeCounts) =>
  c.rows_dropped +
  c.cases_expired +
  c.cases_opposed +
  c.cases_deleted +
  c.oppositions_deleted +
  c.campaign_members_deleted;

export async function purgeRetention(
  db: Db,
  options: { now: Date; requestId?: string | null },
): Promise<PurgeReport> {
  // A dead upload stays `receiving`, which the purge leaves to its upload; make it `failed` first.
  await failInterruptedUploads(db);
  const ids = await conventionIds(db);
  const report: PurgeReport = {
    now: options.now.toISOString(),
    conventions: ids.length,
    totals: zero(),
    purged: {},
  };
  for (const id of ids) {
    const counts = await purgeConvention(db, id, options);
    if (!counts) continue;
    report.purged[id] = counts;
    for (const key of Object.keys(counts) as (keyof PurgeCounts)[]) report.totals[key] += counts[key];
  }
  // Storage only: the cases are gone already, and the partitions they leave hold nothing personal.
  await dropEmptyCasesPartitions(db, { waitMs: 500 });
  return report;
}

/** One convention, in one transaction; null when nothing was due. */
export function purgeConvention(
  db: Db,
  conventionId: string,
  options: { now: Date; requestId?: string | null },
): Promise<PurgeCounts | null> {
  const { now } = options;
  return db.transaction().execute(async (trx) => {
    // Status changes, oppositions and other purges of this convention wait for this one.
    const convention = await lockConvention(trx, conventionId);
    if (!convention) return null;
    const ended = convention.status === 'ended';
    const counts = zero();

    // Runs first: their working tables are dropped before any rows table is locked below.
    const finished = await finishedRuns(trx, conventionId);
    const runTableNames = await existingTables(
      trx,
      finished.flatMap((id) => Object.values(runTables(id))),
    );
    await dropTables(trx, runTableNames);
    counts.run_tables_dropped = runTableNames.length;
    if (ended) {
      counts.cases_deleted = await deleteCases(trx, conventionId, 'all');
      counts.campaign_members_deleted = await deleteCampaigns(trx, conventionId);
      // A run cancelled now may still have a job finishing its step: it is deleted by the next purge.
      counts.runs_deleted = await deleteRuns(trx, finished);
      counts.runs_cancelled = await cancelActiveRuns(trx, conventionId, 'the convention ended');
      counts.oppositions_deleted = await deleteOppositions(trx, conventionId);
    } else {
      counts.cases_expired = await deleteCases(trx, conventionId, { expiredAt: now });
      counts.cases_opposed = await deleteOpposedCases(trx, conventionId);
    }

    await purgeExtracts(trx, conventionId, now, ended, counts);

    if (!removedAnything(counts)) return null;
    await appendAuditEvent(trx, {
      actor: 'worker',
      role: 'system',
      conventionId,
      action: 'retention.purge',
      target: `convention/${conventionId}`,
      purpose: 'retention',
      requestId: options.requestId ?? null,
      outcome: 'success',
      recordCount: personalRecords(counts),
      details: { ...counts, now: now.toISOString(), convention_ended: ended },
    });
    return counts;
  });
}

async function purgeExtracts(
  trx: Db,
  conventionId: string,
  now: Date,
  ended: boolean,
  counts: PurgeCounts,
): Promise<void> {
  const tableOf = (e: PurgeCandidate) => partitionTable(e.kind, e.id);
  const seen = await purgeCandidates(trx, conventionId, now, ended, false);
  const seenTables = new Set(await existingTables(trx, seen.map(tableOf)));
  if (seenTables.size === 0 && seen.every((e) => e.reason === null)) return;
  // Rows tables are locked only when one of their partitions goes (a withdrawn extract has none left).
  const locked = new Set(seen.filter((e) => seenTables.has(tableOf(e))).map((e) => e.kind));
  await lockRowsTables(trx, [...locked]);

  // Read again under lock: an upload or a withdrawal may have moved on meanwhile. A partition whose
  // rows table was not locked above waits for the next purge, and so does its extract.
  const candidates = await purgeCandidates(trx, conventionId, now, ended, true);
  const present = new Set(await existingTables(trx, candidates.map(tableOf)));
  const dropped = candidates.filter((e) => present.has(tableOf(e)) && locked.has(e.kind));
  await dropTables(trx, dropped.map(tableOf));
  counts.row_tables_dropped = dropped.length;
  counts.rows_dropped = dropped.reduce((sum, e) => sum + (e.valid_count ?? 0), 0);

  const due = candidates.filter((e) => e.reason !== null && (!present.has(tableOf(e)) || locked.has(e.kind)));
  const ids = due.map((e) => e.id);
  if (ended) {
    // Row errors go with their extract (on delete cascade).
    counts.extracts_deleted = await deleteExtracts(trx, ids);
    return;
  }
  counts.errors_deleted = await deleteExtractErrors(trx, ids);
  await markExtractsPurged(trx, ids, now);
  counts.extracts_expired = due.filter((e) => e.reason === 'expired').length;
  counts.extracts_superseded = due.filter((e) => e.reason === 'superseded').length;
  counts.extracts_stale_key = due.filter((e) => e.reason === 'stale_key').length;
}
