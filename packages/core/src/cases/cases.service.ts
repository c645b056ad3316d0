// Reading the presumed cases, recording their follow-up, exporting them. Every read records which
// pseudonyms it disclosed (audit_disclosures) in the transaction of its audit event, so that a DPO
// can answer a data subject's "who saw what about me" (GDPR art. 15). A case discloses every
// pseudonym it is about (`cases.pseudonyms`: the household and its members, a tenancy's tenants).
import { Readable } from 'node:stream';
import type { Db } from '@nonrecours/db';
import { sql } from 'kysely';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { actorNames, organisationNames } from '../accounts/actor-names.ts';
import { appendAuditEvent } from '../audit/audit.repository.ts';
import type { AuditActor } from '../audit/audit-actor.ts';
import { recordAccess } from '../audit/audit-writer.ts';
import type { ConventionAccess } from '../conventions/convention-access.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { latestPublishedRun, publishedRun } from '../runs/published-run.ts';
import { type CaseFilter, type CaseSort, decodeCursor, encodeCursor } from './case-query.ts';
import { reidentificationOf } from './case-reidentification.ts';
import { type CaseStatus, type CorrectionReason, caseTransitions, type StatusChange } from './case-status.ts';
import { type CaseDetail, type CaseSummary, caseDetail, caseSummary } from './case-view.ts';
import { type CaseViewer, caseViewerOf } from './case-viewer.ts';
import {
  type CaseRow,
  closedByRun,
  countCases,
  exportCommuneLabels,
  exportSelectSql,
  findVisibleCase,
  insertExportDisclosures,
  listCasePage,
  lockCase,
  lockSuccessorCase,
  recordStatus,
  shareLockRun,
} from './cases.repository.ts';

const purpose = 'follow_up';

export interface CaseListRequest {
  run?: string | undefined;
  cursor?: string | undefined;
  filter: CaseFilter;
  sort: CaseSort;
  limit: number;
  /** Also count every case of the filtered list (one more query over the run). */
  withTotal?: boolean;
}

export interface CaseList {
  runId: string | null;
  items: CaseSummary[];
  nextCursor: string | null;
  /** Null unless asked for. */
  total: number | null;
}

export async function listCases(
  db: Db,
  access: ConventionAccess,
  actor: AuditActor,
  request: CaseListRequest,
): Promise<CaseList> {
  const conventionId = access.convention.id;
  const cursor = request.cursor === undefined ? undefined : decodeCursor(request.cursor, request.sort);
  if (cursor && request.run !== undefined && cursor.run !== request.run)
    throw badRequest('invalid_cursor', 'the cursor belongs to another run');
  // A cursor goes on with the run its first page came from, even if a newer run was published since.
  const run = await publishedRun(db, conventionId, cursor?.run ?? request.run);
  const viewer = await caseViewerOf(db, access);
  const page = run
    ? await listCasePage(db, {
        runId: run.id,
        viewer,
        filter: request.filter,
        sort: request.sort,
        after: cursor,
        limit: request.limit,
      })
    : { rows: [], next: null };
  const total = request.withTotal
    ? await countCases(db, { runId: run?.id ?? null, viewer, filter: request.filter })
    : null;
  await recordAccess(db, {
    ...actor,
    conventionId,
    action: 'case.list',
    target: run ? `run/${run.id}` : null,
    purpose,
    outcome: 'success',
    statusCode: 200,
    recordCount: page.rows.length,
    details: {
      run: run?.id ?? null,
      sort: request.sort,
      filter: { ...request.filter },
      cases: page.rows.map((c) => c.id),
    },
    disclosed: page.rows.flatMap((c) => c.pseudonyms),
  });
  return {
    runId: run?.id ?? null,
    items: page.rows.map((row) => caseSummary(row, viewer)),
    nextCursor: run && page.next ? encodeCursor({ run: run.id, sort: request.sort, ...page.next }) : null,
    total,
  };
}

export async function readCase(
  db: Db,
  access: ConventionAccess,
  actor: AuditActor,
  id: string,
): Promise<CaseDetail> {
  const conventionId = access.convention.id;
  const viewer = await caseViewerOf(db, access);
  const row = await findVisibleCase(db, conventionId, id, viewer);
  if (!row) throw notFound('case');
  await recordAccess(db, {
    ...actor,
    conventionId,
    action: 'case.read',
    target: `case/${id}`,
    purpose,
    outcome: 'success',
    statusCode: 200,
    recordCount: 1,
    details: { run: row.run_id },
    disclosed: row.pseudonyms,
  });
  return presentDetail(db, row, viewer);
}

/**
 * A case as a person acts on it: the follow-up history with the names of who recorded each change,
 * and the partners that can re-identify the person.
 */
async function presentDetail(db: Db, row: CaseRow, viewer: CaseViewer): Promise<CaseDetail> {
  const detail = caseDetail(row, viewer);
  const reidentification = await reidentificationOf(db, row.source_extracts, viewer);
  if (!detail.status_history) return { ...detail, reidentification };
  const history = detail.status_history;
  const [actors, organisations] = await Promise.all([
    actorNames(
      db,
      history.map((h) => h.actor),
    ),
    organisationNames(
      db,
      history.map((h) => h.organisation),
    ),
  ]);
  return {
    ...detail,
    reidentification,
    status_history: history.map((h) => ({
      ...h,
      actor_name: actors.get(h.actor)?.name ?? null,
      organisation_name: organisations.get(h.organisation) ?? null,
    })),
  };
}

/**
 * Records a follow-up outcome on the current case of a subject and benefit: the case of the latest
 * published run, or the case that run closed by what its extracts showed. A change sent for an older
 * run's case (a page opened before the publication) lands on its successor. The change, its audit
 * event and the disclosure of the returned case commit together.
 *
 * With a `correction` the outcome replaces the current one whatever the transitions allow (a
 * mis-click on a final outcome), provided one was recorded; the history keeps the corrected outcome
 * and the reason, and the audit event is a `case.correct`.
 */
export function changeCaseStatus(
  db: Db,
  access: ConventionAccess,
  actor: AuditActor & { actor: string; org: string },
  id: string,
  status: CaseStatus,
  correction?: { reason: CorrectionReason },
): Promise<CaseDetail> {
  const conventionId = access.convention.id;
  return db.transaction().execute(async (trx) => {
    const asked = await lockCase(trx, conventionId, id);
    if (!asked) throw notFound('case');
    const current = await currentCaseOf(trx, conventionId, asked);
    const from = current.status as CaseStatus;
    if (correction) checkCorrection(from, status, current.changes);
    else {
      const allowed = caseTransitions[from];
      if (!allowed.includes(status))
        throw conflict('invalid_status_transition', `a case ${from} cannot become ${status}`, {
          from,
          to: status,
          allowed,
        });
    }
    const change: StatusChange = {
      status,
      at: new Date().toISOString(),
      actor: actor.actor,
      organisation: actor.org,
      ...(correction ? { correction: { previous: from, reason: correction.reason } } : {}),
    };
    const row = await recordStatus(trx, current.id, change);
    await appendAuditEvent(trx, {
      ...actor,
      conventionId,
      action: correction ? 'case.correct' : 'case.update',
      target: `case/${current.id}`,
      purpose,
      outcome: 'success',
      statusCode: 200,
      recordCount: 1,
      details: {
        run: row.run_id,
        from,
        to: status,
        ...(correction ? { reason: correction.reason } : {}),
        ...(current.id !== id ? { asked: id } : {}),
      },
      disclosed: row.pseudonyms,
    });
    return presentDetail(trx, row, { role: 'territory' });
  });
}

function checkCorrection(from: CaseStatus, to: CaseStatus, changes: number) {
  if (changes === 0)
    throw conflict('nothing_to_correct', 'no outcome was recorded on this case: record one instead', {
      from,
    });
  if (from === to)
    throw conflict('correction_unchanged', `the case is already ${to}: a correction changes the outcome`, {
      from,
      to,
    });
}

type LockedCase = NonNullable<Awaited<ReturnType<typeof lockCase>>>;

/**
 * The share lock on the case's run waits for a publication that is carrying this run's follow-up
 * over (its last transaction locks the run for update, for milliseconds) and holds the next one off
 * until this change commits; the latest published run is read after it.
 */
async function currentCaseOf(trx: Db, conventionId: string, asked: LockedCase): Promise<LockedCase> {
  await shareLockRun(trx, asked.run_id);
  const latest = await latestPublishedRun(trx, conventionId);
  if (!latest || asked.run_id === latest.id) return asked;
  await shareLockRun(trx, latest.id);
  const successor = await lockSuccessorCase(trx, latest.id, asked);
  if (successor) return successor;
  if (await closedByRun(trx, asked.id, latest.id)) return asked;
  throw conflict('case_not_current', 'the case belongs to an older run and the latest run has none like it');
}

export interface CaseExportRequest {
  run?: string | undefined;
  filter: CaseFilter;
  sort: CaseSort;
}

export interface CaseExport {
  runId: string | null;
  cases: number;
  /** The CSV: a byte order mark, a header row, one row per case. */
  csv: Readable;
}

const BOM = Buffer.from('\uFEFF');
const SNAPSHOT_ID = /^[0-9A-F]+-[0-9A-F]+-[0-9]+$/;

/**
 * Opens the CSV export of a filtered list. Nothing leaves before its record is durable: the export's
 * audit event first, then — in their own transaction, because an export may disclose millions of
 * pseudonyms and the audit chain's lock must not be held meanwhile — its pseudonyms, set-based, from
 * the export's own filter. The CSV is then read in the snapshot those pseudonyms were read in, so the
 * record and the file hold the same cases even if a status changes meanwhile.
 */
export async function openCaseExport(
  deps: { db: Db; pool: pg.Pool },
  access: ConventionAccess,
  actor: AuditActor,
  request: CaseExportRequest,
): Promise<CaseExport> {
  const { db } = deps;
  const conventionId = access.convention.id;
  const run = await publishedRun(db, conventionId, request.run);
  const viewer = await caseViewerOf(db, access);
  const set = { runId: run?.id ?? null, viewer, filter: request.filter };
  const cases = await countCases(db, set);
  const event = await recordAccess(db, {
    ...actor,
    conventionId,
    action: 'case.export',
    target: run ? `run/${run.id}` : null,
    purpose,
    outcome: 'success',
    statusCode: 200,
    recordCount: cases,
    details: { run: run?.id ?? null, sort: request.sort, filter: { ...request.filter } },
  });

  const reader = await deps.pool.connect();
  try {
    await reader.query('begin isolation level repeatable read read only');
    await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        const { rows } = await sql<{ id: string }>`select pg_export_snapshot() as id`.execute(trx);
        const snapshot = rows[0]!.id;
        if (!SNAPSHOT_ID.test(snapshot)) throw new Error('unexpected snapshot id');
        await reader.query(`set transaction snapshot '${snapshot}'`);
        // A large export de-duplicates and sorts its pseudonyms in memory rather than on disk.
        await sql`set local work_mem = '256MB'`.execute(trx);
        await insertExportDisclosures(trx, event.seq, set);
      });
  } catch (error) {
    reader.release(error instanceof Error ? error : new Error(String(error)));
    throw error;
  }

  const communes = await exportCommuneLabels(db, set.runId);
  const copy = `copy (${exportSelectSql(db, { ...set, sort: request.sort, communes })}) to stdout with (format csv, delimiter ';', header true)`;
  let complete = false;
  async function* csv() {
    yield BOM;
    yield* reader.query(copyTo(copy));
    await reader.query('commit');
    complete = true;
  }
  const stream = Readable.from(csv(), { objectMode: false });
  // However the stream ends — read to the end, failed, or abandoned by the client — the connection
  // goes back to the pool, or is closed if a COPY may still be running on it.
  stream.once('close', () => reader.release(complete ? undefined : new Error('the export did not complete')));
  return { runId: run?.id ?? null, cases, csv: stream };
}
