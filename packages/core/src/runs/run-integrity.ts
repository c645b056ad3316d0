// Whether a run's working state is whole, so that a run publishes only cases computed from complete
// inputs. The working tables are unlogged: crash recovery (PostgreSQL stopped with `-m immediate`, or
// killed) empties each of them as a whole and keeps them, and anything that reads them afterwards sees
// nothing, without an error. So each stage's output is counted in the stage's own transaction and kept
// in logged tables — the link totals in `run_stage_counts`, each partition's results in
// `run_partitions` — and the next stage compares what it finds with them before it goes on.
//
// What the stages must keep doing for these checks to hold:
// - link: its report's family_rows, retirees and tenants are exact counts of the working tables,
//   taken inside the link transaction (runs.service.ts records them and checks the tables after it);
// - evaluate: a partition writes its results and `run_partitions.cases` (their number) in one
//   transaction, and reads its inputs only inside `runPartition`, which checks them around it;
// - finalise: `assertResultsComplete(trx, runId)` runs inside the transaction that publishes, before
//   the cases are written (run-finalise.stage.ts, right after the run's row is locked).
import type { Db } from '@nonrecours/db';
import { sql } from 'kysely';
import { runTables } from './run-tables.ts';

/** The run's working state is not what its earlier stages wrote: the run must not go on. */
export class RunIntegrityError extends Error {
  override readonly name = 'RunIntegrityError';
  readonly code = 'run_integrity';
}

const inputs = ['family', 'retirees', 'tenants'] as const;
type Input = (typeof inputs)[number];

/** The link totals as counted inside the link stage's transaction (its report). */
export interface LinkTotals {
  family_rows: number;
  retirees: number;
  tenants: number;
}

const undefinedTable = (error: unknown) => (error as { code?: string }).code === '42P01';

/**
 * Records what the link stage wrote. The totals come from its report, counted before it committed, so
 * they hold even if the tables were emptied since; `assertLinkIntact` then tells.
 */
export async function recordLinkCounts(db: Db, runId: string, totals: LinkTotals): Promise<void> {
  const rows: Record<Input, number> = {
    family: totals.family_rows,
    retirees: totals.retirees,
    tenants: totals.tenants,
  };
  await db
    .insertInto('run_stage_counts')
    .values(inputs.map((relation) => ({ run_id: runId, relation, rows: rows[relation] })))
    .onConflict((oc) =>
      oc.columns(['run_id', 'relation']).doUpdateSet((eb) => ({
        rows: eb.ref('excluded.rows'),
        recorded_at: sql`now()` as never,
      })),
    )
    .execute();
}

/**
 * The linked rows are all there. Crash recovery empties a table as a whole, so a table that still
 * holds a row holds all it had: checking that each table the link filled is not empty is enough, and
 * costs one index probe rather than a count.
 */
export async function assertLinkIntact(db: Db, runId: string): Promise<void> {
  const recorded = await db
    .selectFrom('run_stage_counts')
    .select(['relation', 'rows'])
    .where('run_id', '=', runId)
    .execute();
  if (recorded.length !== inputs.length)
    throw new RunIntegrityError(
      'the linkage of the run was not recorded; its working rows cannot be trusted',
    );
  const tables = runTables(runId);
  const lost: string[] = [];
  try {
    for (const { relation, rows } of recorded) {
      if (rows === 0) continue;
      const found = await sql<{ any: boolean }>`
        select exists (select 1 from ${sql.table(tables[relation])}) as any`.execute(db);
      if (!found.rows[0]?.any) lost.push(relation);
    }
  } catch (error) {
    if (undefinedTable(error)) throw new RunIntegrityError('the working tables of the run are gone');
    throw error;
  }
  if (lost.length)
    throw new RunIntegrityError(
      `the working tables of the run were emptied (a database crash recovery): ${lost.join(', ')}; start a new run`,
    );
}

/**
 * Every partition is done and the results table holds exactly the rows each partition recorded with
 * its results. Call it inside the transaction that publishes: a crash after the check aborts it.
 */
export async function assertResultsComplete(db: Db, runId: string): Promise<{ results: number }> {
  const partitions = await db
    .selectFrom('run_partitions')
    .select(['part', 'status', 'cases'])
    .where('run_id', '=', runId)
    .execute();
  const pending = partitions.filter((p) => p.status !== 'done');
  if (partitions.length === 0 || pending.length)
    throw new RunIntegrityError(
      `${pending.length || 'all'} partition(s) of the run are not evaluated; the run cannot be published`,
    );
  let found: { part: number; n: number }[];
  try {
    found = (
      await sql<{ part: number; n: number }>`
        select part, count(*)::int as n from ${sql.table(runTables(runId).results)} group by part`.execute(db)
    ).rows;
  } catch (error) {
    if (undefinedTable(error)) throw new RunIntegrityError('the results table of the run is gone');
    throw error;
  }
  const byPart = new Map(found.map((r) => [r.part, r.n]));
  const short = partitions.filter((p) => (byPart.get(p.part) ?? 0) !== (p.cases ?? 0)).map((p) => p.part);
  if (short.length)
    throw new RunIntegrityError(
      `the results of partition(s) ${short.join(', ')} are not those they recorded (a database crash recovery); start a new run`,
    );
  return { results: partitions.reduce((sum, p) => sum + (p.cases ?? 0), 0) };
}

export const isRunIntegrityError = (error: unknown): error is RunIntegrityError =>
  error instanceof RunIntegrityError;
