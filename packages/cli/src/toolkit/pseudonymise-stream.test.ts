import { Writable } from 'node:stream';
import {
  clearColumns,
  createPseudonymiser,
  type ExtractKind,
  extractColumns,
  extractKinds,
  generateKey,
} from '@nonrecours/pseudo';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../cli-error.ts';
import { setLanguage } from '../messages/language.ts';
import { pseudonymiseStream } from './pseudonymise-stream.ts';
import { sampleClearRow, toCsv } from './sample-clear-file.ts';

beforeAll(() => setLanguage('en'));

const key = generateKey();
const pseudonymiser = createPseudonymiser(key);

function sink() {
  const parts: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      parts.push(chunk);
      done();
    },
  });
  return { stream, text: () => Buffer.concat(parts).toString('utf8') };
}

async function* bytesOf(text: string, piece = 7_000): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += piece) yield bytes.subarray(i, i + piece);
}

async function run(
  kind: ExtractKind,
  csv: string,
  options: { clk?: boolean; threads?: number; chunkBytes?: number } = {},
) {
  const output = sink();
  const errors = sink();
  const summary = await pseudonymiseStream({
    kind,
    key,
    input: bytesOf(csv),
    output: output.stream,
    errors: errors.stream,
    threads: 1,
    ...options,
  });
  return { summary, extract: output.text(), errors: errors.text() };
}

const rowsOf = (extract: string, delimiter = ';') =>
  parse(extract, { delimiter, columns: true }) as Record<string, string>[];

/** What the extract row of a clear row must be, computed with the library. */
function expectedRow(kind: ExtractKind, clear: Record<string, string>, clk = false): Record<string, string> {
  const row: Record<string, string> = {};
  for (const { name } of extractColumns[kind]) {
    if (name === 'person_pseudo') row[name] = clear.nir ? pseudonymiser.personPseudo(clear.nir) : '';
    else if (name === 'identity_pseudo')
      row[name] = pseudonymiser.identityPseudo(
        clear.family_name!,
        clear.given_names ?? '',
        clear.birth_date!,
      );
    else if (name === 'identity_clk')
      row[name] = clk
        ? pseudonymiser.identityClkText(clear.family_name!, clear.given_names ?? '', clear.birth_date!)
        : '';
    else if (name === 'birth_ym') row[name] = clear.birth_date!.slice(0, 7);
    else if (name === 'household_pseudo')
      row[name] = pseudonymiser.householdPseudo(kind, clear.household_id!);
    else row[name] = clear[name] ?? '';
  }
  return row;
}

describe('pseudonymiseStream', () => {
  describe.each(extractKinds)('%s', (kind) => {
    const columns = clearColumns(kind);
    const good = Array.from({ length: 12 }, (_, i) => sampleClearRow(kind, i));
    // Rows that must be refused, with the column and code expected for each.
    const bad: [Record<string, string>, string, string][] = [
      [{ ...sampleClearRow(kind, 100), birth_date: '' }, 'birth_date', 'missing_value'],
      [{ ...sampleClearRow(kind, 101), birth_date: '1985-02-30' }, 'birth_date', 'invalid_date'],
    ];
    if (columns.includes('nir')) {
      const nir = sampleClearRow(kind, 102).nir!;
      const wrongKey = String((Number(nir.slice(13)) % 97) + 1).padStart(2, '0');
      bad.push([{ ...sampleClearRow(kind, 102), nir: nir.slice(0, 13) + wrongKey }, 'nir', 'nir_key']);
      bad.push([{ ...sampleClearRow(kind, 103), nir: '1850578' }, 'nir', 'nir_length']);
      bad.push([{ ...sampleClearRow(kind, 104), nir: '' }, 'nir', 'missing_value']);
    }
    if (columns.includes('household_id')) {
      bad.push([{ ...sampleClearRow(kind, 105), household_id: ' ' }, 'household_id', 'missing_value']);
    }
    if (kind === 'landlord')
      bad.push([{ ...sampleClearRow(kind, 106), family_name: '' }, 'family_name', 'missing_value']);
    // Bad rows interleaved: row k of the file is on line k + 2.
    const rows = good.flatMap((row, i) => (bad[i] ? [row, bad[i][0]] : [row]));

    it('writes the extract columns, pseudonyms and attributes of the good rows, and refuses the others', async () => {
      const { summary, extract, errors } = await run(kind, toCsv(columns, rows));
      expect(extract.split('\n')[0]).toBe(extractColumns[kind].map((c) => c.name).join(';'));
      expect(rowsOf(extract)).toEqual(good.map((row) => expectedRow(kind, row)));
      expect(summary.rowsWritten).toBe(good.length);
      expect(summary.rowsRefused).toBe(bad.length);
      const expectedErrors = bad.map(([row, column, code]) => `${rows.indexOf(row) + 2};${column};${code}`);
      expect(errors).toBe(['line;column;code', ...expectedErrors, ''].join('\n'));
      const refusedByCode: Record<string, number> = {};
      for (const [, , code] of bad) refusedByCode[code] = (refusedByCode[code] ?? 0) + 1;
      expect(summary.refusedByCode).toEqual(refusedByCode);
    });

    it('gives the same extract with worker threads and identity_clk', async () => {
      const csv = toCsv(columns, rows);
      const inline = await run(kind, csv, { clk: true });
      const threaded = await run(kind, csv, { clk: true, threads: 2 });
      expect(threaded).toEqual(inline);
      expect(rowsOf(inline.extract)).toEqual(good.map((row) => expectedRow(kind, row, true)));
    });
  });

  it('keeps order and line numbers across many chunks and threads', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => sampleClearRow('caf', i));
    for (const i of [10, 2500, 4999]) rows[i]!.nir = '';
    const csv = toCsv(clearColumns('caf'), rows);
    const threaded = await run('caf', csv, { threads: 3 });
    expect(threaded).toEqual(await run('caf', csv));
    expect(rowsOf(threaded.extract).map((r) => r.person_pseudo)).toEqual(
      rows.filter((r) => r.nir !== '').map((r) => pseudonymiser.personPseudo(r.nir!)),
    );
    // One record per chunk: every thread gets tiny chunks too.
    expect(
      await run('caf', toCsv(clearColumns('caf'), rows.slice(0, 50)), { threads: 3, chunkBytes: 1 }),
    ).toEqual(await run('caf', toCsv(clearColumns('caf'), rows.slice(0, 50))));
    expect(threaded.errors).toBe(
      'line;column;code\n12;nir;missing_value\n2502;nir;missing_value\n5001;nir;missing_value\n',
    );
  });

  it('reads a BOM, CRLF, commas, quotes and columns in any order; leaves optional columns out', async () => {
    const person = { ...sampleClearRow('cpam', 1), family_name: 'Le Gall, dit "Yann"' };
    const columns = ['c2s', 'birth_date', 'commune', 'family_name', 'nir'];
    const csv = `\uFEFF${toCsv(columns, [person, { ...person, nir: '' }], { delimiter: ',', newline: '\r\n' })}`;
    const { extract, errors } = await run('cpam', csv);
    expect(rowsOf(extract, ',')).toEqual([
      { ...expectedRow('cpam', { ...person, given_names: '' }), c2s_until: '' },
    ]);
    expect(errors).toBe('line;column;code\n3;nir;missing_value\n');
  });

  it('numbers lines past values that hold line breaks', async () => {
    const rows = [
      { ...sampleClearRow('carsat', 1), given_names: 'Anne\nMarie' },
      { ...sampleClearRow('carsat', 2), nir: '2' },
    ];
    const { errors } = await run('carsat', toCsv(clearColumns('carsat'), rows, { newline: '\r\n' }));
    expect(errors).toBe('line;column;code\n4;nir;nir_length\n');
  });

  it('refuses a header with unknown or missing columns, naming them', async () => {
    const columns = [...clearColumns('caf').filter((c) => c !== 'household_id' && c !== 'rsa'), 'email'];
    const error = await run('caf', toCsv(columns, [])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(/unknown columns: email; missing columns: household_id, rsa/);
  });

  it('refuses malformed CSV and empty input', async () => {
    const csv = `${toCsv(clearColumns('cpam'), [sampleClearRow('cpam', 1)])}"unclosed;x\n`;
    await expect(run('cpam', csv)).rejects.toThrow(/not valid CSV: malformed CSV near line 3/);
    await expect(run('cpam', csv, { threads: 2 })).rejects.toThrow(UsageError);
    await expect(run('cpam', '')).rejects.toThrow(/empty/);
  });

  it('refuses rows with the wrong number of fields', async () => {
    const csv = `${toCsv(clearColumns('cpam'), [sampleClearRow('cpam', 1)])}1;2\n`;
    const { summary, errors } = await run('cpam', csv);
    expect(summary.rowsWritten).toBe(1);
    expect(errors).toBe('line;column;code\n3;;column_count\n');
  });
});
