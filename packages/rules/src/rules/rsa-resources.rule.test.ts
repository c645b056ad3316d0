import { describe, expect, it } from 'vitest';
import { paramsAtDate } from '../parameters/lookup.ts';
import type { FamilyHousehold } from '../profile.schema.ts';
import { couple, family, member, pseudo } from '../testing/profiles.factory.ts';
import { rsaResourcesRule } from './rsa-resources.rule.ts';

const rsaOf = (household: FamilyHousehold, asOf: string) =>
  rsaResourcesRule.apply(household, paramsAtDate(asOf));

describe('RSA.RESOURCES', () => {
  it('holds the worked example: couple, housing aid 200 €, resources 167 €, 2024-09 → 633.99 €', () => {
    // 635.71 × 1.5 = 953.565; FL = min(200, 0.16 × 953.565) = 152.5704; 953.565 − 152.5704 − 167 = 633.9946.
    const household = couple({
      housing_aid: true,
      housing_aid_amount: 200,
      household_resources: 167,
    });
    const result = rsaOf(household, '2024-09');
    expect(result).toMatchObject({
      rule: { id: 'RSA.RESOURCES', version: '1.1.0' },
      benefit: 'rsa',
      confidence: 'medium',
      amount: 633.99,
      subject: {
        type: 'household',
        kind: 'caf',
        household_pseudo: pseudo('hh-1'),
        allocataire_pseudo: pseudo('alice'),
      },
    });
    const evidence = result?.evidence;
    expect(evidence?.as_of).toBe('2024-09');
    expect(evidence?.parameters.find((use) => use.name === 'rsa.base')).toMatchObject({
      value: 635.71,
      effective_from: '2024-04-01',
      month: '2024-09',
    });
    expect(evidence?.parameters.map((use) => use.name)).toContain('rsa.housing_forfait.two_persons');
    expect(evidence?.inputs.find((input) => input.column === 'household_resources')).toEqual({
      column: 'household_resources',
      value: 167,
      kind: 'caf',
      partner: 'caf-35',
      reference_month: '2025-05',
      pseudo: pseudo('hh-1'),
      link: 'own_row',
    });
    expect(evidence?.inputs.find((input) => input.column === 'housing_aid_amount')?.value).toBe(200);
    expect(evidence?.computation).toContainEqual({ name: 'housing_forfait', value: 152.57 });
    expect(evidence?.explanation).toContain('633,99');
    expect(evidence?.explanation).toContain('neutralise');
    expect(evidence?.explanation).toContain('patrimoine');
  });

  describe('the 6 € minimum', () => {
    // Single person of 40 in 2025-06, tenant without aid: maximum 646.52 €.
    const single = (resources: number) => rsaOf(family({ household_resources: resources }), '2025-06');
    it('fires at exactly 6 €', () => expect(single(640.52)?.amount).toBe(6));
    it('does not fire at 5.99 €', () => expect(single(640.53)).toBeNull());
    it('fires at 6.01 €', () => expect(single(640.51)?.amount).toBe(6.01));
  });

  it('needs no RSA already paid', () => {
    expect(rsaOf(family({ rsa: true }), '2025-06')).toBeNull();
  });

  describe('age and children', () => {
    const aged = (birth: string, overrides: Partial<FamilyHousehold> = {}) =>
      family({ members: [member({ birth_ym: birth })], ...overrides });

    it('fires for an allocataire aged 25 at as_of, not 24', () => {
      expect(rsaOf(aged('2000-06'), '2025-06')?.amount).toBe(646.52);
      expect(rsaOf(aged('2000-07'), '2025-06')).toBeNull();
    });

    it('counts the conjoint’s age too', () => {
      const young = couple({
        members: [
          member({ person_pseudo: pseudo('a'), role: 'allocataire', birth_ym: '2003-01' }),
          member({ person_pseudo: pseudo('b'), role: 'conjoint', birth_ym: '1999-01' }),
        ],
      });
      const result = rsaOf(young, '2025-06');
      expect(result?.amount).toBe(969.78);
      expect(result?.evidence.inputs).toContainEqual(
        expect.objectContaining({
          column: 'birth_ym',
          value: '1999-01',
          pseudo: pseudo('b'),
          link: 'household_pseudo',
        }),
      );
    });

    it('fires under 25 with a child: 646.52 × 1.5', () => {
      expect(rsaOf(aged('2004-01', { household_children: 1 }), '2025-06')?.amount).toBe(969.78);
    });

    it('applies the isolated-parent increase: 646.52 × (1.28412 + 0.42804) = 1 106.95', () => {
      const result = rsaOf(
        aged('2005-01', { household_children: 1, single_parent_increase: true }),
        '2025-06',
      );
      expect(result?.amount).toBe(1106.95);
      expect(result?.evidence.computation).toContainEqual({ name: 'isolated_parent_rate', value: 1.71216 });
    });

    it('fires under 25 with the increase for a pregnancy (no child yet): 646.52 × 1.28412', () => {
      // 646.52 × 1.28412 = 830.2093.
      expect(rsaOf(aged('2005-01', { single_parent_increase: true }), '2025-06')?.amount).toBe(830.21);
    });
  });

  describe('composition', () => {
    it('counts 2 children of a couple at 2.1 and caps adults at 2', () => {
      // 646.52 × 2.1 = 1 357.69.
      expect(rsaOf(couple({ household_children: 2 }), '2025-06')?.amount).toBe(1357.69);
      expect(rsaOf(couple({ household_adults: 3, household_children: 2 }), '2025-06')?.amount).toBe(1357.69);
    });

    it('adds 40 % from the third child', () => {
      // 646.52 × 2.5 = 1 616.30.
      expect(rsaOf(couple({ household_children: 3 }), '2025-06')?.amount).toBe(1616.3);
    });
  });

  describe('forfait logement', () => {
    const single = (overrides: Partial<FamilyHousehold>) => rsaOf(family(overrides), '2025-06')?.amount;

    it('applies 12 % for a single owner or a person housed free: 646.52 − 77.58', () => {
      expect(single({ housing: 'proprietaire' })).toBe(568.94);
      expect(single({ housing: 'heberge' })).toBe(568.94);
    });

    it('applies with housing aid, capped at the aid paid', () => {
      expect(single({ housing_aid: true })).toBe(568.94);
      expect(single({ housing_aid: true, housing_aid_amount: 50 })).toBe(596.52);
      expect(single({ housing_aid: true, housing_aid_amount: 100 })).toBe(568.94);
    });

    it('applies to an owner repaying a loan who receives housing aid, capped at the aid', () => {
      // min(12 % × 646.52, aid): 77.58 uncapped, 40 with an aid of 40 €.
      expect(single({ housing: 'accedant', housing_aid: true })).toBe(568.94);
      expect(single({ housing: 'accedant', housing_aid: true, housing_aid_amount: 40 })).toBe(606.52);
      expect(single({ housing: 'accedant', housing_aid: true, housing_aid_amount: 77.58 })).toBe(568.94);
      expect(single({ housing: 'accedant', housing_aid: true, housing_aid_amount: 77.59 })).toBe(568.94);
      expect(single({ housing: 'accedant', housing_aid: true, housing_aid_amount: 77.57 })).toBe(568.95);
      const explanation =
        rsaOf(family({ housing: 'accedant', housing_aid: true, housing_aid_amount: 40 }), '2025-06')?.evidence
          .explanation ?? '';
      expect(explanation).toContain('accédant à la propriété compris');
      expect(explanation).toContain('plafonné à l’aide de 40,00\u00a0€');
    });

    it('never applies to an owner repaying a loan without aid, nor to a tenant without aid', () => {
      expect(single({ housing: 'accedant' })).toBe(646.52);
      expect(single({ housing: 'locataire' })).toBe(646.52);
      expect(rsaOf(family({ housing: 'accedant' }), '2025-06')?.evidence.explanation).toContain(
        'pas de forfait logement (accédant remboursant un emprunt, sans aide au logement)',
      );
    });

    it('takes 16.5 % of the 3-person amount from 3 persons: 1 357.69 − 192.02', () => {
      // 646.52 × 2.1 − 0.165 × 646.52 × 1.8 = 1 357.692 − 192.01644 = 1 165.68.
      expect(rsaOf(couple({ household_children: 2, housing: 'proprietaire' }), '2025-06')?.amount).toBe(
        1165.68,
      );
    });
  });

  it('uses the base in force on either side of 2025-04-01', () => {
    expect(rsaOf(family(), '2025-03')?.amount).toBe(635.71);
    expect(rsaOf(family(), '2025-04')?.amount).toBe(646.52);
  });
});
