// Chooses the adapter: BullMQ when a Redis URL is configured, in-process otherwise (development).
import { createBullmqQueue } from './bullmq-queue.ts';
import { createInlineQueue } from './inline-queue.ts';
import type { JobSchemas } from './job-definitions.ts';
import type { JobQueue, JobQueueOptions } from './job-queue.ts';

/**
 * Creates the queue without starting workers (call `startWorkers` in the process that handles jobs).
 * With Redis it connects first and rejects if Redis is unreachable or may evict keys.
 */
export async function createJobQueue<T extends JobSchemas>(
  options: JobQueueOptions<T>,
): Promise<JobQueue<T>> {
  const { redisUrl } = options;
  return redisUrl ? createBullmqQueue({ ...options, redisUrl }) : createInlineQueue(options);
}
