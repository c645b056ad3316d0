import { describe, expect, it } from 'vitest';
import { paramsAtDate } from '../parameters/lookup.ts';
import type { Tenancy } from '../profile.schema.ts';
import { pseudo, tenancy, tenant } from '../testing/profiles.factory.ts';
import { rsaUnknownToCafRule } from './rsa-unknown-to-caf.rule.ts';

const apply = (profile: Tenancy) => rsaUnknownToCafRule.apply(profile, paramsAtDate('2025-06'));

describe('RSA.UNKNOWN_TO_CAF', () => {
  it('presumes RSA, low confidence, for a tenancy unknown to the CAF', () => {
    const result = apply(tenancy());
    expect(result).toMatchObject({
      rule: { id: 'RSA.UNKNOWN_TO_CAF', version: '1.1.0' },
      benefit: 'rsa',
      confidence: 'low',
      subject: { type: 'tenancy', household_pseudo: pseudo('tenancy-1') },
      amount: 646.52,
    });
    expect(result?.evidence.inputs).toContainEqual(
      expect.objectContaining({ column: 'birth_ym', kind: 'landlord', pseudo: pseudo('id-tenant') }),
    );
  });

  it('applies the forfait logement when the landlord receives APL, without a cap', () => {
    // 646.52 × 1.5 − 0.16 × 646.52 × 1.5 = 814.62.
    expect(apply(tenancy({ household_adults: 2, apl: true }))?.amount).toBe(814.62);
  });

  it('does not fire when a tenant links to a caf or msa row, even fuzzily', () => {
    expect(apply(tenancy({ tenants: [tenant(), tenant({ family_link: 'identity_pseudo' })] }))).toBeNull();
    expect(apply(tenancy({ tenants: [tenant({ family_link: 'identity_clk' })] }))).toBeNull();
  });

  it('needs a caf extract in the run', () => {
    expect(apply(tenancy({ caf_extract_in_run: false }))).toBeNull();
  });

  it('needs a tenant aged 25 or more, or a child', () => {
    expect(apply(tenancy({ tenants: [tenant({ birth_ym: '2000-07' })] }))).toBeNull();
    expect(apply(tenancy({ tenants: [tenant({ birth_ym: '2000-06' })] }))?.amount).toBe(646.52);
    expect(
      apply(tenancy({ tenants: [tenant({ birth_ym: '2003-01' })], household_children: 1 }))?.amount,
    ).toBe(969.78);
  });

  describe('the 6 € minimum', () => {
    const withResources = (resources: number) => apply(tenancy({ household_resources: resources }));
    it('fires at exactly 6 €', () => expect(withResources(640.52)?.amount).toBe(6));
    it('does not fire at 5.99 €', () => expect(withResources(640.53)).toBeNull());
    it('fires at 6.01 €', () => expect(withResources(640.51)?.amount).toBe(6.01));
  });
});
