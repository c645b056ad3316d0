// PPA.ACTIVITY: a working caf or msa household with neither PPA nor RSA whose PPA would reach 15 €.
// As the law and OpenFisca compute it, the PPA is the mean over the three reference months of
// "solidarité à la source" (as_of − 4 to − 2) of the monthly formula, each month under its own
// parameters, the household's quarterly-average incomes being the same in each; the floor applies
// to that mean.

import type { ComputationStep } from '../case.schema.ts';
import { euros, roundCents } from '../money.ts';
import { addMonths, ageAt } from '../months.ts';
import type { ParamsAtDate } from '../parameters/lookup.ts';
import type { FamilyHousehold } from '../profile.schema.ts';
import { type Composition, familyForfaitBasis, housingForfait, maximumAmount, ppaBonus } from './formulas.ts';
import {
  describeHousehold,
  householdAdults,
  householdSubject,
  linkWithinHousehold,
} from './household-subject.ts';
import { householdInput, housingInputs, memberInput } from './inputs.ts';
import { type RuleFor, type RuleMeta, resultOf } from './rule.ts';
import { limits, presumption } from './wording.ts';

const meta = {
  id: 'PPA.ACTIVITY',
  version: '1.0.0',
  benefit: 'ppa',
  confidence: 'medium',
} as const satisfies RuleMeta;

/** The reference months of a PPA paid in `asOf`. */
export function ppaReferenceMonths(asOf: string): string[] {
  return [addMonths(asOf, -4), addMonths(asOf, -3), addMonths(asOf, -2)];
}

/** PPA = M + slope × A + Σ bonus − max(M, resources + FL), never below 0, under the month's parameters. */
function ppaOfMonth(
  household: FamilyHousehold,
  composition: Composition,
  earnings: readonly number[],
  params: ParamsAtDate,
  month: string,
  steps: ComputationStep[],
): number {
  const maximum = maximumAmount('ppa', params, month, composition);
  const persons = composition.adults + composition.children;
  const forfait = housingForfait('ppa', params, month, persons, familyForfaitBasis(household));
  const activity = earnings.reduce((sum, amount) => sum + amount, 0);
  const bonus = earnings.reduce((sum, amount) => sum + ppaBonus(amount, params, month), 0);
  const ppa = Math.max(
    0,
    maximum.amount +
      params.value('ppa.slope', month) * activity +
      bonus -
      Math.max(maximum.amount, household.household_resources + forfait),
  );
  steps.push(
    { name: `maximum_amount_${month}`, value: roundCents(maximum.amount) },
    { name: `housing_forfait_${month}`, value: roundCents(forfait) },
    { name: `bonus_${month}`, value: roundCents(bonus) },
    { name: `ppa_${month}`, value: roundCents(ppa) },
  );
  return ppa;
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

    const composition: Composition = {
      adults: Math.min(household.household_adults, 2),
      children: household.household_children,
      increase: household.single_parent_increase === true,
    };
    const earnings = adults.map((member) => member.activity_income);
    const steps: ComputationStep[] = [];
    const monthly = ppaReferenceMonths(asOf).map((month) => ({
      month,
      ppa: ppaOfMonth(household, composition, earnings, params, month, steps),
    }));
    const ppa = roundCents(monthly.reduce((sum, { ppa: amount }) => sum + amount, 0) / monthly.length);
    const minimum = params.value('ppa.minimum_payment');
    if (ppa < minimum) return null;
    steps.push({ name: 'ppa', value: ppa });

    const detail = monthly.map(({ month, ppa: amount }) => `${month} : ${euros(amount)}`).join(' ; ');
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
      ],
      computation: steps,
      explanation:
        `${describeHousehold(household, composition.adults, composition.children)} sans prime ` +
        `d’activité ni RSA (extrait ${household.source.reference_month}), revenus d’activité des adultes ` +
        `${euros(earnings.reduce((sum, amount) => sum + amount, 0))} et ressources ` +
        `${euros(household.household_resources)} par mois. Prime d’activité estimée à ${euros(ppa)} par mois : ` +
        `moyenne des mois de référence (${detail}), chacun avec les paramètres en vigueur ce mois-là (versée à ` +
        `partir de ${euros(minimum)}). ${presumption} ${limits.ppa}`,
    });
  },
};
