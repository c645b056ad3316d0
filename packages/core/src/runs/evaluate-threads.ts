// Rule evaluation is the one stage of a run whose time is spent in this process rather than in the
// database: its partitions are evaluated on worker threads, one per core, so that the partitions a
// worker takes up at once run side by side instead of taking turns on one event loop. Threads start
// when a run needs them and stop after a minute without work.
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { EvaluateOutcome, EvaluateTask } from './evaluate-thread.ts';

let threads: Piscina<EvaluateTask, EvaluateOutcome> | undefined;

export async function evaluateOnThread(task: EvaluateTask): Promise<{ profiles: number; results: number }> {
  threads ??= new Piscina({
    filename: new URL('./evaluate-thread.ts', import.meta.url).href,
    minThreads: 0,
    maxThreads: availableParallelism(),
    idleTimeout: 60_000,
  });
  const outcome = await threads.run(task);
  if ('ok' in outcome) return outcome.ok;
  throw Object.assign(new Error(outcome.error.message), outcome.error);
}

/** Ends the threads (at shutdown): a partition still running on one fails, and its job is retried. */
export async function closeEvaluateThreads(): Promise<void> {
  const closing = threads;
  threads = undefined;
  await closing?.destroy();
}
