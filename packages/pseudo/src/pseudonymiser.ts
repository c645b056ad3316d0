// The pseudonyms of EXTRACTS.md under one convention key: person_pseudo, identity_pseudo,
// household_pseudo and the identity_clk Bloom filter. Built once per key so that a row costs a few
// compressions of SHA-256 and nothing else.

import { CLK_BYTES } from './clk-dice.ts';
import { createClkV2Encoder } from './clk-v2.ts';
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

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether a value is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]!) return false;
  return month !== 2 || day < 29 || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0));
}

/** An identity as the pseudonyms read it: N(birth family name), N(first given name), birth date. */
export type NormalisedIdentity = { family: string; given: string; birthDate: string };

/** Normalises and checks identity fields; throws IdentityError without a family name or a valid date. */
export function normaliseIdentity(
  familyName: string,
  givenNames: string,
  birthDate: string,
): NormalisedIdentity {
  const family = normaliseName(familyName);
  if (family === '') throw new IdentityError('family_name');
  if (!isIsoDate(birthDate)) throw new IdentityError('birth_date');
  return { family, given: normaliseName(firstGivenName(givenNames)), birthDate };
}

// Bigrams are read from `_` + name + `_`; an empty first given name still gives its one bigram `__`,
// as the text of the rule reads.
function bigrams(prefix: string, name: string): string[] {
  const padded = `_${name}_`;
  return Array.from({ length: padded.length - 1 }, (_, i) => `${prefix}${padded.slice(i, i + 2)}`);
}

/** The identity tokens of a Bloom filter: f: and g: name bigrams, and d: the birth date; distinct. */
export function clkTokens(familyName: string, givenNames: string, birthDate: string): string[] {
  const family = normaliseName(familyName);
  const given = normaliseName(firstGivenName(givenNames));
  return [...new Set([...bigrams('f:', family), ...bigrams('g:', given), `d:${birthDate}`])];
}

const POSITIONS = 20;
// Bit positions are cached: name bigrams in a table indexed by their letters (2 × 27 × 27 tokens),
// birth dates in a map (some tens of thousands). Almost every filter is then made of look-ups.
// The bound only guards odd inputs.
const MAX_CACHED_DATES = 100_000;
const SYMBOLS = 27; // A–Z and _
const symbolOf = (code: number) => (code === 95 ? 26 : code - 65);

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
  /** identity_pseudo of an identity from normaliseIdentity. */
  identityPseudoOf(identity: NormalisedIdentity): string;
  /** household_pseudo of a partner's local household id for an extract kind. */
  householdPseudo(kind: string, householdId: string): string;
  /** identity_clk as 128 bytes, written into `out` when given. Throws IdentityError. */
  identityClk(familyName: string, givenNames: string, birthDate: string, out?: Uint8Array): Uint8Array;
  /** identity_clk of an identity from normaliseIdentity, written into `out` when given. */
  identityClkOf(identity: NormalisedIdentity, out?: Uint8Array): Uint8Array;
  /** identity_clk as written in extracts (171 base64url characters). */
  identityClkText(familyName: string, givenNames: string, birthDate: string): string;
  /** identity_clk text of an identity from normaliseIdentity. */
  identityClkTextOf(identity: NormalisedIdentity): string;
  /** identity_clk v2 (CLK-V2.md) as 129 bytes, into `out` when given; every given name counts. Throws IdentityError. */
  identityClkV2(familyName: string, givenNames: string, birthDate: string, out?: Uint8Array): Uint8Array;
  /** identity_clk v2 as written in extracts (172 base64url characters). Throws IdentityError. */
  identityClkV2Text(familyName: string, givenNames: string, birthDate: string): string;
};

/** Every pseudonym under the convention key `key` (32 bytes). */
export function createPseudonymiser(key: Uint8Array): Pseudonymiser {
  const mac = createHmacSha256(key);
  const digest = Buffer.allocUnsafe(32);
  const words = new Int32Array(8);
  const bigramPositions = new Uint16Array(2 * SYMBOLS * SYMBOLS * POSITIONS);
  const bigramKnown = new Uint8Array(2 * SYMBOLS * SYMBOLS);
  const datePositions = new Map<string, Uint16Array>();
  const clkScratch = Buffer.alloc(CLK_BYTES);
  const v2 = createClkV2Encoder(key);
  // v2 reads the raw names (their words and parts), after the same checks as v1.
  const checkedV2 = (familyName: string, birthDate: string) => normaliseIdentity(familyName, '', birthDate);

  function hash(prefix: string, text: string): string {
    return mac.bytes(prefix + text, digest).toString('base64url');
  }

  // D = HMAC(K, "clk1:" + t) ‖ HMAC(K, "clk2:" + t); position j = uint16be(D[2j..2j+2]) mod 1024,
  // that is the high then low half of each big-endian word.
  function positionsInto(token: string, out: Uint16Array, at: number): void {
    mac.words(`clk1:${token}`, words);
    for (let j = 0; j < 16; j++) out[at + j] = (j & 1 ? words[j >> 1]! : words[j >> 1]! >>> 16) & 1023;
    mac.words(`clk2:${token}`, words);
    for (let j = 0; j < 4; j++) out[at + 16 + j] = (j & 1 ? words[j >> 1]! : words[j >> 1]! >>> 16) & 1023;
  }

  // Bit i lives in byte i/8, counted from the most significant bit.
  function setBits(filter: Uint8Array, positions: Uint16Array, at: number): void {
    for (let j = at; j < at + POSITIONS; j++) {
      const bit = positions[j]!;
      filter[bit >> 3] = filter[bit >> 3]! | (0x80 >> (bit & 7));
    }
  }

  function addBigrams(filter: Uint8Array, table: number, prefix: string, name: string): void {
    let previous = 26;
    for (let i = 0; i <= name.length; i++) {
      const current = i < name.length ? symbolOf(name.charCodeAt(i)) : 26;
      const index = (table * SYMBOLS + previous) * SYMBOLS + current;
      if (!bigramKnown[index]) {
        const pair = String.fromCharCode(
          previous === 26 ? 95 : previous + 65,
          current === 26 ? 95 : current + 65,
        );
        positionsInto(prefix + pair, bigramPositions, index * POSITIONS);
        bigramKnown[index] = 1;
      }
      setBits(filter, bigramPositions, index * POSITIONS);
      previous = current;
    }
  }

  function identityClkOf(identity: NormalisedIdentity, out?: Uint8Array): Uint8Array {
    const filter = out ?? new Uint8Array(CLK_BYTES);
    filter.fill(0);
    // A token met twice sets the same bits twice: no need to remove duplicates here.
    addBigrams(filter, 0, 'f:', identity.family);
    addBigrams(filter, 1, 'g:', identity.given);
    let date = datePositions.get(identity.birthDate);
    if (!date) {
      date = new Uint16Array(POSITIONS);
      positionsInto(`d:${identity.birthDate}`, date, 0);
      if (datePositions.size < MAX_CACHED_DATES) datePositions.set(identity.birthDate, date);
    }
    setBits(filter, date, 0);
    return filter;
  }

  const identityPseudoOf = (identity: NormalisedIdentity) =>
    hash('id:', `${identity.family}|${identity.given}|${identity.birthDate}`);
  const identityClkTextOf = (identity: NormalisedIdentity) => {
    identityClkOf(identity, clkScratch);
    return clkScratch.toString('base64url');
  };

  return {
    kcv: keyCheckValue(key),
    hash,
    personPseudo: (nir) => hash('nir:', normaliseNir(nir)),
    personPseudoOfNir13: (nir13) => hash('nir:', nir13),
    identityPseudo: (familyName, givenNames, birthDate) =>
      identityPseudoOf(normaliseIdentity(familyName, givenNames, birthDate)),
    identityPseudoOf,
    householdPseudo: (kind, householdId) => {
      if (householdId === '') throw new IdentityError('household_id');
      return hash(`hh:${kind}:`, householdId);
    },
    identityClk: (familyName, givenNames, birthDate, out) =>
      identityClkOf(normaliseIdentity(familyName, givenNames, birthDate), out),
    identityClkOf,
    identityClkText: (familyName, givenNames, birthDate) =>
      identityClkTextOf(normaliseIdentity(familyName, givenNames, birthDate)),
    identityClkTextOf,
    identityClkV2: (familyName, givenNames, birthDate, out) => {
      checkedV2(familyName, birthDate);
      return v2.encode(familyName, givenNames, birthDate, out);
    },
    identityClkV2Text: (familyName, givenNames, birthDate) => {
      checkedV2(familyName, birthDate);
      return v2.encodeText(familyName, givenNames, birthDate);
    },
  };
}
