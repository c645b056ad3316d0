// The APL / AL of a social tenancy as APL.md §1 writes it, with the parameter tables of APL.md §2
// transcribed here. Like legal-parameters.ts it is deliberately independent of packages/rules: the
// APL.LANDLORD ground truth is a second reading of APL.md, so a mistake in either shows up as a
// disagreement. APL.md tables start in October 2024: earlier months are refused.

import { parseMonth } from './months.ts';

export type Zone = 1 | 2 | 3;

/** What the landlord's extract states of a tenancy, as the formula reads it. */
export type AplTenancy = {
  zone: Zone;
  couple: boolean;
  dependants: number;
  /** Main rent before the RLS, monthly. */
  rent: number;
  /** R_raw: the RFR of N-2, or 12 × the monthly declared resources. */
  annualResources: number;
  conventionne: boolean;
};

type Dated<T> = readonly (readonly [from: string, value: T])[];
/** isolé, couple, 1 dependant, + per extra dependant. */
type Four = readonly [number, number, number, number];
/** isolé, couple, 1…6 dependants, + per extra dependant beyond 6. */
type Nine = readonly [number, number, number, number, number, number, number, number, number];

function at<T>(series: Dated<T>, month: number, name: string): T {
  const found = series.findLast(([from]) => parseMonth(from)! <= month);
  if (!found) throw new RangeError(`APL.md gives no ${name} for that month`);
  return found[1];
}

export const firstAplMonth = parseMonth('2024-10')!;

// APL.md §2, "L ceilings" (revalued 1 October; the 2026 revaluation is not known: 2025 kept).
const ceilings: Record<Zone, Dated<Four>> = {
  1: [
    ['2024-10', [329.71, 397.64, 449.43, 65.21]],
    ['2025-10', [333.14, 401.78, 454.1, 65.89]],
  ],
  2: [
    ['2024-10', [287.35, 351.72, 395.77, 57.61]],
    ['2025-10', [290.34, 355.38, 399.89, 58.21]],
  ],
  3: [
    ['2024-10', [269.32, 326.48, 366.07, 52.47]],
    ['2025-10', [272.12, 329.88, 369.88, 53.01]],
  ],
};
const chargesBase: Dated<number> = [
  ['2024-10', 59.97],
  ['2025-10', 60.59],
];
const chargesPerDependant: Dated<number> = [
  ['2024-10', 13.6],
  ['2025-10', 13.74],
];
const p0Flat: Dated<number> = [
  ['2024-10', 39.15],
  ['2025-10', 39.56],
];
const r0: Dated<Nine> = [
  ['2024-10', [5186, 7430, 8862, 9061, 9408, 9758, 10105, 10454, 343]],
  ['2025-01', [5235, 7501, 8947, 9148, 9498, 9851, 10202, 10554, 346]],
];
const tf: Nine = [0.0283, 0.0315, 0.027, 0.0238, 0.0201, 0.0185, 0.0179, 0.0173, -0.0006];
const rlsAmounts: Record<Zone, Dated<Four>> = {
  1: [
    ['2024-01', [55.2, 66.73, 75.31, 10.78]],
    ['2025-06', [39.69, 47.98, 54.14, 7.75]],
    ['2026-06', [35.99, 43.51, 49.09, 7.03]],
  ],
  2: [
    ['2024-01', [48.45, 59.15, 66.06, 9.6]],
    ['2025-06', [34.83, 42.53, 47.49, 6.9]],
    ['2026-06', [31.58, 38.56, 43.06, 6.26]],
  ],
  3: [
    ['2024-01', [45.36, 54.92, 61.42, 8.65]],
    ['2025-06', [32.61, 39.48, 44.16, 6.22]],
    ['2026-06', [29.57, 35.8, 40.04, 5.64]],
  ],
};
const rlsCeilings: Record<Zone, Dated<Nine>> = {
  1: [
    ['2024-01', [959, 1155, 1470, 1749, 2141, 2470, 2750, 3045, 297]],
    ['2026-01', [970, 1168, 1486, 1768, 2165, 2497, 2781, 3079, 300]],
  ],
  2: [
    ['2024-01', [895, 1092, 1393, 1659, 2036, 2351, 2617, 2897, 279]],
    ['2026-01', [905, 1104, 1408, 1677, 2059, 2377, 2646, 2929, 282]],
  ],
  3: [
    ['2024-01', [868, 1056, 1351, 1610, 1967, 2273, 2527, 2799, 259]],
    ['2026-01', [878, 1068, 1366, 1628, 1989, 2298, 2555, 2830, 262]],
  ],
};
const degressivity: Record<Zone, readonly [number, number]> = { 1: [3.4, 4], 2: [2.5, 3.1], 3: [2.5, 3.1] };

const cents = (x: number): number => Math.round(x * 100 + (x >= 0 ? 1e-6 : -1e-6)) / 100;

/** isolé | couple | 1 dependant + (n − 1) × increment. */
function byFour(t: Four, couple: boolean, n: number): number {
  return n === 0 ? (couple ? t[1] : t[0]) : t[2] + (n - 1) * t[3];
}

/** isolé | couple | k dependants (k ≤ 6) | 6 dependants + (n − 6) × increment. */
function byNine(t: Nine, couple: boolean, n: number): number {
  return n === 0 ? (couple ? t[1] : t[0]) : n <= 6 ? t[n + 1]! : t[7] + (n - 6) * t[8];
}

/** numpy's round: half to even. */
function roundEven(x: number): number {
  const f = Math.floor(x);
  if (Math.abs(x - f - 0.5) < 1e-9) return f % 2 === 0 ? f : f + 1;
  return Math.round(x);
}

/** The monthly aid in euros (0 when none is paid), for the month index `month`. */
export function aplAmount(month: number, t: AplTenancy): number {
  if (month < firstAplMonth) throw new RangeError('APL.md tables start in 2024-10');
  const n = t.dependants;
  const plaf = cents(byFour(at(ceilings[t.zone], month, 'ceiling'), t.couple, n));
  const loyer = roundEven(t.rent);
  const L = Math.min(loyer, plaf);
  const C = at(chargesBase, month, 'C') + n * at(chargesPerDependant, month, 'C');
  const R = Math.ceil(cents(t.annualResources) / 100) * 100;
  const P0 = Math.max(0.085 * (L + C), at(p0Flat, month, 'P0'));
  const R0 = byNine(at(r0, month, 'R0'), t.couple, n);
  const Lref = cents(byFour(at(ceilings[2], month, 'ceiling'), t.couple, n));
  const RL = L / Lref;
  const TL = RL < 0.45 ? 0 : RL < 0.75 ? 0.0045 * (RL - 0.45) : 0.0045 * 0.3 + 0.0068 * (RL - 0.75);
  const Tp = byNine(tf, t.couple, n) + TL;
  const Pp = P0 + Tp * Math.max(0, R - R0);
  const A1 = Math.max(0, L + C - Pp);
  const A2 = A1 >= (t.conventionne ? 0 : 10) ? A1 : 0;
  const [d, s] = degressivity[t.zone];
  const coef = loyer <= plaf * d ? 1 : loyer <= plaf * s ? 1 - (loyer - plaf * d) / (plaf * s - plaf * d) : 0;
  const A3 = Math.max(0, cents(A2 * coef) - 5);
  const rls =
    t.conventionne && R / 12 < byNine(at(rlsCeilings[t.zone], month, 'RLS ceiling'), t.couple, n)
      ? cents(byFour(at(rlsAmounts[t.zone], month, 'RLS'), t.couple, n))
      : 0;
  const A4 = Math.max(0, A3 - 0.98 * rls);
  return cents(A4 * (1 - 0.005));
}
