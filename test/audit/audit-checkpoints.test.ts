// Signed checkpoints of the audit chain: a database administrator who rewrites the chain with every
// hash recomputed, cuts its tail, or slips in a checkpoint of their own is caught by verify, which
// names the first checkpoint that no longer holds. The checkpoint job signs through the worker.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  chainHash,
  createAuditCheckpoint,
  createCheckpointVerifier,
  generateSigningJwk,
  importSigningJwk,
  loadCheckpointKeys,
  signCheckpoint,
  verifyAuditTrail,
} from '@nonrecours/core';
import type { Db } from '@nonrecours/db';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { addMember, makeClient, makeConvention, makePartner, tokenFor } from '../support/factories.ts';

interface Trail {
  t: TestApp;
  db: Db;
  conventionId: string;
  /** Audited requests: each appends one event to the chain. */
  touch(times: number): Promise<void>;
  verify(): Promise<VerifyReport>;
}

interface VerifyReport {
  ok: boolean;
  checked: number;
  head: { seq: number; hash: string } | null;
  first_broken: { seq: number; reason: string } | null;
  checkpoints: {
    ok: boolean;
    checked: number;
    latest_verified: { id: number; seq: number; at: string } | null;
    first_mismatch: { id: number; seq: number | null; at: string | null; reason: string } | null;
  };
}

async function makeTrail(): Promise<Trail> {
  const t = await createTestApp();
  const db = t.database.db;
  const conventionId = (await makeConvention(db)).id;
  const dpo = await makePartner(db, 'territory');
  await addMember(db, conventionId, dpo.id, ['dpo', 'territory']);
  const dpoToken = await tokenFor(t.app, await makeClient(db, dpo.id, 'dpo'));
  const territoryToken = await tokenFor(t.app, await makeClient(db, dpo.id, 'territory'));
  return {
    t,
    db,
    conventionId,
    touch: async (times) => {
      for (let i = 0; i < times; i++)
        await t.app.inject({
          url: `/v1/conventions/${conventionId}`,
          headers: { authorization: `Bearer ${territoryToken}` },
        });
    },
    verify: async () => {
      const res = await t.app.inject({
        url: '/v1/audit/verify',
        headers: { authorization: `Bearer ${dpoToken}` },
      });
      expect(res.statusCode).toBe(200);
      return res.json<VerifyReport>();
    },
  };
}

/** What someone with database access does: triggers off, a change, triggers on. */
async function asDatabaseAdmin(db: Db, table: string, change: (trx: Db) => Promise<void>) {
  await db.transaction().execute(async (trx) => {
    await sql`alter table ${sql.table(table)} disable trigger user`.execute(trx);
    await change(trx);
    await sql`alter table ${sql.table(table)} enable trigger user`.execute(trx);
  });
}

/** Alters the event at `seq` and recomputes every hash after it: the chain alone verifies again. */
function rewriteChainFrom(db: Db, seq: number) {
  return asDatabaseAdmin(db, 'audit_events', async (trx) => {
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
  });
}

describe('audit checkpoints: signing', () => {
  let trail: Trail;
  beforeAll(async () => {
    trail = await makeTrail();
    await trail.t.startWorkers();
  });
  afterAll(() => trail.t.close());

  it('signs the chain head in a worker, once per new head', async () => {
    const { t, db } = trail;
    await trail.touch(3);
    const head = await db
      .selectFrom('audit_events')
      .select(['seq', 'hash'])
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    const { id } = await t.queue.add('audit.checkpoint', {}, { jobId: 'checkpoint-1' });
    const first = await t.queue.waitFor(id, 10_000);
    expect(first).toMatchObject({ created: true, id: 1, seq: head.seq, hash: head.hash });

    // Nothing appended since: a second run adds nothing.
    const again = await t.queue.add('audit.checkpoint', {}, { jobId: 'checkpoint-2' });
    expect(await t.queue.waitFor(again.id, 10_000)).toEqual({ created: false, reason: 'up_to_date' });

    const row = await sql<{ jws: string; kid: string }>`select jws, kid from audit_checkpoints where id = 1`
      .execute(db)
      .then((r) => r.rows[0]!);
    expect(row.kid).toBe(t.checkpointKey.kid);
    const signed = await createCheckpointVerifier([t.checkpointKey.publicJwk])(row.jws);
    expect(signed).toEqual({
      payload: expect.objectContaining({ id: 1, seq: head.seq, hash: head.hash }),
      kid: t.checkpointKey.kid,
    });

    const report = await trail.verify();
    expect(report.ok).toBe(true);
    expect(report.checkpoints).toMatchObject({
      ok: true,
      checked: 1,
      latest_verified: { id: 1, seq: head.seq },
      first_mismatch: null,
    });
  });

  it('is append-only in the database itself', async () => {
    const { db } = trail;
    await expect(sql`update audit_checkpoints set seq = 1`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_checkpoints`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_checkpoints`.execute(db)).rejects.toThrow(/append-only/);
  });

  it('refuses a checkpoint signed with another key, even one that claims the service kid', async () => {
    const { t, db } = trail;
    await trail.touch(2);
    const head = await db
      .selectFrom('audit_events')
      .select(['seq', 'hash'])
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    const forger = await importSigningJwk({ ...(await generateSigningJwk()), kid: t.checkpointKey.kid });
    const at = new Date();
    const payload = { id: 2, seq: head.seq, hash: head.hash, at: at.toISOString() };
    const jws = await signCheckpoint(forger, payload);
    await sql`insert into audit_checkpoints (id, at, seq, hash, jws, kid)
      values (2, ${at}, ${head.seq}, ${head.hash}, ${jws}, ${forger.kid})`.execute(db);

    const report = await trail.verify();
    expect(report.ok).toBe(false);
    expect(report.first_broken).toBeNull();
    expect(report.checkpoints).toMatchObject({
      ok: false,
      checked: 2,
      latest_verified: { id: 1 },
      first_mismatch: { id: 2, seq: head.seq, reason: 'bad_signature' },
    });

    // Another kid altogether is a key the service does not know.
    const stranger = await importSigningJwk(await generateSigningJwk());
    const verify = createCheckpointVerifier([t.checkpointKey.publicJwk]);
    expect(await verify(await signCheckpoint(stranger, payload))).toEqual({ problem: 'unknown_key' });
    // And the job will not sign over a checkpoint that does not hold.
    expect(await createAuditCheckpoint(db, t.checkpointKey)).toMatchObject({
      created: false,
      reason: 'checkpoint_mismatch',
      mismatch: { id: 2, reason: 'bad_signature' },
    });
  });

  it('is never mistaken for an access token', async () => {
    const { t, db } = trail;
    const { jws } = await sql<{ jws: string }>`select jws from audit_checkpoints where id = 1`
      .execute(db)
      .then((r) => r.rows[0]!);
    const res = await t.app.inject({ url: '/v1/audit', headers: { authorization: `Bearer ${jws}` } });
    expect(res.statusCode).toBe(401);
  });
});

describe('audit checkpoints: a chain rewritten with every hash recomputed', () => {
  let trail: Trail;
  beforeAll(async () => {
    trail = await makeTrail();
  });
  afterAll(() => trail.t.close());

  it('verifies as a chain, but not against the checkpoint that signed its old head', async () => {
    const { t, db } = trail;
    await trail.touch(3);
    const first = await createAuditCheckpoint(db, t.checkpointKey);
    expect(first).toMatchObject({ created: true, id: 1 });
    await trail.touch(3);
    const second = await createAuditCheckpoint(db, t.checkpointKey);
    expect(second).toMatchObject({ created: true, id: 2 });
    if (!first.created || !second.created) throw new Error('checkpoints expected');
    await trail.touch(2);

    // Rewritten after the first checkpoint, before the second: the first still holds.
    await rewriteChainFrom(db, first.seq + 2);
    const report = await trail.verify();
    expect(report.first_broken).toBeNull();
    expect(report.ok).toBe(false);
    expect(report.checkpoints).toMatchObject({
      ok: false,
      checked: 2,
      latest_verified: { id: 1, seq: first.seq },
      first_mismatch: { id: 2, seq: second.seq, reason: 'hash_mismatch' },
    });

    // The job refuses to sign the rewritten head, and says so in the chain.
    await t.startWorkers();
    const { id } = await t.queue.add('audit.checkpoint', {}, { jobId: 'checkpoint-after-rewrite' });
    expect(await t.queue.waitFor(id, 10_000)).toMatchObject({
      created: false,
      reason: 'checkpoint_mismatch',
      mismatch: { id: 2, reason: 'hash_mismatch' },
    });
    const refusal = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'audit.checkpoint')
      .executeTakeFirstOrThrow();
    expect(refusal).toMatchObject({ outcome: 'failed', actor: 'worker' });
  });

  it('names the first checkpoint when the rewrite reaches back before it', async () => {
    const { db } = trail;
    await rewriteChainFrom(db, 2);
    const report = await trail.verify();
    expect(report.first_broken).toBeNull();
    expect(report.checkpoints).toMatchObject({
      checked: 1,
      latest_verified: null,
      first_mismatch: { id: 1, reason: 'hash_mismatch' },
    });
  });
});

describe('audit checkpoints: a cut tail', () => {
  let trail: Trail;
  beforeAll(async () => {
    trail = await makeTrail();
  });
  afterAll(() => trail.t.close());

  it('is detected, though the shortened chain verifies', async () => {
    const { t, db } = trail;
    await trail.touch(5);
    const checkpoint = await createAuditCheckpoint(db, t.checkpointKey);
    if (!checkpoint.created) throw new Error('a checkpoint expected');
    await asDatabaseAdmin(db, 'audit_events', async (trx) => {
      await sql`delete from audit_events where seq > ${checkpoint.seq - 3}`.execute(trx);
    });
    const report = await trail.verify();
    expect(report.first_broken).toBeNull();
    expect(report.head?.seq).toBe(checkpoint.seq - 3);
    expect(report.ok).toBe(false);
    expect(report.checkpoints.first_mismatch).toMatchObject({
      id: 1,
      seq: checkpoint.seq,
      reason: 'missing_event',
    });

    // The next event goes on from the chain's head as it was, so the cut shows in the chain too.
    await trail.touch(1);
    expect((await trail.verify()).first_broken).toEqual({ seq: checkpoint.seq - 2, reason: 'sequence_gap' });
  });
});

describe('audit checkpoints: a deleted checkpoint', () => {
  let trail: Trail;
  beforeAll(async () => {
    trail = await makeTrail();
  });
  afterAll(() => trail.t.close());

  it('is detected in the middle of the others', async () => {
    const { t, db } = trail;
    for (let i = 0; i < 3; i++) {
      await trail.touch(1);
      expect(await createAuditCheckpoint(db, t.checkpointKey)).toMatchObject({ created: true, id: i + 1 });
    }
    await asDatabaseAdmin(db, 'audit_checkpoints', async (trx) => {
      await sql`delete from audit_checkpoints where id = 2`.execute(trx);
    });
    const report = await trail.verify();
    expect(report.checkpoints).toMatchObject({
      ok: false,
      latest_verified: { id: 1 },
      first_mismatch: { id: 2, seq: null, reason: 'missing_checkpoint' },
    });
  });
});

describe('audit checkpoints: a rotated key', () => {
  let trail: Trail;
  let dir: string;
  beforeAll(async () => {
    trail = await makeTrail();
    dir = mkdtempSync(path.join(tmpdir(), 'nonrecours-checkpoint-keys-'));
  });
  afterAll(() => trail.t.close());

  const keysOf = (trusted?: string) =>
    loadCheckpointKeys({
      NODE_ENV: 'production',
      AUDIT_CHECKPOINT_KEY_FILE: path.join(dir, 'checkpoint-key.jwk'),
      AUDIT_CHECKPOINT_TRUSTED_KEYS_FILE: trusted,
    });

  it('leaves the earlier checkpoints verifiable once the old public key is trusted', async () => {
    const { t, db } = trail;
    await trail.touch(2);
    expect(await createAuditCheckpoint(db, t.checkpointKey)).toMatchObject({ created: true, id: 1 });

    // The rotation: a new key signs, the old one's public part goes into the trusted set.
    writeFileSync(path.join(dir, 'checkpoint-key.jwk'), JSON.stringify(await generateSigningJwk()));
    const trustedFile = path.join(dir, 'trusted.json');
    writeFileSync(trustedFile, JSON.stringify({ keys: [t.checkpointKey.publicJwk] }));
    const rotated = await keysOf(trustedFile);
    expect(rotated.trusted.map((k) => k.kid)).toEqual([rotated.signing.kid, t.checkpointKey.kid]);

    await trail.touch(1);
    const verify = createCheckpointVerifier(rotated.trusted);
    expect(await createAuditCheckpoint(db, rotated.signing, verify)).toMatchObject({ created: true, id: 2 });
    const report = await verifyAuditTrail(db, verify);
    expect(report.ok).toBe(true);
    expect(report.checkpoints.checked).toBe(2);

    // Without the old key, its checkpoint can no longer be vouched for.
    const forgetful = await verifyAuditTrail(db, createCheckpointVerifier((await keysOf()).trusted));
    expect(forgetful.checkpoints.firstMismatch).toMatchObject({ id: 1, reason: 'unknown_key' });
  });

  it('refuses a trusted set holding a private key, or that is not a set of ES256 keys', async () => {
    const file = path.join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ keys: [await generateSigningJwk()] }));
    await expect(keysOf(file)).rejects.toThrow(
      /AUDIT_CHECKPOINT_TRUSTED_KEYS_FILE: .* private key has no place/,
    );
    writeFileSync(file, JSON.stringify([trail.t.checkpointKey.publicJwk]));
    await expect(keysOf(file)).rejects.toThrow(/AUDIT_CHECKPOINT_TRUSTED_KEYS_FILE: .* not a set of ES256/);
    await expect(keysOf(path.join(dir, 'missing.json'))).rejects.toThrow(/cannot be read \(ENOENT\)/);
  });
});
