// Turns whole records of a partner's clear file into extract lines (EXTRACTS.md), one chunk at a
// time, on whatever thread runs it. A row that cannot be pseudonymised becomes error lines
// (line;column;code, never a value) and nothing in the extract.

import {
  clearColumns,
  createPseudonymiser,
  derivedColumns,
  type ExtractKind,
  extractColumns,
  firstGivenName,
  isIsoDate,
  normaliseName,
  parseNir,
  schemaColumns,
  schemaOfColumns,
} from '@nonrecours/pseudo';
import { UsageError } from '../cli-error.ts';
import { messages } from '../messages/language.ts';
import { forEachRecord } from './chunk-records.ts';
import { csvLine, type Delimiter } from './csv-text.ts';
import { dateErrorCode, nirErrorCode } from './excel-habits.ts';

export type ChunkPlan = {
  kind: ExtractKind;
  key: Uint8Array;
  /** The clear file's header, checked by checkClearHeader. */
  columns: string[];
  delimiter: Delimiter;
  clk: boolean;
};

export type ChunkResult = {
  /** Extract lines in input order, as UTF-8 (bytes move between threads without a copy). */
  extract: Uint8Array;
  /** Error lines `line;column;code`. */
  errors: string;
  written: number;
  refused: number;
  /** Refused rows by the code of their first error. */
  codes: Record<string, number>;
};

const hasHousehold = (kind: ExtractKind) => extractColumns[kind].some((c) => c.name === 'household_pseudo');
const holdsNir = (kind: ExtractKind) => clearColumns(kind).includes('nir');

/** The clear columns a file of this kind must have; the others of clearColumns(kind) may be left out. */
export function requiredClearColumns(kind: ExtractKind): string[] {
  const attributes = extractColumns[kind]
    .filter((c) => c.required && !derivedColumns.includes(c.name))
    .map((c) => c.name);
  return [
    ...(holdsNir(kind) ? ['nir'] : []),
    ...(kind === 'landlord' ? ['family_name'] : []),
    'birth_date',
    ...(hasHousehold(kind) ? ['household_id'] : []),
    ...attributes,
  ];
}

/** Throws a UsageError naming the unknown and missing columns of a clear file's header. */
export function checkClearHeader(kind: ExtractKind, columns: readonly string[]): void {
  const allowed = clearColumns(kind);
  const unknown = columns.filter((c) => !allowed.includes(c));
  const missing = requiredClearColumns(kind).filter((c) => !columns.includes(c));
  if (unknown.length > 0 || missing.length > 0) {
    throw new UsageError(messages().clearHeader(kind, unknown, missing, allowed));
  }
}

type RowError = { column: string; code: string };

/** A function pseudonymising chunks of records under one plan. */
export function createChunkPseudonymiser(plan: ChunkPlan): (bytes: Buffer, firstLine: number) => ChunkResult {
  const { kind, columns, delimiter, clk } = plan;
  const pseudonymiser = createPseudonymiser(plan.key);
  const at = (name: string) => columns.indexOf(name);
  const nirAt = at('nir');
  const familyAt = at('family_name');
  const givenAt = at('given_names');
  const birthAt = at('birth_date');
  const householdAt = at('household_id');
  const needsNir = holdsNir(kind);
  const needsIdentity = kind === 'landlord';
  const needsHousehold = hasHousehold(kind);
  const householdPrefix = `hh:${kind}:`;
  // A clear file with monthly columns makes a v2 extract; without, a v1 one (no empty v2 columns).
  const output = schemaColumns(kind, schemaOfColumns(kind, columns)).map((c) => c.name);
  // Where each extract column comes from: a derived value, or a clear column (-1: left out).
  const derived = ['person_pseudo', 'identity_pseudo', 'identity_clk', 'birth_ym', 'household_pseudo'];
  const sources = output.map((name) => (derived.includes(name) ? name : at(name)));
  const values: string[] = new Array(output.length);

  return (bytes, firstLine) => {
    // Lines are encoded straight into memory of their own (it can then move to another thread),
    // rather than joined into one large string first.
    let extract = new Uint8Array(bytes.length * (clk ? 4 : 2) + 4096);
    let extractView = Buffer.from(extract.buffer);
    let used = 0;
    const append = (line: string) => {
      if (used + line.length * 3 > extract.length) {
        const larger = new Uint8Array(2 * extract.length + line.length * 3);
        larger.set(extract.subarray(0, used));
        extract = larger;
        extractView = Buffer.from(extract.buffer);
      }
      used += extractView.write(line, used);
    };
    let errorLines = '';
    let written = 0;
    let refused = 0;
    const codes: Record<string, number> = {};

    const pseudonymiseRecord = (record: string[], lineOf: () => number) => {
      const errors: RowError[] = [];
      const field = (i: number) => (i < 0 ? '' : (record[i] ?? '').trim());
      let person = '';
      let identityPseudo = '';
      let filter = '';
      let household = '';
      const birthDate = field(birthAt);
      if (record.length !== columns.length) {
        errors.push({ column: '', code: 'column_count' });
      } else {
        if (needsNir) {
          const nir = parseNir(field(nirAt));
          if (nir.ok) person = pseudonymiser.personPseudoOfNir13(nir.nir13);
          else errors.push({ column: 'nir', code: nirErrorCode(field(nirAt), nir.reason) });
        }
        const family = field(familyAt);
        const familyLetters = normaliseName(family);
        if (needsIdentity && familyLetters === '') {
          errors.push({ column: 'family_name', code: family === '' ? 'missing_value' : 'invalid_name' });
        }
        if (birthDate === '') errors.push({ column: 'birth_date', code: 'missing_value' });
        else if (!isIsoDate(birthDate)) errors.push({ column: 'birth_date', code: dateErrorCode(birthDate) });
        if (needsHousehold) {
          const id = field(householdAt);
          if (id === '') errors.push({ column: 'household_id', code: 'missing_value' });
          else household = pseudonymiser.hash(householdPrefix, id);
        }
        if (errors.length === 0 && familyLetters !== '') {
          const identity = {
            family: familyLetters,
            given: normaliseName(firstGivenName(field(givenAt))),
            birthDate,
          };
          identityPseudo = pseudonymiser.identityPseudoOf(identity);
          if (clk) filter = pseudonymiser.identityClkTextOf(identity);
        }
      }
      if (errors.length > 0) {
        const line = lineOf();
        for (const e of errors) errorLines += `${line};${e.column};${e.code}\n`;
        refused++;
        const code = errors[0]!.code;
        codes[code] = (codes[code] ?? 0) + 1;
        return;
      }
      for (let i = 0; i < sources.length; i++) {
        const source = sources[i]!;
        if (typeof source === 'number') values[i] = field(source);
        else if (source === 'person_pseudo') values[i] = person;
        else if (source === 'identity_pseudo') values[i] = identityPseudo;
        else if (source === 'identity_clk') values[i] = filter;
        else if (source === 'birth_ym') values[i] = birthDate.slice(0, 7);
        else values[i] = household;
      }
      append(csvLine(values, delimiter));
      written++;
    };

    forEachRecord(bytes, firstLine, delimiter, pseudonymiseRecord);
    return { extract: extract.subarray(0, used), errors: errorLines, written, refused, codes };
  };
}
