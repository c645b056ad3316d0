// C2S.RSA: an RSA household member whom a health extract shows without C2S. RSA beneficiaries are
// entitled to free C2S (granted automatically since 2022 unless they opt out: CSS L861-2).

import { describeHousehold, linkWithinHousehold } from './household-subject.ts';
import { healthInput, householdInput } from './inputs.ts';
import { type RuleFor, type RuleMeta, resultOf } from './rule.ts';
import { extractOf, presumption } from './wording.ts';

const meta = {
  id: 'C2S.RSA',
  version: '1.1.0',
  benefit: 'c2s',
  confidence: 'high',
} as const satisfies RuleMeta;

export const c2sRsaRule: RuleFor<'family_member'> = {
  ...meta,
  target: 'family_member',
  apply({ household, member }, params) {
    const health = member.health;
    if (!household.rsa || health === null || health.c2s !== 'none') return null;
    return resultOf(meta, params, {
      subject: { type: 'person', person_pseudo: member.person_pseudo },
      variant: 'free',
      amount: null,
      inputs: [
        householdInput(household, 'rsa', linkWithinHousehold(member)),
        healthInput(member.person_pseudo, health),
      ],
      computation: [],
      explanation:
        `${describeHousehold(household, household.household_adults, household.household_children)} ` +
        `et perçoit le RSA selon ${extractOf(household.source)}. D’après ${extractOf(health.source)}, il n’y a aucune ` +
        'complémentaire santé solidaire pour cette personne, alors que les bénéficiaires du RSA y ont droit ' +
        'sans participation (attribution automatique sauf refus exprès). ' +
        presumption,
    });
  },
};
