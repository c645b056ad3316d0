// `pnpm nonrecours …` run as people run it: through pnpm, from another folder. Paths are the caller's
// folder's, not the checkout's; `admin bootstrap --json` prints the JSON document alone on stdout
// (pnpm's own lines and the warning go to stderr), so a script can read the secret from it.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

const checkout = fileURLToPath(new URL('../../', import.meta.url));
const pnpm = (
  args: string[],
  env: Record<string, string>,
  cwd = mkdtempSync(path.join(tmpdir(), 'nonrecours-operator-')),
) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const bin = path.dirname(process.execPath);
    execFile(
      'pnpm',
      ['--dir', checkout, 'nonrecours', ...args],
      {
        cwd,
        env: {
          ...process.env,
          PATH: `${bin}${path.delimiter}${process.env.PATH}`,
          LC_ALL: '',
          LC_MESSAGES: '',
          LANG: 'fr_FR.UTF-8',
          ...env,
        },
      },
      (error, stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, stdout, stderr }),
    );
  });

describe('pnpm nonrecours', () => {
  it('reads and writes paths relative to the folder it was called from', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'nonrecours-partner-'));
    const made = await pnpm(['keys', 'generate', '--out', 'relative.key', '--json'], {}, folder);
    expect(made.code, made.stderr).toBe(0);
    expect(existsSync(path.join(folder, 'relative.key'))).toBe(true);
    expect(existsSync(path.join(checkout, 'relative.key'))).toBe(false);
    const kcv = await pnpm(['keys', 'kcv', '--key-file', 'relative.key', '--json'], {}, folder);
    expect(JSON.parse(kcv.stdout)).toEqual({ kcv: JSON.parse(made.stdout).kcv });
  }, 60_000);
});

describe('pnpm nonrecours admin bootstrap --json', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('prints only the JSON document on stdout, once', async () => {
    const first = await pnpm(['admin', 'bootstrap', '--json'], { DATABASE_URL: database.url });
    expect(first.code, first.stderr).toBe(0);
    const answer = JSON.parse(first.stdout);
    expect(Object.keys(answer).sort()).toEqual(['client_id', 'client_secret', 'partner_id']);
    expect(first.stdout).toBe(`${JSON.stringify(answer)}\n`);
    expect(first.stderr).toMatch(/Gardez ce secret maintenant : il n’est pas conservé/);
    const client = await database.db
      .selectFrom('api_clients')
      .select(['role', 'status'])
      .where('id', '=', answer.client_id)
      .executeTakeFirstOrThrow();
    expect(client).toEqual({ role: 'admin', status: 'active' });

    const again = await pnpm(['admin', 'bootstrap', '--json'], { DATABASE_URL: database.url });
    expect(again.code).not.toBe(0);
    expect(again.stdout).toBe('');
    expect(again.stderr).toMatch(/un client admin actif existe déjà/);
    const english = await pnpm(['admin', 'bootstrap', '--lang', 'en'], { DATABASE_URL: database.url });
    expect(english.stderr).toMatch(/an active admin client exists already/);
  }, 60_000);
});
