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
  it('reads the reference months as_of − 4 to − 2', () => {
    expect(ppaReferenceMonths('2025-06')).toEqual(['2025-02', '2025-03', '2025-04']);
  });

  it('holds the worked example: couple, housing aid 200 €, 300 € each, 2025-01 → 366 €', () => {
    // 2024 parameters: M = 622.63 × 1.5 = 933.945 ≥ 600 + FL 149.43, no bonus below 59 h: 0.61 × 600 = 366.
    const household = couple(
      { housing_aid: true, housing_aid_amount: 200, household_resources: 600 },
      [300, 300],
    );
    const result = ppaOf(household, '2025-01');
    expect(result).toMatchObject({
      rule: { id: 'PPA.ACTIVITY', version: '1.0.0' },
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
});
