// Every legal parameter of the rule pack fr.v1, by name.

import { aplParameters } from './apl.parameters.ts';
import { aspaParameters } from './aspa.parameters.ts';
import { c2sParameters } from './c2s.parameters.ts';
import type { ParameterDefinition } from './parameter.ts';
import { ppaParameters } from './ppa.parameters.ts';
import { rsaParameters } from './rsa.parameters.ts';
import { smicParameters } from './smic.parameters.ts';

export const parameters = {
  ...smicParameters,
  ...rsaParameters,
  ...ppaParameters,
  ...c2sParameters,
  ...aspaParameters,
  ...aplParameters,
} satisfies Record<string, ParameterDefinition>;

export type ParameterName = keyof typeof parameters;

export const parameterNames = Object.keys(parameters) as ParameterName[];

export function parameterDefinition(name: ParameterName): ParameterDefinition {
  return parameters[name];
}
