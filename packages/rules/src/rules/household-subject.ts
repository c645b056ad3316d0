// Who a family-household result is about, and how a member's row reaches that household.

import { plural } from '@nonrecours/french';
import type { InputLink, Subject } from '../case.schema.ts';
import type { FamilyHousehold, FamilyMember } from '../profile.schema.ts';

export function householdSubject(household: FamilyHousehold): Subject {
  const allocataire = household.members.find((member) => member.role === 'allocataire');
  return {
    type: 'household',
    kind: household.source.kind,
    household_pseudo: household.household_pseudo,
    allocataire_pseudo: allocataire?.person_pseudo ?? null,
  };
}

/** Household columns are read on the allocataire's row: another member reaches them by household_pseudo. */
export function linkWithinHousehold(member: FamilyMember): InputLink {
  return member.role === 'allocataire' ? 'own_row' : 'household_pseudo';
}

/** The adults RSA and PPA count: the allocataire and the conjoint. */
export function householdAdults(household: FamilyHousehold): FamilyMember[] {
  return household.members.filter((member) => member.role === 'allocataire' || member.role === 'conjoint');
}

/** "Le foyer compte 2 adultes et 1 enfant". */
export function describeHousehold(_household: FamilyHousehold, adults: number, children: number): string {
  return `Le foyer compte ${describeComposition(adults, children)}`;
}

/** "2 adultes et 1 enfant", "1 adulte et aucun enfant". */
export function describeComposition(adults: number, children: number): string {
  return `${plural(adults, 'adulte')} et ${children === 0 ? 'aucun enfant' : plural(children, 'enfant')}`;
}
