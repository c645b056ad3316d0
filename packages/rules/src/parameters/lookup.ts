// Reading parameters at a date: the value in force on the first day of a month, with what evidence
// needs to show (value, effective date, legal reference). A rule reads through a recorder, so its
// evidence lists exactly the parameters it used.

import type { ParameterUse } from '../case.schema.ts';
import { RulesError } from '../errors.ts';
import { firstDayOf } from '../months.ts';
import type { DatedValue, ParameterDefinition } from './parameter.ts';
import { type ParameterName, parameterDefinition } from './registry.ts';

export function valueInForce(definition: ParameterDefinition, day: string): DatedValue | undefined {
  return definition.values.findLast((entry) => entry.from <= day);
}

// A run reads the same few parameters at the same few months for every profile: each is looked up
// once per process. The registry never changes while it runs; callers never modify what they get.
const inForce = new Map<ParameterName, Map<string, ParameterUse>>();

export function parameterAt(name: ParameterName, month: string): ParameterUse {
  let byMonth = inForce.get(name);
  if (byMonth === undefined) {
    byMonth = new Map();
    inForce.set(name, byMonth);
  }
  let use = byMonth.get(month);
  if (use === undefined) {
    use = lookUp(name, month);
    byMonth.set(month, use);
  }
  return use;
}

function lookUp(name: ParameterName, month: string): ParameterUse {
  const definition = parameterDefinition(name);
  const entry = valueInForce(definition, firstDayOf(month));
  if (entry === undefined) {
    throw new RulesError('parameter_not_in_force', `parameter ${name} has no value in force in ${month}`, {
      parameter: name,
      month,
    });
  }
  return {
    name,
    label: definition.label,
    unit: definition.unit,
    value: entry.value,
    effective_from: entry.from,
    month,
    reference: { title: entry.reference.title, href: entry.reference.href },
  };
}

/** The parameters as a rule sees them for one run date. */
export interface ParamsAtDate {
  readonly asOf: string;
  /** The value in force on the first day of `month` (the as_of month by default). */
  value(name: ParameterName, month?: string): number;
  /** Every parameter read so far, once per (name, month), in reading order. */
  used(): ParameterUse[];
}

export function paramsAtDate(asOf: string): ParamsAtDate {
  // A rule reads a handful of parameters: a list searched by identity beats a keyed map here.
  const uses: ParameterUse[] = [];
  return {
    asOf,
    value(name, month = asOf) {
      const use = parameterAt(name, month);
      if (!uses.includes(use)) uses.push(use);
      return use.value;
    },
    used: () => [...uses],
  };
}
