import { firstGivenName, normaliseName } from '@nonrecours/pseudo';
import { describe, expect, it } from 'vitest';
import { landlordIdentity } from './identity-noise.ts';
import { drawFamilyName, drawGivenNames, type NamePool } from './names.ts';
import { createRng } from './prng.ts';

const key = (family: string, given: string) =>
  `${normaliseName(family)}|${normaliseName(firstGivenName(given))}`;

describe('landlord identities', () => {
  it('change N(name) exactly when noisy, at the stated rate', () => {
    const rng = createRng('noise', 'test');
    const pools: NamePool[] = ['common', 'breton', 'migrant', 'reunion'];
    let noisy = 0;
    const kinds = new Set<string>();
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      const pool = pools[i % 4]!;
      const person = {
        nir: '',
        nir13: '',
        familyName: drawFamilyName(rng, pool),
        givenNames: drawGivenNames(rng, i % 2 === 0 ? 1 : 2, 1940 + (i % 80), pool),
      };
      const copy = landlordIdentity(rng, person, 0.1, 'Dupont');
      const same = key(copy.familyName, copy.givenNames) === key(person.familyName, person.givenNames);
      expect(same, `${person.familyName} ${person.givenNames} → ${copy.familyName} ${copy.givenNames}`).toBe(
        copy.noise === null,
      );
      expect(normaliseName(copy.familyName)).not.toBe('');
      if (copy.noise) {
        noisy++;
        kinds.add(copy.noise);
      }
    }
    expect(Math.abs(noisy / n - 0.1)).toBeLessThan(4 * Math.sqrt((0.1 * 0.9) / n));
    expect([...kinds].sort()).toEqual([
      'family_typo',
      'given_missing',
      'given_split',
      'given_swapped',
      'given_typo',
      'mojibake',
      'usage_name',
    ]);
  });

  it('restyles without noise as tenant files do (capitals, no accents, first given name only)', () => {
    const rng = createRng('style', 'test');
    const person = { nir: '', nir13: '', familyName: 'Le Cœur', givenNames: 'Hélène Marie' };
    const copies = Array.from({ length: 200 }, () => landlordIdentity(rng, person, 0, 'Dupont'));
    expect(copies.some((c) => c.familyName === 'LE COEUR' || c.familyName === 'LE CŒUR')).toBe(true);
    expect(copies.some((c) => c.givenNames === 'Hélène')).toBe(true);
    for (const c of copies) expect(key(c.familyName, c.givenNames)).toBe('LECOEUR|HELENE');
  });
});
