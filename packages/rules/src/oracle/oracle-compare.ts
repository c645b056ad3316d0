// Runs fr.v1 on the extracts an oracle household's partners would send and compares, per benefit,
// with what OpenFisca computes: RSA and PPA of the household, ASPA of each person, the C2S variant.

import type { Case } from '../case.schema.ts';
import { evaluate } from '../evaluate.ts';
import { frV1 } from '../fr-v1.pack.ts';
import { frV1NotCovered } from '../rules/coverage.ts';
import { profilesOf } from './extract-profiles.ts';
import {
  type Claims,
  householdPseudo,
  oracleExtracts,
  personPseudo,
  type Schema,
} from './oracle-extracts.ts';
import type { OracleHousehold } from './oracle-households.ts';

export const comparedBenefits = ['rsa', 'ppa', 'aspa', 'c2s'] as const;
export type ComparedBenefit = (typeof comparedBenefits)[number];

export type C2sOutcome = 'free' | 'participation' | 'none';

/** What the rules presume for a household: amounts (0 without a case) and the C2S variant. */
export interface Presumed {
  readonly rsa: number;
  readonly ppa: number;
  /** By person index. */
  readonly aspa: readonly number[];
  readonly c2s: C2sOutcome;
  /** The variant once ASPA beneficiaries are known as such (C2S.ASPA may then fire). */
  readonly c2sWithAspa: C2sOutcome;
  readonly cases: { readonly none: Case[]; readonly paid: Case[] };
}

function casesFor(household: OracleHousehold, claims: Claims, schema: Schema): Case[] {
  const extracts = oracleExtracts(household, claims, schema);
  const source = { reference_month: household.as_of };
  const profiles = profilesOf([
    { kind: 'caf', partner: 'caf', ...source, rows: extracts.caf },
    { kind: 'cpam', partner: 'cpam', ...source, rows: extracts.cpam },
    { kind: 'carsat', partner: 'carsat', ...source, rows: extracts.carsat },
  ]);
  return evaluate(profiles, household.as_of, frV1).cases;
}

const c2sRank: Record<C2sOutcome, number> = { none: 0, participation: 1, free: 2 };

export function presumed(household: OracleHousehold, schema: Schema): Presumed {
  const none = casesFor(household, 'none', schema);
  const paid = casesFor(household, 'rsa_as_openfisca_pays', schema);
  const withAspa = casesFor(household, 'rsa_and_aspa_as_openfisca_pays', schema);
  const householdAmount = (benefit: 'rsa' | 'ppa') =>
    none.find(
      (c) =>
        c.benefit === benefit &&
        c.subject.type === 'household' &&
        c.subject.household_pseudo === householdPseudo(household),
    )?.amount ?? 0;
  const personCase = (cases: Case[], benefit: 'aspa' | 'c2s', index: number) =>
    cases.find(
      (c) =>
        c.benefit === benefit &&
        c.subject.type === 'person' &&
        c.subject.person_pseudo === personPseudo(household, index),
    );
  const c2sOf = (cases: Case[]) =>
    household.persons
      .map((_, index): C2sOutcome => personCase(cases, 'c2s', index)?.variant ?? 'none')
      .reduce<C2sOutcome>((best, v) => (c2sRank[v] > c2sRank[best] ? v : best), 'none');
  const c2s = c2sOf(paid);
  return {
    rsa: householdAmount('rsa'),
    ppa: householdAmount('ppa'),
    aspa: household.persons.map((_, index) => personCase(none, 'aspa', index)?.amount ?? 0),
    c2s,
    c2sWithAspa: c2sOf(withAspa),
    cases: { none, paid },
  };
}

/** Outside fr.v1 (Mayotte): listed, not counted in the agreement rates. */
export function notCovered(household: OracleHousehold): boolean {
  return frV1NotCovered(household) !== null;
}
