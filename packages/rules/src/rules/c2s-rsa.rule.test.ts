import { describe, expect, it } from 'vitest';
import { paramsAtDate } from '../parameters/lookup.ts';
import type { FamilyHousehold, FamilyMember } from '../profile.schema.ts';
import { family, health, member, pseudo } from '../testing/profiles.factory.ts';
import { c2sRsaRule } from './c2s-rsa.rule.ts';

const apply = (household: FamilyHousehold, who: FamilyMember) =>
  c2sRsaRule.apply({ household, member: who }, paramsAtDate('2025-06'));

describe('C2S.RSA', () => {
  const child = member({
    person_pseudo: pseudo('chloe'),
    role: 'enfant',
    birth_ym: '2015-02',
    health: health(),
  });
  const rsaHousehold = family({ rsa: true, household_children: 1, members: [member(), child] });

  it('presumes free C2S, high confidence, for an RSA household member without C2S', () => {
    const result = apply(rsaHousehold, child);
    expect(result).toMatchObject({
      rule: { id: 'C2S.RSA', version: '1.1.0' },
      benefit: 'c2s',
      variant: 'free',
      confidence: 'high',
      subject: { type: 'person', person_pseudo: pseudo('chloe') },
      amount: null,
    });
    expect(result?.evidence.inputs).toEqual([
      {
        column: 'rsa',
        value: true,
        kind: 'caf',
        partner: 'caf-35',
        reference_month: '2025-05',
        pseudo: pseudo('hh-1'),
        link: 'household_pseudo',
      },
      {
        column: 'c2s',
        value: 'none',
        kind: 'cpam',
        partner: 'cpam-35',
        reference_month: '2025-05',
        pseudo: pseudo('chloe'),
        link: 'person_pseudo',
      },
    ]);
    expect(result?.evidence.explanation).toContain('RSA');
  });

  it('needs RSA, a health record and c2s = none', () => {
    expect(apply(family({ ...rsaHousehold, rsa: false }), child)).toBeNull();
    expect(apply(rsaHousehold, { ...child, health: null })).toBeNull();
    expect(apply(rsaHousehold, { ...child, health: health({ c2s: 'free' }) })).toBeNull();
    expect(apply(rsaHousehold, { ...child, health: health({ c2s: 'participation' }) })).toBeNull();
  });

  it('falls to low confidence on a fuzzy link, and says so', () => {
    const result = apply(rsaHousehold, { ...child, health: health({ link: 'identity_clk' }) });
    expect(result?.confidence).toBe('low');
    expect(result?.evidence.explanation).toContain('approché');
  });

  it('keeps its confidence on an exact identity link', () => {
    expect(apply(rsaHousehold, { ...child, health: health({ link: 'identity_pseudo' }) })?.confidence).toBe(
      'high',
    );
  });
});
