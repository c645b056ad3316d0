import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ColumnSpec,
  clearColumns,
  type ExtractKind,
  extractKinds,
  isClk,
  isPseudonym,
  keyCheckValue,
  looksLikeNir,
  parseKey,
  schemaColumns,
} from '@nonrecours/pseudo';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMonth } from './months.ts';
import { synthesise } from './synthesise.ts';
import { communeCodes } from './territory.ts';

const asOf = parseMonth('2026-10')!;
const dirs: string[] = [];
function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'synth-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const filesOf = (dir: string) => readdirSync(dir).sort();
const lines = (path: string) => readFileSync(path, 'utf8').split('\n');
const readCsv = (path: string): string[][] => parse(readFileSync(path), { delimiter: ';' });

describe('determinism', () => {
  it('gives byte-identical files for the same seed and size, different ones for another seed', async () => {
    const [a, b, c] = [freshDir(), freshDir(), freshDir()];
    await synthesise({ persons: 3000, seed: 'same', asOf, out: a });
    await synthesise({ persons: 3000, seed: 'same', asOf, out: b });
    await synthesise({ persons: 3000, seed: 'other', asOf, out: c });
    expect(filesOf(a)).toEqual(filesOf(b));
    for (const f of filesOf(a))
      expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
    for (const f of filesOf(a).filter((f) => f.endsWith('.csv') || f === 'key')) {
      expect(readFileSync(join(c, f)).equals(readFileSync(join(a, f))), f).toBe(false);
    }
  });

  it('writes exactly the persons asked for', async () => {
    const manifest = await synthesise({ persons: 7, seed: 'tiny', asOf, out: freshDir() });
    expect(manifest.persons).toBe(7);
  });
});

describe.each([
  ['v1', false, false],
  ['v2 (--monthly)', true, false],
  ['v2 (--monthly --landlord-v2)', true, true],
])('a written territory, %s', (_name, monthly, landlordV2) => {
  let dir: string;
  const schemaOf = (kind: ExtractKind): string =>
    JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).files[kind].schema;
  beforeAll(async () => {
    dir = freshDir();
    await synthesise({ persons: 5000, seed: 'files', asOf, out: dir, monthly, landlordV2 });
  });

  it('holds a 0600 key file whose kcv is the one in kcv and in the manifest', () => {
    const keyPath = join(dir, 'key');
    expect(statSync(keyPath).mode & 0o777).toBe(0o600);
    const kcv = keyCheckValue(parseKey(readFileSync(keyPath, 'utf8')));
    expect(readFileSync(join(dir, 'kcv'), 'utf8')).toBe(`${kcv}\n`);
    expect(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).kcv).toBe(kcv);
  });

  it('heads every clear file with clearColumns and every extract with the columns of its schema', () => {
    for (const kind of extractKinds) {
      const schema = schemaOf(kind);
      const v2 = kind === 'landlord' ? landlordV2 : monthly && (kind === 'caf' || kind === 'msa');
      expect(schema).toBe(`${kind}.${v2 ? 'v2' : 'v1'}`);
      expect(lines(join(dir, `${kind}.clear.csv`))[0]).toBe(clearColumns(kind, schema).join(';'));
      expect(lines(join(dir, `${kind}.extract.csv`))[0]).toBe(
        schemaColumns(kind, schema)
          .map((c) => c.name)
          .join(';'),
      );
    }
  });

  const valid = (spec: ColumnSpec, v: string): boolean => {
    switch (spec.type) {
      case 'pseudo':
        return isPseudonym(v);
      case 'clk':
        return isClk(v);
      case 'month': {
        const m = parseMonth(v);
        return m !== undefined && m > parseMonth('1900-01')! && m <= asOf + 12;
      }
      case 'commune':
        return communeCodes.includes(v);
      case 'bool':
        return v === '0' || v === '1';
      case 'amount':
        return /^\d+(\.\d{1,2})?$/.test(v);
      case 'int':
        return /^\d+$/.test(v) && Number(v) >= spec.min;
      case 'enum':
        return spec.values.includes(v);
    }
  };

  it('writes only valid values in the extracts, and nothing that looks like a NIR', () => {
    for (const kind of extractKinds) {
      const [, ...rows] = readCsv(join(dir, `${kind}.extract.csv`));
      expect(rows.length, kind).toBeGreaterThan(0);
      const specs = schemaColumns(kind, schemaOf(kind));
      for (const row of rows) {
        expect(row).toHaveLength(specs.length);
        for (const [i, spec] of specs.entries()) {
          const v = row[i]!;
          expect(looksLikeNir(v), `${kind}.${spec.name}`).toBe(false);
          if (v === '') expect(spec.required, `${kind}.${spec.name} empty`).toBe(false);
          else expect(valid(spec, v), `${kind}.${spec.name} = ${v}`).toBe(true);
        }
      }
    }
  });

  it('fills identity_pseudo and identity_clk for caf, msa and landlord rows, person_pseudo everywhere but landlord', () => {
    for (const kind of extractKinds) {
      const [header, ...rows] = readCsv(join(dir, `${kind}.extract.csv`));
      const col = (name: string) => header!.indexOf(name);
      const named = kind === 'caf' || kind === 'msa' || kind === 'landlord';
      for (const row of rows) {
        expect(row[col('person_pseudo')] !== '', kind).toBe(kind !== 'landlord');
        expect(row[col('identity_pseudo')] !== '', kind).toBe(named);
        expect(row[col('identity_clk')] !== '', kind).toBe(named);
      }
    }
  });

  it('holds extracts that the partner toolkit makes, byte for byte, of the clear files', () => {
    const main = join(import.meta.dirname, '../main.ts');
    const out = freshDir();
    for (const kind of extractKinds) {
      const extract = join(out, `${kind}.csv`);
      const args = ['--kind', kind, '--key-file', join(dir, 'key'), '--in', join(dir, `${kind}.clear.csv`)];
      execFileSync(process.execPath, [
        main,
        'pseudonymise',
        ...args,
        '--out',
        extract,
        '--clk',
        '--threads',
        '1',
      ]);
      expect(readFileSync(extract).equals(readFileSync(join(dir, `${kind}.extract.csv`))), kind).toBe(true);
    }
  });

  it('gives each person one person_pseudo per extract, and each identity_pseudo to one person', () => {
    for (const kind of ['caf', 'cpam', 'msa', 'carsat'] as const) {
      const [, ...rows] = readCsv(join(dir, `${kind}.extract.csv`));
      expect(new Set(rows.map((r) => r[0])).size, kind).toBe(rows.length);
    }
    const identities = ['caf', 'msa'].flatMap((kind) =>
      readCsv(join(dir, `${kind}.extract.csv`))
        .slice(1)
        .map((r) => r[1]),
    );
    expect(new Set(identities).size).toBe(identities.length);
  });
});

describe('a v2 territory', () => {
  it('states each month as the v1 row states the quarter, so its ground truth is the v1 one', async () => {
    const [v1, v2] = [freshDir(), freshDir()];
    await synthesise({ persons: 2000, seed: 'months', asOf, out: v1 });
    await synthesise({ persons: 2000, seed: 'months', asOf, out: v2, monthly: true });
    expect(
      readFileSync(join(v2, 'ground-truth.csv')).equals(readFileSync(join(v1, 'ground-truth.csv'))),
    ).toBe(true);
    for (const kind of ['caf', 'msa'] as const) {
      const rows1 = parse(readFileSync(join(v1, `${kind}.extract.csv`)), { delimiter: ';', columns: true });
      const rows2 = parse(readFileSync(join(v2, `${kind}.extract.csv`)), { delimiter: ';', columns: true });
      expect(rows2).toHaveLength(rows1.length);
      for (const [i, row] of (rows2 as Record<string, string>[]).entries()) {
        const before = (rows1 as Record<string, string>[])[i]!;
        for (const name of Object.keys(before)) expect(row[name], name).toBe(before[name]);
        for (const k of [0, 1, 2, 3, 4]) {
          expect(row[`household_resources_m${k}`]).toBe(before.household_resources);
          expect(row[`activity_income_m${k}`]).toBe(before.activity_income);
          expect(row[`household_adults_m${k}`]).toBe(before.household_adults);
        }
        expect(row.c2s_resources).toMatch(/^\d+\.\d{2}$/);
      }
    }
  });
});

describe('the committed fixture', () => {
  it('is the territory of seed 42, 10,000 persons, month 2026-10, byte for byte', async () => {
    const fixture = join(import.meta.dirname, '../../../../test/fixtures/territory');
    const dir = freshDir();
    await synthesise({ persons: 10_000, seed: '42', asOf, out: dir });
    expect(filesOf(fixture)).toEqual(filesOf(dir));
    for (const f of filesOf(dir))
      expect(readFileSync(join(fixture, f)).equals(readFileSync(join(dir, f))), f).toBe(true);
  });
});

describe('a landlord.v2 territory', () => {
  it('is the v1 territory with the housing-aid columns, and its ground truth adds the APL.LANDLORD cases', async () => {
    const [v1, v2] = [freshDir(), freshDir()];
    await synthesise({ persons: 3000, seed: 'apl', asOf, out: v1 });
    await synthesise({ persons: 3000, seed: 'apl', asOf, out: v2, landlordV2: true });
    for (const kind of ['caf', 'cpam', 'msa', 'carsat'] as const)
      expect(
        readFileSync(join(v2, `${kind}.extract.csv`)).equals(readFileSync(join(v1, `${kind}.extract.csv`))),
      ).toBe(true);
    const rows1 = parse(readFileSync(join(v1, 'landlord.extract.csv')), { delimiter: ';', columns: true });
    const rows2 = parse(readFileSync(join(v2, 'landlord.extract.csv')), { delimiter: ';', columns: true });
    expect(rows2).toHaveLength(rows1.length);
    for (const [i, row] of (rows2 as Record<string, string>[]).entries()) {
      const before = (rows1 as Record<string, string>[])[i]!;
      for (const name of Object.keys(before)) expect(row[name], name).toBe(before[name]);
    }
    const truth1 = lines(join(v1, 'ground-truth.csv'));
    const truth2 = lines(join(v2, 'ground-truth.csv'));
    expect(truth2.filter((line) => !line.includes(';APL.LANDLORD;'))).toEqual(truth1);
    expect(
      truth2.filter((line) => line.includes(';tenancy;housing_aid;APL.LANDLORD;none;landlord;')).length,
    ).toBeGreaterThan(5);
  });

  it('needs an as_of from 2024-10, the first month of APL.md’s tables', async () => {
    await expect(
      synthesise({
        persons: 10,
        seed: 'apl',
        asOf: parseMonth('2024-09')!,
        out: freshDir(),
        landlordV2: true,
      }),
    ).rejects.toThrow(/2024-10/);
  });
});
