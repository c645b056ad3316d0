// Run-level warnings on the parameter tables: a value that may have moved since it was recorded
// (more than 12 months past its last effective or review date), or a revaluation that is due but
// not yet known (the last value is kept).

import { dayInWords, monthInWords } from '@nonrecours/french';
import type { ParameterWarning } from '../case.schema.ts';
import { firstDayOf } from '../months.ts';
import { parameterDefinition, parameterNames } from './registry.ts';

function oneYearAfter(day: string): string {
  return `${String(Number(day.slice(0, 4)) + 1).padStart(4, '0')}${day.slice(4)}`;
}

export function parameterWarnings(asOf: string): ParameterWarning[] {
  const day = firstDayOf(asOf);
  const warnings: ParameterWarning[] = [];
  for (const name of parameterNames) {
    const definition = parameterDefinition(name);
    const last = definition.values.at(-1);
    if (last === undefined) continue;
    if (definition.pending !== undefined && day >= definition.pending.date) {
      warnings.push({
        code: 'parameter_not_yet_known',
        parameter: name,
        last_effective_from: last.from,
        message: `${definition.label} : ${definition.pending.note}`,
      });
      continue;
    }
    const checkedOn =
      definition.reviewedOn !== undefined && definition.reviewedOn > last.from
        ? definition.reviewedOn
        : last.from;
    if (day > oneYearAfter(checkedOn)) {
      warnings.push({
        code: 'parameter_stale',
        parameter: name,
        last_effective_from: last.from,
        message:
          `${definition.label} : dernière valeur en vigueur depuis le ${dayInWords(last.from)}, vérifiée le ` +
          `${dayInWords(checkedOn)} ; plus de 12 mois avant ${monthInWords(asOf)}, la loi a pu changer.`,
      });
    }
  }
  return warnings;
}
