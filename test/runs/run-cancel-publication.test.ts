// A run cancelled while its publication attaches its cases. The publication holds the run's row, then
// locks `runs` against updates (the foreign key of the partition it attaches); the cancellation must
// wait for the row without holding a lock that attachment waits on, or one of the two is a deadlock's
// victim.
import { cliActor } from '@nonrecours/core';
import { cancelRun } from '@nonrecours/core/runs/runs.service.ts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRunningRun } from '../support/crafted-runs.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { makeConvention } from '../support/factories.ts';

describe('a cancellation during the attachment of a run’s cases', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t.close());

  it('waits for the publication’s transaction, then cancels the run', async () => {
    const db = t.db;
    const convention = await makeConvention(db);
    const runId = await insertRunningRun(db, convention.id);

    let cancelling: Promise<{ status: string } | Error> | undefined;
    await db.transaction().execute(async (trx) => {
      await trx.selectFrom('runs').select('id').where('id', '=', runId).forUpdate().execute();
      cancelling = cancelRun(db, convention.id, runId, cliActor()).catch((error: Error) => error);
      for (;;) {
        const { rows } = await sql<{ n: number }>`
          select count(*)::int as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock'`.execute(db);
        if (rows[0]!.n > 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      // What attaching a partition of `cases` takes on `runs`; past the deadlock detector's second.
      await sql`lock table runs in share row exclusive mode`.execute(trx);
      await new Promise((r) => setTimeout(r, 1200));
    });
    const cancelled = await cancelling;
    expect(cancelled).not.toBeInstanceOf(Error);
    expect((cancelled as { status: string }).status).toBe('cancelled');
  });
});
