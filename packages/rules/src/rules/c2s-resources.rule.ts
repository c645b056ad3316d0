// C2S.RESOURCES: a person without C2S whose household's resources, as the CAF or MSA knows them,
// fall under a C2S ceiling: free under the free ceiling, else with participation.

import type { C2sVariant } from '../case.schema.ts';
import { euros, roundCents } from '../money.ts';
import { c2sCeiling, c2sHousingForfait, c2sOverseas } from './formulas.ts';
import { describeHousehold, linkWithinHousehold } from './household-subject.ts';
import { healthInput, householdInput, housingInputs } from './inputs.ts';
import { type RuleFor, type RuleMeta, resultOf } from './rule.ts';
import { declaredTo, extractOf, limits, presumption } from './wording.ts';

const meta = {
  id: 'C2S.RESOURCES',
  version: '1.1.0',
  benefit: 'c2s',
  confidence: 'medium',
} as const satisfies RuleMeta;

export const c2sResourcesRule: RuleFor<'family_member'> = {
  ...meta,
  target: 'family_member',
  apply({ household, member }, params) {
    const health = member.health;
    if (health === null || health.c2s !== 'none') return null;
    const size = household.household_adults + household.household_children;
    const overseas = c2sOverseas(household.commune);
    // A v2 extract states the 12 months as C2S counts them (housing forfait included); v1 approximates.
    const stated = household.c2s_resources;
    const forfait = stated === null ? c2sHousingForfait(params, household, size) : 0;
    const annual = roundCents(stated ?? 12 * (household.household_resources + forfait));
    const free = c2sCeiling(params, 'free', size, overseas);
    const participation = c2sCeiling(params, 'participation', size, overseas);
    if (annual > roundCents(participation)) return null;
    const variant: C2sVariant = annual <= roundCents(free) ? 'free' : 'participation';
    const ceiling = variant === 'free' ? free : participation;
    const link = linkWithinHousehold(member);
    return resultOf(meta, params, {
      subject: { type: 'person', person_pseudo: member.person_pseudo },
      variant,
      amount: null,
      inputs: [
        healthInput(member.person_pseudo, health),
        householdInput(household, 'household_adults', link),
        householdInput(household, 'household_children', link),
        ...(stated === null
          ? [householdInput(household, 'household_resources', link), ...housingInputs(household, link)]
          : [householdInput(household, 'c2s_resources', link)]),
        householdInput(household, 'commune', link),
      ],
      computation: [
        { name: 'household_size', value: size },
        ...(stated === null ? [{ name: 'c2s_housing_forfait', value: roundCents(forfait) }] : []),
        { name: 'annual_resources', value: annual },
        { name: 'ceiling_free', value: roundCents(free) },
        { name: 'ceiling_participation', value: roundCents(participation) },
      ],
      explanation:
        `${describeHousehold(household, household.household_adults, household.household_children)} ` +
        `(${size} personne${size > 1 ? 's' : ''}${overseas ? ', département d’outre-mer 971 à 974, plafonds × 1,113' : ''}) selon ` +
        `${extractOf(household.source)} : ` +
        (stated === null
          ? `ressources annuelles estimées à ${euros(annual)} (12 × (ressources ${declaredTo(household.source.kind)} ` +
            `${euros(household.household_resources)} + forfait logement ${euros(forfait)}))`
          : `ressources des 12 mois précédant l’extrait, comptées comme la C2S les compte (forfait logement ` +
            `compris), de ${euros(annual)} selon l’extrait`) +
        `, sous le plafond C2S ${variant === 'free' ? 'sans' : 'avec'} participation de ` +
        `${euros(ceiling)}. D’après ${extractOf(health.source)}, la personne n’a aucune complémentaire ` +
        `santé solidaire. ${presumption}` +
        (stated === null ? ` ${limits.c2sResources}` : ''),
    });
  },
};
