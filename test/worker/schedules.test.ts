// The worker's job schedulers come back: created at start, created again when the connection to Redis
// comes back (Redis may have restarted empty), repaired by a periodic check; /health/ready names the
// missing ones.
import { jobSchedules, keepSchedules } from '@nonrecours/core';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';

describe('job schedulers', () => {
  let t: TestApp;
  let bull: Queue;
  let redis: Redis;
  let kept: { stop(): void } | undefined;
  const ids = jobSchedules.map((s) => s.id);

  beforeAll(async () => {
    t = await createTestApp();
    bull = new Queue('jobs', { connection: { url: t.config.REDIS_URL! }, prefix: t.config.QUEUE_PREFIX });
    redis = new Redis(t.config.REDIS_URL!);
  });
  afterAll(async () => {
    kept?.stop();
    await bull.close();
    redis.disconnect();
    await t.close();
  });

  const readiness = async () => (await t.app.inject({ url: '/health/ready' })).json();

  async function eventually(check: () => Promise<boolean>, withinMs: number): Promise<number> {
    const started = Date.now();
    while (!(await check())) {
      if (Date.now() - started > withinMs) throw new Error(`not within ${withinMs} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
    return Date.now() - started;
  }

  it('are created at start, and missing ones show in /health/ready and come back on reconnection', async () => {
    expect(await readiness()).toMatchObject({ status: 'ok', schedules: 'missing', missing_schedules: ids });
    kept = await keepSchedules(t.queue, pino({ level: 'silent' }), 3_600_000);
    expect(await readiness()).toMatchObject({ status: 'ok', schedules: 'ok' });
    expect((await readiness()).missing_schedules).toBeUndefined();

    // Gone, as after a Redis restart without persistence: visible, though the probe still passes.
    for (const id of ids) await bull.removeJobScheduler(id);
    expect(await readiness()).toMatchObject({ status: 'ok', schedules: 'missing', missing_schedules: ids });

    // The queue's own connection drops and comes back: the schedulers are created again.
    const clients = (await redis.client('LIST')) as string;
    const producer = clients
      .split('\n')
      .find((line) => line.includes(`name=${t.config.QUEUE_PREFIX}:producer`));
    const id = producer?.match(/id=(\d+)/)?.[1];
    expect(id).toBeDefined();
    await redis.client('KILL', 'ID', id!);
    await eventually(async () => (await readiness()).schedules === 'ok', 10_000);
    expect((await bull.getJobSchedulers()).map((s) => s.key).sort()).toEqual([...ids].sort());
  });

  it('are repaired by the periodic check', async () => {
    kept?.stop();
    kept = await keepSchedules(t.queue, pino({ level: 'silent' }), 200);
    await bull.removeJobScheduler(ids[0]!);
    await eventually(async () => (await bull.getJobSchedulers()).length === ids.length, 5_000);
    const [purge] = (await bull.getJobSchedulers()).filter((s) => s.key === 'retention-purge-nightly');
    expect(purge).toMatchObject({ pattern: '15 3 * * *' });
  });
});
