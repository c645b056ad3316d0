// Killing the ingesting process in the middle of a large upload leaves no visible row and a failed
// extract; sending the same body again under the same idempotency key then succeeds, at once, on
// another API process, with no sweep in between.
import { Readable } from 'node:stream';
import { failInterruptedUploads } from '@nonrecours/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApiProcess } from '../support/api-process.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { extractStream } from '../support/extract-files.ts';
import { addMember, makeClient, makeConvention, makePartner, type TestClient } from '../support/factories.ts';
import { clientToken, uploadExtract } from '../support/http-client.ts';
import { testQueuePrefix, testRedisUrl } from '../support/redis.ts';

const ROWS = Number(process.env.INTERRUPT_TEST_ROWS ?? 1_000_000);
const RETRY_ROWS = Number(process.env.INTERRUPT_RETRY_ROWS ?? 200_000);
const KCV = '4b087fe7a2945f10';

describe('an upload interrupted by a crash', () => {
  let database: TestDatabase;
  let client: TestClient;
  let conventionId: string;
  let api: ApiProcess | undefined;
  let other: ApiProcess | undefined;
  const env = () => ({
    DATABASE_URL: database.url,
    REDIS_URL: testRedisUrl(),
    QUEUE_PREFIX: testQueuePrefix(),
    MIGRATE_ON_START: 'false',
  });

  beforeAll(async () => {
    database = await createTestDatabase();
    conventionId = (await makeConvention(database.db)).id;
    const org = await makePartner(database.db, 'caf');
    await addMember(database.db, conventionId, org.id, ['partner'], ['caf']);
    client = await makeClient(database.db, org.id, 'partner');
  });
  afterAll(async () => {
    await api?.stop('SIGKILL');
    await other?.stop('SIGKILL');
    await database.close();
  });

  const target = (url: string, token: string, idempotencyKey = 'crash-test-upload-1') => ({
    url,
    token,
    conventionId,
    kind: 'caf',
    month: '2026-09',
    kcv: KCV,
    idempotencyKey,
  });

  const copyingBackends = async (waitEvent: string | null) => {
    const result = await sql<{ n: number }>`
      select count(*)::int as n from pg_stat_activity
      where datname = current_database() and query like 'copy extract_rows_caf_%'
        and (${waitEvent}::text is null or wait_event = ${waitEvent})`.execute(database.db);
    return result.rows[0]!.n;
  };

  /** Sends a third of `rows`, then holds the rest back until `stalled` resolves. */
  const stalledBody = (rows: number, stalled: Promise<void>) =>
    Readable.from(
      (async function* () {
        for await (const chunk of extractStream('caf', Math.floor(rows / 3))) yield chunk;
        await stalled;
      })(),
    );

  const status = async () =>
    await database.db
      .selectFrom('extracts')
      .select(['id', 'status'])
      .where('convention_id', '=', conventionId)
      .execute();

  it('leaves a failed extract and no row, then accepts the retry', async () => {
    api = await startApiProcess(env());
    const bearer = await clientToken(api.url, client);
    // The client sends a third of the rows, then holds the rest back: the API is in the middle of the
    // COPY, waiting for the body, when it is killed.
    const stalled = Promise.withResolvers<void>();
    const body = stalledBody(ROWS, stalled.promise);
    const upload = uploadExtract(target(api.url, bearer), body).catch((error: Error) => error);
    while ((await copyingBackends('ClientRead')) === 0) await new Promise((r) => setTimeout(r, 50));
    expect((await status()).map((e) => e.status)).toEqual(['receiving']);
    await api.stop('SIGKILL');
    stalled.resolve();
    expect(await upload).toBeInstanceOf(Error);

    const [interrupted] = await status();
    const partition = `extract_rows_caf_${interrupted!.id.replaceAll('-', '')}`;
    const exists = await sql<{ t: string | null }>`select to_regclass(${partition})::text as t`.execute(
      database.db,
    );
    expect(exists.rows[0]!.t).toBeNull();
    const visible = await sql<{ n: number }>`select count(*)::int as n from extract_rows_caf`.execute(
      database.db,
    );
    expect(visible.rows[0]!.n).toBe(0);
    // Once the server has seen its client go, the dead upload holds no lock and the sweep takes it.
    while ((await copyingBackends(null)) > 0) await new Promise((r) => setTimeout(r, 10));
    expect(await failInterruptedUploads(database.db, 0)).toBe(1);
    expect((await status()).map((e) => e.status)).toEqual(['failed']);

    api = await startApiProcess(env());
    const retry = await uploadExtract(
      target(api.url, await clientToken(api.url, client)),
      extractStream('caf', ROWS),
    );
    expect(retry.status, retry.body).toBe(202);
    expect(JSON.parse(retry.body)).toMatchObject({ status: 'accepted', row_count: ROWS, valid_count: ROWS });
    const loaded = await sql<{ n: number }>`select count(*)::int as n from extract_rows_caf`.execute(
      database.db,
    );
    expect(loaded.rows[0]!.n).toBe(ROWS);
  }, 180_000);

  it('takes the retry of an upload whose process was killed at once, with the exact row count', async () => {
    await api?.stop('SIGKILL');
    api = await startApiProcess(env());
    other = await startApiProcess(env());
    const key = 'crash-test-upload-2';
    const stalled = Promise.withResolvers<void>();
    const upload = uploadExtract(
      target(api.url, await clientToken(api.url, client), key),
      stalledBody(RETRY_ROWS, stalled.promise),
    ).catch((error: Error) => error);
    while ((await copyingBackends('ClientRead')) === 0) await new Promise((r) => setTimeout(r, 50));
    const otherToken = await clientToken(other.url, client);
    // While the upload lives, its retry is told it is in progress.
    const early = await uploadExtract(target(other.url, otherToken, key), extractStream('caf', 10));
    expect(early.status, early.body).toBe(409);
    expect(JSON.parse(early.body).code).toBe('upload_in_progress');

    await api.stop('SIGKILL');
    stalled.resolve();
    expect(await upload).toBeInstanceOf(Error);
    // The server has seen its client go: the dead upload holds no lock any more.
    while ((await copyingBackends(null)) > 0) await new Promise((r) => setTimeout(r, 10));
    const dead = await database.db
      .selectFrom('extracts')
      .select(['id', 'status'])
      .where('idempotency_key', '=', key)
      .executeTakeFirstOrThrow();
    expect(dead.status).toBe('receiving');

    const retry = await uploadExtract(target(other.url, otherToken, key), extractStream('caf', RETRY_ROWS));
    expect(retry.status, retry.body).toBe(202);
    const accepted = JSON.parse(retry.body);
    expect(accepted).toMatchObject({ status: 'accepted', row_count: RETRY_ROWS, valid_count: RETRY_ROWS });
    const rows = await sql<{ n: number }>`
      select count(*)::int as n from extract_rows_caf where extract_id = ${accepted.id}`.execute(database.db);
    expect(rows.rows[0]!.n).toBe(RETRY_ROWS);
    const before = await database.db
      .selectFrom('extracts')
      .select(['status', 'refusal_code'])
      .where('id', '=', dead.id)
      .executeTakeFirstOrThrow();
    expect(before).toEqual({ status: 'failed', refusal_code: 'interrupted' });
  }, 180_000);
});
