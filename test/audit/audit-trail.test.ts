// The audit trail: append-only, one linear chain under concurrency, tampering named by verify,
// and the DPO's query and export limited to their conventions.
import { verifyAuditChain } from '@nonrecours/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { addMember, makeClient, makeConvention, makePartner, tokenFor } from '../support/factories.ts';

describe('audit trail', () => {
  let t: TestApp;
  let dpoToken: string;
  let territoryToken: string;
  let own: string;
  let other: string;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    own = (await makeConvention(db)).id;
    other = (await makeConvention(db)).id;
    const dpo = await makePartner(db, 'territory');
    await addMember(db, own, dpo.id, ['dpo', 'territory']);
    dpoToken = await tokenFor(t.app, await makeClient(db, dpo.id, 'dpo'));
    territoryToken = await tokenFor(t.app, await makeClient(db, dpo.id, 'territory'));
    const stranger = await makePartner(db, 'territory');
    await addMember(db, other, stranger.id, ['territory']);
    const strangerToken = await tokenFor(t.app, await makeClient(db, stranger.id, 'territory'));
    await t.app.inject({
      url: `/v1/conventions/${other}`,
      headers: { authorization: `Bearer ${strangerToken}` },
    });
  });
  afterAll(() => t.close());

  const get = (url: string, token = dpoToken) =>
    t.app.inject({ url, headers: { authorization: `Bearer ${token}` } });

  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    const db = t.database.db;
    await expect(sql`update audit_events set action = 'x' where seq = 1`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_events where seq = 1`.execute(db)).rejects.toThrow(/append-only/);
    // The table of the pseudonyms each event disclosed references the chain: its foreign key may
    // refuse the truncation before the trigger does.
    await expect(sql`truncate audit_events`.execute(db)).rejects.toThrow(/append-only|foreign key/);
  });

  it('keeps one unbroken chain under 50 concurrent audited requests', async () => {
    const before = await verifyAuditChain(t.database.db);
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => get(`/v1/conventions/${own}`, territoryToken)),
    );
    expect(responses.every((r) => r.statusCode === 200)).toBe(true);
    const after = await verifyAuditChain(t.database.db);
    expect(after.ok).toBe(true);
    expect(after.checked).toBe(before.checked + 50);
    const ids = responses.map((r) => r.headers['x-request-id'] as string);
    const events = await t.database.db
      .selectFrom('audit_events')
      .select('seq')
      .where('request_id', 'in', ids)
      .execute();
    expect(events).toHaveLength(50);
  });

  it('shows a DPO the events of their conventions only, newest first, page by page', async () => {
    const first = await get(`/v1/audit?limit=5`);
    expect(first.statusCode).toBe(200);
    const page = first.json();
    expect(page.items).toHaveLength(5);
    expect(page.items.every((e: { convention_id: string }) => e.convention_id === own)).toBe(true);
    const seqs = page.items.map((e: { seq: number }) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    const second = (await get(`/v1/audit?limit=5&cursor=${page.next_cursor}`)).json();
    expect(second.items[0].seq).toBeLessThan(seqs.at(-1));

    const foreign = (await get(`/v1/audit?convention_id=${other}`)).json();
    expect(foreign.items).toEqual([]);

    const filtered = (await get(`/v1/audit?action=convention.read&outcome=success&limit=1000`)).json();
    expect(filtered.items.length).toBeGreaterThanOrEqual(50);
    expect(filtered.items.every((e: { action: string }) => e.action === 'convention.read')).toBe(true);
  });

  it('exports the same events as JSON Lines in chain order', async () => {
    const res = await get(`/v1/audit/export?action=convention.read`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/x-ndjson');
    const lines = res.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.length).toBeGreaterThanOrEqual(50);
    expect(lines.every((e) => e.convention_id === own)).toBe(true);
    const seqs = lines.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  });

  it('finds the events of one request by the x-request-id of its response', async () => {
    const res = await get(`/v1/conventions/${own}`, territoryToken);
    const requestId = res.headers['x-request-id'] as string;
    const page = (await get(`/v1/audit?request_id=${requestId}`)).json();
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      request_id: requestId,
      action: 'convention.read',
      outcome: 'success',
    });
    expect((await get('/v1/audit?request_id=no-such-request')).json().items).toEqual([]);
  });

  it('names the first tampered event, whether its content or its link was changed', async () => {
    const ok = (await get('/v1/audit/verify')).json();
    expect(ok.ok).toBe(true);
    expect(ok.first_broken).toBeNull();

    const db = t.database.db;
    const target = Math.floor(ok.head.seq / 2);
    await db.transaction().execute(async (trx) => {
      await sql`alter table audit_events disable trigger audit_events_no_update`.execute(trx);
      await sql`update audit_events set record_count = 999 where seq = ${target}`.execute(trx);
      await sql`alter table audit_events enable trigger audit_events_no_update`.execute(trx);
    });
    const broken = (await get('/v1/audit/verify')).json();
    expect(broken.ok).toBe(false);
    expect(broken.first_broken).toEqual({ seq: target, reason: 'hash_mismatch' });

    // Recomputing that row's hash to hide the change breaks the link of the next one instead.
    const row = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '=', target)
      .executeTakeFirstOrThrow();
    const { chainHash } = await import('@nonrecours/core');
    await db.transaction().execute(async (trx) => {
      await sql`alter table audit_events disable trigger audit_events_no_update`.execute(trx);
      await sql`update audit_events set hash = ${chainHash(row.prev_hash, row)} where seq = ${target}`.execute(
        trx,
      );
      await sql`alter table audit_events enable trigger audit_events_no_update`.execute(trx);
    });
    const relinked = (await get('/v1/audit/verify')).json();
    expect(relinked.first_broken).toEqual({ seq: target + 1, reason: 'link_mismatch' });

    await db.transaction().execute(async (trx) => {
      await sql`alter table audit_events disable trigger audit_events_no_update`.execute(trx);
      await sql`delete from audit_events where seq >= ${target}`.execute(trx);
      await sql`alter table audit_events enable trigger audit_events_no_update`.execute(trx);
    });
    // The truncated chain verifies up to its new head, but the head row still names the cut event.
    const cut = (await get('/v1/audit/verify')).json();
    expect(cut).toMatchObject({ ok: false, first_broken: null });
    expect(cut.problems).toContain('head_mismatch');
  });
});
