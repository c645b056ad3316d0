// Civil identities of the synthetic persons: NIRs with their key, and names. Every (birth date,
// birth family name) pair is given to one person only, so that an identity_pseudo never belongs to
// two persons and a noisy landlord copy has exactly one true counterpart: the fuzzy-linkage ground
// truth stays unambiguous.

import { nirKey, normaliseName } from '@nonrecours/pseudo';
import type { Rng } from './prng.ts';

// Taken pairs are kept as 31-bit hashes (small integers: a few bytes each at a million persons).
// A hash collision only makes the generator draw again, never a duplicate.
function pairHash(birthDate: string, family: string): number {
  let h = 0x811c9dc5;
  const text = `${birthDate}|${family}`;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 12)) >>> 1;
}

export type IdentityRegistry = {
  /** Reserves the pair if free; false when another person holds it. */
  claim(birthDate: string, familyName: string): boolean;
  /**
   * A NIR for a person born at `birthplace` (INSEE commune or 99 + country code), unique by its
   * order number; undefined when that place and month are full (draw another place).
   */
  nir(
    rng: Rng,
    sex: 1 | 2,
    birthDate: string,
    birthplace: string,
  ): { nir: string; nir13: string } | undefined;
};

export function createIdentityRegistry(): IdentityRegistry {
  const taken = new Set<number>();
  const lastOrder = new Map<string, number>();
  return {
    claim(birthDate, familyName) {
      const h = pairHash(birthDate, normaliseName(familyName));
      if (taken.has(h)) return false;
      taken.add(h);
      return true;
    },
    nir(rng, sex, birthDate, birthplace) {
      const prefix = `${sex}${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}${birthplace}`;
      const order = (lastOrder.get(prefix) ?? 0) + rng.int(1, 3);
      if (order > 999) return undefined;
      lastOrder.set(prefix, order);
      const nir13 = prefix + String(order).padStart(3, '0');
      return { nir: nir13 + String(nirKey(nir13)).padStart(2, '0'), nir13 };
    },
  };
}
