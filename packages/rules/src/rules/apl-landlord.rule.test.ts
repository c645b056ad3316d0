import { describe, expect, it } from 'vitest';
import { evaluate } from '../evaluate.ts';
import { frV1 } from '../fr-v1.pack.ts';
import { paramsAtDate } from '../parameters/lookup.ts';
import type { Tenancy } from '../profile.schema.ts';
import { pseudo, tenancy } from '../testing/profiles.factory.ts';
import { aplLandlordRule } from './apl-landlord.rule.ts';

// APL.md example A: 2025-10, zone 1 (Paris is 1bis), single, HLM, rent 420 €, R_raw 9,850 €: 158.56 €.
const exampleA = (overrides: Partial<Tenancy> = {}) =>
  tenancy({
    landlord_schema: 'landlord.v2',
    commune: '75056',
    rent: 420,
    annual_resources: 9850,
    household_resources: 5000,
    ...overrides,
  });
const apply = (profile: Tenancy, asOf = '2025-10') => aplLandlordRule.apply(profile, paramsAtDate(asOf));

describe('APL.LANDLORD', () => {
  it('presumes the APL of APL.md example A, medium confidence, with its estimated amount', () => {
    const result = apply(exampleA());
    expect(result).toMatchObject({
      rule: { id: 'APL.LANDLORD', version: '1.0.0' },
      benefit: 'housing_aid',
      confidence: 'medium',
      subject: { type: 'tenancy', household_pseudo: pseudo('tenancy-1') },
      amount: 158.56,
    });
  });

  it('shows every step of APL.md, and each parameter with its date and legal reference', () => {
    const evidence = apply(exampleA())!.evidence;
    const steps = Object.fromEntries(evidence.computation.map((s) => [s.name, s.value]));
    expect(steps).toMatchObject({
      zone: 1,
      rent_rounded: 420,
      rent_taken_l: 333.14,
      charges_c: 60.59,
      resources_raw: 9850,
      resources_r: 9900,
      p0: 39.56,
      r0: 5235,
      rent_ceiling_zone_2: 290.34,
      participation_pp: 190.48,
      aid_due_a1: 203.25,
      aid_after_minoration_a3: 198.25,
      rls: 39.69,
      aid_after_rls_a4: 159.35,
      housing_aid: 158.56,
    });
    expect(steps.rl).toBeCloseTo(1.147413, 6);
    const byName = new Map(evidence.parameters.map((p) => [p.name, p]));
    expect(byName.get('apl.rent_ceiling.zone_1.single')).toMatchObject({
      value: 333.14,
      effective_from: '2025-10-01',
      month: '2025-10',
      reference: { href: expect.stringContaining('legifrance') },
    });
    expect(byName.get('apl.r0.single')).toMatchObject({ value: 5235, effective_from: '2025-01-01' });
    expect(byName.get('rls.amount.zone_1.single')).toMatchObject({
      value: 39.69,
      effective_from: '2025-06-01',
    });
    for (const name of ['apl.charges.base', 'apl.p0.minimum', 'apl.tf.single', 'apl.minoration', 'crds.rate'])
      expect(byName.has(name), name).toBe(true);
    expect(evidence.inputs.map((i) => i.column)).toEqual([
      'commune',
      'household_adults',
      'household_children',
      'rent',
      'conventionne',
      'annual_resources',
      'apl',
    ]);
    expect(evidence.explanation).toContain('zone 1bis (comptée zone 1)');
    expect(evidence.explanation).toContain('hors outre-mer');
    expect(evidence.explanation).toContain('neutralisation');
  });

  it('takes 12 × household_resources when the RFR is not given, and says so', () => {
    const result = apply(exampleA({ annual_resources: null, household_resources: 820.84 }));
    // 12 × 820.84 = 9,850.08 → R 9,900 €, as in example A.
    expect(result?.amount).toBe(158.56);
    expect(result?.evidence.inputs.map((i) => i.column)).toContain('household_resources');
    expect(result?.evidence.explanation).toContain('12 × les ressources mensuelles');
  });

  it('counts the dependants column when given, instead of household_children', () => {
    // APL.md example B: 2025-01, zone 2 (Rennes), couple + 2 dependants, rent 480 €, R 18,500 €.
    const b = exampleA({
      commune: '35238',
      household_adults: 2,
      household_children: 3,
      dependants: 2,
      rent: 480,
      annual_resources: 18500,
    });
    expect(apply(b, '2025-01')?.amount).toBe(163.53);
    expect(apply(b, '2024-10')?.amount).toBe(161.21);
    expect(apply({ ...b, dependants: null }, '2025-01')?.amount).not.toBe(163.53);
  });

  it('applies the AL rules (10 € threshold, no RLS) when the dwelling is not conventionné', () => {
    // APL.md example C: 2026-01, zone 3, single parent + 1, rent 390 €, R 13,000 €: 278.53 €.
    const c = exampleA({ commune: '01001', household_children: 1, rent: 390, annual_resources: 13000 });
    expect(apply({ ...c, conventionne: false }, '2026-01')?.amount).toBe(278.53);
  });

  it('gives nothing for a landlord.v1 tenancy, a tenancy with APL, overseas, or a zero estimate', () => {
    expect(apply(exampleA({ landlord_schema: 'landlord.v1' }))).toBeNull();
    expect(apply(exampleA({ apl: true }))).toBeNull();
    expect(apply(exampleA({ commune: '97411' }))).toBeNull();
    expect(apply(exampleA({ annual_resources: 40000 }))).toBeNull();
  });

  it('fires on the first cent for APL, and not below', () => {
    // Single in zone 1, 2025-10: with no RLS (R / 12 ≥ 959 €) the aid is (L + C − Pp − 5) × 0.995.
    const at = (r: number) => apply(exampleA({ annual_resources: r }))?.amount ?? 0;
    const amounts = [...Array(60).keys()].map((k) => [11_500 + k * 100, at(11_500 + k * 100)] as const);
    const last = amounts.filter(([, a]) => a > 0).at(-1)!;
    expect(last[1]).toBeGreaterThan(0);
    expect(last[1]).toBeLessThan(5);
    expect(at(last[0] + 100)).toBe(0);
  });

  it('makes a housing_aid case of its own beside RSA.UNKNOWN_TO_CAF', () => {
    const { cases } = evaluate([exampleA({ household_resources: 0, annual_resources: 0 })], '2025-10', frV1);
    expect(cases.map((c) => [c.benefit, c.rule.id]).sort()).toEqual([
      ['housing_aid', 'APL.LANDLORD'],
      ['rsa', 'RSA.UNKNOWN_TO_CAF'],
    ]);
  });
});
