import { execFile } from 'node:child_process';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keyCheckValue, parseKey } from '@nonrecours/pseudo';
import { beforeEach, describe, expect, it } from 'vitest';

const main = new URL('../main.ts', import.meta.url).pathname;
const cli = (...args: string[]) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    // These cases read the English messages (--lang en); the French ones are the default.
    execFile(process.execPath, [main, '--lang', 'en', ...args], (error, stdout, stderr) =>
      resolve({ code: error ? (error.code as number) : 0, stdout, stderr }),
    );
  });

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nonrecours-keys-'));
});

describe('nonrecours keys', () => {
  it('generates a private key file, prints its kcv, and never overwrites it', async () => {
    const file = join(dir, 'convention.key');
    const generated = await cli('keys', 'generate', '--out', file);
    expect(generated.code).toBe(0);
    const key = parseKey(await readFile(file, 'utf8'));
    expect(generated.stdout.trim()).toBe(keyCheckValue(key));
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(generated.stdout + generated.stderr).not.toContain(key.toString('base64url'));

    const again = await cli('keys', 'generate', '--out', file);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists/);
    expect(parseKey(await readFile(file, 'utf8')).equals(key)).toBe(true);

    const kcv = await cli('keys', 'kcv', '--key-file', file);
    expect(kcv).toMatchObject({ code: 0, stdout: `${keyCheckValue(key)}\n` });
  });

  it('refuses a file that is not a key, and a missing one, in one line', async () => {
    const file = join(dir, 'bad.key');
    await writeFile(file, 'not a key\n', { mode: 0o600 });
    const bad = await cli('keys', 'kcv', '--key-file', file);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^nonrecours keys: .* is not a key file: .*\n$/);
    const missing = await cli('keys', 'kcv', '--key-file', join(dir, 'none.key'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/ENOENT/);
    expect((await cli('keys', 'rotate')).code).toBe(2);
  });
});
