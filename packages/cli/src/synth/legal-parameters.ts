// The legal parameters of rule pack fr.v1, transcribed from the table of RULES.md (with the dates
// that table gives) for the generator's own reading of the rules. It is deliberately independent
// of packages/rules: the ground truth is a second reading of RULES.md, so a mistake in one reading
// shows up as a disagreement instead of being copied into both.

import { parseMonth } from './months.ts';

/** Values by effective date (the first day of a month); the one in force is the latest not after it. */
type Series<T> = readonly (readonly [from: string, value: T])[];

/** Ceilings for 1, 2, 3 and 4 persons, then the amount added for each further person (annual, €). */
export type C2sTable = readonly [number, number, number, number, number];

const rsaBase: Series<number> = [
  ['2023-04', 607.75],
  ['2024-04', 635.71],
  ['2025-04', 646.52],
  ['2026-04', 651.69],
];

const ppaBase: Series<number> = [
  ['2023-04', 595.25],
  ['2024-04', 622.63],
  ['2025-04', 633.21],
  ['2026-04', 638.28],
];

const ppaSlope: Series<number> = [
  ['2023-01', 0.61],
  ['2025-04', 0.5985],
];

/** Maximum individual bonus, as a rate of the PPA base. */
const ppaBonusMaxRate: Series<number> = [
  ['2023-01', 0.29101],
  ['2026-04', 0.377],
];

/** Bonus thresholds in hours of gross SMIC: none at or below the lower, full from the upper. */
const ppaBonusLowerHours: Series<number> = [['2023-01', 59]];
const ppaBonusUpperHours: Series<number> = [
  ['2023-01', 120],
  ['2026-04', 138],
];

const smicHourlyGross: Series<number> = [
  ['2023-01', 11.27],
  ['2023-05', 11.52],
  ['2024-01', 11.65],
  ['2024-11', 11.88],
  ['2026-01', 12.02],
  ['2026-06', 12.31],
];

// The 2026 C2S ceilings are not yet known: RULES.md keeps the 2025 table in force.
const c2sFree: Series<C2sTable> = [
  ['2023-04', [9719, 14578, 17494, 20410, 3888]],
  ['2024-04', [10166, 15249, 18299, 21349, 4066]],
  ['2025-04', [10339, 15508, 18609, 21711, 4135]],
];

const c2sParticipation: Series<C2sTable> = [
  ['2023-04', [13121, 19681, 23617, 27553, 5248]],
  ['2024-04', [13724, 20586, 24703, 28821, 5490]],
  ['2025-04', [13957, 20936, 25123, 29311, 5583]],
];

const aspaSingle: Series<number> = [
  ['2023-01', 11533.02],
  ['2024-01', 12144.27],
  ['2025-01', 12411.44],
  ['2026-01', 12523.14],
];

const aspaCouple: Series<number> = [
  ['2023-01', 17905.06],
  ['2024-01', 18854.02],
  ['2025-01', 19268.8],
  ['2026-01', 19442.21],
];

/** Constants of fr.v1 that no date in RULES.md changes. */
export const fixed = {
  c2sOverseasFactor: 1.113,
  isolatedParentFirst: 1.28412,
  isolatedParentPerChild: 0.42804,
  /** Forfait logement of RSA and PPA, and C2S's with housing aid: 1, 2, 3+ persons. */
  forfaitRates: [0.12, 0.16, 0.165] as const,
  /** C2S housing forfait for owners without loan and people housed free: 1, 2, 3+ persons. */
  c2sForfaitRatesWithoutAid: [0.12, 0.14, 0.14] as const,
  rsaMinimum: 6,
  ppaMinimum: 15,
  rsaAge: 25,
  ppaAge: 18,
  aspaAge: 65,
} as const;

/** The parameters in force on the first day of a month. */
export type MonthParameters = {
  rsaBase: number;
  ppaBase: number;
  ppaSlope: number;
  ppaBonusMaxRate: number;
  ppaBonusLowerHours: number;
  ppaBonusUpperHours: number;
  smicHourlyGross: number;
  c2sFree: C2sTable;
  c2sParticipation: C2sTable;
  aspaSingle: number;
  aspaCouple: number;
};

function inForce<T>(series: Series<T>, month: number, name: string): T {
  let found: T | undefined;
  for (const [from, value] of series) {
    if (parseMonth(from)! <= month) found = value;
  }
  if (found === undefined) throw new RangeError(`no value of ${name} is in force that month`);
  return found;
}

// A territory evaluates the same few months millions of times.
const byMonth = new Map<number, MonthParameters>();

export function parametersAt(month: number): MonthParameters {
  let p = byMonth.get(month);
  if (!p) {
    p = Object.freeze({
      rsaBase: inForce(rsaBase, month, 'rsaBase'),
      ppaBase: inForce(ppaBase, month, 'ppaBase'),
      ppaSlope: inForce(ppaSlope, month, 'ppaSlope'),
      ppaBonusMaxRate: inForce(ppaBonusMaxRate, month, 'ppaBonusMaxRate'),
      ppaBonusLowerHours: inForce(ppaBonusLowerHours, month, 'ppaBonusLowerHours'),
      ppaBonusUpperHours: inForce(ppaBonusUpperHours, month, 'ppaBonusUpperHours'),
      smicHourlyGross: inForce(smicHourlyGross, month, 'smicHourlyGross'),
      c2sFree: inForce(c2sFree, month, 'c2sFree'),
      c2sParticipation: inForce(c2sParticipation, month, 'c2sParticipation'),
      aspaSingle: inForce(aspaSingle, month, 'aspaSingle'),
      aspaCouple: inForce(aspaCouple, month, 'aspaCouple'),
    });
    byMonth.set(month, p);
  }
  return p;
}

/** The first as_of month fr.v1 supports: its PPA reference months all fall under the table. */
export const firstSupportedMonth = parseMonth('2023-08')!;
