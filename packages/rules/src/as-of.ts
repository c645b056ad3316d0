// The run date: which `as_of` months the parameter tables can serve.

import { RulesError } from './errors.ts';
import { addMonths, isMonth, monthIndex } from './months.ts';
import { parameterDefinition, parameterNames } from './parameters/registry.ts';

/**
 * The first month whose PPA reference months (as_of − 4 to − 2) all fall under the tables of
 * RULES.md: 2023-04 is the first month of the 2023 revaluation.
 */
export const firstSupportedAsOf = '2023-08';

/**
 * The last month the tables can serve: two years after the newest of their last checks (an effective
 * date or a review). Past it, every table has gone twice the staleness period of a warning without a
 * check, and a run would be computed on values no one has looked at for that long.
 */
export const lastSupportedAsOf = addMonths(
  parameterNames
    .map((name) => {
      const definition = parameterDefinition(name);
      const last = definition.values.at(-1)?.from ?? '0000-01-01';
      const reviewed = definition.reviewedOn;
      return (reviewed !== undefined && reviewed > last ? reviewed : last).slice(0, 7);
    })
    .sort()
    .at(-1) ?? firstSupportedAsOf,
  24,
);

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
  if (monthIndex(asOf) > monthIndex(lastSupportedAsOf)) {
    throw new RulesError('as_of_out_of_range', `as_of must be ${lastSupportedAsOf} or earlier`, {
      as_of: asOf,
      last_supported: lastSupportedAsOf,
    });
  }
}
