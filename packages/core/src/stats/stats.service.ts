// The statistics of a published run (the one asked for, or the latest) over the cases the viewer may
// see, as it may see them.
import type { Db, Run } from '@nonrecours/db';
import type { CaseViewer } from '../cases/case-viewer.ts';
import { notFound } from '../errors.ts';
import { publishedRun } from '../runs/published-run.ts';
import { MIN_SHOWN_COUNT } from './cell-suppression.ts';
import { type FollowUpStats, followUpStats } from './follow-up-stats.ts';
import { monthlySeries, type SeriesMonth } from './monthly-series.ts';
import { followUpGroups, monthGroups } from './stats.repository.ts';

export async function readRunStats(
  db: Db,
  conventionId: string,
  runId: string | undefined,
  viewer: CaseViewer,
  minShown = MIN_SHOWN_COUNT,
): Promise<{ run: Run; stats: FollowUpStats; series: SeriesMonth[] }> {
  const run = await publishedRun(db, conventionId, runId);
  if (!run) throw notFound('published run');
  // The months count every case of the convention: they are the territory's, not a partner's.
  const [{ groups, communes }, months] = await Promise.all([
    followUpGroups(db, conventionId, run.id, viewer),
    viewer.role === 'territory' ? monthGroups(db, conventionId) : [],
  ]);
  return {
    run,
    stats: followUpStats(groups, communes, minShown),
    series: monthlySeries(months, minShown),
  };
}
