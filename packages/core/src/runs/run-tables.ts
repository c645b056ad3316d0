// The working tables of one run: the linked rows it evaluates and the results its partitions write.
// Unlogged (crash recovery empties them: see run-integrity.ts) and dropped when the run ends.
import type { Db } from '@nonrecours/db';
import { sql } from 'kysely';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface RunTables {
  health: string;
  family: string;
  retirees: string;
  tenants: string;
  results: string;
}

/** The run's id as table names carry it: checked, without its dashes. */
export function runIdInNames(runId: string): string {
  if (!uuid.test(runId)) throw new Error('run id is not a uuid');
  return runId.replaceAll('-', '');
}

export function runTables(runId: string): RunTables {
  const base = `run_${runIdInNames(runId)}`;
  return {
    health: `${base}_health`,
    family: `${base}_family`,
    retirees: `${base}_retirees`,
    tenants: `${base}_tenants`,
    results: `${base}_results`,
  };
}

export const dropRunTablesSql = (runId: string) =>
  `drop table if exists ${Object.values(runTables(runId)).join(', ')}`;

/**
 * The order a partition reads each working table in (rows of one household together, its
 * allocataire first). The link stage writes each table and indexes it in this order after `part`,
 * so that a partition reads its own pages, already sorted.
 */
export const partitionOrder = {
  family: `extract_id, household_pseudo collate "C", (role <> 'allocataire'), person_pseudo collate "C"`,
  retirees: `person_pseudo collate "C", extract_id`,
  tenants: `extract_id, household_pseudo collate "C", tid`,
} as const;

/**
 * Drops a run's working tables. With `waitMs`, gives up (leaving them to the stage's next step or to
 * the watchdog's sweep) rather than wait longer for a stage that still holds them.
 */
export async function dropRunTables(db: Db, runId: string, options: { waitMs?: number } = {}): Promise<void> {
  if (options.waitMs === undefined) {
    await sql.raw(dropRunTablesSql(runId)).execute(db);
    return;
  }
  try {
    await db.transaction().execute(async (trx) => {
      await sql`select set_config('lock_timeout', ${`${options.waitMs}ms`}, true)`.execute(trx);
      await sql.raw(dropRunTablesSql(runId)).execute(trx);
    });
  } catch (error) {
    if ((error as { code?: string }).code !== '55P03') throw error; // lock_not_available
  }
}
