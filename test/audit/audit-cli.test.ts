// `nonrecours admin audit checkpoint` and `admin audit verify [--checkpoint FILE] [--receipts FILE]`,
// run as the operator runs them: the real command line, on the database, with the checkpoint key and
// the sink file of its configuration.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  appendAuditEvents,
  chainHash,
  generateSigningJwk,
  importSigningJwk,
  signReceipt,
} from '@nonrecours/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

const run = promisify(execFile);
const cli = path.resolve(import.meta.dirname, '../../packages/cli/src/main.ts');

describe('nonrecours admin audit', () => {
  let database: TestDatabase;
  const dir = mkdtempSync(path.join(tmpdir(), 'nonrecours-audit-cli-'));
  const keyFile = path.join(dir, 'checkpoint-key.jwk');
  const sinkFile = path.join(dir, 'checkpoints.jsonl');
  const receiptsFile = path.join(dir, 'receipts.txt');

  const admin = async (...args: string[]) => {
    const env = {
      ...process.env,
      DATABASE_URL: database.url,
      AUDIT_CHECKPOINT_KEY_FILE: keyFile,
      AUDIT_CHECKPOINT_SINK_FILE: sinkFile,
      NODE_ENV: 'production',
    };
    try {
      const { stdout } = await run(process.execPath, [cli, 'admin', 'audit', ...args], { env });
      return { code: 0, json: JSON.parse(stdout) };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      if (!e.stdout) throw new Error(e.stderr);
      return { code: e.code, json: JSON.parse(e.stdout) };
    }
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    const jwk = await generateSigningJwk();
    writeFileSync(keyFile, JSON.stringify(jwk), { mode: 0o600 });
    const key = await importSigningJwk(jwk);
    const events = await appendAuditEvents(
      database.db,
      Array.from({ length: 6 }, (_, i) => ({
        action: 'test.event',
        outcome: 'success' as const,
        requestId: `r-${i}`,
      })),
    );
    // A client kept the receipts of the last two.
    const receipts = await Promise.all(events.slice(-2).map((e) => signReceipt(key, e)));
    writeFileSync(receiptsFile, `${receipts.join('\n')}\n`);
  });
  afterAll(() => database.close());

  it('signs a checkpoint into the database, the sink file and the log, then verifies with them', async () => {
    const signed = await admin('checkpoint');
    expect(signed.code).toBe(0);
    expect(signed.json).toMatchObject({ created: true, id: 1 });
    expect((await admin('checkpoint')).json).toEqual({ created: false, reason: 'up_to_date' });
    const verified = await admin('verify', '--checkpoint', sinkFile, '--receipts', receiptsFile);
    expect(verified.code).toBe(0);
    expect(verified.json).toMatchObject({
      ok: true,
      external: { checked: 1, first_mismatch: null },
      receipts: { checked: 2, first_mismatch: null },
      freshness: { ok: true, unvouched: 0 },
    });
  });

  it('exits 1 and names what the sink and the receipts no longer find after a rewrite', async () => {
    const db = database.db;
    await db.transaction().execute(async (trx) => {
      await sql`alter table audit_events disable trigger user`.execute(trx);
      await sql`alter table audit_checkpoints disable trigger user`.execute(trx);
      const rows = await trx.selectFrom('audit_events').selectAll().orderBy('seq').execute();
      let prev = rows[0]!.prev_hash;
      for (const row of rows) {
        const hash = chainHash(prev, { ...row, target: 'rewritten' });
        await sql`update audit_events set target = 'rewritten', prev_hash = ${prev}, hash = ${hash} where seq = ${row.seq}`.execute(
          trx,
        );
        prev = hash;
      }
      await sql`update audit_chain_head set hash = ${prev}`.execute(trx);
      await sql`delete from audit_checkpoints`.execute(trx);
      await sql`alter table audit_events enable trigger user`.execute(trx);
      await sql`alter table audit_checkpoints enable trigger user`.execute(trx);
    });
    expect((await admin('verify')).code).toBe(0);
    const verified = await admin('verify', '--checkpoint', sinkFile, '--receipts', receiptsFile);
    expect(verified.code).toBe(1);
    expect(verified.json.problems).toEqual(['external_checkpoint_mismatch', 'receipt_mismatch']);
    expect(verified.json.external.first_mismatch).toMatchObject({ reason: 'hash_mismatch' });
    expect(verified.json.receipts.first_mismatch).toMatchObject({ reason: 'hash_mismatch' });
  });
});
