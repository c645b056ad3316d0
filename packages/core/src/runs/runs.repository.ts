// Runs and their partitions.
import type { Db, Run, RunStage, RunStatus } from '@nonrecours/db';
import { sql } from 'kysely';

export function findRun(db: Db, conventionId: string, id: string): Promise<Run | undefined> {
  return db
    .selectFrom('runs')
    .selectAll()
    .where('convention_id', '=', conventionId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findRunById(db: Db, id: string): Promise<Run | undefined> {
  return db.selectFrom('runs').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listRuns(db: Db, conventionId: string, limit: number): Promise<Run[]> {
  return db
    .selectFrom('runs')
    .selectAll()
    .where('convention_id', '=', conventionId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}

/** Moves a run on, unless it was cancelled or has failed meanwhile; says whether it did. */
export async function advanceRun(
  db: Db,
  id: string,
  values: {
    stage?: RunStage;
    status?: RunStatus;
    as_of?: string;
    partitions?: number;
    extracts?: unknown;
    report?: unknown;
    warnings?: unknown;
  },
): Promise<boolean> {
  const { extracts, report, warnings, ...plain } = values;
  const result = await db
    .updateTable('runs')
    .set({
      ...plain,
      ...(extracts !== undefined ? { extracts: JSON.stringify(extracts) } : {}),
      ...(report !== undefined ? { report: sql`report || ${JSON.stringify(report)}::jsonb` as never } : {}),
      ...(warnings !== undefined ? { warnings: JSON.stringify(warnings) } : {}),
      ...(values.status === 'running' ? { started_at: sql`coalesce(started_at, now())` as never } : {}),
      ...(values.status === 'succeeded' || values.status === 'failed' ? { finished_at: new Date() } : {}),
    })
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function failRun(db: Db, id: string, error: string): Promise<void> {
  await db
    .updateTable('runs')
    .set({ status: 'failed', error, finished_at: new Date() })
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'running'])
    .execute();
}

export async function isActive(db: Db, id: string): Promise<boolean> {
  const run = await db.selectFrom('runs').select('status').where('id', '=', id).executeTakeFirst();
  return run?.status === 'queued' || run?.status === 'running';
}

export function partitionProgress(db: Db, runId: string) {
  return db
    .selectFrom('run_partitions')
    .select([
      sql<number>`count(*)::int`.as('total'),
      sql<number>`count(*) filter (where status = 'done')::int`.as('done'),
      sql<number>`coalesce(sum(profiles), 0)::int`.as('profiles'),
      sql<number>`coalesce(sum(cases), 0)::int`.as('results'),
    ])
    .where('run_id', '=', runId)
    .executeTakeFirstOrThrow();
}
