// Test helpers for this package: which Redis the tests use, whether tests that need it run, a unique
// key prefix per test, and removal of that prefix's keys afterwards.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { pino } from 'pino';

/** TEST_REDIS_URL as in the repository's test support, else REDIS_URL, else the local Redis. */
export const REDIS_URL =
  process.env['TEST_REDIS_URL'] ?? process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/**
 * Under CI a test that needs Redis always runs, so a Redis that does not answer fails it. Elsewhere it
 * is skipped when Redis does not answer, so the in-process tests still run on a bare machine.
 */
export async function redisTestsRun(): Promise<boolean> {
  if (process.env['CI'] === 'true') return true;
  const probe = new Redis(REDIS_URL, {
    lazyConnect: true,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  probe.on('error', () => {});
  try {
    await probe.connect();
    await probe.ping();
    return true;
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

export const testPrefix = (): string => `test-queue-${randomUUID().slice(0, 8)}`;

export async function deleteKeys(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL);
  try {
    for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 500 })) {
      if ((keys as string[]).length > 0) await redis.unlink(...(keys as string[]));
    }
  } finally {
    redis.disconnect();
  }
}

export const silentLog = pino({ level: 'silent' });

/** A TCP port that was free a moment ago: for a throwaway redis-server, or for one that is not there. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return address.port;
}
