// A process that starts while PostgreSQL or Redis is still down waits for them, with backoff, instead
// of exiting: it exits only on a configuration error (or a shutdown signal).
import { isDatabaseUnavailable } from '@nonrecours/db';
import { isQueueUnavailable } from '@nonrecours/queue';
import type { Logger } from 'pino';

export async function untilAvailable<T>(
  what: string,
  attempt: () => Promise<T>,
  log: Pick<Logger, 'warn'>,
  maxWaitMs = 5000,
): Promise<T> {
  for (let wait = 500; ; wait = Math.min(wait * 2, maxWaitMs)) {
    try {
      return await attempt();
    } catch (error) {
      if (!isDatabaseUnavailable(error) && !isQueueUnavailable(error)) throw error;
      log.warn({ err: error, retryInMs: wait }, `${what}: a service is unavailable, trying again`);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
