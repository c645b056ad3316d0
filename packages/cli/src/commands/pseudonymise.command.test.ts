import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clearColumns, createPseudonymiser, formatKey, generateKey } from '@nonrecours/pseudo';
import { parse } from 'csv-parse/sync';
import { beforeEach, describe, expect, it } from 'vitest';
import { sampleClearRow, toCsv } from '../toolkit/sample-clear-file.ts';

const main = new URL('../main.ts', import.meta.url).pathname;
const cli = (...args: string[]) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    // These cases read the English messages (--lang en); the French ones are the default.
    execFile(process.execPath, [main, '--lang', 'en', ...args], (error, stdout, stderr) =>
      resolve({ code: error ? (error.code as number) : 0, stdout, stderr }),
    );
  });

const key = generateKey();
let dir: string;
let keyFile: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nonrecours-pseudonymise-'));
  keyFile = join(dir, 'k.key');
  await writeFile(keyFile, formatKey(key), { mode: 0o600 });
});

const pseudonymise = (input: string, ...more: string[]) =>
  cli(
    'pseudonymise',
    '--kind',
    'carsat',
    '--key-file',
    keyFile,
    '--in',
    input,
    '--out',
    join(dir, 'extract.csv'),
    ...more,
  );

describe('nonrecours pseudonymise then reidentify', () => {
  it('writes the extract, lists refused rows without values, warns, and finds the people back', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => sampleClearRow('carsat', i));
    rows[7] = { ...rows[7]!, nir: `${rows[7]!.nir!.slice(0, 13)}00` };
    const clear = join(dir, 'clear.csv');
    await writeFile(clear, toCsv(clearColumns('carsat'), rows));
    const errors = join(dir, 'errors.csv');
    const result = await pseudonymise(clear, '--errors', errors, '--clk');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/19 rows written/);
    expect(result.stderr).toMatch(/warning: 1 rows refused \(nir_key: 1\)/);
    expect(await readFile(errors, 'utf8')).toBe('line;column;code\n9;nir;nir_key\n');
    for (const row of rows) {
      expect(result.stderr).not.toContain(row.family_name!);
      expect(result.stderr).not.toContain(row.nir!);
    }
    const extract = parse(await readFile(join(dir, 'extract.csv')), {
      delimiter: ';',
      columns: true,
    }) as Record<string, string>[];
    expect(extract).toHaveLength(19);
    expect(extract[0]!.identity_clk).toBe(
      createPseudonymiser(key).identityClkText(
        rows[0]!.family_name!,
        rows[0]!.given_names!,
        rows[0]!.birth_date!,
      ),
    );
    expect(await readdir(dir)).not.toContain('extract.csv.partial');

    const cases = join(dir, 'cases.csv');
    await writeFile(cases, `case_id;person_pseudo\nA;${extract[3]!.person_pseudo}\n`);
    const contacts = join(dir, 'contacts.csv');
    const back = await cli(
      'reidentify',
      '--kind',
      'carsat',
      '--cases',
      cases,
      '--clear',
      clear,
      '--key-file',
      keyFile,
      '--out',
      contacts,
    );
    expect(back.code).toBe(0);
    expect(back.stderr).toMatch(/1 contacts written .*: 1 of 1 cases found/);
    const found = parse(await readFile(contacts), { delimiter: ';', columns: true, bom: true }) as unknown[];
    // For a spreadsheet: amounts with a decimal comma.
    const { pension, household_resources, ...rest } = rows[3]!;
    expect(found).toEqual([
      {
        case_id: 'A',
        person_pseudo: extract[3]!.person_pseudo,
        ...rest,
        pension: pension!.replace('.', ','),
        household_resources: household_resources!.replace('.', ','),
      },
    ]);
  });

  it('exits 2 on unusable input and 1 when every row is refused, leaving no extract', async () => {
    const missing = await pseudonymise(join(dir, 'none.csv'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^nonrecours pseudonymise: cannot read the clear file .*ENOENT.*\n$/);

    const badHeader = join(dir, 'bad-header.csv');
    await writeFile(badHeader, 'nir;name\n');
    const header = await pseudonymise(badHeader);
    expect(header.code).toBe(2);
    expect(header.stderr).toMatch(/unknown columns: name; missing columns: birth_date/);
    expect(header.stderr).not.toMatch(/\n\s+at /);

    const allBad = join(dir, 'all-bad.csv');
    await writeFile(allBad, toCsv(clearColumns('carsat'), [{ ...sampleClearRow('carsat', 1), nir: '1' }]));
    const refused = await pseudonymise(allBad, '--errors', join(dir, 'errors.csv'));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/all 1 rows were refused \(nir_length: 1\)/);
    expect(await readdir(dir)).not.toContain('extract.csv');
    expect(await readFile(join(dir, 'errors.csv'), 'utf8')).toBe('line;column;code\n2;nir;nir_length\n');
  });
});
