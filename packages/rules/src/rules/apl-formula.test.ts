// APL.md §3: its worked examples to the cent, and OpenFisca-France's tests of the 2021 reform
// (tests/formulas/aides_logement_reforme_janvier_2021.yaml) as the engine computes them.
import { describe, expect, it } from 'vitest';
import { paramsAtDate } from '../parameters/lookup.ts';
import { type AplHousehold, aplSteps, roundHalfEven } from './apl-formula.ts';

const aid = (month: string, h: AplHousehold) => aplSteps(paramsAtDate(month), h);
const single = { couple: false, dependants: 0 } as const;

describe('APL.md worked examples', () => {
  it('A. 2025-10, zone 1, single, HLM, rent 420 €, R_raw 9,850 €: 158.56 €', () => {
    const steps = aid('2025-10', {
      ...single,
      zone: 1,
      rent: 420,
      annualResources: 9850,
      conventionne: true,
    });
    expect(steps).toMatchObject({ rent_taken: 333.14, charges: 60.59, resources_rounded: 9900, p0: 39.56 });
    expect(steps.rl).toBeCloseTo(1.147413, 6);
    expect(steps.tl).toBeCloseTo(0.0040524, 7);
    expect(steps.pp).toBeCloseTo(190.484, 3);
    expect(steps.a1).toBeCloseTo(203.246, 3);
    expect(steps.a3).toBe(198.25);
    expect(steps.rls).toBe(39.69);
    expect(steps.a4).toBeCloseTo(159.3538, 4);
    expect(steps.aid).toBe(158.56);
  });

  const b = {
    zone: 2,
    couple: true,
    dependants: 2,
    rent: 480,
    annualResources: 18500,
    conventionne: true,
  } as const;
  it('B. 2025-01, zone 2, couple + 2, HLM, rent 480 €, R 18,500 €: 163.53 €', () => {
    const steps = aid('2025-01', b);
    expect(steps).toMatchObject({ rent_taken: 453.38, charges: 87.17, rent_ceiling_zone_2: 453.38, rl: 1 });
    expect(steps.p0).toBeCloseTo(45.9468, 3);
    expect(steps.tp).toBeCloseTo(0.02685, 8);
    expect(steps.pp).toBeCloseTo(297.048, 3);
    expect(steps.a3).toBe(238.5);
    expect(steps.rls).toBe(75.66);
    expect(steps.aid).toBe(163.53);
  });

  it('B on 2024-10 (R0 9,061 €): 161.21 €', () => expect(aid('2024-10', b).aid).toBe(161.21));

  it('C. 2026-01, zone 3, single parent + 1, private (AL), rent 390 €, R 13,000 €: 278.53 €', () => {
    const steps = aid('2026-01', {
      zone: 3,
      couple: false,
      dependants: 1,
      rent: 390,
      annualResources: 13000,
      conventionne: false,
    });
    expect(steps).toMatchObject({ rent_taken: 369.88, charges: 74.33, p0: 39.56, payment_threshold: 10 });
    expect(steps.rl).toBeCloseTo(0.924954, 6);
    expect(steps.pp).toBeCloseTo(159.2844, 4);
    expect(steps.a3).toBe(279.93);
    expect(steps).toMatchObject({ rls_ceiling: null, rls: 0 });
    expect(steps.aid).toBe(278.53);
  });
});

describe('OpenFisca-France, aides_logement_reforme_janvier_2021.yaml (2021-01, zone 3), as the engine computes', () => {
  const al = { zone: 3, conventionne: false } as const;
  it.each([
    ['1: isolé, AL, rent 306, R 0', { ...al, ...single, rent: 306, annualResources: 0 }, 254.93],
    ['2: isolé, AL, rent 608, R 6,900', { ...al, ...single, rent: 608, annualResources: 6900 }, 181.39],
    [
      '4: couple + 2, AL, rent 579.50, R 21,600',
      { ...al, couple: true, dependants: 2, rent: 579.5, annualResources: 21600 },
      53.64,
    ],
    ['5: isolé, AL, rent 214.38, R 5,000', { ...al, ...single, rent: 214.38, annualResources: 5000 }, 214.24],
    [
      '6: isolé, AL, rent 267.66, R 12,500',
      { ...al, ...single, rent: 267.66, annualResources: 12500 },
      11.48,
    ],
    [
      '7: couple + 1, APL + RLS, rent 527.37, resources 11,426.88',
      { zone: 3, conventionne: true, couple: true, dependants: 1, rent: 527.37, annualResources: 11426.88 },
      195.87,
    ],
  ] as [string, AplHousehold, number][])('case %s', (_name, household, expected) => {
    expect(aid('2021-01', household).aid).toBe(expected);
  });

  it('case 2 step by step: degressivity between 2.5 and 3.1 times the ceiling', () => {
    const steps = aid('2021-01', { ...al, ...single, rent: 608, annualResources: 6900 });
    expect(steps.tp).toBeCloseTo(0.0309234, 7);
    expect(steps.pp).toBeCloseTo(106.735, 3);
    expect(steps.degressivity_coefficient).toBeCloseTo(1 - 1.85 / 145.48, 6);
    expect(steps.a3).toBe(182.3);
  });

  it('case 7 step by step: R 11,500 €, RLS 51.59 €', () => {
    const steps = aid('2021-01', {
      zone: 3,
      conventionne: true,
      couple: true,
      dependants: 1,
      rent: 527.37,
      annualResources: 11426.88,
    });
    expect(steps).toMatchObject({
      resources_rounded: 11500,
      rent_rounded: 527,
      rent_taken: 329.56,
      rls: 51.59,
    });
    expect(steps.a3).toBe(247.41);
  });
});

describe('thresholds', () => {
  // Zone 3, 2026-01, single, AL, rent at the ceiling: A1 = L + C − Pp falls by Tp per euro of R above R0.
  const at = (annualResources: number, conventionne = false) =>
    aid('2026-01', { zone: 3, ...single, rent: 272, annualResources, conventionne });

  it('pays AL only when the amount due reaches 10 €, before the 5 € deduction', () => {
    // R moves by 100 € steps (rounded up): find the first R whose amount due falls under 10 €.
    const r0 = at(0).r0;
    const r = [...Array(200).keys()].map((k) => r0 + k * 100).find((x) => at(x).a1 < 10)!;
    expect(at(r)).toMatchObject({ a2: 0, aid: 0 });
    const above = at(r - 100);
    expect(above.a1).toBeGreaterThanOrEqual(10);
    expect(above.a2).toBe(above.a1);
    expect(above.aid).toBeCloseTo((Math.round(above.a1 * 100) / 100 - 5) * 0.995, 2);
    expect(above.aid).toBeGreaterThan(4.9);
  });

  it('pays APL (conventionné) from the first cent, then takes the 5 € and the RLS', () => {
    const r = at(7000, true);
    expect(r.payment_threshold).toBe(0);
    expect(r.a2).toBe(r.a1);
  });

  it('applies the RLS only under its ceiling, R / 12 against the monthly ceiling', () => {
    // Zone 3 single 2026-01: ceiling 878 € a month; R 10,500 € → 875 € < 878 €, R 10,600 € → 883.33 €.
    expect(at(10500, true).rls).toBe(32.61);
    expect(at(10600, true).rls).toBe(0);
  });

  it('rounds the rent half to even, as numpy does', () => {
    expect([
      roundHalfEven(527.5),
      roundHalfEven(528.5),
      roundHalfEven(527.37),
      roundHalfEven(527.51),
    ]).toEqual([528, 528, 527, 528]);
  });
});
