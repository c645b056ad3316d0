// The pseudonyms of EXTRACTS.md under one convention key: person_pseudo, identity_pseudo,
// household_pseudo and the identity_clk Bloom filter. Built once per key so that a row costs a few
// compressions of SHA-256 and nothing else.

import { CLK_BYTES } from './clk-dice.ts';
import { keyCheckValue } from './convention-key.ts';
import { createHmacSha256 } from './hmac-sha256.ts';
import { normaliseNir } from './nir.ts';
import { firstGivenName, normaliseName } from './normalise-name.ts';

/** Why identity fields cannot make a pseudonym. */
export type IdentityErrorReason = 'family_name' | 'birth_date' | 'household_id';

export class IdentityError extends Error {
  override readonly name = 'IdentityError';
  readonly reason: IdentityErrorReason;
  constructor(reason: IdentityErrorReason) {
    super(`cannot pseudonymise: invalid ${reason}`);
    this.reason = reason;
  }
}

const PSEUDONYM_TEXT = /^[A-Za-z0-9_-]{43}$/;

/** Whether a value is a pseudonym as written in extracts: 43 base64url characters (32 bytes). */
export function isPseudonym(value: string): boolean {
  return PSEUDONYM_TEXT.test(value);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a value is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The identity tokens of a Bloom filter: f: and g: name bigrams, and d: the birth date; distinct. */
export function clkTokens(familyName: string, givenNames: string, birthDate: string): string[] {
  return [...tokensOf(normaliseName(familyName), normaliseName(firstGivenName(givenNames)), birthDate)];
}

// An empty first given name still gives its one bigram `__`, as the text of the rule reads.
function tokensOf(family: string, given: string, birthDate: string): Set<string> {
  const tokens = new Set<string>();
  const f = `_${family}_`;
  for (let i = 0; i + 1 < f.length; i++) tokens.add(`f:${f.slice(i, i + 2)}`);
  const g = `_${given}_`;
  for (let i = 0; i + 1 < g.length; i++) tokens.add(`g:${g.slice(i, i + 2)}`);
  tokens.add(`d:${birthDate}`);
  return tokens;
}

const POSITIONS_PER_TOKEN = 20;
// Name bigrams are a few hundred tokens and birth dates some tens of thousands: caching their bit
// positions turns almost every filter into table look-ups. The bound only guards odd inputs.
const MAX_CACHED_TOKENS = 100_000;

export type Pseudonymiser = {
  /** The key check value of the key. */
  readonly kcv: string;
  /** H(prefix, text) = base64url_nopad(HMAC-SHA256(K, prefix + text)). */
  hash(prefix: string, text: string): string;
  /** person_pseudo of a NIR (13 or 15 characters, separators allowed); throws NirError. */
  personPseudo(nir: string): string;
  /** person_pseudo of an already normalised 13-character NIR. */
  personPseudoOfNir13(nir13: string): string;
  /** identity_pseudo; given names may be empty. Throws IdentityError. */
  identityPseudo(familyName: string, givenNames: string, birthDate: string): string;
  /** household_pseudo of a partner's local household id for an extract kind. */
  householdPseudo(kind: string, householdId: string): string;
  /** identity_clk as 128 bytes, written into `out` when given. Throws IdentityError. */
  identityClk(familyName: string, givenNames: string, birthDate: string, out?: Uint8Array): Uint8Array;
  /** identity_clk as written in extracts (171 base64url characters). */
  identityClkText(familyName: string, givenNames: string, birthDate: string): string;
};

/** Every pseudonym under the convention key `key` (32 bytes). */
export function createPseudonymiser(key: Uint8Array): Pseudonymiser {
  const mac = createHmacSha256(key);
  const digest = Buffer.allocUnsafe(32);
  const words = new Int32Array(8);
  const positionCache = new Map<string, Uint16Array>();
  const clkScratch = Buffer.alloc(CLK_BYTES);

  function hash(prefix: string, text: string): string {
    return mac.bytes(prefix + text, digest).toString('base64url');
  }

  // The normalised family name, first given name and birth date, checked.
  function identity(familyName: string, givenNames: string, birthDate: string): [string, string, string] {
    const family = normaliseName(familyName);
    if (family === '') throw new IdentityError('family_name');
    if (!isIsoDate(birthDate)) throw new IdentityError('birth_date');
    return [family, normaliseName(firstGivenName(givenNames)), birthDate];
  }

  // D = HMAC(K, "clk1:" + t) ‖ HMAC(K, "clk2:" + t); position j = uint16be(D[2j..2j+2]) mod 1024,
  // that is the high then low half of each big-endian word.
  function positions(token: string): Uint16Array {
    const cached = positionCache.get(token);
    if (cached) return cached;
    const result = new Uint16Array(POSITIONS_PER_TOKEN);
    mac.words(`clk1:${token}`, words);
    for (let j = 0; j < 16; j++) result[j] = (j & 1 ? words[j >> 1]! : words[j >> 1]! >>> 16) & 1023;
    mac.words(`clk2:${token}`, words);
    for (let j = 16; j < 20; j++)
      result[j] = (j & 1 ? words[(j - 16) >> 1]! : words[(j - 16) >> 1]! >>> 16) & 1023;
    if (positionCache.size < MAX_CACHED_TOKENS) positionCache.set(token, result);
    return result;
  }

  function identityClk(
    familyName: string,
    givenNames: string,
    birthDate: string,
    out?: Uint8Array,
  ): Uint8Array {
    const filter = out ?? new Uint8Array(CLK_BYTES);
    filter.fill(0);
    for (const token of tokensOf(...identity(familyName, givenNames, birthDate))) {
      // Bit i lives in byte i/8, counted from the most significant bit.
      for (const bit of positions(token)) filter[bit >> 3] = filter[bit >> 3]! | (0x80 >> (bit & 7));
    }
    return filter;
  }

  return {
    kcv: keyCheckValue(key),
    hash,
    personPseudo: (nir) => hash('nir:', normaliseNir(nir)),
    personPseudoOfNir13: (nir13) => hash('nir:', nir13),
    identityPseudo: (familyName, givenNames, birthDate) =>
      hash('id:', identity(familyName, givenNames, birthDate).join('|')),
    householdPseudo: (kind, householdId) => {
      if (householdId === '') throw new IdentityError('household_id');
      return hash(`hh:${kind}:`, householdId);
    },
    identityClk,
    identityClkText: (familyName, givenNames, birthDate) => {
      identityClk(familyName, givenNames, birthDate, clkScratch);
      return clkScratch.toString('base64url');
    },
  };
}
