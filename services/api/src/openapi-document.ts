// The OpenAPI document as the running API serves it, built without a database or a queue.
import { loadConfig } from '@nonrecours/config';
import { createAuditSigner, generateSigningJwk, importSigningJwk } from '@nonrecours/core';
import { createDatabase } from '@nonrecours/db';
import pino from 'pino';
import { buildApp } from './app.ts';

export async function openapiDocument(): Promise<unknown> {
  // The pool connects lazily: nothing here ever reaches a server.
  const database = createDatabase({ connectionString: 'postgres://openapi@127.0.0.1:1/none' });
  const unavailable = async () => {
    throw new Error('no queue while generating the OpenAPI document');
  };
  const checkpointKey = await importSigningJwk(await generateSigningJwk());
  const app = await buildApp({
    config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
    db: database.db,
    pool: database.pool,
    log: pino({ level: 'silent' }),
    signingKey: await importSigningJwk(await generateSigningJwk()),
    checkpointKeys: [],
    auditSigner: createAuditSigner({
      db: database.db,
      keys: { signing: checkpointKey, trusted: [checkpointKey.publicJwk] },
    }),
    queue: {
      kind: 'inline',
      add: unavailable,
      ping: unavailable,
      listSchedules: unavailable,
      stats: unavailable,
    },
  });
  try {
    return app.swagger();
  } finally {
    await app.close();
    await database.close();
  }
}

export const serialiseDocument = (doc: unknown) => `${JSON.stringify(doc, null, 2)}\n`;
