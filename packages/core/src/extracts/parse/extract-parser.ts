// The streaming parser of an uploaded extract: the decompressed body in, the COPY text of its valid
// rows out (PostgreSQL text format, copyColumns order). Refusals destroy the stream with an
// ExtractRefusal as soon as they are found; row errors are counted and the first ones kept.
// Most rows take the byte-level fast path (fast-row.ts); the rest, and the header, the general one.
import { Transform, type TransformCallback } from 'node:stream';
import { type ExtractKind, schemaOfColumns, v2ColumnsOfKind } from '@nonrecours/pseudo';
import { copyColumns, maxCopyLineBytes } from './copy-columns.ts';
import { CopyOutput } from './copy-output.ts';
import { ExtractRefusal } from './extract-refusal.ts';
import { FAST_INCOMPLETE, FastRowReader } from './fast-row.ts';
import { type Delimiter, detectDelimiter, resolveHeader } from './header.ts';
import { type RawRecord, readRecord, TOO_MANY_FIELDS } from './record-reader.ts';
import { RowChecker } from './row-checker.ts';
import { type RowError, RowErrorLog } from './row-errors.ts';
import { Utf8Check } from './utf8-check.ts';

export interface ExtractParserOptions {
  /** Row errors kept in memory for the report; all are counted. Default 1000. */
  maxErrorsKept?: number;
  /** The schema the file is sent with: a v1 file may not carry the monthly columns of v2. */
  schema?: string;
}

export interface ExtractParseStats {
  /** Data rows seen: every record after the header, blank lines at the end of the file excepted. */
  rows: number;
  /** Rows written as COPY lines. */
  validRows: number;
  /** Rows left out, each with at least one row error. */
  invalidRows: number;
  /** Row errors found: every bad value of a row is one (a wrong field count, one per row). */
  errorCount: number;
  /** The first row errors, in file order (at most maxErrorsKept). */
  errors: readonly RowError[];
  /** The header's column names as given, once the header is accepted. */
  header: readonly string[] | null;
  delimiter: Delimiter | null;
}

// A valid row is a few hundred bytes and a header a few: a record this long is a runaway quote or not
// CSV, and keeping it whole would let memory grow with the file. The bounds hold before anything is
// kept per value: a record is refused as soon as it is too long or has too many values, even unfinished.
export const MAX_HEADER_BYTES = 8 * 1024;
export const MAX_LINE_BYTES = 64 * 1024;
/** No kind has this many columns: a header or a row with more values is not an extract. */
export const MAX_FIELDS = 64;
const OUTPUT_BUFFER_BYTES = 1 << 20;
const LF = 0x0a;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const EMPTY = Buffer.alloc(0);

export class ExtractParser extends Transform {
  readonly kind: ExtractKind;
  /** The COPY columns, in the order of every output line. */
  readonly columns: readonly string[];

  readonly #utf8 = new Utf8Check();
  readonly #errors: RowErrorLog;
  readonly #schema: string | undefined;
  readonly #out: CopyOutput;
  readonly #emit = (chunk: Buffer) => {
    this.push(chunk);
  };
  // Bytes received but not read yet: the unfinished record, then the chunks after it.
  #rest: Buffer = EMPTY;
  #pending: Buffer[] = [];
  #pendingBytes = 0;
  #atFileStart = true;
  /** The line where the next record starts. */
  #line = 1;
  #header: readonly string[] | null = null;
  #delimiter: Delimiter | null = null;
  #fast: FastRowReader | null = null;
  #checker: RowChecker | null = null;
  // Blank lines count as rows only when a row follows them: at the end of a file they are ignored.
  #blankFrom = 0;
  #blankCount = 0;
  #rows = 0;
  #validRows = 0;

  /** A v1 extract with v2 columns is mislabelled: refused before any row, naming the schema to use. */
  #checkSchema(names: readonly string[]): void {
    if (this.#schema === undefined || schemaOfColumns(this.kind, names) === this.#schema) return;
    if (!this.#schema.endsWith('.v1')) return;
    const columns = names.filter((name) => v2ColumnsOfKind[this.kind].includes(name));
    throw new ExtractRefusal(
      'unexpected_column',
      `the header has ${columns.length} column(s) of ${schemaOfColumns(this.kind, names)}, which a ${this.#schema} extract does not allow: send it with schema=${schemaOfColumns(this.kind, names)}`,
      { columns: columns.map((name) => ({ position: names.indexOf(name) + 1, name })) },
    );
  }

  constructor(kind: ExtractKind, options: ExtractParserOptions = {}) {
    super();
    this.#schema = options.schema;
    this.kind = kind;
    this.columns = copyColumns[kind];
    this.#errors = new RowErrorLog(options.maxErrorsKept ?? 1000);
    this.#out = new CopyOutput(OUTPUT_BUFFER_BYTES, maxCopyLineBytes(kind));
  }

  get stats(): ExtractParseStats {
    return {
      rows: this.#rows,
      validRows: this.#validRows,
      invalidRows: this.#rows - this.#validRows,
      errorCount: this.#errors.count,
      errors: this.#errors.kept,
      header: this.#header,
      delimiter: this.#delimiter,
    };
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.#checkEncoding(chunk, false);
      this.#pending.push(chunk);
      this.#pendingBytes += chunk.length;
      // An unfinished record is read again only once as many new bytes have come: a long record
      // arriving in small pieces then costs linear time, not quadratic.
      if (this.#pendingBytes >= this.#rest.length) this.#consume(false);
      this.#out.take(this.#emit);
      callback();
    } catch (err) {
      callback(err as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    try {
      this.#checkEncoding(EMPTY, true);
      this.#consume(true);
      if (this.#header === null) throw new ExtractRefusal('empty_extract', 'the extract has no header row');
      if (this.#rows === 0) throw new ExtractRefusal('empty_extract', 'the extract has no data row');
      this.#out.take(this.#emit);
      callback();
    } catch (err) {
      callback(err as Error);
    }
  }

  #checkEncoding(chunk: Buffer, atEnd: boolean): void {
    if (!(atEnd ? this.#utf8.end() : this.#utf8.push(chunk))) {
      throw new ExtractRefusal('invalid_encoding', 'the extract is not valid UTF-8');
    }
  }

  #consume(atEnd: boolean): void {
    const data = this.#joinPending();
    const p = this.#read(data, atEnd);
    // A copy, so that the chunk it comes from is not kept alive.
    this.#rest = p === data.length ? EMPTY : Buffer.from(data.subarray(p));
    this.#checkLength(this.#rest.length);
  }

  /** The unread bytes as one buffer, copying as little as possible. */
  #joinPending(): Buffer {
    const rest = this.#rest;
    const pending = this.#pending;
    this.#rest = EMPTY;
    this.#pending = [];
    this.#pendingBytes = 0;
    if (pending.length === 1 && rest.length === 0) return pending[0] as Buffer;
    if (pending.length === 1) {
      // The unfinished record most often ends at the next line break: read it on its own, so that
      // the new chunk need not be copied behind it.
      const chunk = pending[0] as Buffer;
      const lf = chunk.indexOf(LF);
      if (lf >= 0) {
        const head = Buffer.concat([rest, chunk.subarray(0, lf + 1)]);
        const p = this.#read(head, false);
        const tail = chunk.subarray(lf + 1);
        return p === head.length ? tail : Buffer.concat([head.subarray(p), tail]);
      }
    }
    return Buffer.concat([rest, ...pending]);
  }

  /** Reads what it can of `data`: the header if still due, then rows. Returns where it stopped. */
  #read(data: Buffer, atEnd: boolean): number {
    const p = this.#header === null ? this.#readHeader(data, atEnd) : 0;
    return this.#header === null ? p : this.#readRows(data, p, atEnd);
  }

  /** Refuses a record too long, whether it is whole or still coming, so chunking changes nothing. */
  #checkLength(bytes: number): void {
    if (this.#header === null) {
      if (bytes <= MAX_HEADER_BYTES) return;
      throw new ExtractRefusal('invalid_header', `the header is longer than ${MAX_HEADER_BYTES} bytes`, {
        line: this.#line,
        column: null,
      });
    }
    if (bytes <= MAX_LINE_BYTES) return;
    const line = this.#line;
    throw new ExtractRefusal(
      'line_too_long',
      `the record of line ${line} is longer than ${MAX_LINE_BYTES} bytes`,
      {
        line,
        column: null,
      },
    );
  }

  /** Reads the header when it is all there; returns where the rows start, or what to keep. */
  #readHeader(data: Buffer, atEnd: boolean): number {
    let p = 0;
    if (this.#atFileStart) {
      if (data.length < BOM.length && !atEnd && BOM.subarray(0, data.length).equals(data)) return 0;
      if (data.subarray(0, BOM.length).equals(BOM)) p = BOM.length;
      this.#atFileStart = false;
    }
    for (;;) {
      if (p === data.length) return p;
      const lf = data.indexOf(LF, p);
      if (lf < 0 && !atEnd) return p;
      const lineEnd = lf < 0 ? data.length : lf;
      // Blank lines before the header are passed over.
      if (isBlank(data, p, lineEnd)) {
        this.#line++;
        p = lf < 0 ? lineEnd : lf + 1;
        continue;
      }
      const delimiter = detectDelimiter(data.subarray(p, lineEnd));
      if (delimiter === null) {
        const message = `the header has no ';' or ',' delimiter, and a ${this.kind} extract has several columns`;
        throw new ExtractRefusal('invalid_header', message);
      }
      const record = readRecord(data, p, delimiter.charCodeAt(0), atEnd, MAX_FIELDS);
      if (record === TOO_MANY_FIELDS) {
        const message = `the header has more than ${MAX_FIELDS} columns, and a ${this.kind} extract has ${this.columns.length}`;
        throw new ExtractRefusal('invalid_header', message, { line: this.#line, column: null });
      }
      if (record === null) {
        if (atEnd) throw new ExtractRefusal('invalid_header', 'the header ends inside a quoted value');
        return p;
      }
      this.#checkLength(record.next - p);
      const layout = resolveHeader(this.kind, record.fields, this.#line);
      this.#checkSchema(layout.names);
      this.#header = layout.names;
      this.#delimiter = delimiter;
      this.#fast = new FastRowReader(layout, delimiter.charCodeAt(0));
      this.#checker = new RowChecker(layout, this.#errors);
      this.#line += record.lines;
      return record.next;
    }
  }

  #readRows(data: Buffer, from: number, atEnd: boolean): number {
    const fast = this.#fast as FastRowReader;
    const out = this.#out;
    const delimiter = (this.#delimiter as Delimiter).charCodeAt(0);
    let p = from;
    while (p < data.length) {
      out.reserve(this.#emit);
      const next = fast.read(data, p, out.buf, out.offset);
      if (next >= 0) {
        if (this.#blankCount > 0) this.#countBlanks();
        out.offset = fast.written;
        this.#rows++;
        this.#validRows++;
        this.#line++;
        p = next;
        continue;
      }
      if (next === FAST_INCOMPLETE && !atEnd) break;
      const record = readRecord(data, p, delimiter, atEnd, MAX_FIELDS);
      if (record === TOO_MANY_FIELDS) {
        const line = this.#line;
        const message = `the record of line ${line} has more than ${MAX_FIELDS} values`;
        throw new ExtractRefusal('too_many_fields', message, { line, column: null });
      }
      if (record === null) {
        if (!atEnd) break;
        const line = this.#line;
        const message = `the quoted value opened on line ${line} is never closed`;
        throw new ExtractRefusal('malformed_csv', message, { line, column: null });
      }
      this.#checkLength(record.next - p);
      this.#readRecord(record);
      p = record.next;
    }
    return p;
  }

  #readRecord(record: RawRecord): void {
    if (record.blank) {
      if (this.#blankCount === 0) this.#blankFrom = this.#line;
      this.#blankCount++;
      this.#line++;
      return;
    }
    if (this.#blankCount > 0) this.#countBlanks();
    this.#rows++;
    const line = (this.#checker as RowChecker).check(record.fields, this.#line);
    if (line !== null) {
      this.#out.offset += this.#out.buf.write(line, this.#out.offset, 'latin1');
      this.#validRows++;
    }
    this.#line += record.lines;
  }

  /** Blank lines followed by a row are rows with the wrong number of fields. */
  #countBlanks(): void {
    for (let i = 0; i < this.#blankCount; i++) {
      this.#errors.add(this.#blankFrom + i, null, 'wrong_field_count');
    }
    this.#rows += this.#blankCount;
    this.#blankCount = 0;
  }
}

function isBlank(data: Buffer, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const b = data[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0d) return false;
  }
  return true;
}

/** A parser for one extract of `kind`: pipe the decompressed body in and the output to COPY. */
export function createExtractParser(kind: ExtractKind, options?: ExtractParserOptions): ExtractParser {
  return new ExtractParser(kind, options);
}
