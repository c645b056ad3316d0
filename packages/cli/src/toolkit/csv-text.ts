// Small CSV pieces shared by the toolkit commands: reading a header (delimiter detection, BOM) and
// writing lines. Lines are written by hand because csv-stringify costs about 6 µs a row, more than
// all the hashing of a row; quoting follows RFC 4180.

import { type Options, parse } from 'csv-parse/sync';
import { UsageError } from '../cli-error.ts';
import { messages } from '../messages/language.ts';

export type Delimiter = ';' | ',';

/** Options of csv-parse for data rows: both line ends, blank and all-empty rows skipped. */
export const parseOptions = (delimiter: Delimiter): Options => ({
  delimiter,
  record_delimiter: ['\r\n', '\n'],
  skip_empty_lines: true,
  skip_records_with_empty_values: true,
  relax_column_count: true,
});

/** The delimiter of a header line: `;` or `,`, whichever it holds more of. */
export function detectDelimiter(headerLine: string): Delimiter {
  const semicolons = headerLine.split(';').length;
  const commas = headerLine.split(',').length;
  return semicolons >= commas ? ';' : ',';
}

export type Header = { delimiter: Delimiter; columns: string[] };

/** Parses the header record of a file (BOM already removed); `what` names the file in messages. */
export function parseHeader(record: Buffer | string, what: string): Header {
  const text = record.toString().replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new UsageError(messages().emptyFile(what));
  const delimiter = detectDelimiter(text.split('\n', 1)[0]!);
  let rows: string[][];
  try {
    rows = parse(text, { ...parseOptions(delimiter), to: 1 });
  } catch {
    throw new UsageError(messages().headerNotCsv(what));
  }
  const columns = (rows[0] ?? []).map((c) => c.trim());
  const seen = new Set<string>();
  const repeated = columns.filter((c) => seen.has(c) || !seen.add(c));
  if (repeated.length > 0) throw new UsageError(messages().repeatedColumns(what, [...new Set(repeated)]));
  return { delimiter, columns };
}

const NEEDS_QUOTES = /[;,"\r\n]/;

/** One field, quoted when it holds a delimiter, a quote or a line break. */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One CSV line with its newline. */
export function csvLine(values: readonly string[], delimiter: Delimiter): string {
  let line = csvField(values[0] ?? '');
  for (let i = 1; i < values.length; i++) line += delimiter + csvField(values[i]!);
  return `${line}\n`;
}

const NEEDS_QUOTES_SEMICOLON = /[;"\r\n]/;

/** One line for a spreadsheet (`;`-separated): decimal commas stay unquoted, as Excel writes them. */
export function spreadsheetLine(values: readonly string[]): string {
  const field = (v: string) => (NEEDS_QUOTES_SEMICOLON.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  return `${values.map(field).join(';')}\n`;
}
