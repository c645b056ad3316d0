// Test factories: schema-valid linked profiles with plain defaults that each test overrides.

import {
  type FamilyHousehold,
  type FamilyMember,
  familyHouseholdSchema,
  type HealthRecord,
  type Retiree,
  retireeSchema,
  type Tenancy,
  type Tenant,
  tenancySchema,
} from '../profile.schema.ts';

/** A 43-character pseudonym that stays readable in failures. */
export function pseudo(label: string): string {
  return label.padEnd(43, '_');
}

export function health(overrides: Partial<HealthRecord> = {}): HealthRecord {
  return {
    source: { kind: 'cpam', partner: 'cpam-35', reference_month: '2025-05' },
    c2s: 'none',
    link: 'person_pseudo',
    ...overrides,
  };
}

export function member(overrides: Partial<FamilyMember> = {}): FamilyMember {
  return {
    person_pseudo: pseudo('alice'),
    role: 'allocataire',
    birth_ym: '1985-03',
    activity_income: 0,
    months: null,
    health: null,
    ...overrides,
  };
}

/** A single tenant without housing aid, no resources, no RSA or PPA, in Rennes. */
export function family(overrides: Partial<FamilyHousehold> = {}): FamilyHousehold {
  return familyHouseholdSchema.parse({
    type: 'family',
    source: { kind: 'caf', partner: 'caf-35', reference_month: '2025-05' },
    household_pseudo: pseudo('hh-1'),
    commune: '35238',
    household_adults: 1,
    household_children: 0,
    single_parent_increase: null,
    household_resources: 0,
    housing: 'locataire',
    housing_aid: false,
    housing_aid_amount: null,
    rsa: false,
    ppa: false,
    members: [member()],
    ...overrides,
  });
}

export function couple(
  overrides: Partial<FamilyHousehold> = {},
  earnings: readonly [number, number] = [0, 0],
) {
  return family({
    household_adults: 2,
    members: [
      member({ person_pseudo: pseudo('alice'), role: 'allocataire', activity_income: earnings[0] }),
      member({
        person_pseudo: pseudo('bob'),
        role: 'conjoint',
        birth_ym: '1984-07',
        activity_income: earnings[1],
      }),
    ],
    ...overrides,
  });
}

export function retiree(overrides: Partial<Retiree> = {}): Retiree {
  return retireeSchema.parse({
    type: 'retiree',
    source: { kind: 'carsat', partner: 'carsat-bretagne', reference_month: '2025-05' },
    person_pseudo: pseudo('ernest'),
    birth_ym: '1950-01',
    commune: '35238',
    pension: 700,
    aspa: false,
    couple: false,
    household_adults: null,
    household_resources: null,
    partner_birth_ym: null,
    health: null,
    ...overrides,
  });
}

export function tenant(overrides: Partial<Tenant> = {}): Tenant {
  return {
    identity_pseudo: pseudo('id-tenant'),
    person_pseudo: null,
    birth_ym: '1980-01',
    family_link: null,
    ...overrides,
  };
}

/** A single adult tenant unknown to the CAF, no APL, no resources; the run has a caf extract. */
export function tenancy(overrides: Partial<Tenancy> = {}): Tenancy {
  return tenancySchema.parse({
    type: 'tenancy',
    source: { kind: 'landlord', partner: 'bailleur-rennes', reference_month: '2025-05' },
    household_pseudo: pseudo('tenancy-1'),
    commune: '35238',
    household_adults: 1,
    household_children: 0,
    household_resources: 0,
    apl: false,
    rent: 400,
    caf_extract_in_run: true,
    tenants: [tenant()],
    ...overrides,
  });
}
