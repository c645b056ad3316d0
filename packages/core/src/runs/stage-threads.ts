// The two stages of a run whose time is spent in this process rather than in the database run on
// worker threads, one per core: the link (its fuzzy linkage scores pairs in JavaScript) and the
// evaluation of the partitions, so that the partitions a worker takes up at once run side by side
// instead of taking turns on one event loop, and what they allocate stays in the threads' heaps,
// kept small, not in the process's. Threads start when a run needs them and stop after a minute
// without work.
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { StageOutcome, StageResults, StageTask } from './stage-thread.ts';

/**
 * A thread's live data is a batch of profiles or a block of filters, a few tens of megabytes: a young
 * generation of this size keeps the heap near it, for about the same time spent collecting.
 */
const YOUNG_GENERATION_MB = 24;

let threads: Piscina<StageTask, StageOutcome> | undefined;

export async function onStageThread<S extends StageTask['stage']>(
  task: Extract<StageTask, { stage: S }>,
): Promise<StageResults[S]> {
  threads ??= new Piscina({
    filename: new URL('./stage-thread.ts', import.meta.url).href,
    minThreads: 0,
    maxThreads: availableParallelism(),
    idleTimeout: 60_000,
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  const outcome = await threads.run(task);
  if ('ok' in outcome) return outcome.ok as StageResults[S];
  throw Object.assign(new Error(outcome.error.message), outcome.error);
}

/** Ends the threads (at shutdown): a stage still running on one fails, and its job is retried. */
export async function closeStageThreads(): Promise<void> {
  const closing = threads;
  threads = undefined;
  await closing?.destroy();
}
