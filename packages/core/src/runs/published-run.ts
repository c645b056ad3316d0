// The published runs of a convention: the one whose cases are current (the latest published), or a
// given one, which must be published for its cases or statistics to be read.
import type { Db, Run } from '@nonrecours/db';
import { conflict, notFound } from '../errors.ts';
import { findRun } from './runs.repository.ts';

export function latestPublishedRun(db: Db, conventionId: string): Promise<Run | undefined> {
  return db
    .selectFrom('runs')
    .selectAll()
    .where('convention_id', '=', conventionId)
    .where('status', '=', 'succeeded')
    .orderBy('finished_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The run, if it is published: 404 when there is none, 409 when it is not published. */
export async function requirePublishedRun(db: Db, conventionId: string, runId: string): Promise<Run> {
  const run = await findRun(db, conventionId, runId);
  if (!run) throw notFound('run');
  if (run.status !== 'succeeded')
    throw conflict('run_not_published', `the run is ${run.status}: its cases are not published`);
  return run;
}

/** The run asked for, which must be published, or else the latest published run (if any). */
export function publishedRun(
  db: Db,
  conventionId: string,
  runId: string | undefined,
): Promise<Run | undefined> {
  return runId === undefined
    ? latestPublishedRun(db, conventionId)
    : requirePublishedRun(db, conventionId, runId);
}
