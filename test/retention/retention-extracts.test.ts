// What the purge does to extracts before and at their expiry: a superseded extract or one made with
// an older key loses its rows at once (metadata kept), unless a run in progress uses it; a withdrawn
// one has nothing left to drop; a rejected one keeps its row errors until its expiry. And the working
// tables of runs that are no longer in progress go, never those of a run in progress.
import { cliActor, purgeRetention, registerConventionKey } from '@nonrecours/core';
import type { Db, Extract } from '@nonrecours/db';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { extractFile } from '../support/extract-files.ts';
import { addMember, makeClient, makeConvention, makePartner, tokenFor } from '../support/factories.ts';
import { extractRowsLeft, runTablesLeft } from './purge-helpers.ts';

const KCV = '4b087fe7a2945f10';

describe('retention purge of extracts and run working tables', () => {
  let t: TestApp;
  let db: Db;
  let conventionId: string;
  let token: string;
  const ids: Record<'august' | 'september' | 'withdrawn' | 'rejected', string> = {
    august: '',
    september: '',
    withdrawn: '',
    rejected: '',
  };

  function upload(kind: 'caf' | 'cpam', month: string, body: string) {
    return t.app.inject({
      method: 'POST',
      url: `/v1/conventions/${conventionId}/extracts?kind=${kind}&schema=${kind}.v1&reference_month=${month}`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv', 'x-key-check': KCV },
      payload: body,
    });
  }
  const extract = (id: string): Promise<Extract> =>
    db.selectFrom('extracts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const errorsOf = async (id: string) =>
    (
      await db
        .selectFrom('extract_errors')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('extract_id', '=', id)
        .executeTakeFirstOrThrow()
    ).n;
  const tableOf = (kind: string, id: string) => `extract_rows_${kind}_${id.replaceAll('-', '')}`;

  async function insertRun(status: 'running' | 'failed' | 'cancelled', extracts: string[] = []) {
    const run = await db
      .insertInto('runs')
      .values({
        convention_id: conventionId,
        rule_pack: 'fr.v1',
        dice_threshold: 0.85,
        partitions: 1,
        status,
        started_by: 'test',
        extracts: JSON.stringify(extracts.map((id) => ({ id }))),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const base = `run_${run.id.replaceAll('-', '')}`;
    for (const name of ['family', 'results'])
      await sql.raw(`create unlogged table ${base}_${name} (x int)`).execute(db);
    return { id: run.id, tables: [`${base}_family`, `${base}_results`] };
  }

  beforeAll(async () => {
    t = await createTestApp();
    db = t.database.db;
    conventionId = (await makeConvention(db)).id;
    const org = await makePartner(db, 'caf');
    await addMember(db, conventionId, org.id, ['partner'], ['caf', 'cpam']);
    token = await tokenFor(t.app, await makeClient(db, org.id, 'partner'));
  });
  afterAll(() => t.close());

  it("drops a superseded extract's rows at once and keeps its metadata", async () => {
    ids.august = (await upload('caf', '2026-08', extractFile('caf', 5))).json().id;
    ids.september = (await upload('caf', '2026-09', extractFile('caf', 7))).json().id;
    expect(await extract(ids.august)).toMatchObject({ status: 'accepted', superseded_by: ids.september });

    const report = await purgeRetention(db, { now: new Date() });
    expect(report.purged[conventionId]).toMatchObject({
      extracts_superseded: 1,
      extracts_expired: 0,
      row_tables_dropped: 1,
      rows_dropped: 5,
    });
    expect(await extract(ids.august)).toMatchObject({
      status: 'purged',
      superseded_by: ids.september,
      valid_count: 5,
      purged_at: expect.any(Date),
    });
    expect(await extractRowsLeft(db)).toEqual({ rows: 7, tables: [tableOf('caf', ids.september)] });
    const seen = await t.app.inject({
      url: `/v1/conventions/${conventionId}/extracts/${ids.august}`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(seen.json()).toMatchObject({ status: 'purged', current: false, row_count: 5 });
  });

  it('keeps the row errors of a rejected extract and has nothing to drop for a withdrawn one', async () => {
    const rejected = await upload(
      'caf',
      '2026-09',
      extractFile('caf', 20, { override: (i) => (i % 2 === 0 ? { housing: 'castle' } : undefined) }),
    );
    expect(rejected.statusCode).toBe(422);
    ids.rejected = rejected.json().details.extract_id;
    expect(await errorsOf(ids.rejected)).toBe(10);
    ids.withdrawn = (await upload('cpam', '2026-09', extractFile('cpam', 3))).json().id;
    const withdrawal = await t.app.inject({
      method: 'DELETE',
      url: `/v1/conventions/${conventionId}/extracts/${ids.withdrawn}`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(withdrawal.statusCode).toBe(200);

    const report = await purgeRetention(db, { now: new Date() });
    expect(report.purged).toEqual({});
    expect(await errorsOf(ids.rejected)).toBe(10);
    expect((await extract(ids.withdrawn)).status).toBe('withdrawn');

    // A leftover of its rows (restored from a backup, say) is dropped; the extract stays withdrawn.
    await sql.raw(`create table ${tableOf('cpam', ids.withdrawn)} (like extract_rows_cpam)`).execute(db);
    const leftover = await purgeRetention(db, { now: new Date() });
    expect(leftover.purged[conventionId]).toMatchObject({ row_tables_dropped: 1, extracts_expired: 0 });
    expect((await extract(ids.withdrawn)).status).toBe('withdrawn');
    expect((await extractRowsLeft(db)).tables).toEqual([tableOf('caf', ids.september)]);
  });

  it('drops the working tables of failed and cancelled runs, and spares what a run in progress uses', async () => {
    const failed = await insertRun('failed');
    const cancelled = await insertRun('cancelled');
    const running = await insertRun('running', [ids.september]);
    // A new convention key: September's pseudonyms can never match again.
    await registerConventionKey(db, cliActor(), conventionId, 'aaaaaaaaaaaaaaaa');

    const first = await purgeRetention(db, { now: new Date() });
    expect(first.purged[conventionId]).toMatchObject({ run_tables_dropped: 4, extracts_stale_key: 0 });
    expect(await runTablesLeft(db)).toEqual(running.tables);
    expect((await extract(ids.september)).status).toBe('accepted');
    expect(
      await db.selectFrom('runs').select('id').where('id', 'in', [failed.id, cancelled.id]).execute(),
    ).toHaveLength(2);

    await db.updateTable('runs').set({ status: 'failed' }).where('id', '=', running.id).execute();
    const second = await purgeRetention(db, { now: new Date() });
    expect(second.purged[conventionId]).toMatchObject({
      run_tables_dropped: 2,
      extracts_stale_key: 1,
      rows_dropped: 7,
    });
    expect(await runTablesLeft(db)).toEqual([]);
    expect(await extractRowsLeft(db)).toEqual({ rows: 0, tables: [] });
    expect(await extract(ids.september)).toMatchObject({ status: 'purged', superseded_by: null });
  });

  it('purges the rest at expiry: row errors, withdrawn and rejected extracts, metadata kept', async () => {
    const latest = await db
      .selectFrom('extracts')
      .select(sql<Date>`max(expires_at)`.as('at'))
      .where('convention_id', '=', conventionId)
      .executeTakeFirstOrThrow();
    const early = await purgeRetention(db, { now: new Date(latest.at.getTime() - 86_400_000) });
    expect(early.purged).toEqual({});

    const report = await purgeRetention(db, { now: latest.at });
    expect(report.purged[conventionId]).toMatchObject({
      extracts_expired: 2,
      errors_deleted: 10,
      row_tables_dropped: 0,
      rows_dropped: 0,
    });
    expect(await errorsOf(ids.rejected)).toBe(0);
    expect(await extract(ids.rejected)).toMatchObject({
      status: 'purged',
      refusal_code: 'too_many_row_errors',
    });
    expect(await extract(ids.withdrawn)).toMatchObject({ status: 'purged', withdrawn_at: expect.any(Date) });
    const statuses = await db
      .selectFrom('extracts')
      .select('status')
      .where('convention_id', '=', conventionId)
      .execute();
    expect(statuses.map((s) => s.status)).toEqual(['purged', 'purged', 'purged', 'purged']);
  });
});
