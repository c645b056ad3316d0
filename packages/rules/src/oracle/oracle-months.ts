// The law's PPA for an oracle household, month by month: each reference month with that month's
// composition, isolated-parent increase, housing aid, resources and each adult's pay, under the
// month's parameters (what a monthly extract gives the rule). Used to tell whether a difference of
// the quarterly v1 computation is its stated simplification.

import { roundCents } from '../money.ts';
import { ageAt } from '../months.ts';
import { type ParamsAtDate, paramsAtDate } from '../parameters/lookup.ts';
import { familyForfaitBasis } from '../rules/formulas.ts';
import { type PpaMonthInputs, ppaOfMonth, ppaReferenceMonths } from '../rules/ppa-activity.rule.ts';
import { type OracleHousehold, valueAt } from './oracle-households.ts';

const housingOf = {
  tenant: 'locataire',
  owner: 'proprietaire',
  accedant: 'accedant',
  free: 'heberge',
} as const;

export function ppaMonthInputs(
  household: OracleHousehold,
  month: string,
  params: ParamsAtDate,
): PpaMonthInputs {
  const at = (values: readonly number[]) => valueAt(household, values, month);
  const aid = at(household.monthly.aide_logement);
  return {
    composition: {
      adults: Math.min(at(household.monthly.nb_parents), 2),
      children: at(household.monthly.rsa_nb_enfants),
      increase: at(household.monthly.rsa_majore_eligibilite) === 1,
    },
    resources: at(household.monthly.ppa_base_ressources),
    forfait: familyForfaitBasis({
      housing: housingOf[household.housing.status],
      housing_aid: aid > 0,
      housing_aid_amount: aid > 0 ? aid : null,
    }),
    earnings: household.persons
      .filter((p) => p.role !== 'enfant')
      .map((p) => valueAt(household, p.monthly.activity_income, month)),
    ageMet: household.persons.some(
      (p) =>
        p.role !== 'enfant' && ageAt(p.birth_date.slice(0, 7), month) >= params.value('ppa.age_min', month),
    ),
  };
}

/** The mean of the reference months' PPA computed from each month's own inputs, 0 under 15 €. */
export function monthlyPpa(household: OracleHousehold): number {
  const params = paramsAtDate(household.as_of);
  const months = ppaReferenceMonths(household.as_of);
  const amounts = months.map((m) => ppaOfMonth(ppaMonthInputs(household, m, params), params, m, []));
  const ppa = roundCents(amounts.reduce((s, v) => s + v, 0) / amounts.length);
  return ppa < params.value('ppa.minimum_payment') ? 0 : ppa;
}
