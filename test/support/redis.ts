// The Redis the tests use (TEST_REDIS_URL, else the local one); tests that need it fail without it.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

export const testRedisUrl = () => process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A queue prefix of its own per test file, so files never see each other's jobs. */
export const testQueuePrefix = () => `nrtest-${randomBytes(4).toString('hex')}`;

export async function assertRedisAnswers(): Promise<void> {
  const redis = new Redis(testRedisUrl(), {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(`Redis does not answer at ${testRedisUrl()} (set TEST_REDIS_URL): ${String(error)}`);
  } finally {
    redis.disconnect();
  }
}

/** Deletes every key of a test's queue prefix once it is closed. */
export async function dropQueueKeys(prefix: string): Promise<void> {
  const redis = new Redis(testRedisUrl(), { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
