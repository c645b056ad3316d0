// The records of a chunk of whole CSV records (record-chunks.ts), each with a way to get its line
// number in the file. Chunks without quotes, the usual case, are split directly: a line is then a
// record and a delimiter a field boundary, and this is several times faster than a full parser;
// chunks with quotes go through csv-parse.

import { parse } from 'csv-parse/sync';
import { type Delimiter, parseOptions } from './csv-text.ts';
import { countNewlines } from './record-chunks.ts';

/** Malformed CSV (an unclosed quote…): the whole input is unusable. */
export class CsvSyntaxError extends Error {
  override readonly name = 'CsvSyntaxError';
  readonly line: number;
  readonly code: string;
  constructor(line: number, code: string) {
    super(`malformed CSV near line ${line} (${code})`);
    this.line = line;
    this.code = code;
  }
}

/** Calls `visit` for each record; blank rows and rows of empty values are skipped. */
export function forEachRecord(
  bytes: Buffer,
  firstLine: number,
  delimiter: Delimiter,
  visit: (record: string[], lineOf: () => number) => void,
): void {
  const text = bytes.toString('utf8');
  if (!text.includes('"')) {
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.trim() === '') continue;
      const record = (line.endsWith('\r') ? line.slice(0, -1) : line).split(delimiter);
      if (record.every((v) => v.trim() === '')) continue;
      visit(record, () => firstLine + i);
    }
    return;
  }
  let records: { record: string[]; info: { bytes: number } }[];
  try {
    // csv-parse's types do not model `info`, which wraps each record with its position.
    records = parse(bytes, { ...parseOptions(delimiter), info: true }) as unknown as typeof records;
  } catch (error) {
    const e = error as { code?: string; lines?: number };
    throw new CsvSyntaxError(firstLine + (e.lines ?? 1) - 1, e.code ?? 'CSV_INVALID');
  }
  // Line numbers are worked out only when asked (for refused rows): the line where the record
  // ends, less the line breaks inside its quoted values.
  let countedTo = 0;
  let linesBefore = 0;
  for (const { record, info } of records) {
    visit(record, () => {
      linesBefore += countNewlines(bytes, countedTo, info.bytes - 1);
      countedTo = info.bytes - 1;
      const inside = record.reduce((n, v) => n + v.split('\n').length - 1, 0);
      return firstLine + linesBefore - inside;
    });
  }
}
