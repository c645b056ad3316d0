// What a rule is: a versioned, pure function of one linked profile and the parameters at the run
// date, returning a presumption with its evidence, or null. A pack names the rules it applies.

import type {
  Benefit,
  C2sVariant,
  ComputationStep,
  Confidence,
  InputUse,
  RuleResult,
  Subject,
} from '../case.schema.ts';
import type { ParamsAtDate } from '../parameters/lookup.ts';
import type { FamilyHousehold, FamilyMember, Profile, Retiree, Tenancy } from '../profile.schema.ts';
import type { NotCoveredReason } from './coverage.ts';

export interface RuleMeta {
  readonly id: string;
  readonly version: string;
  readonly benefit: Benefit;
  /** Before any lowering for a fuzzy link. */
  readonly confidence: Confidence;
}

/** A person rule over a family household sees one member at a time, with its household. */
export interface FamilyMemberView {
  readonly household: FamilyHousehold;
  readonly member: FamilyMember;
}

type RuleOn<Target extends string, P> = RuleMeta & {
  readonly target: Target;
  readonly apply: (profile: P, params: ParamsAtDate) => RuleResult | null;
};

export type Rule =
  | RuleOn<'family', FamilyHousehold>
  | RuleOn<'family_member', FamilyMemberView>
  | RuleOn<'retiree', Retiree>
  | RuleOn<'tenancy', Tenancy>;

/** The rules of one target, e.g. `RuleFor<'retiree'>`. */
export type RuleFor<Target extends Rule['target']> = Extract<Rule, { readonly target: Target }>;

export interface RulePack {
  readonly id: string;
  readonly rules: readonly Rule[];
  /** Why the pack makes no presumption at all for a profile (outside its territory), or null. */
  readonly notCovered: (profile: Profile) => NotCoveredReason | null;
}

export interface Finding {
  readonly subject: Subject;
  readonly variant?: C2sVariant;
  readonly amount: number | null;
  readonly inputs: InputUse[];
  readonly computation: ComputationStep[];
  readonly explanation: string;
}

const fuzzyNote =
  'Confiance abaissée à « faible » : un des rapprochements entre fichiers est approché (identité ' +
  'floue) et doit être confirmé.';

/** Wraps a rule's finding into a result: confidence (lowered on a fuzzy link) and full evidence. */
export function resultOf(rule: RuleMeta, params: ParamsAtDate, finding: Finding): RuleResult {
  const fuzzy = finding.inputs.some((input) => input.link === 'identity_clk');
  const ref = { id: rule.id, version: rule.version };
  return {
    rule: ref,
    benefit: rule.benefit,
    variant: finding.variant ?? null,
    confidence: fuzzy ? 'low' : rule.confidence,
    subject: finding.subject,
    amount: finding.amount,
    evidence: {
      rule: ref,
      as_of: params.asOf,
      parameters: params.used(),
      inputs: finding.inputs,
      computation: finding.computation,
      explanation: fuzzy ? `${finding.explanation} ${fuzzyNote}` : finding.explanation,
    },
  };
}
