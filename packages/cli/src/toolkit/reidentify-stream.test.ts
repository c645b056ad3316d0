import { Writable } from 'node:stream';
import {
  clearColumns,
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
import { reidentifyStream } from './reidentify-stream.ts';
import { sampleClearRow, toCsv } from './sample-clear-file.ts';

const key = generateKey();

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

async function* once(text: string): AsyncGenerator<Buffer> {
  yield Buffer.from(text);
}

async function pseudonymise(kind: ExtractKind, clearCsv: string) {
  const output = sink();
  await pseudonymiseStream({ kind, key, input: once(clearCsv), output: output.stream, threads: 1 });
  return parse(output.text(), { delimiter: ';', columns: true }) as Record<string, string>[];
}

async function reidentify(kind: ExtractKind, casesCsv: string, clearCsv: string, caseKey = key) {
  const output = sink();
  const summary = await reidentifyStream({
    kind,
    key: caseKey,
    cases: casesCsv,
    clear: once(clearCsv),
    output: output.stream,
  });
  const text = output.text();
  expect(text.startsWith('\uFEFF'), 'contacts start with a byte order mark, for Excel').toBe(true);
  return {
    summary,
    contacts: parse(text, { delimiter: ';', columns: true, bom: true }) as Record<string, string>[],
  };
}

/** A clear row as the contacts file writes it: amounts with a decimal comma. */
function withDecimalCommas(kind: ExtractKind, row: Record<string, string>): Record<string, string> {
  const amounts = extractColumns[kind].filter((c) => c.type === 'amount').map((c) => c.name);
  return Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k, amounts.includes(k) ? v.replace('.', ',') : v]),
  );
}

beforeAll(() => setLanguage('en'));

describe('pseudonymise then reidentify', () => {
  it.each(extractKinds)('%s: the contacts are exactly the people behind the cases', async (kind) => {
    const columns = clearColumns(kind);
    const clear = Array.from({ length: 30 }, (_, i) => sampleClearRow(kind, i));
    const clearCsv = toCsv(columns, clear);
    const extract = await pseudonymise(kind, clearCsv);
    // Cases on persons 4 and 17 (twice, two benefits), found by the pseudonym a run would give.
    const by = kind === 'landlord' ? 'identity_pseudo' : 'person_pseudo';
    const cases = [
      { case_id: 'c1', benefit: 'rsa', [by]: extract[4]![by]!, estimated_amount: '120.50' },
      { case_id: 'c2', benefit: 'ppa', [by]: extract[17]![by]!, estimated_amount: '80' },
      { case_id: 'c3', benefit: 'c2s', [by]: extract[17]![by]!, estimated_amount: '30' },
      { case_id: 'c4', benefit: 'rsa', [by]: 'x'.repeat(43), estimated_amount: '1' },
    ];
    const caseColumns = ['case_id', 'benefit', by, 'estimated_amount'];
    const { summary, contacts } = await reidentify(
      kind,
      toCsv(caseColumns, cases, { delimiter: ',' }),
      clearCsv,
    );
    const expected = [clear[4]!, clear[17]!, clear[17]!].map((person, i) => ({
      ...cases[i]!,
      ...withDecimalCommas(kind, person),
    }));
    expect(contacts).toEqual(expected);
    expect(summary).toEqual({
      cases: 4,
      casesMatched: 3,
      casesUnmatched: 1,
      contactsWritten: 3,
      clearRowsSkipped: 0,
    });
  });

  it('finds every member of a household case, and identity cases among NIR holders', async () => {
    const clear = Array.from({ length: 9 }, (_, i) => sampleClearRow('caf', i));
    const clearCsv = toCsv(clearColumns('caf'), clear);
    const extract = await pseudonymise('caf', clearCsv);
    const cases = [
      { case_id: 'h', household_pseudo: extract[4]!.household_pseudo!, identity_pseudo: '' },
      { case_id: 'i', household_pseudo: '', identity_pseudo: extract[8]!.identity_pseudo! },
    ];
    const { contacts } = await reidentify(
      'caf',
      toCsv(['case_id', 'household_pseudo', 'identity_pseudo'], cases),
      clearCsv,
    );
    // Households are of three consecutive rows: 4 lives with 3 and 5.
    expect(contacts.map((c) => [c.case_id, c.nir])).toEqual([
      ['h', clear[3]!.nir],
      ['h', clear[4]!.nir],
      ['h', clear[5]!.nir],
      ['i', clear[8]!.nir],
    ]);
  });

  it('finds nobody with another key', async () => {
    const clear = [sampleClearRow('cpam', 1)];
    const clearCsv = toCsv(clearColumns('cpam'), clear);
    const extract = await pseudonymise('cpam', clearCsv);
    const cases = toCsv(['person_pseudo'], [{ person_pseudo: extract[0]!.person_pseudo! }]);
    expect((await reidentify('cpam', cases, clearCsv)).contacts).toHaveLength(1);
    const other = await reidentify('cpam', cases, clearCsv, generateKey());
    expect(other.contacts).toHaveLength(0);
    expect(other.summary.casesUnmatched).toBe(1);
  });

  it('names clear columns that collide with case columns, and refuses unusable cases files', async () => {
    const clear = [sampleClearRow('cpam', 1)];
    const clearCsv = toCsv(clearColumns('cpam'), clear);
    const extract = await pseudonymise('cpam', clearCsv);
    const cases = toCsv(
      ['person_pseudo', 'commune'],
      [{ person_pseudo: extract[0]!.person_pseudo!, commune: 'x' }],
    );
    const { contacts } = await reidentify('cpam', cases, clearCsv);
    expect(contacts[0]).toMatchObject({ commune: 'x', clear_commune: clear[0]!.commune });
    await expect(reidentify('cpam', 'case_id\nc1\n', clearCsv)).rejects.toThrow(UsageError);
    await expect(reidentify('cpam', 'person_pseudo\n1850578006084\n', clearCsv)).rejects.toThrow(
      /not a pseudonym/,
    );
  });
});
