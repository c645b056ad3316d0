import { describe, expect, it } from 'vitest';
import { paramsAtDate } from '../parameters/lookup.ts';
import type { Retiree } from '../profile.schema.ts';
import { health, pseudo, retiree } from '../testing/profiles.factory.ts';
import { c2sAspaRule } from './c2s-aspa.rule.ts';

const apply = (profile: Retiree) => c2sAspaRule.apply(profile, paramsAtDate('2025-06'));

describe('C2S.ASPA', () => {
  it('presumes C2S with participation, medium confidence, for an ASPA beneficiary without C2S', () => {
    const result = apply(retiree({ aspa: true, health: health() }));
    expect(result).toMatchObject({
      rule: { id: 'C2S.ASPA', version: '1.1.0' },
      benefit: 'c2s',
      variant: 'participation',
      confidence: 'medium',
      subject: { type: 'person', person_pseudo: pseudo('ernest') },
    });
    expect(result?.evidence.inputs.map((input) => [input.column, input.value, input.kind])).toEqual([
      ['aspa', true, 'carsat'],
      ['c2s', 'none', 'cpam'],
    ]);
  });

  it('needs aspa = 1 and a health record with c2s = none', () => {
    expect(apply(retiree({ aspa: false, health: health() }))).toBeNull();
    expect(apply(retiree({ aspa: true, health: null }))).toBeNull();
    expect(apply(retiree({ aspa: true, health: health({ c2s: 'participation' }) }))).toBeNull();
  });

  it('reads an msa row, whose aspa column is optional', () => {
    const msa = {
      source: { kind: 'msa', partner: 'msa-armorique', reference_month: '2025-05' },
      couple: null,
      household_adults: 1,
      household_resources: 800,
      health: health({ source: { kind: 'msa', partner: 'msa-armorique', reference_month: '2025-05' } }),
    } as const;
    expect(apply(retiree({ ...msa, aspa: true }))?.confidence).toBe('medium');
    expect(apply(retiree({ ...msa, aspa: null }))).toBeNull();
  });
});
