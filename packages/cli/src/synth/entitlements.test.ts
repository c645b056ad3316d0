import { describe, expect, it } from 'vitest';
import {
  type BenefitUnit,
  c2sAnnualResources,
  c2sCeilings,
  compositionFactor,
  forfaitLogement,
  ppaAmount,
  ppaBonus,
  ppaReferenceMonths,
  rsaAmount,
} from './entitlements.ts';
import { parametersAt } from './legal-parameters.ts';
import { parseMonth } from './months.ts';

const month = (text: string) => parseMonth(text)!;
const unit = (over: Partial<BenefitUnit>): BenefitUnit => ({
  adults: 1,
  children: 0,
  singleParentIncrease: false,
  resources: 0,
  forfait: { applies: false, cap: null },
  ...over,
});

describe('fr.v1 amounts (worked examples of RULES.md)', () => {
  it('RSA, couple, no child, housing aid 200 €, resources 167 €, as_of 2024-09: 633.99 €', () => {
    const rsa = rsaAmount(
      month('2024-09'),
      unit({ adults: 2, resources: 167, forfait: { applies: true, cap: 200 } }),
    );
    expect(rsa).toBeCloseTo(633.99, 2);
  });

  it('PPA, couple, no child, housing aid 200 €, each adult earning 300 €, as_of 2025-01: 366 €', () => {
    const ppa = ppaAmount(
      month('2025-01'),
      unit({ adults: 2, resources: 600, forfait: { applies: true, cap: 200 } }),
      [300, 300],
    );
    expect(ppa.mean).toBeCloseTo(366, 2);
  });

  it('PPA, single tenant without aid earning 1,426 €, as_of 2025-06: 246.77 € over 2024 and 2025 parameters', () => {
    const ppa = ppaAmount(month('2025-06'), unit({ resources: 1426 }), [1426]);
    expect(ppa.months.map((v) => Math.round(v * 100) / 100)).toEqual([247.68, 247.68, 244.94]);
    expect(ppa.mean).toBeCloseTo(246.77, 2);
  });
});

describe('PPA reference months and the monthly floor', () => {
  it('reads as_of − 3 to − 1 before 2025-03 and as_of − 4 to − 2 from then on', () => {
    expect(ppaReferenceMonths(month('2024-06'))).toEqual([
      month('2024-03'),
      month('2024-04'),
      month('2024-05'),
    ]);
    expect(ppaReferenceMonths(month('2025-02'))).toEqual([
      month('2024-11'),
      month('2024-12'),
      month('2025-01'),
    ]);
    expect(ppaReferenceMonths(month('2025-03'))).toEqual([
      month('2024-11'),
      month('2024-12'),
      month('2025-01'),
    ]);
    expect(ppaReferenceMonths(month('2025-06'))).toEqual([
      month('2025-02'),
      month('2025-03'),
      month('2025-04'),
    ]);
  });

  it('2024-06, single earning 1,426 €: 2024-03 under the 2023 parameters', () => {
    const ppa = ppaAmount(month('2024-06'), unit({ resources: 1426 }), [1426]);
    expect(ppa.months.map((v) => Math.round(v * 100) / 100)).toEqual([212.33, 247.68, 247.68]);
    expect(ppa.mean).toBeCloseTo(235.9, 2);
  });

  it('floors a negative month at 0 before the mean', () => {
    // 2026-07, earning 1,700 €, resources 1,840 €: −5.07 (2026-03), 56.36, 56.36.
    const ppa = ppaAmount(month('2026-07'), unit({ resources: 1840 }), [1700]);
    expect(ppa.months[0]).toBeLessThan(0);
    expect(ppa.mean).toBeCloseTo(37.57, 2);
  });
});

describe('parameters by effective date', () => {
  it('takes the value in force on the first day of the month', () => {
    expect(parametersAt(month('2026-03')).rsaBase).toBe(646.52);
    expect(parametersAt(month('2026-04')).rsaBase).toBe(651.69);
    expect(parametersAt(month('2026-05')).smicHourlyGross).toBe(12.02);
    expect(parametersAt(month('2026-06')).smicHourlyGross).toBe(12.31);
    expect(parametersAt(month('2025-03')).ppaSlope).toBe(0.61);
    expect(parametersAt(month('2025-04')).ppaSlope).toBe(0.5985);
  });

  it('keeps the 2025 C2S ceilings in force in 2026', () => {
    expect(parametersAt(month('2026-10')).c2sParticipation).toEqual([13957, 20936, 25123, 29311, 5583]);
  });

  it('refuses a month before the table', () => {
    expect(() => parametersAt(month('2023-03'))).toThrow(RangeError);
  });
});

describe('composition and forfaits', () => {
  it('follows the composition table of CASF R262-1', () => {
    expect([0, 1, 2, 3, 4].map((c) => compositionFactor(1, c))).toEqual([1, 1.5, 1.8, 2.2, 2.6]);
    expect([0, 1, 2, 3].map((c) => Number(compositionFactor(2, c).toFixed(2)))).toEqual([1.5, 1.8, 2.1, 2.5]);
    expect(compositionFactor(3, 0)).toBe(1.5);
  });

  it('computes FL on the 1/2/3-person amounts and caps it at the aid', () => {
    const base = 651.69;
    expect(forfaitLogement(base, unit({ forfait: { applies: true, cap: null } }))).toBeCloseTo(78.2, 2);
    expect(forfaitLogement(base, unit({ children: 1, forfait: { applies: true, cap: null } }))).toBeCloseTo(
      156.41,
      2,
    );
    expect(
      forfaitLogement(base, unit({ adults: 2, children: 3, forfait: { applies: true, cap: null } })),
    ).toBeCloseTo(193.55, 2);
    expect(
      forfaitLogement(base, unit({ adults: 2, children: 3, forfait: { applies: true, cap: 120 } })),
    ).toBe(120);
    expect(forfaitLogement(base, unit({ forfait: { applies: false, cap: null } }))).toBe(0);
  });

  it('uses the isolated-parent amount, never for the forfait', () => {
    const asOf = month('2026-10');
    const rsa = rsaAmount(
      asOf,
      unit({ children: 2, singleParentIncrease: true, forfait: { applies: true, cap: null } }),
    );
    // 651.69 × (1.28412 + 2 × 0.42804) − 16.5 % × 651.69 × 1.8
    expect(rsa).toBeCloseTo(651.69 * 2.1402 - 0.165 * 651.69 * 1.8, 6);
  });

  it('gives the PPA bonus from 59 to 138 SMIC hours in 2026', () => {
    const p = parametersAt(month('2026-07'));
    expect(ppaBonus(p, 59 * 12.31)).toBe(0);
    expect(ppaBonus(p, 138 * 12.31)).toBe(240.63);
    expect(ppaBonus(p, (59 * 12.31 + 138 * 12.31) / 2)).toBeCloseTo(240.63 / 2, 6);
  });

  it('applies the overseas factor and the C2S housing forfait', () => {
    const asOf = month('2026-10');
    const h = {
      adults: 1,
      children: 0,
      resources: 1000,
      housing: 'proprietaire',
      housingAid: false,
      housingAidAmount: null,
      commune: '97411',
    };
    expect(c2sCeilings(asOf, h).participation).toBeCloseTo(13957 * 1.113, 6);
    expect(c2sCeilings(asOf, { ...h, commune: '35238' }).free).toBe(10339);
    expect(c2sCeilings(asOf, { ...h, adults: 2, children: 4 }).participation).toBeCloseTo(
      29311 * 1.113 + 2 * 5583 * 1.113,
      6,
    );
    expect(c2sAnnualResources(asOf, h)).toBeCloseTo(12 * (1000 + 0.12 * 651.69), 6);
    expect(c2sAnnualResources(asOf, { ...h, adults: 2 })).toBeCloseTo(12 * (1000 + 0.14 * 651.69 * 1.5), 6);
    expect(
      c2sAnnualResources(asOf, { ...h, housing: 'locataire', housingAid: true, housingAidAmount: 50 }),
    ).toBeCloseTo(12 * 1050, 6);
  });
});
