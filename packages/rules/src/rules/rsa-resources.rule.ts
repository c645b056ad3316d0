// RSA.RESOURCES: a caf or msa household without RSA whose resources leave an RSA of at least 6 €:
// RSA = maximum amount − forfait logement − household resources.

import { decimal, euros, roundCents } from '../money.ts';
import { ageAt } from '../months.ts';
import { describeForfaitBasis, familyForfaitBasis, housingForfait, maximumAmount } from './formulas.ts';
import {
  describeHousehold,
  householdAdults,
  householdSubject,
  linkWithinHousehold,
} from './household-subject.ts';
import { householdInput, housingInputs, memberInput } from './inputs.ts';
import { type RuleFor, type RuleMeta, resultOf } from './rule.ts';
import { declaredTo, extractOf, limits, presumption } from './wording.ts';

const meta = {
  id: 'RSA.RESOURCES',
  version: '1.1.0',
  benefit: 'rsa',
  confidence: 'medium',
} as const satisfies RuleMeta;

export const rsaResourcesRule: RuleFor<'family'> = {
  ...meta,
  target: 'family',
  apply(household, params) {
    if (household.rsa) return null;
    const asOf = params.asOf;
    const ageMin = params.value('rsa.age_min');
    const oldEnough = householdAdults(household).find((member) => ageAt(member.birth_ym, asOf) >= ageMin);
    const increase = household.single_parent_increase === true;
    const children = household.household_children;
    if (oldEnough === undefined && children === 0 && !increase) return null;

    const adults = Math.min(household.household_adults, 2);
    const maximum = maximumAmount('rsa', params, asOf, { adults, children, increase });
    const forfait = housingForfait('rsa', params, asOf, adults + children, familyForfaitBasis(household));
    const rsa = roundCents(maximum.amount - forfait - household.household_resources);
    const minimum = params.value('rsa.minimum_payment');
    if (rsa < minimum) return null;

    return resultOf(meta, params, {
      subject: householdSubject(household),
      amount: rsa,
      inputs: [
        householdInput(household, 'rsa', 'own_row'),
        householdInput(household, 'household_adults', 'own_row'),
        householdInput(household, 'household_children', 'own_row'),
        householdInput(household, 'single_parent_increase', 'own_row'),
        ...(oldEnough === undefined
          ? []
          : [memberInput(household, oldEnough, 'birth_ym', linkWithinHousehold(oldEnough))]),
        householdInput(household, 'household_resources', 'own_row'),
        ...housingInputs(household, 'own_row'),
      ],
      computation: [
        { name: increase ? 'isolated_parent_rate' : 'composition_factor', value: maximum.factor },
        { name: 'maximum_amount', value: roundCents(maximum.amount) },
        { name: 'housing_forfait', value: roundCents(forfait) },
        { name: 'rsa', value: rsa },
      ],
      explanation:
        `${describeHousehold(household, adults, children)} et ne perçoit pas le RSA selon ` +
        `${extractOf(household.source)}. Montant forfaitaire ${euros(maximum.amount)} ` +
        `(${euros(params.value('rsa.base'))} × ${decimal(maximum.factor)}` +
        `${increase ? ', majoration parent isolé' : ''}), ${describeForfaitBasis(household)} : ${euros(forfait)}, ` +
        `ressources ${declaredTo(household.source.kind)} : ` +
        `${euros(household.household_resources)} par mois ; RSA estimé à ${euros(rsa)} par mois (versé à partir ` +
        `de ${euros(minimum)}). ${presumption} ${limits.rsa}`,
    });
  },
};
