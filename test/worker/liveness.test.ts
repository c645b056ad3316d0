// The worker's own liveness probe: a heartbeat, and Redis answering the queue's ping.
import { type AppQueue, jobDefinitions } from '@nonrecours/core';
import { createJobQueue } from '@nonrecours/queue';
import { startLiveness } from '@nonrecours/worker/liveness.ts';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropQueueKeys, testQueuePrefix, testRedisUrl } from '../support/redis.ts';

describe('worker liveness', () => {
  const prefix = testQueuePrefix();
  let queue: AppQueue;

  beforeAll(async () => {
    queue = await createJobQueue({
      definitions: jobDefinitions,
      redisUrl: testRedisUrl(),
      prefix,
      log: pino({ level: 'silent' }),
      concurrency: 1,
    });
  });
  afterAll(() => dropQueueKeys(prefix));

  it('is alive while Redis answers, and says why not once it has been silent past the grace', async () => {
    const liveness = startLiveness({ ping: () => queue.ping(), everyMs: 50, redisGraceMs: 300 });
    try {
      await new Promise((resolve) => setTimeout(resolve, 200));
      await expect(liveness.check()).resolves.toBeUndefined();
      await queue.close(1000);
      await new Promise((resolve) => setTimeout(resolve, 500));
      await expect(liveness.check()).rejects.toThrow(/^Redis has not answered for \d+ ms: .*closed/);
    } finally {
      liveness.stop();
    }
  });

  it('fails when the event loop stops beating', async () => {
    const liveness = startLiveness({ ping: async () => {}, everyMs: 20, redisGraceMs: 60_000 });
    try {
      const until = Date.now() + 150;
      while (Date.now() < until); // a job that blocks the loop
      await expect(liveness.check()).rejects.toThrow(/no heartbeat for \d+ ms: the event loop is blocked/);
    } finally {
      liveness.stop();
    }
  });
});
