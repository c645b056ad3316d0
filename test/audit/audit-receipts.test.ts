// When checkpoints are signed besides the period — after a run's publication, after an export, on
// demand — and the receipts a client opts into: what they carry, that verify checks them, and that a
// client that did not ask gets none.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createReceiptVerifier, startCheckpointTimer } from '@nonrecours/core';
import { jobId } from '@nonrecours/queue';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { addMember, makeClient, makePartner, type TestClient, tokenFor } from '../support/factories.ts';
import { loadTerritory } from '../support/territory.ts';

describe('checkpoints besides the period, and receipts', () => {
  let t: TestApp;
  let territory: Awaited<ReturnType<typeof loadTerritory>>;
  let sinkFile: string;
  let adminToken: string;
  let dpoToken: string;
  let dpoClient: TestClient;

  const latestCheckpoint = async () =>
    (
      await sql<{
        id: number;
        seq: number;
      }>`select id, seq from audit_checkpoints order by id desc limit 1`.execute(t.database.db)
    ).rows[0];
  const seqOf = async (requestId: string) =>
    Number(
      (
        await t.database.db
          .selectFrom('audit_events')
          .select('seq')
          .where('request_id', '=', requestId)
          .executeTakeFirstOrThrow()
      ).seq,
    );
  /** The export's checkpoint comes once its response is sent: wait for it. */
  async function checkpointCovering(seq: number) {
    for (let i = 0; i < 100; i++) {
      const last = await latestCheckpoint();
      if (last && Number(last.seq) >= seq) return last;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`no checkpoint covers seq ${seq}`);
  }

  beforeAll(async () => {
    sinkFile = path.join(mkdtempSync(path.join(tmpdir(), 'nonrecours-sink-')), 'checkpoints.jsonl');
    t = await createTestApp({ AUDIT_CHECKPOINT_SINK_FILE: sinkFile });
    await t.startWorkers();
    const db = t.database.db;
    territory = await loadTerritory(t.app, db);
    const operator = await makePartner(db, 'operator');
    adminToken = await tokenFor(t.app, await makeClient(db, operator.id, 'admin'));
    const dpo = await makePartner(db, 'other');
    await addMember(db, territory.conventionId, dpo.id, ['dpo']);
    dpoClient = await makeClient(db, dpo.id, 'dpo');
    dpoToken = await tokenFor(t.app, dpoClient);
  }, 120_000);
  afterAll(() => t.close());

  const inject = (method: 'GET' | 'POST' | 'PUT', url: string, token: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload ? { payload } : {}),
    });

  it('signs one after a run is published, covering its publication', async () => {
    const started = await inject(
      'POST',
      `/v1/conventions/${territory.conventionId}/runs`,
      territory.tokens.territory!,
      {},
    );
    expect(started.statusCode).toBe(202);
    const runId: string = started.json().id;
    await t.queue.waitFor(jobId('run-prepare', runId), 60_000);
    await t.queue.waitFor(jobId('run-finalise', runId), 60_000);
    const published = await t.database.db
      .selectFrom('audit_events')
      .select('seq')
      .where('target', '=', `run/${runId}`)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(Number((await latestCheckpoint())!.seq)).toBeGreaterThanOrEqual(Number(published.seq));
  });

  it('signs one after every export, cases and audit trail alike', async () => {
    const cases = await inject(
      'GET',
      `/v1/conventions/${territory.conventionId}/cases.csv`,
      territory.tokens.caf!,
    );
    expect(cases.statusCode).toBe(200);
    await checkpointCovering(await seqOf(cases.headers['x-request-id'] as string));
    const trail = await inject('GET', '/v1/audit/export', dpoToken);
    expect(trail.statusCode).toBe(200);
    await checkpointCovering(await seqOf(trail.headers['x-request-id'] as string));
  });

  it('signs one on demand for DPOs and operators, into the database, the sink and the answer', async () => {
    await inject('GET', `/v1/conventions/${territory.conventionId}`, territory.tokens.territory!);
    const res = await inject('POST', '/v1/audit/checkpoints', dpoToken);
    expect(res.statusCode, res.body).toBe(201);
    const signed = res.json();
    expect(signed).toMatchObject({ created: true, jws: expect.stringMatching(/^ey/) });
    const sink = readFileSync(sinkFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(sink.at(-1)).toMatchObject({ id: signed.id, seq: signed.seq, hash: signed.hash, jws: signed.jws });
    // Its own request is the only event since: the operator's finds that one new.
    expect((await inject('POST', '/v1/audit/checkpoints', adminToken)).statusCode).toBe(201);
    expect((await inject('POST', '/v1/audit/checkpoints', territory.tokens.caf!)).statusCode).toBe(403);
    // Every checkpoint signed so far is in the sink, in order.
    const ids = readFileSync(sinkFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).id);
    expect(ids).toEqual(ids.map((_, i) => i + 1));
  });

  it('signs one every period while events are appended, and none when nothing is new', async () => {
    const stop = startCheckpointTimer(t.auditSigner, 1, pino({ level: 'silent' }));
    try {
      const before = (await latestCheckpoint())!.id;
      await inject('GET', `/v1/conventions/${territory.conventionId}`, territory.tokens.territory!);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const after = (await latestCheckpoint())!.id;
      expect(after).toBe(before + 1);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect((await latestCheckpoint())!.id).toBe(after);
    } finally {
      stop();
    }
  });

  it('gives receipts only to a client that opted in, and verify checks them', async () => {
    const url = `/v1/conventions/${territory.conventionId}/cases?limit=5`;
    const plain = await inject('GET', url, territory.tokens.caf!);
    expect(plain.headers['audit-receipt']).toBeUndefined();

    const org = territory.partners.caf!;
    const client = await makeClient(t.database.db, org, 'partner');
    const optIn = await inject('PUT', `/v1/admin/clients/${client.id}/audit-receipts`, adminToken, {
      enabled: true,
    });
    expect(optIn.json()).toMatchObject({ id: client.id, audit_receipts: true });
    const token = await tokenFor(t.app, client);
    // A list (its handler writes the event) and a refusal (the access plugin does) both carry one.
    const listed = await inject('GET', url, token);
    const refused = await inject(
      'GET',
      `/v1/conventions/${territory.conventionId}/stats?run=00000000-0000-4000-8000-000000000000`,
      token,
    );
    expect(refused.statusCode).toBe(404);
    const receipts = [listed, refused].map((r) => r.headers['audit-receipt'] as string);
    const verifyReceipt = createReceiptVerifier([t.checkpointKey.publicJwk]);
    for (const [i, res] of [listed, refused].entries()) {
      const checked = await verifyReceipt(receipts[i]!);
      if (checked.problem) throw new Error(checked.problem);
      const event = await t.database.db
        .selectFrom('audit_events')
        .selectAll()
        .where('request_id', '=', res.headers['x-request-id'] as string)
        .executeTakeFirstOrThrow();
      expect(checked.payload).toEqual({
        seq: Number(event.seq),
        hash: event.hash,
        request_id: event.request_id,
        at: event.at.toISOString(),
      });
    }
    const verified = await inject('POST', '/v1/audit/verify', dpoToken, { receipts });
    expect(verified.json()).toMatchObject({ ok: true, receipts: { checked: 2, first_mismatch: null } });
    // A receipt signed by another key is not the service's.
    const forged = `${receipts[0]!.split('.').slice(0, 2).join('.')}.${'A'.repeat(86)}`;
    const refusedForgery = await inject('POST', '/v1/audit/verify', dpoToken, { receipts: [forged] });
    expect(refusedForgery.json()).toMatchObject({
      ok: false,
      reason: 'receipt_mismatch',
      receipts: { first_mismatch: { index: 0, reason: 'bad_signature' } },
    });
    expect((await inject('POST', '/v1/audit/verify', dpoToken, { receipts: ['not a jws'] })).statusCode).toBe(
      400,
    );
  });

  it('refuses to sign on demand a trail that no longer verifies, and records the refusal', async () => {
    const db = t.database.db;
    await db.transaction().execute(async (trx) => {
      await sql`alter table audit_events disable trigger user`.execute(trx);
      await sql`update audit_events set record_count = 12345 where seq = (select max(seq) - 1 from audit_events)`.execute(
        trx,
      );
      await sql`alter table audit_events enable trigger user`.execute(trx);
    });
    const res = await inject('POST', '/v1/audit/checkpoints', dpoToken);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'audit_trail_broken' });
    const refusal = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'audit.checkpoint')
      .where('outcome', '=', 'failed')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(refusal).toMatchObject({ actor: dpoClient.id, role: 'dpo' });
  });
});
