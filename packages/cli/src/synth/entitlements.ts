// The amounts and ceilings of rule pack fr.v1 (RULES.md, "Shared definitions" and "Rules"), as
// pure functions of what a household's extract rows state. The generator uses them three times:
// to know who is truly entitled (and so who can be a non-claimant), to keep every household clear
// of the thresholds, and to write the ground truth.

import { type C2sTable, fixed, type MonthParameters, parametersAt } from './legal-parameters.ts';
import { parseMonth } from './months.ts';

/** What the RSA and PPA formulas read from a household (the allocataire's row, or a tenancy). */
export type BenefitUnit = {
  adults: number;
  children: number;
  singleParentIncrease: boolean;
  /** household_resources, monthly. */
  resources: number;
  /** Whether the forfait logement applies, and the housing aid amount that caps it (null: no cap). */
  forfait: { applies: boolean; cap: number | null };
};

const round2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * A positive amount to the cent, half up on its decimal value: 12,523.14 / 12 − 967.07 is
 * 76.525 in decimal (76.52499… in binary) and rounds to 76.53. ASPA amounts of 2026 all end in a
 * half cent, so the residue matters.
 */
export const toCents = (x: number): number => Math.round(x * 100 + 1e-6) / 100;

/** CASF R262-1 composition factor, adults capped at 2. */
export function compositionFactor(adults: number, children: number): number {
  const row = Math.min(adults, 2) === 1 ? [1, 1.5, 1.8] : [1.5, 1.8, 2.1];
  return children <= 2 ? row[children]! : row[2]! + 0.4 * (children - 2);
}

/** Persons counted by the forfait logement: adults capped at 2, plus children. */
function forfaitPersons(unit: Pick<BenefitUnit, 'adults' | 'children'>): number {
  return Math.min(unit.adults, 2) + unit.children;
}

// The 1-, 2- and 3-person amounts the forfaits are rates of (base × f, never the increased amount).
const FORFAIT_FACTORS = [1, 1.5, 1.8] as const;

/** M: base × f, or the isolated-parent amount when single_parent_increase = 1. */
export function maximumAmount(base: number, unit: BenefitUnit): number {
  if (unit.singleParentIncrease) {
    return base * (fixed.isolatedParentFirst + fixed.isolatedParentPerChild * unit.children);
  }
  return base * compositionFactor(unit.adults, unit.children);
}

/** FL, 12/16/16.5 % of the 1/2/3-person amount, capped at the housing aid amount when known. */
export function forfaitLogement(base: number, unit: BenefitUnit): number {
  if (!unit.forfait.applies) return 0;
  const i = Math.min(forfaitPersons(unit), 3) - 1;
  const fl = fixed.forfaitRates[i]! * base * FORFAIT_FACTORS[i]!;
  return unit.forfait.cap === null ? fl : Math.min(fl, unit.forfait.cap);
}

/** RSA = M − FL − household_resources, with the parameters of the as_of month (unrounded). */
export function rsaAmount(asOf: number, unit: BenefitUnit): number {
  const base = parametersAt(asOf).rsaBase;
  return maximumAmount(base, unit) - forfaitLogement(base, unit) - unit.resources;
}

/** Individual PPA bonus for monthly activity income `a` under one month's parameters. */
export function ppaBonus(p: MonthParameters, a: number): number {
  const lower = p.ppaBonusLowerHours * p.smicHourlyGross;
  const upper = p.ppaBonusUpperHours * p.smicHourlyGross;
  const max = round2(p.ppaBonusMaxRate * p.ppaBase);
  if (a <= lower) return 0;
  if (a >= upper) return max;
  return (max * (a - lower)) / (upper - lower);
}

/** The PPA formula under the parameters of one month (unrounded, possibly negative). */
export function ppaForMonth(p: MonthParameters, unit: BenefitUnit, adultActivity: readonly number[]): number {
  const m = maximumAmount(p.ppaBase, unit);
  const fl = forfaitLogement(p.ppaBase, unit);
  let a = 0;
  let bonus = 0;
  for (const income of adultActivity) {
    a += income;
    bonus += ppaBonus(p, income);
  }
  return m + p.ppaSlope * a + bonus - Math.max(m, unit.resources + fl);
}

/** "Solidarité à la source", the national rule from March 2025: as_of − 4 to − 2 instead of − 3 to − 1. */
const solidariteALaSourceFrom = parseMonth('2025-03')!;

/** The PPA reference months of an as_of month: as_of − 4, − 3, − 2 from 2025-03, − 3, − 2, − 1 before. */
export function ppaReferenceMonths(asOf: number): [number, number, number] {
  const last = asOf >= solidariteALaSourceFrom ? asOf - 2 : asOf - 1;
  return [last - 2, last - 1, last];
}

/**
 * PPA: the mean of the formula over the reference months, each with its own parameters and floored
 * at 0 before the mean (`months` keeps the unfloored values, which the margins read).
 */
export function ppaAmount(
  asOf: number,
  unit: BenefitUnit,
  adultActivity: readonly number[],
): { mean: number; months: number[] } {
  const months = ppaReferenceMonths(asOf).map((m) => ppaForMonth(parametersAt(m), unit, adultActivity));
  const floored = months.map((v) => Math.max(0, v));
  return { mean: (floored[0]! + floored[1]! + floored[2]!) / 3, months };
}

/** A C2S annual ceiling for a household size, with the overseas factor for communes 97x. */
export function c2sCeiling(table: C2sTable, persons: number, overseas: boolean): number {
  const ceiling = persons <= 4 ? table[persons - 1]! : table[3] + (persons - 4) * table[4];
  return overseas ? ceiling * fixed.c2sOverseasFactor : ceiling;
}

export function isOverseas(commune: string): boolean {
  return commune.startsWith('97');
}

/** The C2S overseas factor applies in 971–974 only (not 975, 977, 978; Mayotte has no C2S). */
export function c2sOverseas(commune: string): boolean {
  return /^97[1-4]/.test(commune);
}

/** Mayotte (976) is outside fr.v1: no presumption there. */
export function isMayotte(commune: string): boolean {
  return commune.startsWith('976');
}

/** What C2S.RESOURCES reads from a caf or msa household. */
export type C2sHousehold = {
  adults: number;
  children: number;
  resources: number;
  housing: string;
  housingAid: boolean;
  housingAidAmount: number | null;
  commune: string;
};

/** C2S housing forfait: 12/16/16.5 % of the RSA amount with housing aid (capped), 12/14/14 % for owners and people housed free. */
export function c2sHousingForfait(asOf: number, h: C2sHousehold): number {
  const base = parametersAt(asOf).rsaBase;
  const i = Math.min(h.adults + h.children, 3) - 1;
  const amount = base * FORFAIT_FACTORS[i]!;
  if (h.housingAid) {
    const forfait = fixed.forfaitRates[i]! * amount;
    return h.housingAidAmount === null ? forfait : Math.min(forfait, h.housingAidAmount);
  }
  if (h.housing === 'proprietaire' || h.housing === 'heberge')
    return fixed.c2sForfaitRatesWithoutAid[i]! * amount;
  return 0;
}

/** 12 × (household_resources + C2S housing forfait), the amount compared with the ceilings. */
export function c2sAnnualResources(asOf: number, h: C2sHousehold): number {
  return 12 * (h.resources + c2sHousingForfait(asOf, h));
}

export function c2sCeilings(asOf: number, h: C2sHousehold): { free: number; participation: number } {
  const p = parametersAt(asOf);
  const persons = h.adults + h.children;
  const overseas = c2sOverseas(h.commune);
  return {
    free: c2sCeiling(p.c2sFree, persons, overseas),
    participation: c2sCeiling(p.c2sParticipation, persons, overseas),
  };
}

/**
 * A couple's ASPA as each partner's case carries it: the household's D = couple ceiling / 12 −
 * resources; D / 2 when the partner is eligible too (or of unknown age: never an overstatement),
 * min(D, single ceiling / 12) when only this partner is.
 */
export function aspaCoupleShare(asOf: number, resources: number, partnerEligible: boolean | null): number {
  const { single, couple } = aspaCeilings(asOf);
  const household = couple / 12 - resources;
  return partnerEligible === false ? Math.min(household, single / 12) : household / 2;
}

/** ASPA annual ceilings (single, couple) in force in the as_of month. */
export function aspaCeilings(asOf: number): { single: number; couple: number } {
  const p = parametersAt(asOf);
  return { single: p.aspaSingle, couple: p.aspaCouple };
}
