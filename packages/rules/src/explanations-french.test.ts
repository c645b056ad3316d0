// Every rule's explanation is French for people: no column name or code, months in words, and the
// typography of @nonrecours/french (elision, « 1er », no ISO date).
import { findTypographyFaults } from '@nonrecours/french';
import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import { frV1 } from './fr-v1.pack.ts';
import { family, health, member, retiree, tenancy } from './testing/profiles.factory.ts';

const codes =
  /\b[a-z]+(_[a-z0-9]+)+\b|\b[A-Z0-9]{3,}\.[A-Z][A-Z_]+\b|\b(19|20)\d{2}-(0[1-9]|1[0-2])\b(?!-\d)/;

describe('the explanations of fr.v1', () => {
  it('read as French, with no code, for every rule', () => {
    const profiles = [
      family({ rsa: true, members: [member({ health: health() })] }),
      family({ household_resources: 100, members: [member({ health: health() })] }),
      family({ household_resources: 900, members: [member({ activity_income: 900 })] }),
      retiree({
        health: health({ source: { kind: 'cpam', partner: 'cpam-35', reference_month: '2025-05' } }),
      }),
      retiree({
        aspa: true,
        health: health({ source: { kind: 'cpam', partner: 'cpam-35', reference_month: '2025-05' } }),
      }),
      tenancy(),
      tenancy({
        landlord_schema: 'landlord.v2',
        commune: '75056',
        rent: 420,
        annual_resources: 9850,
        household_resources: 5000,
      }),
    ];
    const { cases } = evaluate(profiles, '2025-10', frV1);
    const explanations = cases.flatMap((c) =>
      [c, ...c.supporting].map((r) => [r.rule.id, r.evidence.explanation] as const),
    );
    const rules = new Set(explanations.map(([rule]) => rule));
    expect([...rules].sort()).toEqual(frV1.rules.map((r) => r.id).sort());
    for (const [rule, text] of explanations) {
      expect(findTypographyFaults(text), rule).toEqual([]);
      expect(codes.exec(text)?.[0], rule).toBeUndefined();
    }
  });
});
