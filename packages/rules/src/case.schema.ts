// What the rules produce: results with their evidence, merged into cases, and the parameter
// warnings of a run. These are stored as JSON (cases.evidence) and served by the API as they are.

import { z } from 'zod';
import { parameterUnits } from './parameters/parameter.ts';
import { extractKinds, linkMethods, monthSchema } from './profile.schema.ts';
import { notCoveredReasons } from './rules/coverage.ts';

export const benefits = ['c2s', 'rsa', 'ppa', 'aspa', 'housing_aid'] as const;
export type Benefit = (typeof benefits)[number];

export const confidences = ['high', 'medium', 'low'] as const;
export type Confidence = (typeof confidences)[number];

/** The C2S a case points to: free, or with a participation. */
export const c2sVariants = ['free', 'participation'] as const;
export type C2sVariant = (typeof c2sVariants)[number];

const isoDateSchema = z.iso.date();

export const ruleRefSchema = z.object({ id: z.string(), version: z.string() });
export type RuleRef = z.infer<typeof ruleRefSchema>;

export const parameterUseSchema = z.object({
  name: z.string(),
  label: z.string(),
  unit: z.enum(parameterUnits),
  value: z.number(),
  effective_from: isoDateSchema,
  /** The month whose first day the value was read for (the as_of month, or a PPA reference month). */
  month: monthSchema,
  reference: z.object({ title: z.string(), href: z.string().nullable() }),
});
export type ParameterUse = z.infer<typeof parameterUseSchema>;

/**
 * How an input reached the subject: `own_row` when it is on the subject's own row(s),
 * `household_pseudo` when it comes from another row of the same household in the same extract,
 * else the method that linked a record of another extract.
 */
export const inputLinks = ['own_row', 'household_pseudo', ...linkMethods] as const;
export type InputLink = (typeof inputLinks)[number];

export const inputUseSchema = z.object({
  column: z.string(),
  value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
  kind: z.enum(extractKinds),
  partner: z.string(),
  reference_month: monthSchema,
  /** The pseudonym of the row the value was read on (person, identity or household pseudonym). */
  pseudo: z.string(),
  link: z.enum(inputLinks),
});
export type InputUse = z.infer<typeof inputUseSchema>;

/** An intermediate amount of the computation, rounded to the cent where it is in euros. */
export const computationStepSchema = z.object({ name: z.string(), value: z.number() });
export type ComputationStep = z.infer<typeof computationStepSchema>;

export const evidenceSchema = z.object({
  rule: ruleRefSchema,
  as_of: monthSchema,
  parameters: z.array(parameterUseSchema),
  inputs: z.array(inputUseSchema),
  computation: z.array(computationStepSchema),
  /** Plain French, for the person who reviews the case, with the known limits of the presumption. */
  explanation: z.string(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const subjectSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('person'), person_pseudo: z.string() }),
  z.object({
    type: z.literal('household'),
    kind: z.enum(['caf', 'msa']),
    household_pseudo: z.string(),
    /** The allocataire's person pseudonym: one case per household across caf and msa extracts. */
    allocataire_pseudo: z.string().nullable(),
  }),
  z.object({ type: z.literal('tenancy'), household_pseudo: z.string() }),
]);
export type Subject = z.infer<typeof subjectSchema>;

export const ruleResultSchema = z.object({
  rule: ruleRefSchema,
  benefit: z.enum(benefits),
  /** For c2s only. */
  variant: z.enum(c2sVariants).nullable(),
  confidence: z.enum(confidences),
  subject: subjectSchema,
  /** Estimated monthly amount in euros, rounded to the cent, where the rule gives one. */
  amount: z.number().nullable(),
  evidence: evidenceSchema,
});
export type RuleResult = z.infer<typeof ruleResultSchema>;

export const supportingResultSchema = ruleResultSchema.omit({ subject: true, benefit: true });
export type SupportingResult = z.infer<typeof supportingResultSchema>;

/** One case per (subject, benefit): the most confident result, the others as supporting evidence. */
export const caseSchema = ruleResultSchema.extend({ supporting: z.array(supportingResultSchema) });
export type Case = z.infer<typeof caseSchema>;

export const parameterWarningSchema = z.object({
  code: z.enum(['parameter_stale', 'parameter_not_yet_known']),
  parameter: z.string(),
  last_effective_from: isoDateSchema,
  message: z.string(),
});
export type ParameterWarning = z.infer<typeof parameterWarningSchema>;

export const evaluationSchema = z.object({
  as_of: monthSchema,
  /** Profiles the pack makes no presumption for, by reason (Mayotte). */
  not_covered: z.partialRecord(z.enum(notCoveredReasons), z.number().int()),
  pack: z.object({ id: z.string(), rules: z.array(ruleRefSchema) }),
  cases: z.array(caseSchema),
  warnings: z.array(parameterWarningSchema),
});
export type Evaluation = z.infer<typeof evaluationSchema>;
