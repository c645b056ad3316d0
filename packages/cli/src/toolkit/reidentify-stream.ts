// The core of `nonrecours reidentify`: maps the cases the service returned (pseudonyms only) back
// to the partner's own clear file, on the partner's machine. The cases, few, are held in maps keyed
// by pseudonym; the clear file is streamed and each row's pseudonyms recomputed and looked up.

import type { Writable } from 'node:stream';
import {
  createPseudonymiser,
  type ExtractKind,
  firstGivenName,
  isIsoDate,
  isPseudonym,
  normaliseName,
  parseNir,
  schemaColumns,
  schemaOfColumns,
} from '@nonrecours/pseudo';
import { parse } from 'csv-parse/sync';
import { UsageError } from '../cli-error.ts';
import { messages } from '../messages/language.ts';
import { CsvSyntaxError, forEachRecord } from './chunk-records.ts';
import { parseHeader, parseOptions, spreadsheetLine } from './csv-text.ts';
import { checkClearHeader } from './pseudonymise-chunk.ts';
import { recordChunks } from './record-chunks.ts';
import { endOf, writeTo } from './stream-writes.ts';

/** The pseudonym columns a case can be found by, most specific first: a case uses its first non-empty one. */
export const caseKeyColumns = ['person_pseudo', 'identity_pseudo', 'household_pseudo'] as const;
type CaseKey = (typeof caseKeyColumns)[number];

export type ReidentifyOptions = {
  kind: ExtractKind;
  key: Uint8Array;
  /** The cases file's content (it is small). */
  cases: string | Buffer;
  /** The partner's clear file, in the format `pseudonymise` reads. */
  clear: AsyncIterable<Buffer | string>;
  /**
   * Receives the contacts, for a spreadsheet: UTF-8 with a byte order mark, `;`, decimal commas; the
   * case columns, then the clear row's. Ended when done.
   */
  output: Writable;
};

export type ReidentifySummary = {
  cases: number;
  casesMatched: number;
  casesUnmatched: number;
  contactsWritten: number;
  /** Clear rows whose identifiers could not be read (bad NIR, missing birth date…). */
  clearRowsSkipped: number;
};

type Cases = { columns: string[]; rows: string[][]; by: Record<CaseKey, Map<string, number[]>> };

function readCases(text: string): Cases {
  const { delimiter, columns } = parseHeader(text, messages().files.cases);
  if (!caseKeyColumns.some((c) => columns.includes(c))) {
    throw new UsageError(messages().reidentify.casesNeedColumns(caseKeyColumns));
  }
  let records: string[][];
  try {
    records = parse(text, { ...parseOptions(delimiter), bom: true, from_line: 2 });
  } catch (error) {
    const e = error as { code?: string; lines?: number };
    throw new UsageError(messages().notCsv(messages().files.cases, e.lines ?? 1, e.code ?? 'CSV_INVALID'));
  }
  const by = { person_pseudo: new Map(), identity_pseudo: new Map(), household_pseudo: new Map() };
  const rows = records.map((record, index) => {
    const row = columns.map((_, i) => (record[i] ?? '').trim());
    for (const column of caseKeyColumns) {
      const value = row[columns.indexOf(column)] ?? '';
      if (value === '') continue;
      if (!isPseudonym(value)) {
        throw new UsageError(messages().reidentify.casesNotPseudonym(index + 1, column));
      }
      const cases = by[column].get(value) ?? [];
      cases.push(index);
      by[column].set(value, cases);
      break;
    }
    return row;
  });
  return { columns, rows, by };
}

/** Writes one contacts row per (case, clear row) whose pseudonyms match. */
export async function reidentifyStream(options: ReidentifyOptions): Promise<ReidentifySummary> {
  const { kind, output } = options;
  const cases = readCases(options.cases.toString());
  const chunks = recordChunks(options.clear);
  const first = await chunks.next();
  if (first.done) throw new UsageError(messages().emptyFile(messages().files.clear));
  const { delimiter, columns } = parseHeader(first.value.bytes, messages().files.clear);
  checkClearHeader(kind, columns);

  const pseudonymiser = createPseudonymiser(options.key);
  const at = (name: string) => columns.indexOf(name);
  const [nirAt, familyAt, givenAt, birthAt, householdAt] = [
    'nir',
    'family_name',
    'given_names',
    'birth_date',
    'household_id',
  ].map(at) as [number, number, number, number, number];
  const { person_pseudo: byPerson, identity_pseudo: byIdentity, household_pseudo: byHousehold } = cases.by;
  const matched = new Set<number>();
  const summary: ReidentifySummary = {
    cases: cases.rows.length,
    casesMatched: 0,
    casesUnmatched: 0,
    contactsWritten: 0,
    clearRowsSkipped: 0,
  };

  const clearNames = columns.map((c) => (cases.columns.includes(c) ? `clear_${c}` : c));
  const amounts = new Set(
    schemaColumns(kind, schemaOfColumns(kind, columns))
      .filter((c) => c.type === 'amount')
      .map((c) => columns.indexOf(c.name))
      .filter((i) => i >= 0),
  );
  const forSpreadsheet = (row: string[]) =>
    row.map((v, i) => (amounts.has(i) && /^-?\d+\.\d+$/.test(v) ? v.replace('.', ',') : v));
  await writeTo(output, `\uFEFF${spreadsheetLine([...cases.columns, ...clearNames])}`);
  try {
    for await (const chunk of chunks) {
      let text = '';
      forEachRecord(chunk.bytes, chunk.firstLine, delimiter, (record) => {
        if (record.length !== columns.length) {
          summary.clearRowsSkipped++;
          return;
        }
        const row = record.map((v) => v.trim());
        const field = (i: number) => (i < 0 ? '' : row[i]!);
        const hits: number[] = [];
        let readable = false;
        if (byPerson.size > 0 && nirAt >= 0) {
          const nir = parseNir(field(nirAt));
          if (nir.ok) {
            readable = true;
            hits.push(...(byPerson.get(pseudonymiser.personPseudoOfNir13(nir.nir13)) ?? []));
          }
        }
        const family = normaliseName(field(familyAt));
        const birthDate = field(birthAt);
        if (byIdentity.size > 0 && family !== '' && isIsoDate(birthDate)) {
          readable = true;
          const given = normaliseName(firstGivenName(field(givenAt)));
          hits.push(...(byIdentity.get(pseudonymiser.identityPseudoOf({ family, given, birthDate })) ?? []));
        }
        if (byHousehold.size > 0 && field(householdAt) !== '') {
          readable = true;
          hits.push(...(byHousehold.get(pseudonymiser.householdPseudo(kind, field(householdAt))) ?? []));
        }
        if (!readable) summary.clearRowsSkipped++;
        for (const index of hits) {
          matched.add(index);
          text += spreadsheetLine([...cases.rows[index]!, ...forSpreadsheet(row)]);
          summary.contactsWritten++;
        }
      });
      await writeTo(output, text);
    }
  } catch (error) {
    if (error instanceof CsvSyntaxError)
      throw new UsageError(messages().notCsv(messages().files.clear, error.line, error.code));
    throw error;
  }
  await endOf(output);
  summary.casesMatched = matched.size;
  summary.casesUnmatched = cases.rows.length - matched.size;
  return summary;
}
