// The `retention.purge` job through BullMQ: an ended convention loses everything but its record, its
// members and its audit trail — which its DPO can still read, purge included — while another
// convention keeps what is current.
import { changeConventionStatus, cliActor, purgeConvention, verifyAuditChain } from '@nonrecours/core';
import type { Db } from '@nonrecours/db';
import { jobId } from '@nonrecours/queue';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { insertRunningRun } from '../support/crafted-runs.ts';
import { extractFile } from '../support/extract-files.ts';
import { addMember, makeClient, makeConvention, makePartner, tokenFor } from '../support/factories.ts';
import { groundTruth, loadTerritory } from '../support/territory.ts';
import { casesPartitionsLeft, extractRowsLeft, runTablesLeft } from './purge-helpers.ts';

describe('retention.purge job on an ended convention', () => {
  let t: TestApp;
  let db: Db;
  let ended: string;
  let other: { conventionId: string; extractId: string };
  let dpo: string;
  let eventsBefore: number[];

  const countIn = async (table: 'extracts' | 'cases' | 'runs' | 'oppositions', conventionId: string) =>
    (
      await db
        .selectFrom(table)
        .select(sql<number>`count(*)::int`.as('n'))
        .where('convention_id', '=', conventionId)
        .executeTakeFirstOrThrow()
    ).n;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.database.db;
    await t.startWorkers();
    const territory = await loadTerritory(t.app, db);
    ended = territory.conventionId;
    const run = await t.app.inject({
      method: 'POST',
      url: `/v1/conventions/${ended}/runs`,
      headers: { authorization: `Bearer ${territory.tokens.territory}` },
      payload: {},
    });
    await t.queue.waitFor(jobId('run-prepare', run.json().id), 60_000);
    await t.queue.waitFor(jobId('run-finalise', run.json().id), 60_000);
    const opposition = await t.app.inject({
      method: 'POST',
      url: `/v1/conventions/${ended}/oppositions`,
      headers: { authorization: `Bearer ${territory.tokens.cpam}` },
      payload: { pseudonyms: [groundTruth()[0]!.subject_pseudo] },
    });
    expect(opposition.statusCode).toBe(200);
    const org = await makePartner(db, 'other');
    await addMember(db, ended, org.id, ['dpo']);
    dpo = await tokenFor(t.app, await makeClient(db, org.id, 'dpo'));

    // Another convention, active, with a current extract.
    const current = await makeConvention(db);
    const caf = await makePartner(db, 'caf');
    await addMember(db, current.id, caf.id, ['partner'], ['caf']);
    const upload = await t.app.inject({
      method: 'POST',
      url: `/v1/conventions/${current.id}/extracts?kind=caf&schema=caf.v1&reference_month=2026-09`,
      headers: {
        authorization: `Bearer ${await tokenFor(t.app, await makeClient(db, caf.id, 'partner'))}`,
        'content-type': 'text/csv',
        'x-key-check': '4b087fe7a2945f10',
      },
      payload: extractFile('caf', 4),
    });
    other = { conventionId: current.id, extractId: upload.json().id };

    await changeConventionStatus(db, cliActor(), ended, 'ended');
    eventsBefore = (
      await db.selectFrom('audit_events').select('seq').where('convention_id', '=', ended).execute()
    ).map((e) => e.seq);
  }, 180_000);
  afterAll(() => t.close());

  it('removes everything of the ended convention but its record, members and audit trail', async () => {
    expect(await countIn('cases', ended)).toBeGreaterThan(1000);
    const endedRuns = await db.selectFrom('runs').select('id').where('convention_id', '=', ended).execute();
    const { id } = await t.queue.add('retention.purge', {});
    const result = (await t.queue.waitFor(id, 60_000)) as Record<string, number>;
    expect(result).toMatchObject({
      purged: 1,
      extracts_deleted: 5,
      row_tables_dropped: 5,
      runs_deleted: 1,
      oppositions_deleted: 1,
    });
    expect(result.cases_deleted).toBeGreaterThan(1000);

    for (const table of ['extracts', 'cases', 'runs', 'oppositions'] as const)
      expect(await countIn(table, ended), table).toBe(0);
    // Their runs' partitions of `cases` went with them.
    expect(
      await casesPartitionsLeft(
        db,
        endedRuns.map((r) => r.id),
      ),
    ).toEqual([]);
    const convention = await db
      .selectFrom('conventions')
      .selectAll()
      .where('id', '=', ended)
      .executeTakeFirst();
    expect(convention?.status).toBe('ended');
    expect(
      await db
        .selectFrom('convention_members')
        .select('partner_id')
        .where('convention_id', '=', ended)
        .execute(),
    ).toHaveLength(7);

    const events = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('convention_id', '=', ended)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.seq).slice(0, eventsBefore.length)).toEqual(eventsBefore);
    expect(events.at(-1)).toMatchObject({
      action: 'retention.purge',
      actor: 'worker',
      request_id: id,
      details: { convention_ended: true, extracts_deleted: 5, oppositions_deleted: 1 },
    });
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });

    // The other convention keeps its current extract and its rows.
    const kept = await db
      .selectFrom('extracts')
      .select('status')
      .where('id', '=', other.extractId)
      .executeTakeFirstOrThrow();
    expect(kept.status).toBe('accepted');
    expect(await extractRowsLeft(db)).toEqual({
      rows: 4,
      tables: [`extract_rows_caf_${other.extractId.replaceAll('-', '')}`],
    });
  });

  it("leaves the ended convention's DPO its audit trail, purge included", async () => {
    const res = await t.app.inject({
      url: `/v1/audit?convention_id=${ended}&action=retention.purge`,
      headers: { authorization: `Bearer ${dpo}` },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toHaveLength(1);
  });

  it('finds nothing more to do on the next run of the job', async () => {
    const { id } = await t.queue.add('retention.purge', {});
    expect(await t.queue.waitFor(id, 60_000)).toMatchObject({
      purged: 0,
      cases_deleted: 0,
      extracts_deleted: 0,
    });
  });

  it('cancels a run still in progress on an ended convention, and deletes it at the next purge', async () => {
    const convention = await makeConvention(db);
    const runId = await insertRunningRun(db, convention.id);
    const table = `run_${runId.replaceAll('-', '')}_results`;
    await sql.raw(`create unlogged table ${table} (x int)`).execute(db);
    await changeConventionStatus(db, cliActor(), convention.id, 'ended');

    // Its jobs stop at their next step; one may still be writing, so its tables wait a purge.
    const first = await purgeConvention(db, convention.id, { now: new Date() });
    expect(first).toMatchObject({ runs_cancelled: 1, runs_deleted: 0, run_tables_dropped: 0 });
    expect(await db.selectFrom('runs').select('status').where('id', '=', runId).execute()).toEqual([
      { status: 'cancelled' },
    ]);
    const second = await purgeConvention(db, convention.id, { now: new Date() });
    expect(second).toMatchObject({ runs_cancelled: 0, runs_deleted: 1, run_tables_dropped: 1 });
    expect(await runTablesLeft(db)).toEqual([]);
    expect(await purgeConvention(db, convention.id, { now: new Date() })).toBeNull();
  });
});
