// Streaming UTF-8 validation without decoding: each chunk is checked natively (buffer.isUtf8), up to
// a character cut by the chunk's end, which is checked with the next chunk. Strict like a fatal
// TextDecoder: overlong forms, surrogates and code points above U+10FFFF are refused.
import { isUtf8 } from 'node:buffer';

/** The length of the sequence a lead byte starts; 0 for a continuation byte or an invalid one. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Where the last character of `buf` from `from` is cut short, or the end of `buf`. */
function completeEnd(buf: Buffer, from: number): number {
  for (let i = buf.length - 1; i >= Math.max(from, buf.length - 3); i--) {
    const b = buf[i]!;
    if ((b & 0xc0) === 0x80) continue;
    const length = sequenceLength(b);
    return length > 0 && i + length > buf.length ? i : buf.length;
  }
  return buf.length;
}

export class Utf8Check {
  // The first bytes of a character cut by the end of the previous chunk.
  #carry: Buffer = Buffer.alloc(0);

  /** False once the bytes so far cannot be UTF-8. */
  push(chunk: Buffer): boolean {
    let start = 0;
    if (this.#carry.length > 0) {
      const need = sequenceLength(this.#carry[0]!) - this.#carry.length;
      if (chunk.length < need) {
        this.#carry = Buffer.concat([this.#carry, chunk]);
        return true;
      }
      if (!isUtf8(Buffer.concat([this.#carry, chunk.subarray(0, need)]))) return false;
      start = need;
    }
    const end = completeEnd(chunk, start);
    this.#carry = Buffer.from(chunk.subarray(end));
    return isUtf8(chunk.subarray(start, end));
  }

  /** False when the input ends inside a character. */
  end(): boolean {
    return this.#carry.length === 0;
  }
}
