import { describe, expect, it } from 'vitest';
import { paramsAtDate } from '../parameters/lookup.ts';
import type { FamilyHousehold } from '../profile.schema.ts';
import { couple, family, member } from '../testing/profiles.factory.ts';
import { ppaActivityRule, ppaReferenceMonths } from './ppa-activity.rule.ts';

const ppaOf = (household: FamilyHousehold, asOf: string) =>
  ppaActivityRule.apply(household, paramsAtDate(asOf));

/** A single tenant without aid earning `earnings`, all of it counted in resources unless told. */
const worker = (earnings: number, overrides: Partial<FamilyHousehold> = {}) =>
  family({ members: [member({ activity_income: earnings })], household_resources: earnings, ...overrides });

describe('PPA.ACTIVITY', () => {
  describe('reference months', () => {
    it('reads as_of − 4 to − 2 from 2025-03 ("solidarité à la source")', () => {
      expect(ppaReferenceMonths('2025-06')).toEqual(['2025-02', '2025-03', '2025-04']);
      expect(ppaReferenceMonths('2025-03')).toEqual(['2024-11', '2024-12', '2025-01']);
    });

    it('reads as_of − 3 to − 1 before 2025-03', () => {
      expect(ppaReferenceMonths('2025-02')).toEqual(['2024-11', '2024-12', '2025-01']);
      expect(ppaReferenceMonths('2024-06')).toEqual(['2024-03', '2024-04', '2024-05']);
      expect(ppaReferenceMonths('2023-08')).toEqual(['2023-05', '2023-06', '2023-07']);
    });

    it('crosses the April 2024 revaluation with the old window: 2024-03 under 2023 parameters', () => {
      // 2024-03: 595.25 + 0.61 × 1 426 + 173.22 − 1 426 = 212.33; 2024-04 and -05: 247.68.
      const result = ppaOf(worker(1426), '2024-06');
      expect(result?.amount).toBe(235.9);
      expect(result?.evidence.computation.filter((step) => step.name.startsWith('ppa_'))).toEqual([
        { name: 'ppa_2024-03', value: 212.33 },
        { name: 'ppa_2024-04', value: 247.68 },
        { name: 'ppa_2024-05', value: 247.68 },
      ]);
      expect(result?.evidence.explanation).toContain('M−3 à M−1, règle applicable avant mars 2025');
      expect(ppaOf(worker(1426), '2024-05')?.amount).toBe(224.11);
    });

    it('says which window applies and that the quarterly average serves each month', () => {
      const explanation = ppaOf(worker(1426), '2025-06')?.evidence.explanation ?? '';
      expect(explanation).toContain('M−4 à M−2, « solidarité à la source » depuis mars 2025');
      expect(explanation).toContain('les mêmes revenus d’activité, ressources, composition du foyer');
      expect(explanation).toContain('février 2025 : 247,68\u00a0€');
    });
  });

  it('floors each month at 0 before the mean', () => {
    // 2026-07, earning 1 700 €, resources 1 840 €: 2026-03 under 2025 parameters gives
    // 633.21 + 0.5985 × 1 700 + 184.27 − 1 840 = −5.07 → 0; 2026-04 and -05 (bonus 0.377 × 638.28):
    // 638.28 + 1 017.45 + 240.63 − 1 840 = 56.36. Mean (0 + 56.36 + 56.36) / 3 = 37.57, not 35.88.
    const result = ppaOf(worker(1700, { household_resources: 1840 }), '2026-07');
    expect(result?.amount).toBe(37.57);
    expect(result?.evidence.computation).toContainEqual({ name: 'ppa_2026-03', value: 0 });
  });

  it('holds the worked example: couple, housing aid 200 €, 300 € each, 2025-01 → 366 €', () => {
    // 2024 parameters: M = 622.63 × 1.5 = 933.945 ≥ 600 + FL 149.43, no bonus below 59 h: 0.61 × 600 = 366.
    const household = couple(
      { housing_aid: true, housing_aid_amount: 200, household_resources: 600 },
      [300, 300],
    );
    const result = ppaOf(household, '2025-01');
    expect(result).toMatchObject({
      rule: { id: 'PPA.ACTIVITY', version: '1.1.0' },
      benefit: 'ppa',
      confidence: 'medium',
      amount: 366,
    });
  });

  it('holds the worked example: single, 1 426 €, 2025-06 → 246.77 €, 2025-04 under the 2025 parameters', () => {
    const result = ppaOf(worker(1426), '2025-06');
    expect(result?.amount).toBe(246.77);
    const steps = Object.fromEntries(
      result?.evidence.computation.map((step) => [step.name, step.value]) ?? [],
    );
    // 622.63 + 0.61 × 1 426 + 181.19 − 1 426 and 633.21 + 0.5985 × 1 426 + 184.27 − 1 426.
    expect(steps['ppa_2025-02']).toBe(247.68);
    expect(steps['ppa_2025-03']).toBe(247.68);
    expect(steps['ppa_2025-04']).toBe(244.94);
    const base = result?.evidence.parameters.filter((use) => use.name === 'ppa.base');
    expect(base?.map((use) => [use.month, use.value, use.effective_from])).toEqual([
      ['2025-02', 622.63, '2024-04-01'],
      ['2025-03', 622.63, '2024-04-01'],
      ['2025-04', 633.21, '2025-04-01'],
    ]);
    expect(result?.evidence.explanation).toContain('246,77');
    expect(result?.evidence.explanation).toContain('patrimoine');
  });

  it('moves with the parameter date: one 2024 month in 2025-07, none in 2025-08', () => {
    // (247.68 + 244.94 + 244.94) / 3 = 245.853…
    expect(ppaOf(worker(1426), '2025-07')?.amount).toBe(245.85);
    expect(ppaOf(worker(1426), '2025-08')?.amount).toBe(244.94);
  });

  describe('the 15 € floor on the mean', () => {
    // 2025-09, all months under 2025 parameters, earning 1 500 € (above 120 h: bonus 184.27):
    // PPA = 633.21 + 0.5985 × 1 500 + 184.27 − resources = 1 715.23 − resources.
    const withResources = (resources: number) =>
      ppaOf(worker(1500, { household_resources: resources }), '2025-09');
    it('fires at exactly 15 €', () => expect(withResources(1700.23)?.amount).toBe(15));
    it('does not fire at 14.99 €', () => expect(withResources(1700.24)).toBeNull());
    it('fires at 15.01 €', () => expect(withResources(1700.22)?.amount).toBe(15.01));
  });

  it('adds a bonus per working adult', () => {
    // 2025-09: couple, 1 000 € each: bonus 184.27 × (1 000 − 700.92) / 724.68 = 76.05 each;
    // 633.21 × 1.5 + 0.5985 × 2 000 + 2 × 76.05 − 2 000 = 298.91.
    const result = ppaOf(couple({ household_resources: 2000 }, [1000, 1000]), '2025-09');
    expect(result?.amount).toBe(298.91);
  });

  it('applies the isolated-parent increase and the forfait logement', () => {
    // 2025-09, 1 child, increase: M = 633.21 × 1.71216 = 1 084.16; FL 16 % × 633.21 × 1.5 = 151.97
    // with aid; earning 1 000 €: 1 084.16 + 598.5 + 76.05 − max(1 084.16, 1 000 + 151.97) = 606.74.
    const household = worker(1000, {
      household_children: 1,
      single_parent_increase: true,
      housing_aid: true,
      housing_aid_amount: 300,
    });
    expect(ppaOf(household, '2025-09')?.amount).toBe(606.74);
  });

  it('applies the forfait logement to an accedant with housing aid, not without', () => {
    // 2025-09, single accedant earning 1 000 €: FL = min(12 % × 633.21, 50) = 50 with aid of 50 €;
    // 633.21 + 598.5 + 76.05 − max(633.21, 1 000 + 50) = 257.76; without aid 307.76.
    const accedant = (overrides: Partial<FamilyHousehold>) =>
      ppaOf(worker(1000, { housing: 'accedant', ...overrides }), '2025-09');
    const withAid = accedant({ housing_aid: true, housing_aid_amount: 50 });
    expect(withAid?.amount).toBe(257.76);
    expect(withAid?.evidence.explanation).toContain('accédant à la propriété compris');
    expect(accedant({})?.amount).toBe(307.76);
  });

  it('needs neither PPA nor RSA already paid', () => {
    expect(ppaOf(worker(1426, { ppa: true }), '2025-06')).toBeNull();
    expect(ppaOf(worker(1426, { rsa: true }), '2025-06')).toBeNull();
  });

  it('needs an adult of 18 or more with earnings', () => {
    expect(ppaOf(worker(0), '2025-06')).toBeNull();
    const aged = (birth: string) =>
      family({ members: [member({ birth_ym: birth, activity_income: 1000 })], household_resources: 1000 });
    expect(ppaOf(aged('2007-07'), '2025-06')).toBeNull();
    expect(ppaOf(aged('2007-06'), '2025-06')).not.toBeNull();
  });

  it('ignores a child’s earnings', () => {
    const household = family({
      household_children: 1,
      members: [
        member({ activity_income: 0 }),
        member({ role: 'enfant', birth_ym: '2006-01', activity_income: 900 }),
      ],
      household_resources: 900,
    });
    expect(ppaOf(household, '2025-06')).toBeNull();
  });

  describe('with the monthly columns of a v2 extract', () => {
    // Reference month 2025-06 = as_of: the months m4, m3, m2 are 2025-02, 2025-03, 2025-04.
    const v2 = (pay: Record<string, number>, overrides: Partial<FamilyHousehold> = {}) =>
      family({
        source: { kind: 'caf', partner: 'caf-35', reference_month: '2025-06' },
        household_resources: 1426,
        members: [
          member({
            activity_income: 1426,
            months: Object.entries(pay).map(([month, activity_income]) => ({ month, activity_income })),
          }),
        ],
        months: Object.entries(pay).map(([month, amount]) => ({
          month,
          household_resources: amount,
          household_adults: 1,
          household_children: 0,
          single_parent_increase: false,
          housing_aid_amount: 0,
        })),
        ...overrides,
      });

    it('computes each reference month with its own pay and resources', () => {
      // 2025-02: 622.63 + 0.61 × 1 000 + 181.19 × (1 000 − 700.92) / 724.68 − 1 000 = 307.41;
      // 2025-03: 247.68 (1 426 €); 2025-04: 633.21 + 0.5985 × 2 000 + 184.27 − 2 000 = 14.48.
      const result = ppaOf(v2({ '2025-02': 1000, '2025-03': 1426, '2025-04': 2000 }), '2025-06');
      const steps = Object.fromEntries(result?.evidence.computation.map((s) => [s.name, s.value]) ?? []);
      expect([steps['ppa_2025-02'], steps['ppa_2025-03'], steps['ppa_2025-04']]).toEqual([
        307.41, 247.68, 14.48,
      ]);
      expect(result?.amount).toBe(189.86);
      expect(result?.evidence.inputs).toContainEqual(
        expect.objectContaining({ column: 'household_resources_m4', value: 1000 }),
      );
      expect(result?.evidence.inputs).toContainEqual(
        expect.objectContaining({ column: 'activity_income_m2', value: 2000 }),
      );
      expect(result?.evidence.explanation).toContain('Chaque mois de référence est calculé avec ses propres');
      // The quarterly average alone (1 475.33 €) would have given another amount.
      expect(ppaOf(worker(1475.33), '2025-06')?.amount).not.toBe(189.86);
    });

    it('takes the months it lacks from the quarterly average, and says so', () => {
      const result = ppaOf(v2({ '2025-03': 1426, '2025-04': 1426 }), '2025-06');
      expect(result?.amount).toBe(246.77);
      expect(result?.evidence.explanation).toContain('faute de valeurs pour février 2025');
    });

    it('reads the composition, the increase and the housing aid of each month', () => {
      const base = v2({ '2025-02': 1000, '2025-03': 1000, '2025-04': 1000 });
      const withChild = {
        ...base,
        household_children: 1,
        months: base.months!.map((m) =>
          m.month === '2025-04' ? { ...m, household_children: 1, housing_aid_amount: 50 } : m,
        ),
      };
      const result = ppaOf(withChild, '2025-06');
      // 2025-04 with a child and an aid of 50 €: M = 633.21 × 1.5, FL = min(16 % × 949.815, 50) = 50.
      expect(result?.evidence.computation).toContainEqual({ name: 'maximum_amount_2025-04', value: 949.82 });
      expect(result?.evidence.computation).toContainEqual({ name: 'housing_forfait_2025-04', value: 50 });
      expect(result?.evidence.computation).toContainEqual({ name: 'housing_forfait_2025-02', value: 0 });
    });

    it('counts 0 for a month in which no adult was 18 yet', () => {
      const young = v2({ '2025-02': 1000, '2025-03': 1000, '2025-04': 1000 }, {});
      const turning18 = { ...young, members: young.members.map((m) => ({ ...m, birth_ym: '2007-04' })) };
      const steps = ppaOf(turning18, '2025-06')?.evidence.computation ?? [];
      expect(steps).toContainEqual({ name: 'ppa_2025-02', value: 0 });
      expect(steps).toContainEqual({ name: 'ppa_2025-03', value: 0 });
      expect(steps.find((s) => s.name === 'ppa_2025-04')?.value).toBeGreaterThan(0);
    });
  });
});
