import { describe, expect, it } from 'vitest';
import { evaluationSchema } from './case.schema.ts';
import { RulesError } from './errors.ts';
import { evaluate } from './evaluate.ts';
import { frV1 } from './fr-v1.pack.ts';
import type { Profile } from './profile.schema.ts';
import { family, health, member, pseudo, retiree, tenancy } from './testing/profiles.factory.ts';

describe('evaluate', () => {
  it('lists the pack and its eight rules with their versions', () => {
    const evaluation = evaluate([], '2025-06', frV1);
    expect(evaluation.pack).toEqual({
      id: 'fr.v1',
      rules: [
        { id: 'C2S.RSA', version: '1.1.0' },
        { id: 'C2S.RESOURCES', version: '1.1.0' },
        { id: 'C2S.ASPA', version: '1.1.0' },
        { id: 'RSA.RESOURCES', version: '1.1.0' },
        { id: 'PPA.ACTIVITY', version: '1.1.0' },
        { id: 'ASPA.PENSION', version: '1.1.0' },
        { id: 'RSA.UNKNOWN_TO_CAF', version: '1.1.0' },
        { id: 'APL.LANDLORD', version: '1.0.0' },
      ],
    });
    expect(evaluation.cases).toEqual([]);
  });

  it('keeps one case per person and benefit, the most confident rule, the others as support', () => {
    // An RSA household with no resources: C2S.RSA (high) and C2S.RESOURCES (medium) both fire.
    const household = family({ rsa: true, members: [member({ health: health() })] });
    const { cases } = evaluate([household], '2025-06', frV1);
    const c2s = cases.filter((item) => item.benefit === 'c2s');
    expect(c2s).toHaveLength(1);
    expect(c2s[0]).toMatchObject({
      rule: { id: 'C2S.RSA' },
      confidence: 'high',
      variant: 'free',
      subject: { type: 'person', person_pseudo: pseudo('alice') },
    });
    expect(c2s[0]?.supporting.map((result) => [result.rule.id, result.confidence, result.variant])).toEqual([
      ['C2S.RESOURCES', 'medium', 'free'],
    ]);
    // RSA is already paid: no RSA case.
    expect(cases.some((item) => item.benefit === 'rsa')).toBe(false);
  });

  it('makes a C2S case free when C2S.RESOURCES finds the free ceiling beside C2S.ASPA, both kept', () => {
    // The same person: an ASPA beneficiary (carsat) in a caf household with no resources.
    const person = pseudo('alice');
    const household = family({ members: [member({ person_pseudo: person, health: health() })] });
    const aspa = retiree({ person_pseudo: person, aspa: true, health: health() });
    for (const profiles of [
      [household, aspa],
      [aspa, household],
    ]) {
      const [c2s, ...others] = evaluate(profiles, '2025-06', frV1).cases.filter(
        (item) => item.benefit === 'c2s',
      );
      expect(others).toEqual([]);
      expect(c2s).toMatchObject({ rule: { id: 'C2S.RESOURCES' }, variant: 'free', confidence: 'medium' });
      expect(c2s?.supporting.map((result) => [result.rule.id, result.variant, result.amount])).toEqual([
        ['C2S.ASPA', 'participation', null],
      ]);
    }
  });

  it('makes no presumption in Mayotte (976) and counts those profiles as not covered', () => {
    const profiles: Profile[] = [
      family({ commune: '97611', members: [member({ health: health() })] }),
      retiree({ commune: '97611', pension: 100 }),
      tenancy({ commune: '97611' }),
      retiree({ person_pseudo: pseudo('odette'), commune: '97411', pension: 100 }),
    ];
    const evaluation = evaluate(profiles, '2025-06', frV1);
    expect(evaluation.cases.map((item) => [item.rule.id, item.subject])).toEqual([
      ['ASPA.PENSION', { type: 'person', person_pseudo: pseudo('odette') }],
    ]);
    expect(evaluation.not_covered).toEqual({ mayotte: 3 });
    expect(evaluate(profiles.slice(3), '2025-06', frV1).not_covered).toEqual({});
  });

  it('makes one household case when caf and msa both hold the allocataire’s household', () => {
    const caf = family({ household_pseudo: pseudo('hh-caf') });
    const msa = family({
      source: { kind: 'msa', partner: 'msa-armorique', reference_month: '2025-05' },
      household_pseudo: pseudo('hh-msa'),
      household_resources: 100,
    });
    const rsa = evaluate([caf, msa], '2025-06', frV1).cases.filter((item) => item.benefit === 'rsa');
    expect(rsa).toHaveLength(1);
    expect(rsa[0]?.subject).toMatchObject({
      household_pseudo: pseudo('hh-caf'),
      allocataire_pseudo: pseudo('alice'),
    });
    expect(rsa[0]?.supporting).toHaveLength(1);
    expect(rsa[0]?.supporting[0]?.amount).toBe(546.52);
  });

  it('prefers an exact link to a fuzzy one for the same person', () => {
    const fuzzy = family({
      household_pseudo: pseudo('hh-2'),
      rsa: true,
      members: [member({ health: health({ link: 'identity_clk' }) })],
    });
    const exact = family({ household_pseudo: pseudo('hh-3'), members: [member({ health: health() })] });
    const [c2s] = evaluate([fuzzy, exact], '2025-06', frV1).cases.filter((item) => item.benefit === 'c2s');
    // C2S.RSA fell to low on the fuzzy link; C2S.RESOURCES on the exact one stays medium.
    expect(c2s?.rule.id).toBe('C2S.RESOURCES');
    expect(c2s?.confidence).toBe('medium');
    expect(c2s?.supporting.map((result) => [result.rule.id, result.confidence])).toEqual([
      ['C2S.RSA', 'low'],
      ['C2S.RESOURCES', 'low'],
    ]);
  });

  it('applies every kind of profile and gives valid, self-contained evidence', () => {
    const profiles: Profile[] = [
      family({ members: [member({ activity_income: 1426 })], household_resources: 1426 }),
      retiree({ aspa: true, health: health() }),
      retiree({ person_pseudo: pseudo('odette'), pension: 700 }),
      tenancy(),
    ];
    const evaluation = evaluate(profiles, '2025-06', frV1);
    expect(evaluationSchema.parse(evaluation)).toEqual(evaluation);
    expect(evaluation.cases.map((item) => [item.rule.id, item.amount])).toEqual([
      ['PPA.ACTIVITY', 246.77],
      ['C2S.ASPA', null],
      ['ASPA.PENSION', 334.29],
      ['RSA.UNKNOWN_TO_CAF', 646.52],
    ]);
    for (const item of evaluation.cases) {
      expect(item.evidence.rule).toEqual(item.rule);
      expect(item.evidence.as_of).toBe('2025-06');
      expect(item.evidence.inputs.length).toBeGreaterThan(0);
      expect(item.evidence.explanation).toContain('Présomption');
    }
  });

  it('never carries a link similarity into evidence', () => {
    // Even if a matcher left the Dice coefficient on the record, only the link method is read.
    const leaky = family({ rsa: true });
    const withSimilarity = {
      ...leaky,
      members: [{ ...member(), health: { ...health({ link: 'identity_clk' }), similarity: 0.8731 } }],
    };
    const json = JSON.stringify(evaluate([withSimilarity], '2025-06', frV1));
    expect(json).toContain('identity_clk');
    expect(json).not.toContain('similarity');
    expect(json).not.toContain('0.8731');
  });

  it('reports parameter warnings with the cases', () => {
    expect(evaluate([], '2025-06', frV1).warnings).toEqual([]);
    expect(evaluate([], '2026-04', frV1).warnings.map((warning) => warning.code)).toContain(
      'parameter_not_yet_known',
    );
  });

  it('refuses an as_of before 2023-08', () => {
    expect(() => evaluate([], '2023-07', frV1)).toThrow(RulesError);
    expect(() => evaluate([], '2023-07', frV1)).toThrow(
      expect.objectContaining({ code: 'as_of_out_of_range' }),
    );
  });
});
