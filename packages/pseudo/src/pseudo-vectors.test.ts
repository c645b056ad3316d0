// Every vector of the partner contract (test/fixtures/pseudo-vectors.json, a copy of the one beside
// EXTRACTS.md) must be reproduced bit for bit.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeClk, dice, encodeClk } from './clk-dice.ts';
import { keyCheckValue, parseKey } from './convention-key.ts';
import { normaliseNir, parseNir } from './nir.ts';
import { firstGivenName, normaliseName } from './normalise-name.ts';
import { clkTokens, createPseudonymiser } from './pseudonymiser.ts';

type Vectors = {
  keys: { key: string; kcv: string }[];
  person_pseudo: { key: string; nir: string; nir13: string; pseudo: string }[];
  identity_pseudo: {
    key: string;
    family: string;
    given: string;
    birth_date: string;
    normalised: string;
    pseudo: string;
  }[];
  household_pseudo: { key: string; kind: string; id: string; pseudo: string }[];
  identity_clk: {
    key: string;
    family: string;
    given: string;
    birth_date: string;
    tokens: number;
    clk: string;
    dice_with_first: number;
  }[];
  nir_invalid: string[];
};

const vectors: Vectors = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/pseudo-vectors.json', import.meta.url), 'utf8'),
);
const pseudonymiser = (key: string) => createPseudonymiser(parseKey(key));

describe('pseudo-vectors.json', () => {
  it.each(vectors.keys)('key check value of $key', ({ key, kcv }) => {
    expect(keyCheckValue(parseKey(key))).toBe(kcv);
    expect(pseudonymiser(key).kcv).toBe(kcv);
  });

  it.each(vectors.person_pseudo)('person_pseudo of $nir', ({ key, nir, nir13, pseudo }) => {
    expect(normaliseNir(nir)).toBe(nir13);
    expect(pseudonymiser(key).personPseudo(nir)).toBe(pseudo);
    expect(pseudonymiser(key).personPseudoOfNir13(nir13)).toBe(pseudo);
  });

  it.each(vectors.identity_pseudo)(
    'identity_pseudo of $family / $given',
    ({ key, family, given, birth_date, normalised, pseudo }) => {
      expect([normaliseName(family), normaliseName(firstGivenName(given)), birth_date].join('|')).toBe(
        normalised,
      );
      expect(pseudonymiser(key).identityPseudo(family, given, birth_date)).toBe(pseudo);
    },
  );

  it.each(vectors.household_pseudo)('household_pseudo of $kind $id', ({ key, kind, id, pseudo }) => {
    expect(pseudonymiser(key).householdPseudo(kind, id)).toBe(pseudo);
  });

  it.each(vectors.identity_clk)('identity_clk of $family / $given', (vector) => {
    const p = pseudonymiser(vector.key);
    expect(clkTokens(vector.family, vector.given, vector.birth_date)).toHaveLength(vector.tokens);
    expect(p.identityClkText(vector.family, vector.given, vector.birth_date)).toBe(vector.clk);
    expect(encodeClk(p.identityClk(vector.family, vector.given, vector.birth_date))).toBe(vector.clk);
    const first = decodeClk(vectors.identity_clk[0]!.clk);
    expect(dice(decodeClk(vector.clk), first).toFixed(6)).toBe(vector.dice_with_first.toFixed(6));
  });

  it.each(vectors.nir_invalid)('refuses the NIR %s', (nir) => {
    expect(parseNir(nir).ok).toBe(false);
    expect(() => normaliseNir(nir)).toThrow(/invalid NIR/);
  });
});
