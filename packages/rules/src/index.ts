// Public API of @nonrecours/rules: dated legal parameters, the linked-profile input types, the rules
// of pack fr.v1 and the evaluation that turns profiles into cases with their evidence.

export { assertSupportedAsOf, firstSupportedAsOf, lastSupportedAsOf } from './as-of.ts';
export * from './case.schema.ts';
export { RulesError, type RulesErrorCode } from './errors.ts';
export { evaluate, evaluateProfile, subjectKey } from './evaluate.ts';
export { frV1 } from './fr-v1.pack.ts';
export { type ColumnReader, householdMonthsOf, memberMonthsOf } from './monthly-columns.ts';
export { ageAt } from './months.ts';
export { type AplZone, communeZone } from './parameters/apl-zoning.ts';
export { type ParamsAtDate, parameterAt, paramsAtDate } from './parameters/lookup.ts';
export type {
  DatedValue,
  LegalReference,
  ParameterDefinition,
  ParameterUnit,
} from './parameters/parameter.ts';
export { type ParameterName, parameterNames, parameters } from './parameters/registry.ts';
export { parameterWarnings } from './parameters/staleness.ts';
export * from './profile.schema.ts';
export { type AplHousehold, type AplSteps, aplSteps } from './rules/apl-formula.ts';
export { aplLandlordRule, tenancyAidBasis } from './rules/apl-landlord.rule.ts';
export { aspaPensionRule } from './rules/aspa-pension.rule.ts';
export { c2sAspaRule } from './rules/c2s-aspa.rule.ts';
export { c2sResourcesRule } from './rules/c2s-resources.rule.ts';
export { c2sRsaRule } from './rules/c2s-rsa.rule.ts';
export { frV1NotCovered, isMayotte, type NotCoveredReason, notCoveredReasons } from './rules/coverage.ts';
export { ppaActivityRule, ppaReferenceMonths } from './rules/ppa-activity.rule.ts';
export { rsaResourcesRule } from './rules/rsa-resources.rule.ts';
export { rsaUnknownToCafRule } from './rules/rsa-unknown-to-caf.rule.ts';
export type { FamilyMemberView, Rule, RuleFor, RuleMeta, RulePack } from './rules/rule.ts';
