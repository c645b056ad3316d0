// The C2S variant the law gives an oracle household from OpenFisca's own 12-month resource base,
// under the official ceilings fr.v1 holds: free for an RSA beneficiary or under the free ceiling,
// with participation under the participation ceiling. Used to tell whether a v1 difference comes
// from the stated approximation of C2S resources by the quarter's RSA/PPA resources.

import { roundCents } from '../money.ts';
import { paramsAtDate } from '../parameters/lookup.ts';
import { c2sCeiling, c2sOverseas } from '../rules/formulas.ts';
import type { C2sOutcome } from './oracle-compare.ts';
import type { OracleHousehold } from './oracle-households.ts';

export function c2sFromBase(household: OracleHousehold, annualBase: number): C2sOutcome {
  if (household.openfisca.rsa > 0) return 'free';
  const params = paramsAtDate(household.as_of);
  const size = household.openfisca.cmu_nbp_foyer;
  const overseas = c2sOverseas(household.commune);
  const base = roundCents(annualBase);
  if (base <= roundCents(c2sCeiling(params, 'free', size, overseas))) return 'free';
  if (base <= roundCents(c2sCeiling(params, 'participation', size, overseas))) return 'participation';
  return 'none';
}

/** The variant of OpenFisca's base (as_of − 12 … − 1) under the official ceilings. */
export const c2sOfOpenfiscaBase = (household: OracleHousehold) =>
  c2sFromBase(household, household.openfisca.css_cmu_base_ressources);
