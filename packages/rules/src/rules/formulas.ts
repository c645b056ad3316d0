// The amounts RULES.md shares between rules: composition factor, maximum amount (with the
// isolated-parent increase), forfait logement, C2S housing forfait and ceilings, PPA bonus.

import type { C2sVariant } from '../case.schema.ts';
import { euros, roundCents } from '../money.ts';
import type { ParamsAtDate } from '../parameters/lookup.ts';
import type { FamilyHousehold } from '../profile.schema.ts';

export type Scheme = 'rsa' | 'ppa';

export interface CompositionRates {
  readonly second: number;
  readonly third: number;
  readonly furtherChild: number;
}

export function compositionRates(scheme: Scheme, params: ParamsAtDate, month: string): CompositionRates {
  return {
    second: params.value(`${scheme}.composition.second_person`, month),
    third: params.value(`${scheme}.composition.third_fourth_person`, month),
    furtherChild: params.value(`${scheme}.composition.further_child`, month),
  };
}

/**
 * f(adults, children), CASF R262-1 and CSS D843-1: +50 % for the second person (the partner, or a
 * single parent's first child), +30 % for each further person up to the second child, +40 % for
 * each child from the third on. Two adults or more count as a couple.
 */
export function compositionFactor(adults: number, children: number, rates: CompositionRates): number {
  const couple = adults >= 2;
  let factor = couple ? 1 + rates.second : 1;
  for (let child = 1; child <= children; child += 1) {
    if (child > 2) factor += rates.furtherChild;
    else factor += !couple && child === 1 ? rates.second : rates.third;
  }
  return factor;
}

/** The factor of the n-person amount the forfait logement applies to (the 3-person one from 3 on). */
function personsFactor(persons: number, rates: CompositionRates): number {
  if (persons <= 1) return 1;
  return persons === 2 ? 1 + rates.second : 1 + rates.second + rates.third;
}

export interface Composition {
  /** Already capped at 2 for RSA and PPA. */
  readonly adults: number;
  readonly children: number;
  /** single_parent_increase = 1: the isolated-parent rates replace the composition factor. */
  readonly increase: boolean;
}

export interface MaximumAmount {
  readonly amount: number;
  /** The multiple of the base: f(adults, children), or the isolated-parent rate. */
  readonly factor: number;
}

export function maximumAmount(
  scheme: Scheme,
  params: ParamsAtDate,
  month: string,
  composition: Composition,
): MaximumAmount {
  const base = params.value(`${scheme}.base`, month);
  const factor = composition.increase
    ? params.value(`${scheme}.isolation.first`, month) +
      params.value(`${scheme}.isolation.per_child`, month) * composition.children
    : compositionFactor(composition.adults, composition.children, compositionRates(scheme, params, month));
  return { amount: base * factor, factor };
}

/** Whether the forfait logement applies to a household, and the housing aid that caps it. */
export type ForfaitBasis =
  | { readonly applies: false }
  | { readonly applies: true; readonly cap: number | null };

/**
 * The forfait logement of a caf or msa household (CASF R262-9, CSS R844-3): with housing aid, whatever
 * the housing (an accedant included), capped at the aid; in kind for an owner without loan repayments
 * or someone housed free; none otherwise (an accedant without aid repays a loan).
 */
export function familyForfaitBasis(household: {
  readonly housing: FamilyHousehold['housing'];
  readonly housing_aid: boolean;
  readonly housing_aid_amount: number | null;
}): ForfaitBasis {
  if (household.housing_aid) return { applies: true, cap: household.housing_aid_amount };
  if (household.housing === 'proprietaire' || household.housing === 'heberge')
    return { applies: true, cap: null };
  return { applies: false };
}

/** Why the forfait logement applies (or not), in the words of the evidence. */
export function describeForfaitBasis(household: {
  readonly housing: FamilyHousehold['housing'];
  readonly housing_aid: boolean;
  readonly housing_aid_amount: number | null;
}): string {
  if (household.housing_aid) {
    const owner = household.housing === 'accedant' ? ' (accédant à la propriété compris)' : '';
    return household.housing_aid_amount === null
      ? `forfait logement au titre de l’aide au logement${owner}, montant de l’aide non indiqué`
      : `forfait logement au titre de l’aide au logement${owner}, plafonné à l’aide de ${euros(household.housing_aid_amount)}`;
  }
  if (household.housing === 'proprietaire') return 'forfait logement de propriétaire sans emprunt';
  if (household.housing === 'heberge') return 'forfait logement de personne hébergée gratuitement';
  return household.housing === 'accedant'
    ? 'pas de forfait logement (accédant remboursant un emprunt, sans aide au logement)'
    : 'pas de forfait logement (ni aide au logement ni logement gratuit)';
}

function sizeKey(persons: number) {
  if (persons <= 1) return 'one_person';
  return persons === 2 ? 'two_persons' : 'three_persons_or_more';
}

/** FL = 12 / 16 / 16.5 % of the 1 / 2 / 3-person amount (never the increased one), capped at the aid. */
export function housingForfait(
  scheme: Scheme,
  params: ParamsAtDate,
  month: string,
  persons: number,
  basis: ForfaitBasis,
): number {
  if (!basis.applies) return 0;
  const forfait =
    params.value(`${scheme}.base`, month) *
    personsFactor(persons, compositionRates(scheme, params, month)) *
    params.value(`${scheme}.housing_forfait.${sizeKey(persons)}`, month);
  return basis.cap === null ? forfait : Math.min(forfait, basis.cap);
}

/**
 * The monthly housing forfait added to C2S resources: 12 / 16 / 16.5 % of the RSA amount for 1 / 2 /
 * 3+ persons with housing aid (capped at the aid), 12 / 14 / 14 % for owners and people housed free.
 */
export function c2sHousingForfait(params: ParamsAtDate, household: FamilyHousehold, persons: number): number {
  const withAid = household.housing_aid;
  if (!withAid && household.housing !== 'proprietaire' && household.housing !== 'heberge') return 0;
  const rate = params.value(
    `c2s.housing_forfait.${withAid ? 'with_aid' : 'without_aid'}.${sizeKey(persons)}`,
  );
  const forfait =
    params.value('rsa.base') * personsFactor(persons, compositionRates('rsa', params, params.asOf)) * rate;
  const cap = withAid ? household.housing_aid_amount : null;
  return cap === null ? forfait : Math.min(forfait, cap);
}

/** Guadeloupe, Martinique, Guyane, La Réunion (971–974): the C2S ceilings × 1.113 (OpenFisca `cmu_eligible_majoration_dom`). */
export function c2sOverseas(commune: string): boolean {
  return /^97[1-4]/.test(commune);
}

const ceilingSizes = ['one_person', 'two_persons', 'three_persons', 'four_persons'] as const;

/** The annual C2S ceiling for a household size, from the official table, × 1.113 overseas. */
export function c2sCeiling(
  params: ParamsAtDate,
  variant: C2sVariant,
  size: number,
  overseas: boolean,
): number {
  const tableSize = ceilingSizes[Math.min(Math.max(size, 1), 4) - 1]!;
  const further = Math.max(0, size - 4);
  const ceiling =
    params.value(`c2s.ceiling.${variant}.${tableSize}`) +
    (further > 0 ? further * params.value(`c2s.ceiling.${variant}.per_further_person`) : 0);
  return overseas ? ceiling * params.value('c2s.overseas_factor') : ceiling;
}

/**
 * The individual PPA bonus for monthly earnings a: 0 up to the lower threshold (59 h of gross SMIC),
 * rising linearly to round(max rate × PPA base, 2) at the upper threshold, flat above.
 */
export function ppaBonus(earnings: number, params: ParamsAtDate, month: string): number {
  const smic = params.value('smic.hourly_gross', month);
  // Thresholds are euro amounts (120 × 11.88 = 1 425.60 €): in cents, so binary residue cannot move them.
  const lower = roundCents(params.value('ppa.bonus.lower_threshold', month) * smic);
  const upper = roundCents(params.value('ppa.bonus.upper_threshold', month) * smic);
  const maximum = roundCents(params.value('ppa.bonus.max_rate', month) * params.value('ppa.base', month));
  if (earnings <= lower) return 0;
  if (earnings >= upper) return maximum;
  return (maximum * (earnings - lower)) / (upper - lower);
}
