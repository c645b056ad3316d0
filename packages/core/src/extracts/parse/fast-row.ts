// The fast path: one well-formed, valid row read straight from the bytes and written as its COPY
// line in the same pass, with no string made. Anything unusual (escaped quotes, a bad or missing
// value, a wrong field count, a stray CR) makes it give up on the row, which the general
// path (record-reader.ts, row-checker.ts) then reads with every rule and error. So it only has to be
// right on what it accepts, and the tests check that it writes exactly what the general path writes.
// What it accepts never looks like a clear identifier, so it need not call the guard: pseudonyms and
// identity_clk are longer than any written NIR (40 characters at most), an amount has at most 12
// digits once its dot is dropped (a comma is not a NIR separator) and is given up on when its ten
// whole digits start with 0 (a phone number's shape), no accepted value holds an @ or a +, and the
// other values are shorter still.
import type { ColumnSpec } from '@nonrecours/pseudo';
import { MAX_INTEGER } from './field-values.ts';
import type { HeaderLayout } from './header.ts';

/** `read` gave up on the row: read it on the general path. */
export const FAST_FAIL = -1;
/** `read` reached the end of the data before the end of the row. */
export const FAST_INCOMPLETE = -2;

const PSEUDO = 1;
const CLK = 2;
const MONTH = 3;
const COMMUNE = 4;
const BOOL = 5;
const AMOUNT = 6;
const INT = 7;
const ENUM = 8;

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const TAB = 0x09;
const SPACE = 0x20;
const DASH = 0x2d;
const DOT = 0x2e;
const COMMA = 0x2c;
const ZERO = 0x30;
const ONE = 0x31;
const UPPER_A = 0x41;
const UPPER_B = 0x42;
const LOWER_F = 0x66;
const LOWER_T = 0x74;
const NULL_FIELD = Buffer.from('\\N', 'latin1');

const byteTable = (chars: string) => {
  const table = new Uint8Array(256);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return table;
};
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const BASE64URL = byteTable(`${ALNUM}-_`);
// The characters of values other than pseudonyms; unquoted, the delimiter is taken out.
const QUOTED_PLAIN = byteTable(`${ALNUM}-_.,`);

const isDigit = (b: number) => b >= ZERO && b <= ZERO + 9;

function typeOf(spec: ColumnSpec): { code: number; maxLength: number } {
  switch (spec.type) {
    case 'pseudo':
      return { code: PSEUDO, maxLength: 43 };
    case 'clk':
      // v1: 171 characters; v2: 172, its version byte 0x02 written A then one of g–v (clk-v2.ts).
      return { code: CLK, maxLength: 172 };
    case 'month':
      return { code: MONTH, maxLength: 7 };
    case 'commune':
      return { code: COMMUNE, maxLength: 5 };
    case 'bool':
      return { code: BOOL, maxLength: 1 };
    case 'amount':
      return { code: AMOUNT, maxLength: 13 };
    case 'int':
      return { code: INT, maxLength: 5 };
    case 'enum':
      return { code: ENUM, maxLength: Math.max(...spec.values.map((v) => v.length)) };
  }
}

// A native copy pays for its call from about 64 bytes: the identity_clk.
const NATIVE_COPY_BYTES = 64;

function sameBytes(buf: Buffer, at: number, value: Uint8Array): boolean {
  for (let k = 0; k < value.length; k++) if (buf[at + k] !== value[k]) return false;
  return true;
}

export class FastRowReader {
  readonly #types: Uint8Array;
  readonly #maxLengths: Int32Array;
  readonly #required: Uint8Array;
  readonly #mins: Int32Array;
  readonly #enums: Buffer[][];
  readonly #delimiter: number;
  // The characters of unquoted values other than pseudonyms: a scan stops at any other.
  readonly #plain: Uint8Array;
  // When the file's columns come in COPY order (some possibly absent), each value is written in its
  // place at once, with what goes before it: the tab, and \N for the absent columns. Otherwise the
  // values go to a scratch buffer first, then are copied in COPY order.
  readonly #inOrder: boolean;
  readonly #before: Buffer[];
  readonly #after: Buffer;
  readonly #fileIndexOf: Int32Array;
  readonly #scratch: Buffer;
  // Where each file column's value was written (in the output, or in the scratch buffer).
  readonly #starts: Int32Array;
  readonly #ends: Int32Array;
  /** Where the last line read was written up to in the output buffer. */
  written = 0;

  constructor(layout: HeaderLayout, delimiter: number) {
    const types = layout.specs.map(typeOf);
    this.#types = Uint8Array.from(types, (t) => t.code);
    this.#maxLengths = Int32Array.from(types, (t) => t.maxLength);
    this.#required = Uint8Array.from(layout.specs, (s) => (s.required ? 1 : 0));
    this.#mins = Int32Array.from(layout.specs, (s) => (s.type === 'int' ? s.min : 0));
    this.#enums = layout.specs.map((s) =>
      s.type === 'enum' ? s.values.map((v) => Buffer.from(v, 'latin1')) : [],
    );
    this.#delimiter = delimiter;
    this.#plain = QUOTED_PLAIN.slice();
    this.#plain[delimiter] = 0;
    this.#fileIndexOf = layout.fileIndexOf;
    const fileIndexOf = [...layout.fileIndexOf];
    // The COPY columns the file has, in COPY order.
    const slots = fileIndexOf.flatMap((f, slot) => (f >= 0 ? [slot] : []));
    this.#inOrder = slots.every((slot, i) => fileIndexOf[slot] === i);
    // In order, file column i goes to slots[i], after a tab and a \N for each absent column between.
    this.#before = slots.map((slot, i) => {
      const gap = '\\N\t'.repeat(slot - (i === 0 ? -1 : slots[i - 1]!) - 1);
      return Buffer.from(i === 0 ? gap : `\t${gap}`, 'latin1');
    });
    const trailing = fileIndexOf.length - 1 - (slots.at(-1) ?? -1);
    this.#after = Buffer.from(`${'\t\\N'.repeat(trailing)}\n`, 'latin1');
    this.#scratch = Buffer.alloc(types.reduce((sum, t) => sum + t.maxLength + 4, 0));
    this.#starts = new Int32Array(types.length);
    this.#ends = new Int32Array(types.length);
  }

  /**
   * Reads the row at `p` and writes its COPY line into `out` at `o` (the caller leaves room for the
   * longest line, which even a row given up on stays within): the offset of the next row,
   * FAST_FAIL or FAST_INCOMPLETE.
   */
  read(buf: Buffer, p: number, out: Buffer, o: number): number {
    const end = buf.length;
    const types = this.#types;
    const maxLengths = this.#maxLengths;
    const required = this.#required;
    const plain = this.#plain;
    const delimiter = this.#delimiter;
    const befores = this.#before;
    const starts = this.#starts;
    const ends = this.#ends;
    const inOrder = this.#inOrder;
    const target = inOrder ? out : this.#scratch;
    let t = inOrder ? o : 0;
    const last = types.length - 1;
    for (let i = 0; i <= last; i++) {
      if (inOrder) {
        const before = befores[i]!;
        for (let k = 0; k < before.length; k++) target[t++] = before[k]!;
      }
      // Blanks around a value (outside its quotes) are trimmed, as on the general path.
      while (p < end && (buf[p] === SPACE || buf[p] === TAB)) p++;
      if (p >= end) return FAST_INCOMPLETE;
      const quoted = buf[p] === QUOTE;
      if (quoted) p++;
      const type = types[i]!;
      const allowed = type === PSEUDO || type === CLK ? BASE64URL : quoted ? QUOTED_PLAIN : plain;
      // A longer value stops the scan on a value character, which then fails as a terminator.
      const limit = Math.min(end, p + maxLengths[i]!);
      const s = p;
      const ts = t;
      if (type === CLK) {
        // Long enough for a scan then a native copy to beat copying byte by byte.
        while (p < limit && allowed[buf[p]!] === 1) p++;
        t += buf.copy(target, t, s, p);
      } else {
        while (p < limit) {
          const c = buf[p]!;
          if (allowed[c] !== 1) break;
          target[t++] = c;
          p++;
        }
      }
      const e = p;
      if (p >= end) return FAST_INCOMPLETE;
      if (quoted) {
        if (buf[p] !== QUOTE) return FAST_FAIL;
        p++;
      }
      while (p < end && (buf[p] === SPACE || buf[p] === TAB)) p++;
      if (p >= end) return FAST_INCOMPLETE;
      const b = buf[p];
      if (i < last) {
        if (b !== delimiter) return FAST_FAIL;
        p++;
      } else if (b === LF) {
        p++;
      } else if (b === CR) {
        if (p + 1 >= end) return FAST_INCOMPLETE;
        if (buf[p + 1] !== LF) return FAST_FAIL;
        p += 2;
      } else {
        return FAST_FAIL;
      }
      if (e === s) {
        if (required[i] === 1) return FAST_FAIL;
        target[t++] = NULL_FIELD[0]!;
        target[t++] = NULL_FIELD[1]!;
      } else {
        if (!this.#valid(buf, s, e, i, type)) return FAST_FAIL;
        if (type === MONTH) {
          // A date column: the first of the month.
          target[t++] = DASH;
          target[t++] = ZERO;
          target[t++] = ONE;
        } else if (type === BOOL) {
          target[ts] = buf[s] === ONE ? LOWER_T : LOWER_F;
        } else if (type === AMOUNT) {
          for (let k = ts; k < t; k++) if (target[k] === COMMA) target[k] = DOT;
        } else if (type === INT && target[ts] === ZERO && t - ts > 1) {
          // The number without its leading zeros, as the general path writes it.
          let z = ts;
          while (z < t - 1 && target[z] === ZERO) z++;
          target.copyWithin(ts, z, t);
          t -= z - ts;
        }
      }
      starts[i] = ts;
      ends[i] = t;
    }
    if (inOrder) {
      const after = this.#after;
      for (let k = 0; k < after.length; k++) target[t++] = after[k]!;
      this.written = t;
    } else {
      this.written = this.#writeInOrder(out, o);
    }
    return p;
  }

  #valid(buf: Buffer, s: number, e: number, i: number, type: number): boolean {
    const len = e - s;
    switch (type) {
      case PSEUDO:
        return len === this.#maxLengths[i];
      case CLK:
        return len === 171 || (len === 172 && buf[s] === 0x41 && buf[s + 1]! >= 0x67 && buf[s + 1]! <= 0x76);
      case MONTH: {
        if (len !== 7 || buf[s] === ZERO || buf[s + 4] !== DASH) return false;
        if (!isDigit(buf[s]!) || !isDigit(buf[s + 1]!) || !isDigit(buf[s + 2]!) || !isDigit(buf[s + 3]!)) {
          return false;
        }
        const m1 = buf[s + 5]! - ZERO;
        const m2 = buf[s + 6]! - ZERO;
        return (m1 === 0 && m2 >= 1 && m2 <= 9) || (m1 === 1 && m2 >= 0 && m2 <= 2);
      }
      case COMMUNE: {
        if (len !== 5) return false;
        const c0 = buf[s]!;
        const c1 = buf[s + 1]!;
        const department =
          isDigit(c0) && (isDigit(c1) || (c0 === ZERO + 2 && (c1 === UPPER_A || c1 === UPPER_B)));
        return department && isDigit(buf[s + 2]!) && isDigit(buf[s + 3]!) && isDigit(buf[s + 4]!);
      }
      case BOOL:
        return len === 1 && (buf[s] === ZERO || buf[s] === ONE);
      case AMOUNT: {
        let k = s;
        while (k < e && isDigit(buf[k]!)) k++;
        const whole = k - s;
        if (whole === 0 || whole > 10 || (whole === 10 && buf[s] === ZERO)) return false;
        if (k === e) return true;
        if (buf[k] !== DOT && buf[k] !== COMMA) return false;
        const decimals = e - k - 1;
        if (decimals < 1 || decimals > 2) return false;
        for (k++; k < e; k++) if (!isDigit(buf[k]!)) return false;
        return true;
      }
      case INT: {
        let n = 0;
        for (let k = s; k < e; k++) {
          const d = buf[k]! - ZERO;
          if (d < 0 || d > 9) return false;
          n = n * 10 + d;
        }
        return n <= MAX_INTEGER && n >= this.#mins[i]!;
      }
      case ENUM:
        for (const value of this.#enums[i]!) {
          if (value.length === len && sameBytes(buf, s, value)) return true;
        }
        return false;
      default:
        return false;
    }
  }

  /** Copies the values from the scratch buffer in COPY order: for files with another column order. */
  #writeInOrder(out: Buffer, o: number): number {
    const scratch = this.#scratch;
    const fileIndexOf = this.#fileIndexOf;
    for (let j = 0; j < fileIndexOf.length; j++) {
      if (j > 0) out[o++] = TAB;
      const f = fileIndexOf[j]!;
      if (f < 0) {
        out[o++] = NULL_FIELD[0]!;
        out[o++] = NULL_FIELD[1]!;
        continue;
      }
      const s = this.#starts[f]!;
      const e = this.#ends[f]!;
      if (e - s >= NATIVE_COPY_BYTES) {
        o += scratch.copy(out, o, s, e);
      } else {
        for (let k = s; k < e; k++) out[o++] = scratch[k]!;
      }
    }
    out[o++] = LF;
    return o;
  }
}
