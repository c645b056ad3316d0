// A real application over a fresh database and a BullMQ queue of its own on the real Redis, for
// tests that talk to it over HTTP (inject). `startWorkers` runs the job handlers in this process.

import { buildApp } from '@nonrecours/api/app.ts';
import { type Config, loadConfig } from '@nonrecours/config';
import {
  type AppQueue,
  type AuditSigner,
  countFailedAttempt,
  createAuditSigner,
  createJobHandlers,
  generateSigningJwk,
  importSigningJwk,
  jobDefinitions,
  type SigningKey,
} from '@nonrecours/core';
import { createJobQueue } from '@nonrecours/queue';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { dropQueueKeys, testQueuePrefix, testRedisUrl } from './redis.ts';

export interface TestApp {
  app: FastifyInstance;
  config: Config;
  database: TestDatabase;
  queue: AppQueue;
  signingKey: SigningKey;
  /** Signs the audit checkpoints: a key of its own, as in production. */
  checkpointKey: SigningKey;
  /** Signs with it, writing each checkpoint to AUDIT_CHECKPOINT_SINK_FILE when the test sets one. */
  auditSigner: AuditSigner;
  startWorkers(): Promise<void>;
  close(): Promise<void>;
}

export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const signingKey = await importSigningJwk(await generateSigningJwk());
  const checkpointKey = await importSigningJwk(await generateSigningJwk());
  const checkpointKeys = { signing: checkpointKey, trusted: [checkpointKey.publicJwk] };
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    REDIS_URL: testRedisUrl(),
    QUEUE_PREFIX: testQueuePrefix(),
    LOG_LEVEL: 'silent',
    ...env,
  });
  const log = pino({ level: 'silent' });
  const auditSigner = createAuditSigner({
    db: database.db,
    keys: checkpointKeys,
    sinkFile: config.AUDIT_CHECKPOINT_SINK_FILE,
  });
  const queue = await createJobQueue({
    definitions: jobDefinitions,
    redisUrl: config.REDIS_URL,
    prefix: config.QUEUE_PREFIX,
    log,
    concurrency: 2,
    retry: { attempts: 3, backoffMs: 50 },
  });
  const app = await buildApp({
    config,
    db: database.db,
    pool: database.pool,
    log,
    signingKey,
    checkpointKeys: checkpointKeys.trusted,
    auditSigner,
    queue,
  });
  return {
    app,
    config,
    database,
    queue,
    signingKey,
    checkpointKey,
    auditSigner,
    startWorkers: () =>
      queue.startWorkers(
        createJobHandlers({
          db: database.db,
          pool: database.pool,
          queue,
          checkpointKeys,
          auditSigner,
          checkpointPeriodSeconds: config.AUDIT_CHECKPOINT_PERIOD_SECONDS,
        }),
        { onAttemptFailed: countFailedAttempt },
      ),
    close: async () => {
      await app.close();
      await queue.close(2000);
      await Promise.all([database.close(), dropQueueKeys(config.QUEUE_PREFIX)]);
    },
  };
}
