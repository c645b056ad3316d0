// The statistics of a published run: the one asked for, or the latest.
import type { Db, Run } from '@nonrecours/db';
import { conflict, notFound } from '../errors.ts';
import { findRun } from '../runs/runs.repository.ts';
import { type FollowUpStats, followUpStats } from './follow-up-stats.ts';
import { followUpGroups, latestPublishedRun } from './stats.repository.ts';

export async function readRunStats(
  db: Db,
  conventionId: string,
  runId?: string,
): Promise<{ run: Run; stats: FollowUpStats }> {
  const run = runId ? await findRun(db, conventionId, runId) : await latestPublishedRun(db, conventionId);
  if (!run) throw notFound(runId ? 'run' : 'published run');
  if (run.status !== 'succeeded')
    throw conflict('run_not_published', `the run is ${run.status}: its cases are not published`);
  const { groups, communes } = await followUpGroups(db, conventionId, run.id);
  return { run, stats: followUpStats(groups, communes) };
}
