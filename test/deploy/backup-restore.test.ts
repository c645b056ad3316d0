// The README's backup and restore runbook, followed: a database in use (clients, tokens, changes, a
// signed checkpoint in the sink) is dumped with pg_dump, restored with pg_restore into a fresh
// database, and `nonrecours admin audit verify` holds there with the backed-up checkpoint key and
// the sink's copy. Without that key (the keys volume lost) the checkpoints no longer verify.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { generateSigningJwk } from '@nonrecours/core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { serverUrl } from '../support/database.ts';
import { makeClient, makePartner, tokenFor } from '../support/factories.ts';

const run = promisify(execFile);
const cli = path.resolve(import.meta.dirname, '../../packages/cli/src/main.ts');

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function counts(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `select (select count(*) from audit_events)::int as events,
              (select seq from audit_chain_head)::int as head,
              (select count(*) from audit_checkpoints)::int as checkpoints,
              (select count(*) from api_clients)::int as clients`,
    );
    return rows[0];
  } finally {
    await client.end();
  }
}

describe('backup and restore', () => {
  let t: TestApp;
  const dir = mkdtempSync(path.join(tmpdir(), 'nonrecours-backup-'));
  const keyFile = path.join(dir, 'keys', 'audit-checkpoint-key.jwk');
  const otherKeyFile = path.join(dir, 'other-key.jwk');
  const sinkFile = path.join(dir, 'audit-sink', 'checkpoints.jsonl');
  const dump = path.join(dir, 'nonrecours.dump');
  const restored = `nonrecours_t_${Date.now().toString(36)}_restored`;

  const nonrecours = async (databaseUrl: string, key: string, ...args: string[]) => {
    const env = {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      AUDIT_CHECKPOINT_KEY_FILE: key,
      AUDIT_CHECKPOINT_SINK_FILE: sinkFile,
    };
    try {
      const { stdout } = await run(process.execPath, [cli, 'admin', ...args], { env });
      return { code: 0, json: JSON.parse(stdout) };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      if (!e.stdout) throw new Error(e.stderr);
      return { code: e.code, json: JSON.parse(e.stdout) };
    }
  };

  beforeAll(async () => {
    await run('mkdir', ['-p', path.dirname(keyFile), path.dirname(sinkFile)]);
    writeFileSync(keyFile, JSON.stringify(await generateSigningJwk()), { mode: 0o600 });
    writeFileSync(otherKeyFile, JSON.stringify(await generateSigningJwk()), { mode: 0o600 });
    t = await createTestApp();
    // A service in use: an operator, partners and clients, tokens issued, reads and refusals audited.
    const operator = await makePartner(t.database.db, 'operator');
    const adminClient = await makeClient(t.database.db, operator.id, 'admin');
    const token = await tokenFor(t.app, adminClient);
    for (const name of ['CAF 35', 'CPAM 35']) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/v1/admin/partners',
        headers: { authorization: `Bearer ${token}` },
        payload: { name, kind: name.startsWith('CAF') ? 'caf' : 'cpam' },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    expect((await t.app.inject({ url: '/v1/admin/partners' })).statusCode).toBe(401);
    const signed = await nonrecours(t.database.url, keyFile, 'audit', 'checkpoint');
    expect(signed).toMatchObject({ code: 0, json: { created: true } });
  }, 60_000);

  afterAll(async () => {
    await t.close();
    await admin(`drop database if exists "${restored}" with (force)`);
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores a pg_dump into a fresh database where the audit trail verifies with the kept key', async () => {
    await run('pg_dump', ['--format=custom', '--no-owner', '--file', dump, t.database.url]);
    await admin(`create database "${restored}"`);
    const restoredUrl = serverUrl(restored);
    await run('pg_restore', [
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      '--dbname',
      restoredUrl,
      dump,
    ]);

    const before = await counts(t.database.url);
    expect(before.events).toBeGreaterThan(4);
    expect(await counts(restoredUrl)).toEqual(before);

    const verified = await nonrecours(restoredUrl, keyFile, 'audit', 'verify', '--checkpoint', sinkFile);
    expect(verified.code, JSON.stringify(verified.json)).toBe(0);
    expect(verified.json).toMatchObject({
      ok: true,
      checked: before.events,
      head: expect.objectContaining({ seq: before.head }),
      first_broken: null,
      checkpoints: { ok: true, checked: 1, first_mismatch: null },
      external: { checked: 1, first_mismatch: null },
    });

    // With the keys volume lost, the signed checkpoints cannot be vouched for any more.
    const keyless = await nonrecours(restoredUrl, otherKeyFile, 'audit', 'verify', '--checkpoint', sinkFile);
    expect(keyless.code).toBe(1);
    expect(keyless.json).toMatchObject({ ok: false, first_broken: null, checkpoints: { ok: false } });
  }, 120_000);
});
