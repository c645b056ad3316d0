// Clear files as partners hold them, out of a spreadsheet: Excel's « CSV (séparateur : point-virgule) »
// in Windows-1252 with CRLF gives the same pseudonyms as its UTF-8 twin when declared
// (--encoding windows-1252), and is refused, naming its line, when not; its dd/mm/yyyy dates and NIRs
// in scientific notation are named as such. Then `pseudonym`: from stdin only, never from argv.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clearColumns, createPseudonymiser, formatKey, generateKey, parseNir } from '@nonrecours/pseudo';
import { beforeEach, describe, expect, it } from 'vitest';
import { sampleClearRow, toCsv } from '../toolkit/sample-clear-file.ts';

const main = new URL('../main.ts', import.meta.url).pathname;
type Result = { code: number; stdout: string; stderr: string };
const cli = (args: string[], input?: string, env: Record<string, string> = { LANG: 'fr_FR.UTF-8' }) =>
  new Promise<Result>((resolve) => {
    const child = execFile(
      process.execPath,
      [main, ...args],
      { env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', ...env } },
      (error, stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, stdout, stderr }),
    );
    child.stdin!.end(input ?? '');
  });

/** Windows-1252 bytes of a text: Latin-1 but for the letters Windows puts in 0x80–0x9F. */
function windows1252(text: string): Buffer {
  const specials: Record<string, number> = {
    '€': 0x80,
    Š: 0x8a,
    Œ: 0x8c,
    Ž: 0x8e,
    '’': 0x92,
    š: 0x9a,
    œ: 0x9c,
    ž: 0x9e,
    Ÿ: 0x9f,
  };
  return Buffer.from([...text].map((c) => specials[c] ?? c.charCodeAt(0)));
}

const accented = ['Lefèvre', 'Œuvrard', 'Müller-Sénéchal', 'Dupré', 'Ançay', 'Çelik', 'Pérez Núñez', 'Šimek'];
const key = generateKey();
let dir: string;
let keyFile: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nonrecours-spreadsheet-'));
  keyFile = join(dir, 'k.key');
  await writeFile(keyFile, formatKey(key), { mode: 0o600 });
});

const pseudonymise = (input: string, out: string, ...more: string[]) =>
  cli([
    'pseudonymise',
    '--kind',
    'landlord',
    '--key-file',
    keyFile,
    '--in',
    input,
    '--out',
    out,
    '--clk',
    ...more,
  ]);

describe('clear files from a spreadsheet', () => {
  const rows = Array.from({ length: 40 }, (_, i): Record<string, string> => {
    const row = sampleClearRow('landlord', i);
    return {
      ...row,
      family_name: accented[i % accented.length]!,
      given_names: i % 3 ? 'Hélène Anaïs' : 'Jérôme',
    };
  });
  const text = toCsv(clearColumns('landlord'), rows);

  it('gives a Windows-1252 CRLF file the pseudonyms of its UTF-8 twin when declared, refuses it when not', async () => {
    const utf8 = join(dir, 'clair-utf8.csv');
    const excel = join(dir, 'clair-excel.csv');
    await writeFile(utf8, text);
    await writeFile(excel, windows1252(text.replaceAll('\n', '\r\n')));

    const twin = await pseudonymise(utf8, join(dir, 'twin.csv'));
    expect(twin.code, twin.stderr).toBe(0);
    const declared = await pseudonymise(excel, join(dir, 'excel.csv'), '--encoding', 'windows-1252');
    expect(declared.code, declared.stderr).toBe(0);
    expect(declared.stderr).toMatch(/^40 lignes écrites dans /);
    const extract = await readFile(join(dir, 'excel.csv'), 'utf8');
    expect(extract).toBe(await readFile(join(dir, 'twin.csv'), 'utf8'));
    // latin1 is read as Windows-1252 (its superset), as browsers do.
    expect((await pseudonymise(excel, join(dir, 'latin1.csv'), '--encoding', 'latin1')).code).toBe(0);
    expect(await readFile(join(dir, 'latin1.csv'), 'utf8')).toBe(extract);
    // The pseudonyms are those of the names as written, accents and Œ included.
    const pseudonymiser = createPseudonymiser(key);
    const firstIdentity = extract.split('\n')[1]!.split(';')[1];
    expect(firstIdentity).toBe(pseudonymiser.identityPseudo('Lefèvre', 'Jérôme', rows[0]!.birth_date!));

    // Not declared: refused whole, naming the first line that is not UTF-8, and nothing written.
    const refused = await pseudonymise(excel, join(dir, 'none.csv'));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      'nonrecours pseudonymise: le fichier en clair n’est pas en UTF-8 (ligne 2) : enregistrez le fichier en UTF-8 ou passez --encoding windows-1252\n',
    );
    await expect(readFile(join(dir, 'none.csv'))).rejects.toThrow(/ENOENT/);
    const english = await cli(
      [
        'pseudonymise',
        '--kind',
        'landlord',
        '--key-file',
        keyFile,
        '--in',
        excel,
        '--out',
        join(dir, 'x.csv'),
      ],
      undefined,
      { LANG: 'en_GB.UTF-8' },
    );
    expect(english.stderr).toMatch(
      /is not UTF-8 \(line 2\): save the file as UTF-8 or pass --encoding windows-1252/,
    );
  });

  it('re-identifies from the Windows-1252 file, for a spreadsheet', async () => {
    const excel = join(dir, 'clair-excel.csv');
    await writeFile(excel, windows1252(text.replaceAll('\n', '\r\n')));
    await pseudonymise(excel, join(dir, 'extract.csv'), '--encoding', 'windows-1252');
    const identity = (await readFile(join(dir, 'extract.csv'), 'utf8')).split('\n')[2]!.split(';')[1]!;
    await writeFile(
      join(dir, 'cases.csv'),
      `\uFEFFcase_id;identity_pseudo;estimated_amount\nC1;${identity};412,30\n`,
    );
    const back = await cli([
      'reidentify',
      '--kind',
      'landlord',
      '--cases',
      join(dir, 'cases.csv'),
      '--clear',
      excel,
      '--key-file',
      keyFile,
      '--out',
      join(dir, 'contacts.csv'),
      '--encoding',
      'windows-1252',
    ]);
    expect(back.code, back.stderr).toBe(0);
    expect(back.stderr).toMatch(/^1 contact écrit dans .* : 1 cas retrouvé sur 1\n$/);
    const contacts = await readFile(join(dir, 'contacts.csv'), 'utf8');
    const [header, line] = contacts.split('\n');
    expect(header!.startsWith('\uFEFFcase_id;identity_pseudo;estimated_amount;')).toBe(true);
    const values = Object.fromEntries(
      header!
        .slice(1)
        .split(';')
        .map((c, i) => [c, line!.split(';')[i]]),
    );
    expect(values).toMatchObject({
      case_id: 'C1',
      estimated_amount: '412,30',
      family_name: rows[1]!.family_name,
      given_names: 'Hélène Anaïs',
      household_resources: rows[1]!.household_resources!.replace('.', ','),
    });
  });

  it('names Excel’s dates and NIRs in scientific notation', async () => {
    const cpam = Array.from({ length: 4 }, (_, i) => sampleClearRow('cpam', i));
    const [y, m, d] = cpam[1]!.birth_date!.split('-');
    cpam[1] = { ...cpam[1]!, birth_date: `${d}/${m}/${y}` };
    cpam[2] = { ...cpam[2]!, nir: '1,75E+14' };
    const file = join(dir, 'cpam.csv');
    await writeFile(file, toCsv(clearColumns('cpam'), cpam));
    const errors = join(dir, 'errors.csv');
    const result = await cli([
      'pseudonymise',
      '--kind',
      'cpam',
      '--key-file',
      keyFile,
      '--in',
      file,
      '--out',
      join(dir, 'out.csv'),
      '--errors',
      errors,
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(await readFile(errors, 'utf8')).toBe(
      'line;column;code\n3;birth_date;date_dd_mm_yyyy\n4;nir;nir_scientific_notation\n',
    );
    expect(result.stderr).toContain(
      'date_dd_mm_yyyy : 1 (date au format JJ/MM/AAAA (Excel) : attendu AAAA-MM-JJ)',
    );
    expect(result.stderr).toContain(
      'nir_scientific_notation : 1 (NIR en notation scientifique (par exemple 1,75E+14)',
    );
    expect(result.stderr).not.toContain(`${d}/${m}/${y}`);
  });
});

describe('nonrecours pseudonym', () => {
  const nir = sampleClearRow('caf', 5).nir!;

  it('reads a NIR or an identity from stdin, one pseudonym a line', async () => {
    const pseudonymiser = createPseudonymiser(key);
    const result = await cli(
      ['pseudonym', '--kind', 'caf', '--key-file', keyFile],
      `# lettre du 3 novembre\n${nir}\r\nLefèvre;Jean-Pierre Marie;1985-05-07\n`,
    );
    expect(result.code, result.stderr).toBe(0);
    const nir13 = parseNir(nir);
    expect(nir13.ok).toBe(true);
    expect(result.stdout).toBe(
      `${pseudonymiser.personPseudoOfNir13((nir13 as { nir13: string }).nir13)}\n` +
        `${pseudonymiser.identityPseudo('Lefèvre', 'Jean-Pierre Marie', '1985-05-07')}\n`,
    );
    const json = await cli(
      ['pseudonym', '--kind', 'landlord', '--key-file', keyFile, '--json'],
      'Lefèvre;Jean;1985-05-07\n',
    );
    expect(JSON.parse(json.stdout)).toEqual([
      {
        line: 1,
        column: 'identity_pseudo',
        pseudonym: pseudonymiser.identityPseudo('Lefèvre', 'Jean', '1985-05-07'),
      },
    ]);
  });

  it('refuses a NIR on the command line and bad lines, never repeating them', async () => {
    const argv = await cli(['pseudonym', '--kind', 'caf', '--key-file', keyFile, nir]);
    expect(argv.code).toBe(2);
    expect(argv.stderr).toMatch(/jamais en argument/);
    expect(argv.stderr).not.toContain(nir);
    const excel = await cli(['pseudonym', '--kind', 'caf', '--key-file', keyFile], `${nir}\n1,75E+14\n`);
    expect(excel).toMatchObject({ code: 2, stdout: '' });
    expect(excel.stderr).toMatch(/ligne 2 de l’entrée standard : NIR en notation scientifique/);
    const date = await cli(
      ['pseudonym', '--kind', 'landlord', '--key-file', keyFile],
      'Martin;Paul;07/05/1985\n',
    );
    expect(date.stderr).toMatch(
      /ligne 1 de l’entrée standard : date au format JJ\/MM\/AAAA \(Excel\) : attendu AAAA-MM-JJ/,
    );
    expect(date.stderr).not.toContain('Martin');
    const landlordNir = await cli(['pseudonym', '--kind', 'landlord', '--key-file', keyFile], `${nir}\n`);
    expect(landlordNir.code).toBe(2);
    expect(landlordNir.stderr).not.toContain(nir);
    expect((await cli(['pseudonym', '--kind', 'caf', '--key-file', keyFile], '\n')).code).toBe(2);
  });
});
