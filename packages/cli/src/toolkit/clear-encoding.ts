// The encoding of a partner's clear file. The toolkit works in UTF-8, as the pseudonyms are defined
// (EXTRACTS.md): a file that is not valid UTF-8 is refused, naming its first bad line, since reading
// Windows-1252 bytes as UTF-8 would silently give other pseudonyms to every accented name. Excel's
// « CSV (séparateur : point-virgule) » writes Windows-1252: declared, it is decoded to UTF-8 first.

import { isUtf8 } from 'node:buffer';
import { UsageError } from '../cli-error.ts';
import { messages } from '../messages/language.ts';

export type ClearEncoding = 'utf-8' | 'windows-1252';

const NEWLINE = 0x0a;

/**
 * The --encoding option. `latin1` (ISO-8859-1) is read as Windows-1252, as browsers do: the two differ
 * only in 0x80–0x9F, control characters in ISO-8859-1 that no text file holds.
 */
export function parseEncoding(value: string | undefined): ClearEncoding {
  const name = (value ?? 'utf-8').toLowerCase();
  if (name === 'utf-8' || name === 'utf8') return 'utf-8';
  if (['windows-1252', 'cp1252', 'latin1', 'latin-1', 'iso-8859-1'].includes(name)) return 'windows-1252';
  throw new UsageError(messages().encoding.unknown(value ?? ''));
}

/** The line (from 1) of the first invalid UTF-8 in `bytes`, which starts at line `firstLine`. */
function badLine(bytes: Buffer, firstLine: number): number {
  let start = 0;
  for (let line = firstLine; ; line++) {
    const end = bytes.indexOf(NEWLINE, start);
    if (!isUtf8(bytes.subarray(start, end === -1 ? bytes.length : end))) return line;
    if (end === -1) return line;
    start = end + 1;
  }
}

/**
 * The file's bytes as UTF-8: checked and passed on as they are in UTF-8 (a UsageError names the first
 * line that is not), decoded from Windows-1252 otherwise. `what` names the file in the message.
 */
export async function* asUtf8(
  input: AsyncIterable<Buffer | string>,
  encoding: ClearEncoding,
  what: string,
): AsyncGenerator<Buffer> {
  if (encoding === 'windows-1252') {
    // A single-byte encoding: every piece decodes on its own.
    const decoder = new TextDecoder('windows-1252');
    for await (const piece of input) {
      yield typeof piece === 'string' ? Buffer.from(piece) : Buffer.from(decoder.decode(piece), 'utf8');
    }
    return;
  }
  // Checked up to the last newline of what has come: a character is never cut there.
  let carry: Buffer = Buffer.alloc(0);
  let line = 1;
  const check = (bytes: Buffer) => {
    if (!isUtf8(bytes)) throw new UsageError(messages().encoding.notUtf8(what, badLine(bytes, line)));
    for (let i = bytes.indexOf(NEWLINE); i !== -1; i = bytes.indexOf(NEWLINE, i + 1)) line++;
  };
  for await (const piece of input) {
    const bytes = carry.length === 0 ? Buffer.from(piece) : Buffer.concat([carry, Buffer.from(piece)]);
    const end = bytes.lastIndexOf(NEWLINE) + 1;
    if (end === 0) {
      carry = bytes;
      continue;
    }
    const whole = bytes.subarray(0, end);
    check(whole);
    carry = bytes.subarray(end);
    yield whole;
  }
  if (carry.length > 0) {
    check(carry);
    yield carry;
  }
}
