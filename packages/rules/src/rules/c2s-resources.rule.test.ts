import { describe, expect, it } from 'vitest';
import { paramsAtDate } from '../parameters/lookup.ts';
import type { FamilyHousehold } from '../profile.schema.ts';
import { family, health, member } from '../testing/profiles.factory.ts';
import { c2sResourcesRule } from './c2s-resources.rule.ts';

/** A household of `size` (1 or 2 adults, the rest children) whose allocataire is without C2S. */
function household(size: number, overrides: Partial<FamilyHousehold> = {}): FamilyHousehold {
  return family({
    household_adults: Math.min(size, 2),
    household_children: Math.max(0, size - 2),
    members: [member({ health: health() })],
    ...overrides,
  });
}

function apply(profile: FamilyHousehold, asOf = '2025-06') {
  const [allocataire] = profile.members;
  if (allocataire === undefined) throw new Error('no member');
  return c2sResourcesRule.apply({ household: profile, member: allocataire }, paramsAtDate(asOf));
}

// The 2025 official table (RULES.md): free and with participation, by household size; + per person beyond 4.
const table: [number, number, number][] = [
  [1, 10339, 13957],
  [2, 15508, 20936],
  [3, 18609, 25123],
  [4, 21711, 29311],
  [5, 25846, 34894],
  [6, 29981, 40477],
];

describe('C2S.RESOURCES', () => {
  describe.each(table)('household of %i', (size, free, participation) => {
    const withMonthly = (resources: number) => apply(household(size, { household_resources: resources }));

    it('fires with participation up to the participation ceiling, included', () => {
      expect(withMonthly(participation / 12 - 0.01)?.variant).toBe('participation');
      expect(withMonthly(participation / 12)?.variant).toBe('participation');
      expect(withMonthly(participation / 12 + 0.01)).toBeNull();
    });

    it('fires for free C2S up to the free ceiling, included', () => {
      expect(withMonthly(free / 12 - 0.01)?.variant).toBe('free');
      expect(withMonthly(free / 12)?.variant).toBe('free');
      expect(withMonthly(free / 12 + 0.01)?.variant).toBe('participation');
    });
  });

  it('keeps the mainland ceilings in 975, 977 and 978 (Saint-Pierre-et-Miquelon, Saint-Barthélemy, Saint-Martin)', () => {
    const atOverseasCeiling = 15534.141 / 12;
    for (const commune of ['97502', '97701', '97801']) {
      expect(apply(household(1, { commune, household_resources: atOverseasCeiling }))).toBeNull();
      expect(apply(household(1, { commune, household_resources: 13957 / 12 }))?.variant).toBe(
        'participation',
      );
    }
    expect(apply(household(1, { commune: '97411' }))?.evidence.explanation).toContain('plafonds × 1,113');
  });

  it('raises the ceilings by 11.3 % in 971–974 (Guadeloupe, Martinique, Guyane, La Réunion)', () => {
    // 13 957 × 1.113 = 15 534.14 a year.
    const atOverseasCeiling = 15534.141 / 12;
    expect(apply(household(1, { commune: '97411', household_resources: atOverseasCeiling }))?.variant).toBe(
      'participation',
    );
    expect(
      apply(household(1, { commune: '97411', household_resources: atOverseasCeiling + 0.01 })),
    ).toBeNull();
    expect(apply(household(1, { commune: '35238', household_resources: atOverseasCeiling }))).toBeNull();
    // 10 339 × 1.113 = 11 507.31.
    expect(apply(household(1, { commune: '97105', household_resources: 11507.307 / 12 }))?.variant).toBe(
      'free',
    );
  });

  describe('housing forfait', () => {
    const computed = (profile: FamilyHousehold) =>
      apply(profile)?.evidence.computation.find((step) => step.name === 'c2s_housing_forfait')?.value;

    it('adds 12 / 16 / 16.5 % of the RSA amount with housing aid, capped at the aid', () => {
      // 646.52 × 0.12; 646.52 × 1.5 × 0.16; 646.52 × 1.8 × 0.165.
      expect(computed(household(1, { housing_aid: true }))).toBe(77.58);
      expect(computed(household(2, { housing_aid: true }))).toBe(155.16);
      expect(computed(household(3, { housing_aid: true }))).toBe(192.02);
      expect(computed(household(5, { housing_aid: true }))).toBe(192.02);
      expect(computed(household(2, { housing_aid: true, housing_aid_amount: 90 }))).toBe(90);
    });

    it('adds 12 / 14 / 14 % for owners and people housed free, nothing for tenants without aid', () => {
      // 646.52 × 0.12; 646.52 × 1.5 × 0.14; 646.52 × 1.8 × 0.14.
      expect(computed(household(1, { housing: 'proprietaire' }))).toBe(77.58);
      expect(computed(household(2, { housing: 'heberge' }))).toBe(135.77);
      expect(computed(household(4, { housing: 'proprietaire' }))).toBe(162.92);
      expect(computed(household(2, { housing: 'locataire' }))).toBe(0);
    });

    it('counts the forfait in annual resources', () => {
      // 12 × (resources + 77.5824) against 13 957.
      const atCeiling = 13957 / 12 - 646.52 * 0.12;
      expect(apply(household(1, { housing: 'proprietaire', household_resources: atCeiling }))).not.toBeNull();
      expect(
        apply(household(1, { housing: 'proprietaire', household_resources: atCeiling + 0.01 })),
      ).toBeNull();
    });
  });

  it('uses the 2024 table before 2025-04 and keeps the 2025 one in 2026', () => {
    // 850 € a month = 10 200 € a year: above the 2024 free ceiling (10 166), under the 2025 one (10 339).
    const profile = household(1, { household_resources: 850 });
    expect(apply(profile, '2025-03')?.variant).toBe('participation');
    expect(apply(profile, '2025-04')?.variant).toBe('free');
    expect(apply(profile, '2026-06')?.variant).toBe('free');
  });

  it('needs a health record with c2s = none', () => {
    expect(apply(household(1, { members: [member({ health: null })] }))).toBeNull();
    expect(apply(household(1, { members: [member({ health: health({ c2s: 'free' }) })] }))).toBeNull();
  });

  it('names the approximation of resources in its explanation', () => {
    const explanation = apply(household(1))?.evidence.explanation ?? '';
    expect(explanation).toContain('approchées');
  });

  describe('with the 12-month C2S resources of a v2 extract', () => {
    it('compares the stated resources with the ceilings, without approximating them', () => {
      // The quarter says 0 €, the 12 months as C2S counts them 10 340 €: over the free ceiling (10 339).
      const result = apply(household(1, { household_resources: 0, c2s_resources: 10340 }));
      expect(result?.variant).toBe('participation');
      expect(result?.evidence.inputs.map((i) => i.column)).toContain('c2s_resources');
      expect(result?.evidence.inputs.map((i) => i.column)).not.toContain('household_resources');
      expect(result?.evidence.explanation).toContain('comptées comme la C2S les compte');
      expect(result?.evidence.explanation).not.toContain('approchées');
      expect(apply(household(1, { c2s_resources: 10339 }))?.variant).toBe('free');
      expect(apply(household(1, { c2s_resources: 13957.01 }))).toBeNull();
    });
  });
});
