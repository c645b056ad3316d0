// How each rule of fr.v1 sees a generated household: the caf/msa household (allocataire's row),
// the C2S view of it, and the landlord's tenancy. Shared by the entitlement draw, the threshold
// margins and the ground truth, so the three read the household the same way.

import type { BenefitUnit, C2sHousehold } from './entitlements.ts';
import type { Household, Person } from './household.ts';
import { fixed } from './legal-parameters.ts';
import { ageInYears } from './months.ts';

export const age = (asOf: number, p: Person): number => ageInYears(p.birthMonth, asOf);

/** The RSA/PPA unit of the caf or msa rows, with `resources` as household_resources. */
export function familyUnit(h: Household, resources = h.resources): BenefitUnit {
  return {
    adults: h.adults.length,
    children: h.children.length,
    singleParentIncrease: h.singleParentIncrease,
    resources,
    forfait: {
      applies: h.housingAid || h.housing === 'proprietaire' || h.housing === 'heberge',
      cap: h.housingAid && h.housingAidAmountStated ? h.housingAidAmount : null,
    },
  };
}

/** RSA.RESOURCES: the allocataire or conjoint is 25 or older, or a child, or the isolated-parent increase. */
export function rsaAgeCondition(asOf: number, h: Household): boolean {
  return (
    h.adults.some((a) => age(asOf, a) >= fixed.rsaAge) || h.children.length > 0 || h.singleParentIncrease
  );
}

/** PPA.ACTIVITY: an adult aged 18 or more with activity income. */
export function ppaActivityCondition(asOf: number, h: Household): boolean {
  return h.adults.some((a) => age(asOf, a) >= fixed.ppaAge && a.activityIncome > 0);
}

export const adultActivity = (h: Household): number[] => h.adults.map((a) => a.activityIncome);

export function c2sView(h: Household, resources = h.resources): C2sHousehold {
  return {
    adults: h.adults.length,
    children: h.children.length,
    resources,
    housing: h.housing,
    housingAid: h.housingAid,
    housingAidAmount: h.housingAidAmountStated ? h.housingAidAmount : null,
    commune: h.commune,
  };
}

/** The tenancy as the landlord rows state it: no isolated-parent increase, FL when apl = 1, uncapped. */
export function tenancyUnit(h: Household, declared = h.declaredResources): BenefitUnit {
  return {
    adults: h.adults.length,
    children: h.children.length,
    singleParentIncrease: false,
    resources: declared,
    forfait: { applies: h.housingAid, cap: null },
  };
}

/** RSA.UNKNOWN_TO_CAF: a tenant aged 25 or more, or a child. */
export function tenancyAgeCondition(asOf: number, h: Household): boolean {
  return h.adults.some((a) => age(asOf, a) >= fixed.rsaAge) || h.children.length > 0;
}
