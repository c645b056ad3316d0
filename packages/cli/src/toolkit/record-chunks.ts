// Cuts a CSV byte stream into chunks of whole records, so that chunks can be parsed apart (on other
// threads) and every row still knows its line number. A newline ends a record only outside quotes;
// RFC 4180 escapes a quote by doubling it, so the parity of the quotes seen tells which is which.

const QUOTE = 0x22;
const NEWLINE = 0x0a;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export type RecordChunk = {
  /** Whole records (the last one may lack its newline at the end of the input). */
  bytes: Buffer;
  /** The line number of the first byte of the chunk (the header is line 1). */
  firstLine: number;
};

/** Index just past the first (or last) newline outside quotes in `buf`, or -1. */
export function recordBoundary(buf: Buffer, which: 'first' | 'last'): number {
  if (buf.indexOf(QUOTE) === -1) {
    const at = which === 'first' ? buf.indexOf(NEWLINE) : buf.lastIndexOf(NEWLINE);
    return at === -1 ? -1 : at + 1;
  }
  let quoted = false;
  let end = -1;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (c === QUOTE) quoted = !quoted;
    else if (c === NEWLINE && !quoted) {
      end = i + 1;
      if (which === 'first') break;
    }
  }
  return end;
}

/** Number of newlines in buf[start, end). */
export function countNewlines(buf: Buffer, start = 0, end = buf.length): number {
  let n = 0;
  for (let i = buf.indexOf(NEWLINE, start); i !== -1 && i < end; i = buf.indexOf(NEWLINE, i + 1)) n++;
  return n;
}

/**
 * Chunks of at least `targetBytes` (but for the last) of whole records; a UTF-8 BOM at the start is
 * dropped. The first chunk is the header record alone.
 */
export async function* recordChunks(
  input: AsyncIterable<Buffer | string>,
  targetBytes = 1 << 20,
): AsyncGenerator<RecordChunk> {
  let parts: Buffer[] = [];
  let size = 0;
  let line = 1;
  let headerDone = false;
  const take = (): Buffer => {
    const all = parts.length === 1 ? parts[0]! : Buffer.concat(parts, size);
    parts = [];
    size = 0;
    return all;
  };
  const keep = (rest: Buffer) => {
    if (rest.length > 0) parts.push(rest);
    size = rest.length;
  };
  const emit = (bytes: Buffer): RecordChunk => {
    const chunk = { bytes, firstLine: line };
    line += countNewlines(bytes);
    return chunk;
  };
  for await (const data of input) {
    const piece = typeof data === 'string' ? Buffer.from(data) : data;
    parts.push(piece);
    size += piece.length;
    if (!headerDone) {
      let all = take();
      if (all.subarray(0, 3).equals(BOM)) all = all.subarray(3);
      const end = recordBoundary(all, 'first');
      if (end === -1) {
        keep(all);
        continue;
      }
      headerDone = true;
      keep(all.subarray(end));
      yield emit(all.subarray(0, end));
    }
    if (size < targetBytes) continue;
    const all = take();
    const end = recordBoundary(all, 'last');
    keep(end > 0 ? all.subarray(end) : all);
    if (end > 0) yield emit(all.subarray(0, end));
  }
  let rest = take();
  if (!headerDone && rest.subarray(0, 3).equals(BOM)) rest = rest.subarray(3);
  if (rest.length > 0) yield emit(rest);
}
