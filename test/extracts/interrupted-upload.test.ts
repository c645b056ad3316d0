// Killing the ingesting process in the middle of a large upload leaves no visible row and a failed
// extract; sending the same body again under the same idempotency key then succeeds.
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
const KCV = '4b087fe7a2945f10';

describe('an upload interrupted by a crash', () => {
  let database: TestDatabase;
  let client: TestClient;
  let conventionId: string;
  let api: ApiProcess | undefined;
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
    await database.close();
  });

  const target = (url: string, token: string) => ({
    url,
    token,
    conventionId,
    kind: 'caf',
    month: '2026-09',
    kcv: KCV,
    idempotencyKey: 'crash-test-upload-1',
  });

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
    const body = Readable.from(
      (async function* () {
        for await (const chunk of extractStream('caf', Math.floor(ROWS / 3))) yield chunk;
        await stalled.promise;
      })(),
    );
    const upload = uploadExtract(target(api.url, bearer), body).catch((error: Error) => error);
    for (;;) {
      const copying = await sql<{ n: number }>`
        select count(*)::int as n from pg_stat_activity
        where datname = current_database() and query like 'copy extract_rows_caf_%' and wait_event = 'ClientRead'`.execute(
        database.db,
      );
      if (copying.rows[0]!.n > 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
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
});
