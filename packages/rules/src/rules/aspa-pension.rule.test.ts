import { describe, expect, it } from 'vitest';
import { paramsAtDate } from '../parameters/lookup.ts';
import type { Retiree } from '../profile.schema.ts';
import { pseudo, retiree } from '../testing/profiles.factory.ts';
import { aspaPensionRule } from './aspa-pension.rule.ts';

const apply = (profile: Retiree, asOf = '2025-06') => aspaPensionRule.apply(profile, paramsAtDate(asOf));

const msaSource = { kind: 'msa', partner: 'msa-armorique', reference_month: '2025-05' } as const;

describe('ASPA.PENSION', () => {
  describe('single person, 2025 ceiling 12 411.44 € a year', () => {
    it('fires just under the ceiling: ceiling / 12 − pension', () => {
      // 12 × 1 034.28 = 12 411.36; 12 411.44 / 12 − 1 034.28 = 0.0067.
      const result = apply(retiree({ pension: 1034.28 }));
      expect(result).toMatchObject({
        rule: { id: 'ASPA.PENSION', version: '1.1.0' },
        benefit: 'aspa',
        confidence: 'medium',
        subject: { type: 'person', person_pseudo: pseudo('ernest') },
        amount: 0.01,
      });
    });

    it('does not fire at the ceiling, nor above it', () => {
      expect(apply(retiree({ pension: 12411.44 / 12 }))).toBeNull();
      expect(apply(retiree({ pension: 1034.29 }))).toBeNull();
    });

    it('estimates the differential amount', () => {
      // 12 411.44 / 12 − 700 = 334.29.
      expect(apply(retiree({ pension: 700 }))?.amount).toBe(334.29);
    });
  });

  describe('couple, 2025 ceiling 19 268.80 € a year', () => {
    const inCouple = (household_resources: number | null, partner_birth_ym: string | null) =>
      retiree({ couple: true, pension: 2000, household_resources, partner_birth_ym });

    it('tests household resources, not the pension', () => {
      // D = 19 268.80 / 12 − 1 500 = 105.73, shared by two eligible partners: 52.87 each.
      const result = apply(inCouple(1500, '1955-01'));
      expect(result?.amount).toBe(52.87);
      expect(result?.evidence.inputs.map((input) => input.column)).toEqual([
        'aspa',
        'birth_ym',
        'couple',
        'household_resources',
        'partner_birth_ym',
      ]);
      expect(result?.evidence.computation).toContainEqual({ name: 'household_aspa', value: 105.73 });
      expect(result?.evidence.explanation).toContain('partagée par moitié, 52,87\u00a0€ pour cette personne');
    });

    it('does not fire at the ceiling', () => {
      expect(apply(inCouple(19268.8 / 12, '1955-01'))).toBeNull();
      expect(apply(inCouple(1605.73, '1955-01'))?.amount).toBe(0);
    });

    it('needs household resources', () => {
      expect(apply(inCouple(null, '1955-01'))).toBeNull();
    });

    it('caps an only eligible partner at the single amount: min(D, 12 411.44 / 12)', () => {
      // Resources 100 €: D = 1 505.73 > 1 034.29, the single amount, which is carried whole.
      const result = apply(inCouple(100, '1962-01'));
      expect(result?.amount).toBe(1034.29);
      expect(result?.evidence.computation).toContainEqual({ name: 'partner_age', value: 63 });
      expect(result?.evidence.explanation).toContain('n’y a pas droit');
      // Resources 1 000 €: D = 605.73 under the single amount, carried whole.
      expect(apply(inCouple(1000, '1962-01'))?.amount).toBe(605.73);
    });

    it('shares from the month the partner turns 65', () => {
      // as_of 2025-06: born 1960-06 is 65, born 1960-07 is 64.
      expect(apply(inCouple(1000, '1960-06'))?.amount).toBe(302.87);
      expect(apply(inCouple(1000, '1960-07'))?.amount).toBe(605.73);
    });

    it('without the partner’s age, takes both as eligible (half, never an overstatement) and says so', () => {
      const result = apply(inCouple(1000, null));
      expect(result?.amount).toBe(302.87);
      expect(result?.evidence.explanation).toContain('l’âge du conjoint n’est pas connu');
      expect(result?.evidence.explanation).toContain('jusqu’à 605,73\u00a0€');
    });
  });

  describe('msa rows', () => {
    const msa = (overrides: Partial<Retiree>) =>
      retiree({
        source: msaSource,
        couple: null,
        household_adults: 1,
        household_resources: 600,
        ...overrides,
      });

    it('read a couple from household_adults = 2, the partner from the household', () => {
      const result = apply(
        msa({ household_adults: 2, pension: null, household_resources: 1500, partner_birth_ym: '1962-01' }),
      );
      expect(result?.amount).toBe(105.73);
      expect(result?.evidence.inputs).toContainEqual(
        expect.objectContaining({ column: 'household_adults', value: 2, kind: 'msa' }),
      );
      expect(result?.evidence.inputs).toContainEqual(
        expect.objectContaining({ column: 'partner_birth_ym', value: '1962-01', link: 'household_pseudo' }),
      );
    });

    it('only take the couple test without a pension', () => {
      expect(apply(msa({ pension: null }))).toBeNull();
      expect(apply(msa({ pension: 600 }))?.amount).toBe(434.29);
    });

    it('need aspa = 0 stated', () => {
      expect(apply(msa({ pension: 600, aspa: null }))).toBeNull();
    });
  });

  it('needs 65 years at as_of', () => {
    expect(apply(retiree({ birth_ym: '1960-06' }))).not.toBeNull();
    expect(apply(retiree({ birth_ym: '1960-07' }))).toBeNull();
  });

  it('needs no ASPA already paid', () => {
    expect(apply(retiree({ aspa: true }))).toBeNull();
  });

  it('uses the ceiling in force on either side of 2025-01-01', () => {
    // 12 × 1 020 = 12 240: above 12 144.27 (2024), under 12 411.44 (2025).
    expect(apply(retiree({ pension: 1020 }), '2024-12')).toBeNull();
    expect(apply(retiree({ pension: 1020 }), '2025-01')?.amount).toBe(14.29);
  });
});
