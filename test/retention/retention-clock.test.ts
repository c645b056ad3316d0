// The purge moves with the clock: on the synthetic territory after a run, a purge today removes
// nothing current; a purge far in the future leaves nothing past its date — no extract row, no case —
// while the extracts' metadata stays (`purged`) and the audit chain still verifies with the purge in it.
import { purgeRetention, verifyAuditChain } from '@nonrecours/core';
import type { Db } from '@nonrecours/db';
import { extractKinds } from '@nonrecours/pseudo';
import { jobId } from '@nonrecours/queue';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { loadTerritory } from '../support/territory.ts';
import { extractRowsLeft } from './purge-helpers.ts';

describe('retention purge against the clock', () => {
  let t: TestApp;
  let territory: Awaited<ReturnType<typeof loadTerritory>>;
  let runId: string;
  let db: Db;

  const count = async (table: 'cases' | 'extracts' | 'extract_errors') =>
    (await db.selectFrom(table).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
  const purgeEvents = () =>
    db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'retention.purge')
      .orderBy('seq')
      .execute();

  beforeAll(async () => {
    t = await createTestApp();
    db = t.database.db;
    await t.startWorkers();
    territory = await loadTerritory(t.app, db);
    const res = await t.app.inject({
      method: 'POST',
      url: `/v1/conventions/${territory.conventionId}/runs`,
      headers: { authorization: `Bearer ${territory.tokens.territory}` },
      payload: {},
    });
    runId = res.json().id;
    await t.queue.waitFor(jobId('run-prepare', runId), 60_000);
    await t.queue.waitFor(jobId('run-finalise', runId), 60_000);
  }, 180_000);
  afterAll(() => t.close());

  it('removes nothing current today', async () => {
    const cases = await count('cases');
    const rows = await extractRowsLeft(db);
    expect(cases).toBeGreaterThan(1000);
    expect(rows.tables).toHaveLength(extractKinds.length);

    const report = await purgeRetention(db, { now: new Date() });
    expect(report.purged).toEqual({});
    expect(Object.values(report.totals).every((n) => n === 0)).toBe(true);
    expect(await count('cases')).toBe(cases);
    expect(await extractRowsLeft(db)).toEqual(rows);
    const statuses = await db.selectFrom('extracts').select('status').execute();
    expect(statuses.every((e) => e.status === 'accepted')).toBe(true);
    expect(await purgeEvents()).toEqual([]);
  });

  it('deletes a case that concerns an opposed pseudonym, however it got there', async () => {
    // Written behind the service's back, as a run evaluating during a registration could leave it.
    const target = await db
      .selectFrom('cases')
      .select(['pseudonyms'])
      .where('run_id', '=', runId)
      .limit(1)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('oppositions')
      .values({
        convention_id: territory.conventionId,
        pseudonym: target.pseudonyms[0]!,
        registered_by: 'test',
      })
      .execute();
    const concerned = await sql<{ n: number }>`
      select count(*)::int as n from cases where ${target.pseudonyms[0]!} = any(pseudonyms)`.execute(db);
    const report = await purgeRetention(db, { now: new Date() });
    expect(report.totals.cases_opposed).toBe(concerned.rows[0]!.n);
    expect(report.totals.cases_expired).toBe(0);
    expect(report.totals.row_tables_dropped).toBe(0);
  });

  it('leaves nothing past its date when the clock is far ahead, and records it in the audit chain', async () => {
    const cases = await count('cases');
    const extracts = await db.selectFrom('extracts').selectAll().execute();
    const future = new Date('2100-01-01T00:00:00Z');
    const report = await purgeRetention(db, { now: future });

    expect(await extractRowsLeft(db)).toEqual({ rows: 0, tables: [] });
    expect(await count('cases')).toBe(0);
    expect(await count('extract_errors')).toBe(0);
    const after = await db.selectFrom('extracts').selectAll().execute();
    expect(after).toHaveLength(extracts.length);
    for (const e of after) {
      expect(e.status).toBe('purged');
      expect(e.purged_at).toEqual(future);
      // The metadata stays: who sent what, when, how many rows, which bytes.
      const before = extracts.find((x) => x.id === e.id)!;
      expect(e).toMatchObject({
        partner_id: before.partner_id,
        sha256: before.sha256,
        row_count: before.row_count,
      });
    }

    const counts = report.purged[territory.conventionId]!;
    expect(counts).toMatchObject({
      extracts_expired: extracts.length,
      row_tables_dropped: extracts.length,
      rows_dropped: extracts.reduce((sum, e) => sum + (e.valid_count ?? 0), 0),
      cases_expired: cases,
    });
    const events = await purgeEvents();
    expect(events).toHaveLength(2);
    expect(events.at(-1)).toMatchObject({
      actor: 'worker',
      role: 'system',
      convention_id: territory.conventionId,
      outcome: 'success',
      purpose: 'retention',
      record_count: counts.rows_dropped + cases,
      details: { ...counts, now: future.toISOString(), convention_ended: false },
    });
    const chain = await verifyAuditChain(db);
    expect(chain).toMatchObject({ ok: true, firstBroken: null });
    expect(chain.head?.seq).toBe(events.at(-1)!.seq);

    // The runs keep their aggregate report; a new run finds no usable extract.
    expect(await db.selectFrom('runs').select('status').execute()).toEqual([{ status: 'succeeded' }]);
    const again = await t.app.inject({
      method: 'POST',
      url: `/v1/conventions/${territory.conventionId}/runs`,
      headers: { authorization: `Bearer ${territory.tokens.territory}` },
      payload: {},
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('no_usable_extracts');
  });

  it('is idempotent: the same purge again finds nothing and records nothing', async () => {
    const seq = (await purgeEvents()).length;
    const report = await purgeRetention(db, { now: new Date('2100-01-01T00:00:00Z') });
    expect(report.purged).toEqual({});
    expect(await purgeEvents()).toHaveLength(seq);
  });
});
