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
        rule: { id: 'ASPA.PENSION', version: '1.0.0' },
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
    it('tests household resources, not the pension', () => {
      // 19 268.80 / 12 − 1 500 = 105.73.
      const result = apply(retiree({ couple: true, pension: 2000, household_resources: 1500 }));
      expect(result?.amount).toBe(105.73);
      expect(result?.evidence.inputs.map((input) => input.column)).toEqual([
        'aspa',
        'birth_ym',
        'couple',
        'household_resources',
      ]);
    });

    it('does not fire at the ceiling', () => {
      expect(apply(retiree({ couple: true, household_resources: 19268.8 / 12 }))).toBeNull();
      expect(apply(retiree({ couple: true, household_resources: 1605.73 }))?.amount).toBe(0);
    });

    it('needs household resources', () => {
      expect(apply(retiree({ couple: true, pension: 100, household_resources: null }))).toBeNull();
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

    it('read a couple from household_adults = 2', () => {
      const result = apply(msa({ household_adults: 2, pension: null, household_resources: 1500 }));
      expect(result?.amount).toBe(105.73);
      expect(result?.evidence.inputs).toContainEqual(
        expect.objectContaining({ column: 'household_adults', value: 2, kind: 'msa' }),
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
