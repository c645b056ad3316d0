// identity_clk v2 (packages/pseudo/CLK-V2.md): one record-level 1024-bit Bloom filter of every given
// name, the birth family name whole and by its parts (particles left out), and the birth date as year,
// month and day, each field hashed with its own salt and its own number of positions under a key
// derived from the convention key. Written as 129 bytes, a version byte 0x02 then the filter, so that a
// value tells its version by itself (171 characters for v1, 172 for v2) in any landlord schema.

import { CLK_BYTES } from './clk-dice.ts';
import { createHmacSha256 } from './hmac-sha256.ts';

export const CLK_V2_VERSION = 2;
export const CLK_V2_BYTES = CLK_BYTES + 1;

/** The fields of a v2 filter: salt (token prefix) and bit positions per token. */
export const clkV2Fields = {
  family: { salt: 'f', positions: 8 },
  familyPart: { salt: 'p', positions: 6 },
  given: { salt: 'g', positions: 12 },
  year: { salt: 'y', positions: 6 },
  month: { salt: 'm', positions: 6 },
  day: { salt: 'd', positions: 20 },
} as const;
export type ClkV2Field = keyof typeof clkV2Fields;

/** Particles left out of the family-name parts (they stay in the whole name). */
export const familyParticles: ReadonlySet<string> = new Set(
  'D DA DAS DE DEL DELLA DEN DER DES DI DO DOS DU E EL AL BEN BIN IBN L LA LE LES TEN TER VAN VON Y'.split(
    ' ',
  ),
);

const COMBINING_MARKS = /\p{M}/gu;
const LIGATURES = /[ŒÆẞ]/g;
const LIGATURE_LETTERS: Record<string, string> = { Œ: 'OE', Æ: 'AE', ẞ: 'SS' };
const NOT_A_TO_Z = /[^A-Z]+/g;
const ASCII = /^[\x20-\x7e]*$/;

/** The words of a name as N() reads them (NFKD, no marks, uppercase, ligatures), split at every other character. */
export function nameWords(name: string): string[] {
  const upper = ASCII.test(name)
    ? name.toUpperCase()
    : name
        .normalize('NFKD')
        .replace(COMBINING_MARKS, '')
        .toUpperCase()
        .replace(LIGATURES, (letter) => LIGATURE_LETTERS[letter] ?? '');
  return upper
    .replace(NOT_A_TO_Z, ' ')
    .split(' ')
    .filter((w) => w !== '');
}

/** The family-name parts of v2: the words that are not particles, or every word when all are. */
export function familyParts(familyName: string): string[] {
  const words = nameWords(familyName);
  const parts = words.filter((w) => !familyParticles.has(w));
  return parts.length > 0 ? parts : words;
}

const bigramsOf = (word: string): string[] => {
  const padded = `_${word}_`;
  return Array.from({ length: padded.length - 1 }, (_, i) => padded.slice(i, i + 2));
};

/** A v2 token: its field and its text (a bigram, or a date component). */
export type ClkV2Token = { field: ClkV2Field; text: string };

/**
 * The distinct tokens of a v2 filter. `birthDate` is YYYY-MM-DD; the family name must have a letter
 * (as for v1, normaliseIdentity checks it first).
 */
export function clkV2Tokens(familyName: string, givenNames: string, birthDate: string): ClkV2Token[] {
  const seen = new Set<string>();
  const tokens: ClkV2Token[] = [];
  const add = (field: ClkV2Field, text: string) => {
    const key = `${clkV2Fields[field].salt}:${text}`;
    if (seen.has(key)) return;
    seen.add(key);
    tokens.push({ field, text });
  };
  for (const b of bigramsOf(nameWords(familyName).join(''))) add('family', b);
  for (const part of familyParts(familyName)) for (const b of bigramsOf(part)) add('familyPart', b);
  for (const given of nameWords(givenNames)) for (const b of bigramsOf(given)) add('given', b);
  add('year', birthDate.slice(0, 4));
  add('month', birthDate.slice(5, 7));
  add('day', birthDate.slice(8, 10));
  return tokens;
}

/** The label under which the v2 hashing key is derived from the convention key. */
export const CLK_V2_KEY_LABEL = 'nonrecours:clk-v2';

export type ClkV2Encoder = {
  /** The 129 bytes of a v2 identity_clk (version byte, then the filter), into `out` when given. */
  encode(familyName: string, givenNames: string, birthDate: string, out?: Uint8Array): Uint8Array;
  /** As written in extracts: 172 base64url characters. */
  encodeText(familyName: string, givenNames: string, birthDate: string): string;
  /** The bit positions of one token (for the test vectors and the specification's examples). */
  positionsOf(token: ClkV2Token): number[];
};

/**
 * Positions of token t of field F with k positions: D = HMAC(K2, "0:" + F.salt + ":" + t) ‖
 * HMAC(K2, "1:" + …) ‖ … (as many as k needs), position j = uint16be(D[2j..2j+2]) mod 1024, with
 * K2 = HMAC-SHA256(K, "nonrecours:clk-v2").
 */
export function createClkV2Encoder(key: Uint8Array): ClkV2Encoder {
  const derived = createHmacSha256(key).bytes(CLK_V2_KEY_LABEL);
  const mac = createHmacSha256(derived);
  const words = new Int32Array(8);
  const cache = new Map<string, Uint16Array>();
  const scratch = Buffer.alloc(CLK_V2_BYTES);

  function positions(field: ClkV2Field, text: string): Uint16Array {
    const { salt, positions: k } = clkV2Fields[field];
    const id = `${salt}:${text}`;
    let out = cache.get(id);
    if (out) return out;
    out = new Uint16Array(k);
    for (let block = 0; block * 16 < k; block++) {
      mac.words(`${block}:${id}`, words);
      for (let j = 0; j < 16 && block * 16 + j < k; j++) {
        const word = words[j >> 1]!;
        out[block * 16 + j] = (j & 1 ? word : word >>> 16) & 1023;
      }
    }
    // Bigrams and date components are a few thousand tokens: the cache stays small.
    if (cache.size < 200_000) cache.set(id, out);
    return out;
  }

  function encode(familyName: string, givenNames: string, birthDate: string, out?: Uint8Array): Uint8Array {
    const value = out ?? new Uint8Array(CLK_V2_BYTES);
    value.fill(0);
    value[0] = CLK_V2_VERSION;
    for (const token of clkV2Tokens(familyName, givenNames, birthDate)) {
      for (const bit of positions(token.field, token.text)) {
        value[1 + (bit >> 3)] = value[1 + (bit >> 3)]! | (0x80 >> (bit & 7));
      }
    }
    return value;
  }

  return {
    encode,
    encodeText: (familyName, givenNames, birthDate) =>
      Buffer.from(encode(familyName, givenNames, birthDate, scratch)).toString('base64url'),
    positionsOf: (token) => [...positions(token.field, token.text)],
  };
}

const CLK_V2_TEXT = /^A[g-v][A-Za-z0-9_-]{170}$/;

/** Whether a value is a v2 identity_clk as written in extracts: 172 base64url characters, version byte 2. */
export function isClkV2(value: string): boolean {
  return CLK_V2_TEXT.test(value) && Buffer.from(value.slice(0, 4), 'base64url')[0] === CLK_V2_VERSION;
}

/** The version of an identity_clk value (1: 171 characters, 2: 172 with version byte 2), or null. */
export function clkVersion(value: string): 1 | 2 | null {
  if (value.length === 171) return /^[A-Za-z0-9_-]{171}$/.test(value) ? 1 : null;
  return isClkV2(value) ? 2 : null;
}

/** The 1024-bit filter of an identity_clk of either version (128 bytes), and its version. */
export function decodeAnyClk(value: string): { version: 1 | 2; filter: Buffer } {
  const version = clkVersion(value);
  if (version === null) throw new RangeError('an identity_clk is 171 (v1) or 172 (v2) base64url characters');
  const bytes = Buffer.from(value, 'base64url');
  return { version, filter: version === 1 ? bytes : bytes.subarray(1) };
}
