// APL.md §2, table by table: the values our parameters (encoded from OpenFisca-France) give on each
// date APL.md tabulates, and on both sides of each revaluation date it names.
import { describe, expect, it } from 'vitest';
import { parameterAt } from './lookup.ts';
import type { ParameterName } from './registry.ts';

const value = (name: string, month: string) => parameterAt(name as ParameterName, month).value;
const composition = ['single', 'couple', 'one_dependant', 'per_extra_dependant'];
const ceilingSizes = [
  'single',
  'couple',
  ...[1, 2, 3, 4, 5, 6].map((k) => `dependants_${k}`),
  'per_extra_dependant',
];

describe('housing-aid parameters against APL.md §2', () => {
  it.each([
    [1, '2024-10', [329.71, 397.64, 449.43, 65.21]],
    [1, '2025-10', [333.14, 401.78, 454.1, 65.89]],
    [2, '2024-10', [287.35, 351.72, 395.77, 57.61]],
    [2, '2025-10', [290.34, 355.38, 399.89, 58.21]],
    [3, '2024-10', [269.32, 326.48, 366.07, 52.47]],
    [3, '2025-10', [272.12, 329.88, 369.88, 53.01]],
  ] as const)('rent ceilings, zone %i, from %s (the same on the next 1 January)', (zone, month, expected) => {
    const january = `${Number(month.slice(0, 4)) + 1}-01`;
    for (const m of [month, january])
      expect(composition.map((c) => value(`apl.rent_ceiling.zone_${zone}.${c}`, m))).toEqual(expected);
  });

  it.each([
    ['2024-10', 59.97, 13.6, 39.15],
    ['2025-01', 59.97, 13.6, 39.15],
    ['2025-10', 60.59, 13.74, 39.56],
    ['2026-01', 60.59, 13.74, 39.56],
  ] as const)('charges and P0 in %s', (month, base, perDependant, p0) => {
    expect([value('apl.charges.base', month), value('apl.charges.per_dependant', month)]).toEqual([
      base,
      perDependant,
    ]);
    expect([value('apl.p0.minimum', month), value('apl.p0.rate', month)]).toEqual([p0, 0.085]);
  });

  it.each([
    ['2024-10', [5186, 7430, 8862, 9061, 9408, 9758, 10105, 10454, 343]],
    ['2025-01', [5235, 7501, 8947, 9148, 9498, 9851, 10202, 10554, 346]],
    ['2026-01', [5235, 7501, 8947, 9148, 9498, 9851, 10202, 10554, 346]],
  ] as const)('R0 in %s', (month, expected) => {
    expect(ceilingSizes.map((c) => value(`apl.r0.${c}`, month))).toEqual(expected);
  });

  it('TF, TL, minoration, thresholds, degressivity, RLS share and CRDS, unchanged over 2024-10…2026-01', () => {
    for (const month of ['2024-10', '2025-01', '2025-10', '2026-01']) {
      expect(ceilingSizes.map((c) => value(`apl.tf.${c}`, month))).toEqual([
        0.0283, 0.0315, 0.027, 0.0238, 0.0201, 0.0185, 0.0179, 0.0173, -0.0006,
      ]);
      expect(
        ['threshold_1', 'threshold_2', 'rate_1', 'rate_2', 'rate_3'].map((c) => value(`apl.tl.${c}`, month)),
      ).toEqual([0.45, 0.75, 0, 0.0045, 0.0068]);
      expect(value('apl.minoration', month)).toBe(5);
      expect([value('apl.payment_threshold.apl', month), value('apl.payment_threshold.al', month)]).toEqual([
        0, 10,
      ]);
      expect(
        [1, 2, 3].flatMap((z) => [
          value(`apl.degressivity.zone_${z}`, month),
          value(`apl.suppression.zone_${z}`, month),
        ]),
      ).toEqual([3.4, 4, 2.5, 3.1, 2.5, 3.1]);
      expect([value('rls.apl_fraction', month), value('crds.rate', month)]).toEqual([0.98, 0.005]);
    }
  });

  it.each([
    [1, ['2024-10', '2025-01'], [55.2, 66.73, 75.31, 10.78]],
    [1, ['2025-10', '2026-01'], [39.69, 47.98, 54.14, 7.75]],
    [1, ['2026-06'], [35.99, 43.51, 49.09, 7.03]],
    [2, ['2024-10', '2025-01'], [48.45, 59.15, 66.06, 9.6]],
    [2, ['2025-10', '2026-01'], [34.83, 42.53, 47.49, 6.9]],
    [2, ['2026-06'], [31.58, 38.56, 43.06, 6.26]],
    [3, ['2024-10', '2025-01'], [45.36, 54.92, 61.42, 8.65]],
    [3, ['2025-10', '2026-01'], [32.61, 39.48, 44.16, 6.22]],
    [3, ['2026-06'], [29.57, 35.8, 40.04, 5.64]],
  ] as const)('RLS amounts, zone %i, in %j', (zone, months, expected) => {
    for (const m of months)
      expect(composition.map((c) => value(`rls.amount.zone_${zone}.${c}`, m))).toEqual(expected);
  });

  it('RLS amounts change on 1 June 2025 and 1 June 2026', () => {
    expect(value('rls.amount.zone_2.single', '2025-05')).toBe(48.45);
    expect(value('rls.amount.zone_2.single', '2025-06')).toBe(34.83);
    expect(value('rls.amount.zone_2.single', '2026-05')).toBe(34.83);
    expect(value('rls.amount.zone_2.single', '2026-06')).toBe(31.58);
  });

  it.each([
    [1, ['2024-10', '2025-01', '2025-10'], [959, 1155, 1470, 1749, 2141, 2470, 2750, 3045, 297]],
    [1, ['2026-01'], [970, 1168, 1486, 1768, 2165, 2497, 2781, 3079, 300]],
    [2, ['2024-10', '2025-01', '2025-10'], [895, 1092, 1393, 1659, 2036, 2351, 2617, 2897, 279]],
    [2, ['2026-01'], [905, 1104, 1408, 1677, 2059, 2377, 2646, 2929, 282]],
    [3, ['2024-10', '2025-01', '2025-10'], [868, 1056, 1351, 1610, 1967, 2273, 2527, 2799, 259]],
    [3, ['2026-01'], [878, 1068, 1366, 1628, 1989, 2298, 2555, 2830, 262]],
  ] as const)('RLS ceilings, zone %i, in %j', (zone, months, expected) => {
    for (const m of months)
      expect(ceilingSizes.map((c) => value(`rls.ceiling.zone_${zone}.${c}`, m))).toEqual(expected);
  });

  it('the October revaluation: September keeps the previous year, October reads the new one', () => {
    expect(value('apl.rent_ceiling.zone_1.single', '2025-09')).toBe(329.71);
    expect(value('apl.rent_ceiling.zone_1.single', '2025-10')).toBe(333.14);
    expect(value('apl.r0.single', '2024-12')).toBe(5186);
    expect(value('apl.r0.single', '2025-01')).toBe(5235);
  });
});
