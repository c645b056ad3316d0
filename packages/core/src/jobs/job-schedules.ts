// The cron schedules of the service, owned by the worker. They live in Redis: a Redis restarted without
// persistence comes back without them, and nothing would sign a checkpoint or purge again. So the
// worker creates them at start, again each time it reconnects to Redis, and repairs any found missing
// by a periodic check; the API shows the missing ones in /health/ready.
import type { Logger } from 'pino';
import type { AppJobSchemas, AppQueue } from './jobs.ts';

type ScheduledJob = 'audit.verify' | 'retention.purge' | 'audit.checkpoint';

export const jobSchedules: readonly {
  id: string;
  pattern: string;
  name: ScheduledJob & keyof AppJobSchemas;
}[] = [
  { id: 'audit-verify-nightly', pattern: '0 3 * * *', name: 'audit.verify' },
  { id: 'retention-purge-nightly', pattern: '15 3 * * *', name: 'retention.purge' },
  { id: 'audit-checkpoint-hourly', pattern: '0 * * * *', name: 'audit.checkpoint' },
];

/** The schedulers the queue should hold and does not. */
export async function missingSchedules(queue: Pick<AppQueue, 'listSchedules'>): Promise<string[]> {
  const present = new Set(await queue.listSchedules());
  return jobSchedules.filter((s) => !present.has(s.id)).map((s) => s.id);
}

/** Creates the missing schedulers; returns their ids. */
export async function repairSchedules(
  queue: Pick<AppQueue, 'listSchedules' | 'schedule'>,
): Promise<string[]> {
  const missing = new Set(await missingSchedules(queue));
  for (const s of jobSchedules) if (missing.has(s.id)) await queue.schedule(s.id, s.pattern, s.name, {});
  return [...missing];
}

/**
 * Upserts every schedule now, then repairs them on each reconnection and every `checkEveryMs`.
 * Call it from the worker only, so several API instances never double them.
 */
export async function keepSchedules(
  queue: Pick<AppQueue, 'listSchedules' | 'schedule' | 'onReconnect'>,
  log: Pick<Logger, 'warn' | 'error'>,
  checkEveryMs: number,
): Promise<{ stop(): void }> {
  for (const s of jobSchedules) await queue.schedule(s.id, s.pattern, s.name, {});
  let busy = false;
  const repair = (why: string) => {
    if (busy) return;
    busy = true;
    repairSchedules(queue)
      .then((created) => {
        if (created.length) log.warn({ created, why }, 'job schedulers were missing: created again');
      })
      .catch((err: unknown) => log.error({ err, why }, 'could not repair the job schedulers'))
      .finally(() => {
        busy = false;
      });
  };
  queue.onReconnect(() => repair('reconnected'));
  const timer = setInterval(() => repair('periodic check'), checkEveryMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
