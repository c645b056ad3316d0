import { createPseudonymiser, dice, firstGivenName, normaliseName } from '@nonrecours/pseudo';
import { describe, expect, it } from 'vitest';
import type { Identity } from './household.ts';
import { landlordIdentity, type NoiseKind, noiseKindsOf } from './identity-noise.ts';
import { drawFamilyName, drawGivenNames, type NamePool } from './names.ts';
import { createRng, type Rng } from './prng.ts';

const key = (family: string, given: string) =>
  `${normaliseName(family)}|${normaliseName(firstGivenName(given))}`;

const pools: NamePool[] = ['common', 'breton', 'migrant', 'reunion'];
function person(rng: Rng, i: number): Identity {
  const pool = pools[i % 4]!;
  return {
    nir: '',
    nir13: '',
    familyName: drawFamilyName(rng, pool),
    givenNames: drawGivenNames(rng, i % 2 === 0 ? 1 : 2, 1940 + (i % 80), pool),
  };
}

describe('landlord identities', () => {
  it('change N(name) exactly when noisy, at the stated rate', () => {
    const rng = createRng('noise', 'test');
    let noisy = 0;
    const kinds = new Set<string>();
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      const civil = person(rng, i);
      const copy = landlordIdentity(rng, civil, 0.1, i % 4 === 1 ? 'Dupont' : null);
      const same = key(copy.familyName, copy.givenNames) === key(civil.familyName, civil.givenNames);
      expect(same, `${civil.familyName} ${civil.givenNames} → ${copy.familyName} ${copy.givenNames}`).toBe(
        copy.noise === null,
      );
      expect(normaliseName(copy.familyName)).not.toBe('');
      if (copy.noise) {
        noisy++;
        kinds.add(copy.noise);
      }
    }
    expect(Math.abs(noisy / n - 0.1)).toBeLessThan(4 * Math.sqrt((0.1 * 0.9) / n));
    expect([...kinds].sort()).toEqual([...noiseKindsOf('v1')].sort());
  });

  it('keep most noisy identities above Dice 0.85, the hard kinds rare', () => {
    const rng = createRng('noise-dice', 'test');
    const pseudonymiser = createPseudonymiser(rng.bytes(32));
    const n = 8000;
    const byKind = new Map<NoiseKind, { rows: number; below: number }>();
    for (let i = 0; i < n; i++) {
      const civil = person(rng, i);
      const usage = i % 3 === 0 ? drawFamilyName(rng, 'common') : null;
      const copy = landlordIdentity(rng, civil, 1, usage);
      const kind = copy.noise as NoiseKind;
      if (kind === 'usage_name') expect(normaliseName(copy.familyName)).toBe(normaliseName(usage!));
      const score = dice(
        pseudonymiser.identityClk(civil.familyName, civil.givenNames, '1980-05-17'),
        Uint8Array.from(pseudonymiser.identityClk(copy.familyName, copy.givenNames, '1980-05-17')),
      );
      const k = byKind.get(kind) ?? { rows: 0, below: 0 };
      k.rows++;
      if (score < 0.85) k.below++;
      byKind.set(kind, k);
    }
    const share = (...kinds: NoiseKind[]) => kinds.reduce((s, k) => s + (byKind.get(k)?.rows ?? 0), 0) / n;
    const belowShare = (...kinds: NoiseKind[]) =>
      kinds.reduce((s, k) => s + (byKind.get(k)?.below ?? 0), 0) /
      kinds.reduce((s, k) => s + (byKind.get(k)?.rows ?? 0), 0);
    expect(share('family_typo', 'given_typo')).toBeGreaterThan(0.6);
    expect(belowShare('family_typo', 'given_typo')).toBeLessThan(0.01);
    expect(belowShare('mojibake')).toBeLessThan(0.04);
    expect(share('given_split', 'given_missing', 'given_swapped')).toBeLessThan(0.02);
    // A usage name only comes with a spouse on the lease, through whom the tenancy links.
    expect(share('usage_name')).toBeGreaterThan(0.05);
  });

  it('restyles without noise as tenant files do (capitals, no accents, first given name only)', () => {
    const rng = createRng('style', 'test');
    const civil = { nir: '', nir13: '', familyName: 'Le Cœur', givenNames: 'Hélène Marie' };
    const copies = Array.from({ length: 200 }, () => landlordIdentity(rng, civil, 0, 'Dupont'));
    expect(copies.some((c) => c.familyName === 'LE COEUR' || c.familyName === 'LE CŒUR')).toBe(true);
    expect(copies.some((c) => c.familyName === 'Le-Cœur' || c.familyName === 'LeCœur')).toBe(true);
    expect(copies.some((c) => c.givenNames === 'Hélène')).toBe(true);
    for (const c of copies) expect(key(c.familyName, c.givenNames)).toBe('LECOEUR|HELENE');
  });

  it('in the realistic mix: slips, given names reordered, a particle or compound part dropped, all of them', () => {
    const rng = createRng('noise-realistic', 'test');
    const n = 20_000;
    const byKind = new Map<string, number>();
    const civil = (i: number): Identity => ({
      nir: '',
      nir13: '',
      familyName: drawFamilyName(rng, pools[i % 4]!, 'realistic'),
      givenNames: drawGivenNames(rng, i % 2 === 0 ? 1 : 2, 1940 + (i % 80), pools[i % 4]!),
    });
    let noisy = 0;
    for (let i = 0; i < n; i++) {
      const person = civil(i);
      const copy = landlordIdentity(rng, person, 0.15, i % 4 === 1 ? 'Dupont' : null, 'realistic');
      const same = key(copy.familyName, copy.givenNames) === key(person.familyName, person.givenNames);
      expect(same).toBe(copy.noise === null);
      if (copy.noise === null) continue;
      noisy++;
      byKind.set(copy.noise, (byKind.get(copy.noise) ?? 0) + 1);
      if (copy.noise === 'particle_dropped' || copy.noise === 'compound_dropped') {
        // What is left is a part of the civil name, never another name.
        expect(normaliseName(person.familyName)).toContain(normaliseName(copy.familyName));
      }
    }
    expect(Math.abs(noisy / n - 0.15)).toBeLessThan(4 * Math.sqrt((0.15 * 0.85) / n));
    for (const kind of ['family_typo', 'given_typo', 'given_swapped', 'particle_dropped', 'compound_dropped'])
      expect(byKind.get(kind), kind).toBeGreaterThan(0);
    expect(noiseKindsOf('realistic')).toContain('compound_dropped');
  });

  it('draws realistic family names with a long tail: the commonest under 0.5 %', () => {
    const rng = createRng('names', 'test');
    const counts = new Map<string, number>();
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const name = normaliseName(
        drawFamilyName(rng, i % 10 < 6 ? 'common' : i % 10 < 9 ? 'breton' : 'migrant', 'realistic'),
      );
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    const top = Math.max(...counts.values()) / n;
    expect(top).toBeLessThan(0.005);
    expect(counts.size).toBeGreaterThan(n / 4);
  });
});
