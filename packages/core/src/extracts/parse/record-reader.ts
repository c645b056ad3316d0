// One CSV record (RFC 4180) read from bytes: quoted fields with `""` escapes and line breaks inside,
// LF or CRLF, spaces and tabs around unquoted values trimmed. The delimiter, quote and line break
// are ASCII and never part of a multi-byte UTF-8 character, so the bytes can be cut before decoding.
// Malformed quoting (a quote inside an unquoted value, text after a closing quote) is kept as written,
// quotes included, so that the value fails every check instead of shifting the row's fields.

import { isAscii } from 'node:buffer';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;

export interface RawRecord {
  fields: string[];
  /** Offset just past the record's line break (the end of the data for a last line without one). */
  next: number;
  /** Physical lines the record spans: 1 plus the line breaks inside its quoted values. */
  lines: number;
  /** Nothing but spaces or tabs on the line. */
  blank: boolean;
}

/** `readRecord` met more values than it was allowed to read: the record is not kept at all. */
export const TOO_MANY_FIELDS = 'too_many_fields';

/**
 * The record starting at `start` in `buf`, or null when `buf` ends before it does. At the end of the
 * input (`atEnd`) a last record without a line break is complete, but one inside a quoted value is not.
 * A record with more than `maxFields` values is TOO_MANY_FIELDS as soon as the one too many begins,
 * before anything is kept of it.
 */
export function readRecord(buf: Buffer, start: number, delimiter: number, atEnd: boolean): RawRecord | null;
export function readRecord(
  buf: Buffer,
  start: number,
  delimiter: number,
  atEnd: boolean,
  maxFields: number,
): RawRecord | typeof TOO_MANY_FIELDS | null;
export function readRecord(
  buf: Buffer,
  start: number,
  delimiter: number,
  atEnd: boolean,
  maxFields = Number.POSITIVE_INFINITY,
): RawRecord | typeof TOO_MANY_FIELDS | null {
  const end = buf.length;
  // Where each value is: start, end, and whether it is quoted text whose "" stand for ".
  const bounds: number[] = [];
  let lines = 1;
  let quoted = false;
  let i = start;
  for (;;) {
    const fieldStart = i;
    while (i < end && (buf[i] === SPACE || buf[i] === TAB)) i++;
    if (i < end && buf[i] === QUOTE) {
      quoted = true;
      const close = closingQuote(buf, i + 1, atEnd);
      if (close < 0) return null;
      lines += countLineBreaks(buf, i + 1, close);
      let k = close + 1;
      while (k < end && (buf[k] === SPACE || buf[k] === TAB)) k++;
      const stop = fieldStop(buf, k, delimiter, atEnd);
      if (stop === -2) return null;
      if (stop === k) {
        bounds.push(i + 1, close, 1);
        i = k;
      } else {
        const literalEnd = unquotedEnd(buf, k, delimiter);
        if (literalEnd < 0 && !atEnd) return null;
        i = literalEnd < 0 ? end : literalEnd;
        pushTrimmed(bounds, buf, fieldStart, i);
      }
    } else {
      const e = unquotedEnd(buf, i, delimiter);
      if (e < 0 && !atEnd) return null;
      i = e < 0 ? end : e;
      pushTrimmed(bounds, buf, fieldStart, i);
    }
    if (i < end && buf[i] === delimiter) {
      if (bounds.length >= maxFields * 3) return TOO_MANY_FIELDS;
      i++;
      continue;
    }
    // A line break (LF, CRLF after a quoted value) or the end of the input.
    let next = i;
    if (next < end && buf[next] === CR) next++;
    if (next < end) next++;
    const fields = decodeFields(buf, start, next, bounds);
    const blank = !quoted && fields.length === 1 && fields[0] === '';
    return { fields, next, lines, blank };
  }
}

/** The values of a record; an ASCII record (the usual one) is decoded in one go, not value by value. */
function decodeFields(buf: Buffer, start: number, end: number, bounds: readonly number[]): string[] {
  const text = isAscii(buf.subarray(start, end)) ? buf.toString('latin1', start, end) : null;
  const fields: string[] = [];
  for (let f = 0; f < bounds.length; f += 3) {
    const s = bounds[f]!;
    const e = bounds[f + 1]!;
    const value = text === null ? buf.toString('utf8', s, e) : text.slice(s - start, e - start);
    fields.push(bounds[f + 2] === 1 ? value.replaceAll('""', '"') : value);
  }
  return fields;
}

/** The closing quote of a value opened before `from`, or -1 when the data ends first. */
function closingQuote(buf: Buffer, from: number, atEnd: boolean): number {
  let j = from;
  for (;;) {
    const q = buf.indexOf(QUOTE, j);
    if (q < 0) return -1;
    // A quote as the last byte may be the first half of an escape.
    if (q + 1 === buf.length) return atEnd ? q : -1;
    if (buf[q + 1] !== QUOTE) return q;
    j = q + 2;
  }
}

/**
 * Whether a quoted value closed just before `k` ends there: `k` when a delimiter, a line break (LF
 * or CRLF) or the end of the input follows, -1 when something else does, -2 when the data ends too
 * soon to tell.
 */
function fieldStop(buf: Buffer, k: number, delimiter: number, atEnd: boolean): number {
  const end = buf.length;
  if (k >= end) return atEnd ? k : -2;
  const b = buf[k];
  if (b === delimiter || b === LF) return k;
  if (b !== CR) return -1;
  if (k + 1 >= end) return atEnd ? k : -2;
  return buf[k + 1] === LF ? k : -1;
}

/** The delimiter or LF ending an unquoted value, or -1 when the data ends first. */
function unquotedEnd(buf: Buffer, from: number, delimiter: number): number {
  for (let i = from; i < buf.length; i++) {
    const b = buf[i];
    if (b === delimiter || b === LF) return i;
  }
  return -1;
}

function countLineBreaks(buf: Buffer, from: number, to: number): number {
  let n = 0;
  for (let i = buf.indexOf(LF, from); i >= 0 && i < to; i = buf.indexOf(LF, i + 1)) n++;
  return n;
}

/**
 * The value from `from` to its delimiter or line break at `to`, without surrounding blanks, and
 * without the CR of a line ending (a CR before a delimiter is kept: it fails every check).
 */
function pushTrimmed(bounds: number[], buf: Buffer, from: number, to: number): void {
  let s = from;
  let e = to;
  if (e > s && buf[e - 1] === CR && (to === buf.length || buf[to] === LF)) e--;
  while (s < e && (buf[s] === SPACE || buf[s] === TAB)) s++;
  while (e > s && (buf[e - 1] === SPACE || buf[e - 1] === TAB)) e--;
  bounds.push(s, e, 0);
}
