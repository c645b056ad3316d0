// A real application over a fresh database, for tests that talk to it over HTTP (inject).

import { buildApp } from '@nonrecours/api/app.ts';
import { loadConfig } from '@nonrecours/config';
import { generateSigningJwk, importSigningJwk, type SigningKey } from '@nonrecours/core';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { createTestDatabase, type TestDatabase } from './database.ts';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  signingKey: SigningKey;
  close(): Promise<void>;
}

export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const signingKey = await importSigningJwk(await generateSigningJwk());
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: database.url, LOG_LEVEL: 'silent', ...env });
  const app = await buildApp({
    config,
    db: database.db,
    log: pino({ level: 'silent' }),
    signingKey,
    pingQueue: async () => {},
  });
  return {
    app,
    database,
    signingKey,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
