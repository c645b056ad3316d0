// Applies a rule pack to linked profiles at a run date, then keeps one case per (subject, benefit):
// the most confident result (on a tie, the earlier rule of the pack), the others as its
// supporting evidence.

import { assertSupportedAsOf } from './as-of.ts';
import type { Case, Confidence, Evaluation, RuleResult, Subject } from './case.schema.ts';
import { paramsAtDate } from './parameters/lookup.ts';
import { parameterWarnings } from './parameters/staleness.ts';
import type { Profile } from './profile.schema.ts';
import type { NotCoveredReason } from './rules/coverage.ts';
import type { Rule, RulePack } from './rules/rule.ts';

function applyRule(rule: Rule, profile: Profile, asOf: string, pack: RulePack): RuleResult[] {
  if (pack.notCovered(profile) !== null) return [];
  const found: (RuleResult | null)[] = [];
  // Each application reads through a fresh recorder, so evidence lists only its own parameters.
  if (rule.target === 'family' && profile.type === 'family') {
    found.push(rule.apply(profile, paramsAtDate(asOf)));
  } else if (rule.target === 'family_member' && profile.type === 'family') {
    for (const member of profile.members)
      found.push(rule.apply({ household: profile, member }, paramsAtDate(asOf)));
  } else if (rule.target === 'retiree' && profile.type === 'retiree') {
    found.push(rule.apply(profile, paramsAtDate(asOf)));
  } else if (rule.target === 'tenancy' && profile.type === 'tenancy') {
    found.push(rule.apply(profile, paramsAtDate(asOf)));
  }
  return found.filter((result) => result !== null);
}

/** Household cases are keyed by the allocataire, so caf and msa views of one household make one case. */
export function subjectKey(subject: Subject): string {
  switch (subject.type) {
    case 'person':
      return `person:${subject.person_pseudo}`;
    case 'household':
      return subject.allocataire_pseudo === null
        ? `household:${subject.kind}:${subject.household_pseudo}`
        : `household:${subject.allocataire_pseudo}`;
    case 'tenancy':
      return `tenancy:${subject.household_pseudo}`;
  }
}

const confidenceRank: Record<Confidence, number> = { high: 0, medium: 1, low: 2 };

function mergeCases(results: readonly RuleResult[], pack: RulePack): Case[] {
  const order = new Map(pack.rules.map((rule, index) => [rule.id, index]));
  const groups = new Map<string, RuleResult[]>();
  for (const result of results) {
    const key = `${subjectKey(result.subject)}|${result.benefit}`;
    groups.set(key, [...(groups.get(key) ?? []), result]);
  }
  return [...groups.values()].map((group) => {
    const [best, ...others] = [...group].sort(
      (a, b) =>
        confidenceRank[a.confidence] - confidenceRank[b.confidence] ||
        (order.get(a.rule.id) ?? 0) - (order.get(b.rule.id) ?? 0),
    ) as [RuleResult, ...RuleResult[]];
    // A C2S case is free when any of its rules puts the person under the free ceiling (RULES.md).
    const variant = group.some((result) => result.variant === 'free') ? 'free' : best.variant;
    return {
      ...best,
      variant,
      supporting: others.map(({ subject: _subject, benefit: _benefit, ...rest }) => rest),
    };
  });
}

/** The cases of one profile: what a matcher partition calls, profile by profile. */
export function evaluateProfile(profile: Profile, asOf: string, pack: RulePack): Case[] {
  return mergeCases(
    pack.rules.flatMap((rule) => applyRule(rule, profile, asOf, pack)),
    pack,
  );
}

export function evaluate(profiles: readonly Profile[], asOf: string, pack: RulePack): Evaluation {
  assertSupportedAsOf(asOf);
  const results = profiles.flatMap((profile) =>
    pack.rules.flatMap((rule) => applyRule(rule, profile, asOf, pack)),
  );
  const notCovered: Partial<Record<NotCoveredReason, number>> = {};
  for (const profile of profiles) {
    const reason = pack.notCovered(profile);
    if (reason !== null) notCovered[reason] = (notCovered[reason] ?? 0) + 1;
  }
  return {
    as_of: asOf,
    not_covered: notCovered,
    pack: { id: pack.id, rules: pack.rules.map((rule) => ({ id: rule.id, version: rule.version })) },
    cases: mergeCases(results, pack),
    warnings: parameterWarnings(asOf),
  };
}
