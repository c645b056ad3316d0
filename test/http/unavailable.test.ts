// A missing PostgreSQL or Redis is a clean 503 with a stable code, readiness says which, and liveness
// does not care. The services are really unreachable here: a closed port.
import { buildApp } from '@nonrecours/api/app.ts';
import { loadConfig } from '@nonrecours/config';
import { createAuditSigner, generateSigningJwk, importSigningJwk, jobDefinitions } from '@nonrecours/core';
import { createDatabase, isDatabaseUnavailable } from '@nonrecours/db';
import { createJobQueue, isQueueUnavailable } from '@nonrecours/queue';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/api-process.ts';
import { createTestDatabase } from '../support/database.ts';
import { dropQueueKeys, testQueuePrefix, testRedisUrl } from '../support/redis.ts';

const log = pino({ level: 'silent' });

describe('services unavailable', () => {
  const closers: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const close of closers.reverse()) await close();
  });

  it('tells a database that cannot be reached or went away from a wrong query', async () => {
    const closed = createDatabase({
      connectionString: `postgres://postgres@127.0.0.1:${await freePort()}/none`,
    });
    closers.push(() => closed.close());
    expect(isDatabaseUnavailable(await sql`select 1`.execute(closed.db).catch((e: unknown) => e))).toBe(true);

    const database = await createTestDatabase();
    closers.push(() => database.close());
    expect(
      isDatabaseUnavailable(await sql`select nothing`.execute(database.db).catch((e: unknown) => e)),
    ).toBe(false);
    // The server ends a session (as a restart does): its query fails, the process lives on.
    const client = await database.pool.connect();
    const pid = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
    await sql`select pg_terminate_backend(${pid})`.execute(database.db);
    await new Promise((r) => setTimeout(r, 100));
    const ended = await client.query('select 1').catch((e: unknown) => e);
    client.release(ended as Error);
    expect(isDatabaseUnavailable(ended)).toBe(true);
    expect((await sql<{ one: number }>`select 1 as one`.execute(database.db)).rows).toEqual([{ one: 1 }]);
  });

  it('tells a Redis that cannot be reached', async () => {
    const redis = new Redis(await freePort(), { lazyConnect: true, enableOfflineQueue: false });
    redis.on('error', () => {});
    closers.push(async () => redis.disconnect());
    expect(isQueueUnavailable(await redis.ping().catch((e: unknown) => e))).toBe(true);
  });

  it('answers 503 database_unavailable, readiness 503, liveness 200', async () => {
    const closed = createDatabase({
      connectionString: `postgres://postgres@127.0.0.1:${await freePort()}/none`,
    });
    const prefix = testQueuePrefix();
    const queue = await createJobQueue({
      definitions: jobDefinitions,
      redisUrl: testRedisUrl(),
      prefix,
      log,
      concurrency: 1,
    });
    const checkpointKey = await importSigningJwk(await generateSigningJwk());
    const app = await buildApp({
      config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
      db: closed.db,
      pool: closed.pool,
      log,
      signingKey: await importSigningJwk(await generateSigningJwk()),
      checkpointKeys: [],
      auditSigner: createAuditSigner({ db: closed.db, keys: { signing: checkpointKey, trusted: [] } }),
      queue,
    });
    closers.push(async () => {
      await app.close();
      await queue.close(1000);
      await closed.close();
      await dropQueueKeys(prefix);
    });
    expect((await app.inject({ url: '/health/live' })).statusCode).toBe(200);
    const ready = await app.inject({ url: '/health/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ status: 'unavailable', database: 'unavailable', queue: 'ok' });
    const token = await app.inject({
      method: 'POST',
      url: '/v1/token',
      payload: { grant_type: 'client_credentials', client_id: 'someone', client_secret: 'secret' },
    });
    expect(token.statusCode).toBe(503);
    expect(token.json()).toMatchObject({ code: 'database_unavailable' });
    expect(token.headers['retry-after']).toBe('5');
  });
});
