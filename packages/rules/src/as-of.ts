// The run date: which `as_of` months the parameter tables can serve.

import { RulesError } from './errors.ts';
import { isMonth, monthIndex } from './months.ts';

/**
 * The first month whose PPA reference months (as_of − 4 to − 2) all fall under the tables of
 * RULES.md: 2023-04 is the first month of the 2023 revaluation.
 */
export const firstSupportedAsOf = '2023-08';

export function assertSupportedAsOf(asOf: string): void {
  if (!isMonth(asOf)) {
    throw new RulesError('invalid_month', 'as_of must be a month written YYYY-MM', { as_of: asOf });
  }
  if (monthIndex(asOf) < monthIndex(firstSupportedAsOf)) {
    throw new RulesError('as_of_out_of_range', `as_of must be ${firstSupportedAsOf} or later`, {
      as_of: asOf,
      first_supported: firstSupportedAsOf,
    });
  }
}
