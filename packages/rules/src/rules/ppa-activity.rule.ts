// PPA.ACTIVITY: a working caf or msa household with neither PPA nor RSA whose PPA would reach 15 €.
// As the law and OpenFisca compute it, the PPA is the mean over three reference months of the
// monthly formula, each month under its own parameters and floored at 0; the 15 € floor applies to
// that mean. The reference months are as_of − 3 to − 1 before March 2025, as_of − 4 to − 2 from
// then on ("solidarité à la source"). A v1 extract gives one quarterly average: the same incomes,
// composition and housing aid serve each month, a simplification the evidence states.

import { monthInWords, monthsInWords } from '@nonrecours/french';
import type { MonthlyHouseholdColumn } from '@nonrecours/pseudo';
import type { ComputationStep, InputUse } from '../case.schema.ts';
import { euros, roundCents } from '../money.ts';
import { addMonths, ageAt, monthIndex } from '../months.ts';
import type { ParamsAtDate } from '../parameters/lookup.ts';
import type { FamilyHousehold, FamilyMember } from '../profile.schema.ts';
import {
  type Composition,
  describeForfaitBasis,
  type ForfaitBasis,
  familyForfaitBasis,
  housingForfait,
  maximumAmount,
  ppaBonus,
} from './formulas.ts';
import {
  describeHousehold,
  householdAdults,
  householdSubject,
  linkWithinHousehold,
} from './household-subject.ts';
import { householdInput, housingInputs, memberInput, monthlyInput } from './inputs.ts';
import { type RuleFor, type RuleMeta, resultOf } from './rule.ts';
import { extractOf, limits, presumption } from './wording.ts';

const meta = {
  id: 'PPA.ACTIVITY',
  version: '1.1.0',
  benefit: 'ppa',
  confidence: 'medium',
} as const satisfies RuleMeta;

/**
 * The first as_of month under "solidarité à la source", generalised to the CAF from 1 March 2025 by a
 * decree of 26 February 2025 (DOMAIN.md; OpenFisca `departement_experimentation_rsa`): its PPA and
 * RSA resources are those of as_of − 4 to − 2 instead of as_of − 3 to − 1.
 */
export const solidariteALaSourceFrom = '2025-03';

export function usesSolidariteALaSource(asOf: string): boolean {
  return monthIndex(asOf) >= monthIndex(solidariteALaSourceFrom);
}

/** The reference months of a PPA paid in `asOf`. */
export function ppaReferenceMonths(asOf: string): string[] {
  const last = usesSolidariteALaSource(asOf) ? -2 : -1;
  return [addMonths(asOf, last - 2), addMonths(asOf, last - 1), addMonths(asOf, last)];
}

/** What the PPA formula reads for one reference month. */
export interface PpaMonthInputs {
  readonly composition: Composition;
  readonly resources: number;
  readonly forfait: ForfaitBasis;
  /** Each adult's activity income of the month. */
  readonly earnings: readonly number[];
  /** Whether an adult meets the age condition in that month; a month where none does counts 0. */
  readonly ageMet: boolean;
}

/** PPA = M + slope × A + Σ bonus − max(M, resources + FL), floored at 0, under the month's parameters. */
export function ppaOfMonth(
  inputs: PpaMonthInputs,
  params: ParamsAtDate,
  month: string,
  steps: ComputationStep[],
): number {
  const { composition } = inputs;
  const maximum = maximumAmount('ppa', params, month, composition);
  const persons = composition.adults + composition.children;
  const forfait = housingForfait('ppa', params, month, persons, inputs.forfait);
  const activity = inputs.earnings.reduce((sum, amount) => sum + amount, 0);
  const bonus = inputs.earnings.reduce((sum, amount) => sum + ppaBonus(amount, params, month), 0);
  const ppa = !inputs.ageMet
    ? 0
    : Math.max(
        0,
        maximum.amount +
          params.value('ppa.slope', month) * activity +
          bonus -
          Math.max(maximum.amount, inputs.resources + forfait),
      );
  steps.push(
    { name: `maximum_amount_${month}`, value: roundCents(maximum.amount) },
    { name: `housing_forfait_${month}`, value: roundCents(forfait) },
    { name: `bonus_${month}`, value: roundCents(bonus) },
    { name: `ppa_${month}`, value: roundCents(ppa) },
  );
  return ppa;
}

/** The sentence that names the reference months and the rule that chose them. */
export function describeReferenceMonths(asOf: string, months: readonly string[]): string {
  return usesSolidariteALaSource(asOf)
    ? `mois de référence ${monthsInWords(months)} (M−4 à M−2, « solidarité à la source » depuis mars 2025)`
    : `mois de référence ${monthsInWords(months)} (M−3 à M−1, règle applicable avant mars 2025)`;
}

export const ppaAverageSimplification =
  'Simplification : l’extrait ne donne qu’une moyenne trimestrielle, si bien que les mêmes revenus ' +
  'd’activité, ressources, composition du foyer, majoration parent isolé et aide au logement, ainsi que ' +
  'l’âge atteint à la date du calcul, sont retenus pour chacun des trois mois ; si la paie ou la situation ' +
  'a varié, le montant dû diffère.';

/**
 * A reference month's own inputs from a v2 extract (its `…_m0` to `…_m4` columns), or null when the
 * extract does not detail that month (v1, or a month outside its window). A column left empty for
 * the month takes the extract's current value; the age condition is that month's.
 */
function monthInputs(
  household: FamilyHousehold,
  adults: readonly FamilyMember[],
  month: string,
  quarterly: PpaMonthInputs,
  params: ParamsAtDate,
): { inputs: PpaMonthInputs; used: InputUse[] } | null {
  const own = household.months?.find((entry) => entry.month === month && entry.household_resources !== null);
  if (own === undefined || own.household_resources === null) return null;
  const k = monthIndex(household.source.reference_month) - monthIndex(month);
  const used: InputUse[] = [];
  const stated = <T extends string | number | boolean>(
    name: MonthlyHouseholdColumn,
    value: T | null,
    fallback: T,
  ): T => {
    if (value === null) return fallback;
    used.push(monthlyInput(household, `${name}_m${k}`, value, household.household_pseudo, 'own_row'));
    return value;
  };
  const resources = stated('household_resources', own.household_resources, quarterly.resources);
  const adultsCount = stated('household_adults', own.household_adults, household.household_adults);
  const children = stated('household_children', own.household_children, quarterly.composition.children);
  const increase = stated(
    'single_parent_increase',
    own.single_parent_increase,
    quarterly.composition.increase,
  );
  const aid = stated('housing_aid_amount', own.housing_aid_amount, household.housing_aid_amount ?? 0);
  const forfait =
    own.housing_aid_amount === null
      ? quarterly.forfait
      : familyForfaitBasis({
          housing: household.housing,
          housing_aid: aid > 0,
          housing_aid_amount: aid > 0 ? aid : null,
        });
  const earnings = adults.map((member) => {
    const value = member.months?.find((entry) => entry.month === month)?.activity_income;
    if (value === undefined) return member.activity_income;
    used.push(
      monthlyInput(
        household,
        `activity_income_m${k}`,
        value,
        member.person_pseudo,
        linkWithinHousehold(member),
      ),
    );
    return value;
  });
  const ageMin = params.value('ppa.age_min', month);
  return {
    inputs: {
      composition: { adults: Math.min(adultsCount, 2), children, increase },
      resources,
      forfait,
      earnings,
      ageMet: adults.some((member) => ageAt(member.birth_ym, month) >= ageMin),
    },
    used,
  };
}

/** What the evidence says of the inputs: each month's own (v2), or the quarterly average (v1). */
function describeMonthlyInputs(monthly: readonly { month: string; own: boolean }[]): string {
  const own = monthly.filter((m) => m.own).map((m) => m.month);
  if (own.length === monthly.length)
    return (
      'Chaque mois de référence est calculé avec ses propres revenus d’activité, ressources, composition du ' +
      'foyer, majoration parent isolé et aide au logement (colonnes mensuelles de l’extrait), et l’âge atteint ce mois-là.'
    );
  if (own.length === 0) return ppaAverageSimplification;
  const missing = monthly.filter((m) => !m.own).map((m) => m.month);
  return (
    `Les mois ${monthsInWords(own)} sont calculés avec leurs propres valeurs mensuelles ; faute de valeurs pour ` +
    `${monthsInWords(missing)}, ces mois reprennent les moyennes trimestrielles et l’âge à la date du calcul ` +
    '(simplification : si la paie ou la situation a varié, le montant dû diffère).'
  );
}

export const ppaActivityRule: RuleFor<'family'> = {
  ...meta,
  target: 'family',
  apply(household, params) {
    if (household.ppa || household.rsa) return null;
    const asOf = params.asOf;
    const adults = householdAdults(household);
    const ageMin = params.value('ppa.age_min');
    const workers = adults.filter(
      (member) => member.activity_income > 0 && ageAt(member.birth_ym, asOf) >= ageMin,
    );
    if (workers.length === 0) return null;

    const quarterly: PpaMonthInputs = {
      composition: {
        adults: Math.min(household.household_adults, 2),
        children: household.household_children,
        increase: household.single_parent_increase === true,
      },
      resources: household.household_resources,
      forfait: familyForfaitBasis(household),
      earnings: adults.map((member) => member.activity_income),
      // The extract gives the age at as_of: it stands for each reference month.
      ageMet: true,
    };
    const steps: ComputationStep[] = [];
    const months = ppaReferenceMonths(asOf);
    const monthly = months.map((month) => {
      const own = monthInputs(household, adults, month, quarterly, params);
      return {
        month,
        own: own !== null,
        ppa: ppaOfMonth(own?.inputs ?? quarterly, params, month, steps),
        used: own?.used ?? [],
      };
    });
    const ppa = roundCents(monthly.reduce((sum, { ppa: amount }) => sum + amount, 0) / monthly.length);
    const minimum = params.value('ppa.minimum_payment');
    if (ppa < minimum) return null;
    steps.push({ name: 'ppa', value: ppa });

    const detail = monthly
      .map(({ month, ppa: amount }) => `${monthInWords(month)} : ${euros(amount)}`)
      .join(' ; ');
    return resultOf(meta, params, {
      subject: householdSubject(household),
      amount: ppa,
      inputs: [
        householdInput(household, 'ppa', 'own_row'),
        householdInput(household, 'rsa', 'own_row'),
        householdInput(household, 'household_adults', 'own_row'),
        householdInput(household, 'household_children', 'own_row'),
        householdInput(household, 'single_parent_increase', 'own_row'),
        ...adults.flatMap((member) => [
          memberInput(household, member, 'birth_ym', linkWithinHousehold(member)),
          memberInput(household, member, 'activity_income', linkWithinHousehold(member)),
        ]),
        householdInput(household, 'household_resources', 'own_row'),
        ...housingInputs(household, 'own_row'),
        ...monthly.flatMap(({ used }) => used),
      ],
      computation: steps,
      explanation:
        `${describeHousehold(household, quarterly.composition.adults, quarterly.composition.children)} ` +
        `et ne perçoit ni prime d’activité ni RSA selon ${extractOf(household.source)} ; revenus d’activité des adultes ` +
        `${euros(quarterly.earnings.reduce((sum, amount) => sum + amount, 0))} et ressources ` +
        `${euros(household.household_resources)} par mois (moyennes trimestrielles de l’extrait), ` +
        `${describeForfaitBasis(household)}. Prime d’activité estimée à ${euros(ppa)} par mois : moyenne ` +
        `des ${describeReferenceMonths(asOf, months)}, chacun calculé avec les paramètres en vigueur ce ` +
        `mois-là et ramené à 0 s’il est négatif (${detail}) ; versée à partir de ${euros(minimum)}. ` +
        `${describeMonthlyInputs(monthly)} ${presumption} ${limits.ppa}`,
    });
  },
};
