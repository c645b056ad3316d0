// The statistics of a published run: the one asked for, or the latest.
import type { Db, Run } from '@nonrecours/db';
import { notFound } from '../errors.ts';
import { publishedRun } from '../runs/published-run.ts';
import { type FollowUpStats, followUpStats } from './follow-up-stats.ts';
import { monthlySeries, type SeriesMonth } from './monthly-series.ts';
import { followUpGroups, monthGroups } from './stats.repository.ts';

export async function readRunStats(
  db: Db,
  conventionId: string,
  runId?: string,
): Promise<{ run: Run; stats: FollowUpStats; series: SeriesMonth[] }> {
  const run = await publishedRun(db, conventionId, runId);
  if (!run) throw notFound('published run');
  const [{ groups, communes }, months] = await Promise.all([
    followUpGroups(db, conventionId, run.id),
    monthGroups(db, conventionId),
  ]);
  return { run, stats: followUpStats(groups, communes), series: monthlySeries(months) };
}
