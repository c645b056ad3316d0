// Test data for the parser's tests: valid values of every column of a kind, CSV text built from
// them, and a helper that runs a whole input through a parser.
import { createHash } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type ColumnSpec, type ExtractKind, extractColumns } from '@nonrecours/pseudo';
import { createExtractParser, type ExtractParserOptions, type ExtractParseStats } from './extract-parser.ts';
import { ExtractRefusal } from './extract-refusal.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest();

/** A 43-character base64url pseudonym, the same for the same seed. */
export const pseudonym = (seed: string) => sha256(seed).toString('base64url');

/** A 171-character identity_clk, the same for the same seed. */
export const clk = (seed: string) =>
  Buffer.concat([0, 1, 2, 3].map((i) => sha256(`${seed}/${i}`)))
    .subarray(0, 128)
    .toString('base64url');

/** A valid file value of a column, and its COPY text. */
export function sampleValue(spec: ColumnSpec, seed: string): { file: string; copy: string } {
  switch (spec.type) {
    case 'pseudo': {
      const value = pseudonym(`${spec.name}:${seed}`);
      return { file: value, copy: value };
    }
    case 'clk': {
      const value = clk(seed);
      return { file: value, copy: value };
    }
    case 'month':
      return { file: '1985-03', copy: '1985-03-01' };
    case 'commune':
      return { file: '2A004', copy: '2A004' };
    case 'bool':
      return { file: '1', copy: 't' };
    case 'amount':
      return { file: '1234.5', copy: '1234.5' };
    case 'int':
      return { file: String(spec.min + 1), copy: String(spec.min + 1) };
    case 'enum':
      return { file: spec.values.at(-1)!, copy: spec.values.at(-1)! };
  }
}

/** Every column of `kind`, as file values keyed by name. */
export function sampleRow(kind: ExtractKind, seed = '1'): Record<string, string> {
  return Object.fromEntries(extractColumns[kind].map((c) => [c.name, sampleValue(c, seed).file]));
}

/** The COPY line of sampleRow(kind, seed), with `copyValues` in place of some columns. */
export function sampleCopyLine(
  kind: ExtractKind,
  seed = '1',
  copyValues: Record<string, string> = {},
): string {
  const values = extractColumns[kind].map((c) => copyValues[c.name] ?? sampleValue(c, seed).copy);
  return `${values.join('\t')}\n`;
}

export interface CsvOptions {
  delimiter?: ';' | ',';
  lineBreak?: '\n' | '\r\n';
  /** The columns of the header, in this order; every column of the kind when absent. */
  columns?: readonly string[];
}

/** A CSV file: the header, then one line per row (values taken by column name, '' when absent). */
export function csv(
  kind: ExtractKind,
  rows: readonly Record<string, string>[],
  options: CsvOptions = {},
): string {
  const delimiter = options.delimiter ?? ';';
  const lineBreak = options.lineBreak ?? '\n';
  const columns = options.columns ?? extractColumns[kind].map((c) => c.name);
  const lines = [
    columns.join(delimiter),
    ...rows.map((row) => columns.map((c) => row[c] ?? '').join(delimiter)),
  ];
  return lines.map((line) => line + lineBreak).join('');
}

export interface ParseResult {
  output: string;
  stats: ExtractParseStats;
  refusal: ExtractRefusal | null;
}

/** Runs chunks through a parser; a refusal is returned, any other error thrown. */
export async function parseChunks(
  kind: ExtractKind,
  chunks: readonly (Buffer | string)[],
  options?: ExtractParserOptions,
): Promise<ParseResult> {
  const parser = createExtractParser(kind, options);
  const output: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      output.push(chunk);
      callback();
    },
  });
  const input = Readable.from(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c)));
  let refusal: ExtractRefusal | null = null;
  try {
    await pipeline(input, parser, sink);
  } catch (err) {
    if (!(err instanceof ExtractRefusal)) throw err;
    refusal = err;
  }
  return { output: Buffer.concat(output).toString('latin1'), stats: parser.stats, refusal };
}

export const parseText = (kind: ExtractKind, text: string | Buffer, options?: ExtractParserOptions) =>
  parseChunks(kind, [typeof text === 'string' ? Buffer.from(text) : text], options);
