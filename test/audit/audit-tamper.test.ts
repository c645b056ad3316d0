// The tamper scenarios, as a database superuser would play them (triggers off, hashes recomputed,
// the chain's head row kept consistent), on a deployment older than one checkpoint period (periodic
// checkpoints signed, events since) and on one younger (none yet): each is reported by verify — by
// the database alone where it can show it, otherwise with the checkpoints of the sink file or the
// receipts a client kept.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chainHash, changeClientAuditReceipts, cliActor } from '@nonrecours/core';
import type { Db } from '@nonrecours/db';
import { sql } from 'kysely';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { addMember, makeClient, makeConvention, makePartner, tokenFor } from '../support/factories.ts';

const PERIOD = 2;
const quiet = pino({ level: 'silent' });

interface Report {
  ok: boolean;
  reason: string | null;
  problems: string[];
  first_broken: { seq: number; reason: string } | null;
  checkpoints: { first_mismatch: { reason: string } | null };
  freshness: {
    ok: boolean;
    reason: string | null;
    unvouched: number;
    newest_checkpoint_age_seconds: number | null;
  };
  external: { checked: number; first_mismatch: { reason: string } | null };
  receipts: { checked: number; first_mismatch: { reason: string; seq: number | null } | null };
}

interface Deployment {
  t: TestApp;
  db: Db;
  sinkFile: string;
  receipts: string[];
  /** Audited requests of a client that keeps its receipts. */
  touch(times: number): Promise<void>;
  /** A periodic checkpoint, as the timer signs it. */
  tick(): Promise<{ seq: number }>;
  verify(outside?: { checkpoints?: boolean; receipts?: boolean }): Promise<Report>;
}

let open: TestApp | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

async function deploy(age: 'older' | 'younger'): Promise<Deployment> {
  const sinkFile = path.join(mkdtempSync(path.join(tmpdir(), 'nonrecours-sink-')), 'checkpoints.jsonl');
  const t = await createTestApp({
    AUDIT_CHECKPOINT_PERIOD_SECONDS: String(PERIOD),
    AUDIT_CHECKPOINT_SINK_FILE: sinkFile,
  });
  open = t;
  const db = t.database.db;
  const conventionId = (await makeConvention(db)).id;
  const org = await makePartner(db, 'territory');
  await addMember(db, conventionId, org.id, ['dpo', 'territory']);
  const dpoToken = await tokenFor(t.app, await makeClient(db, org.id, 'dpo'));
  const territory = await makeClient(db, org.id, 'territory');
  await changeClientAuditReceipts(db, cliActor(), territory.id, true);
  const territoryToken = await tokenFor(t.app, territory);
  const receipts: string[] = [];
  const d: Deployment = {
    t,
    db,
    sinkFile,
    receipts,
    touch: async (times) => {
      for (let i = 0; i < times; i++) {
        const res = await t.app.inject({
          url: `/v1/conventions/${conventionId}`,
          headers: { authorization: `Bearer ${territoryToken}` },
        });
        expect(res.statusCode).toBe(200);
        receipts.push(res.headers['audit-receipt'] as string);
      }
    },
    tick: async () => {
      const outcome = await t.auditSigner.checkpoint('period', quiet);
      if (!outcome.created) throw new Error(`a checkpoint expected: ${outcome.reason}`);
      return outcome;
    },
    verify: async (outside = {}) => {
      const checkpoints =
        outside.checkpoints && existsSync(sinkFile)
          ? readFileSync(sinkFile, 'utf8')
              .trim()
              .split('\n')
              .filter(Boolean)
              .map((line) => JSON.parse(line))
          : [];
      const res = await t.app.inject({
        method: 'POST',
        url: '/v1/audit/verify',
        headers: { authorization: `Bearer ${dpoToken}` },
        payload: { checkpoints, receipts: outside.receipts ? receipts : [] },
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<Report>();
    },
  };
  await d.touch(4);
  if (age === 'older') {
    await d.tick();
    await d.touch(4);
    await d.tick();
    // Events since the last checkpoint, within the period: no checkpoint vouches for them yet.
    await d.touch(3);
  }
  const clean = await d.verify({ checkpoints: true, receipts: true });
  expect(clean.problems).toEqual([]);
  return d;
}

/** Triggers off, a change, triggers on: what a superuser can do. */
async function asSuperuser(db: Db, change: (trx: Db) => Promise<void>) {
  await db.transaction().execute(async (trx) => {
    await sql`alter table audit_events disable trigger user`.execute(trx);
    await sql`alter table audit_checkpoints disable trigger user`.execute(trx);
    await change(trx);
    await sql`alter table audit_events enable trigger user`.execute(trx);
    await sql`alter table audit_checkpoints enable trigger user`.execute(trx);
  });
}

/** The head row made to name the last event, as a careful rewriter would. */
async function fixHead(trx: Db) {
  await sql`update audit_chain_head set seq = coalesce((select max(seq) from audit_events), 0),
    hash = coalesce((select hash from audit_events order by seq desc limit 1), repeat('0', 64))`.execute(trx);
}

const lastSeq = async (db: Db) =>
  Number((await sql<{ s: number }>`select max(seq) as s from audit_events`.execute(db)).rows[0]!.s);
const lastCheckpointSeq = async (db: Db) =>
  Number(
    (await sql<{ s: number | null }>`select max(seq) as s from audit_checkpoints`.execute(db)).rows[0]!.s ??
      0,
  );

/** Alters the event at `seq` and recomputes every hash after it, and the head: the chain verifies. */
function rewriteFrom(db: Db, seq: number) {
  return asSuperuser(db, async (trx) => {
    const rows = await trx
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>=', seq)
      .orderBy('seq')
      .execute();
    let prevHash = rows[0]!.prev_hash;
    for (const row of rows) {
      const rewritten = {
        ...row,
        prev_hash: prevHash,
        record_count: row.seq === seq ? 999 : row.record_count,
      };
      const hash = chainHash(prevHash, rewritten);
      await sql`update audit_events set record_count = ${rewritten.record_count}, prev_hash = ${prevHash},
        hash = ${hash} where seq = ${row.seq}`.execute(trx);
      prevHash = hash;
    }
    await fixHead(trx);
  });
}

function truncateAfter(db: Db, seq: number) {
  return asSuperuser(db, async (trx) => {
    await sql`delete from audit_disclosures where seq > ${seq}`.execute(trx);
    await sql`delete from audit_events where seq > ${seq}`.execute(trx);
    await fixHead(trx);
  });
}

describe.each(['older', 'younger'] as const)('a deployment %s than one checkpoint period', (age) => {
  it('an edited row: the chain names it', async () => {
    const d = await deploy(age);
    await asSuperuser(d.db, (trx) =>
      sql`update audit_events set record_count = 7 where seq = 3`.execute(trx).then(),
    );
    const report = await d.verify();
    expect(report.ok).toBe(false);
    expect(report.first_broken).toEqual({ seq: 3, reason: 'hash_mismatch' });
  });

  it('a deleted middle row: the chain names the gap', async () => {
    const d = await deploy(age);
    await asSuperuser(d.db, async (trx) => {
      await sql`delete from audit_disclosures where seq = 3`.execute(trx);
      await sql`delete from audit_events where seq = 3`.execute(trx);
    });
    const report = await d.verify();
    expect(report.ok).toBe(false);
    expect(report.first_broken).toEqual({ seq: 3, reason: 'sequence_gap' });
  });

  it('a truncation before the last checkpoint (or of every event when none)', async () => {
    const d = await deploy(age);
    const checkpointed = await lastCheckpointSeq(d.db);
    await truncateAfter(d.db, Math.max(0, checkpointed - 2));
    if (age === 'older') {
      const report = await d.verify();
      expect(report.ok).toBe(false);
      expect(report.checkpoints.first_mismatch?.reason).toBe('missing_event');
    } else {
      // No checkpoint yet: the database alone cannot tell; the receipts can.
      expect((await d.verify()).ok).toBe(true);
      const report = await d.verify({ receipts: true });
      expect(report.ok).toBe(false);
      // The verify request just made is the chain's first event now: either way, the receipt fails.
      expect(['missing_event', 'hash_mismatch']).toContain(report.receipts.first_mismatch?.reason);
    }
  });

  it('a truncation after the last checkpoint: the receipts show it', async () => {
    const d = await deploy(age);
    await truncateAfter(d.db, (await lastSeq(d.db)) - 2);
    const report = await d.verify({ checkpoints: true, receipts: true });
    expect(report.ok).toBe(false);
    expect(report.receipts.first_mismatch?.reason).toBe('missing_event');
  });

  it('a consistent rewrite from before the last checkpoint', async () => {
    const d = await deploy(age);
    await rewriteFrom(d.db, 2);
    if (age === 'older') {
      const report = await d.verify();
      expect(report.first_broken).toBeNull();
      expect(report.ok).toBe(false);
      expect(report.checkpoints.first_mismatch?.reason).toBe('hash_mismatch');
    } else {
      expect((await d.verify()).ok).toBe(true);
      const report = await d.verify({ receipts: true });
      expect(report.ok).toBe(false);
      expect(report.receipts.first_mismatch?.reason).toBe('hash_mismatch');
    }
  });

  it('a consistent rewrite from after the last checkpoint: the receipts name it', async () => {
    const d = await deploy(age);
    await rewriteFrom(d.db, (await lastSeq(d.db)) - 1);
    const alone = await d.verify({ checkpoints: true });
    expect(alone.first_broken).toBeNull();
    const report = await d.verify({ checkpoints: true, receipts: true });
    expect(report.ok).toBe(false);
    expect(report.receipts.first_mismatch).toMatchObject({ reason: 'hash_mismatch' });
  });

  it('a rewrite with the deletion of the checkpoint rows: the sink shows it', async () => {
    const d = await deploy(age);
    // A younger deployment has a checkpoint once something asked for one (an export, a DPO).
    if (age === 'younger') await d.tick();
    await rewriteFrom(d.db, 2);
    await asSuperuser(d.db, (trx) => sql`delete from audit_checkpoints`.execute(trx).then());
    expect((await d.verify()).checkpoints.first_mismatch).toBeNull();
    const report = await d.verify({ checkpoints: true });
    expect(report.ok).toBe(false);
    expect(report.problems).toContain('external_checkpoint_mismatch');
    expect(['hash_mismatch', 'missing_checkpoint']).toContain(report.external.first_mismatch?.reason);
  });
});

describe('freshness', () => {
  it('refuses a trail whose checkpoints stopped while the chain grew, and reports what is unvouched', async () => {
    const d = await deploy('older');
    const young = await d.verify();
    expect(young.freshness.ok).toBe(true);
    // The three requests since the last checkpoint, and the verification that checked the deployment.
    expect(young.freshness.unvouched).toBe(4);
    expect(young.freshness.newest_checkpoint_age_seconds).toBeLessThan(2 * PERIOD);
    // No checkpoint for more than two periods while those events wait.
    await new Promise((resolve) => setTimeout(resolve, 2500 * PERIOD));
    const overdue = await d.verify();
    expect(overdue.ok).toBe(false);
    expect(overdue.freshness).toMatchObject({ ok: false, reason: 'checkpoint_overdue' });
    expect(overdue.freshness.newest_checkpoint_age_seconds).toBeGreaterThan(2 * PERIOD);
    // A checkpoint brings it back.
    await d.tick();
    expect((await d.verify()).ok).toBe(true);
  });

  it('refuses a trail that has events older than two periods and no checkpoint at all', async () => {
    const d = await deploy('younger');
    await new Promise((resolve) => setTimeout(resolve, 2500 * PERIOD));
    const report = await d.verify();
    expect(report).toMatchObject({ ok: false, reason: 'no_checkpoint' });
    expect(report.freshness.newest_checkpoint_age_seconds).toBeNull();
  });

  it('deleting the newest checkpoint rows shows as overdue once their events are old enough', async () => {
    const d = await deploy('older');
    await d.touch(2);
    await d.tick();
    await new Promise((resolve) => setTimeout(resolve, 2500 * PERIOD));
    await d.tick().catch(() => undefined);
    const newest = await lastCheckpointSeq(d.db);
    await asSuperuser(d.db, (trx) =>
      sql`delete from audit_checkpoints where id = (select max(id) from audit_checkpoints)`
        .execute(trx)
        .then(),
    );
    const report = await d.verify();
    expect(report.ok).toBe(false);
    expect(report.reason).toBe('checkpoint_overdue');
    const withSink = await d.verify({ checkpoints: true });
    expect(withSink.external.first_mismatch?.reason).toBe('missing_checkpoint');
    expect(newest).toBeGreaterThan(0);
  });
});
