// Evidence inputs: each value a rule read, with its column, the extract it came from and how its
// row was tied to the subject.

import type { InputLink, InputUse } from '../case.schema.ts';
import type {
  ExtractSource,
  FamilyHousehold,
  FamilyMember,
  HealthRecord,
  Retiree,
  Tenancy,
  Tenant,
} from '../profile.schema.ts';

type Scalar = string | number | boolean | null;

function input(
  source: ExtractSource,
  column: string,
  value: Scalar,
  pseudo: string,
  link: InputLink,
): InputUse {
  return {
    column,
    value,
    kind: source.kind,
    partner: source.partner,
    reference_month: source.reference_month,
    pseudo,
    link,
  };
}

type HouseholdColumn = Exclude<
  keyof FamilyHousehold,
  'type' | 'source' | 'household_pseudo' | 'members' | 'months'
>;

/** A v2 monthly column (`household_resources_m2`, `activity_income_m3`…) read on a row of the household. */
export function monthlyInput(
  household: FamilyHousehold,
  column: string,
  value: Scalar,
  pseudo: string,
  link: InputLink,
): InputUse {
  return input(household.source, column, value, pseudo, link);
}

export function householdInput(
  household: FamilyHousehold,
  column: HouseholdColumn,
  link: InputLink,
): InputUse {
  return input(household.source, column, household[column], household.household_pseudo, link);
}

export function memberInput(
  household: FamilyHousehold,
  member: FamilyMember,
  column: 'role' | 'birth_ym' | 'activity_income',
  link: InputLink,
): InputUse {
  return input(household.source, column, member[column], member.person_pseudo, link);
}

export function healthInput(personPseudo: string, health: HealthRecord): InputUse {
  return input(health.source, 'c2s', health.c2s, personPseudo, health.link);
}

/** The columns the forfait logement depends on: housing status, housing aid and its amount. */
export function housingInputs(household: FamilyHousehold, link: InputLink): InputUse[] {
  const inputs = [householdInput(household, 'housing', link), householdInput(household, 'housing_aid', link)];
  if (household.housing_aid) inputs.push(householdInput(household, 'housing_aid_amount', link));
  return inputs;
}

type RetireeColumn = Exclude<keyof Retiree, 'type' | 'source' | 'person_pseudo' | 'health'>;

export function retireeInput(retiree: Retiree, column: RetireeColumn, link: InputLink = 'own_row'): InputUse {
  return input(retiree.source, column, retiree[column], retiree.person_pseudo, link);
}

type TenancyColumn = Exclude<
  keyof Tenancy,
  'type' | 'source' | 'household_pseudo' | 'tenants' | 'caf_extract_in_run' | 'landlord_schema'
>;

export function tenancyInput(tenancy: Tenancy, column: TenancyColumn): InputUse {
  return input(tenancy.source, column, tenancy[column], tenancy.household_pseudo, 'own_row');
}

export function tenantInput(tenancy: Tenancy, tenant: Tenant): InputUse {
  return input(tenancy.source, 'birth_ym', tenant.birth_ym, tenant.identity_pseudo, 'own_row');
}
