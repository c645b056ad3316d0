// The generator's clear model of a household: its true situation, from which every partner's
// rows and the ground truth are read. Amounts are monthly euros, already rounded as the partners
// write them, so that the ground truth computes on exactly the values of the files.

import type { housings } from '@nonrecours/pseudo';

export type Housing = (typeof housings)[number];
export type Role = 'allocataire' | 'conjoint' | 'enfant';
export type C2sStatus = 'none' | 'free' | 'participation';

/** Names as a partner's clear file writes them, and the landlord's copy with its noise. */
export type Identity = {
  /** 15 characters, key included. */
  nir: string;
  nir13: string;
  /** Birth family name. */
  familyName: string;
  givenNames: string;
};

export type LandlordIdentity = {
  familyName: string;
  givenNames: string;
  /** The noise that makes identity_pseudo differ from the person's, or null. */
  noise: string | null;
};

/** The landlord.v2 columns of a tenancy, as its rows state them (null: the column is left empty). */
export type LandlordV2 = {
  conventionne: boolean | null;
  /** The RFR of year N-2 the landlord holds (€ a year). */
  annualResources: number | null;
  /** The APL paid for the tenancy, when paid and stated. */
  aplAmount: number | null;
  /** Dependants under 21, stated only when they differ from household_children. */
  dependants: number | null;
};

export type Person = {
  sex: 1 | 2;
  birthDate: string;
  /** Month index of the birth date (months.ts). */
  birthMonth: number;
  role: Role;
  /** This person's earnings (activity_income). */
  activityIncome: number;
  /** Replacement income counted in household resources: unemployment benefit, AAH. */
  otherIncome: number;
  aah: boolean;
  /** All known pensions; 0 when none. */
  pension: number;
  aspa: boolean;
  /** In the health extract of the scheme (a cpam row; msa rows always carry c2s). */
  inHealth: boolean;
  identity: Identity;
  /** Set for social tenants (adults) only. */
  landlord: LandlordIdentity | null;
  /** person_pseudo, filled in by the writer (hand-built tests use any text). */
  pseudo: string;
};

export type Household = {
  index: number;
  commune: string;
  scheme: 'general' | 'agricultural';
  /** One or two; the first is the allocataire. */
  adults: Person[];
  children: Person[];
  singleParentIncrease: boolean;
  housing: Housing;
  socialTenant: boolean;
  housingAid: boolean;
  housingAidAmount: number;
  /** Whether the CAF/MSA row states housing_aid_amount. */
  housingAidAmountStated: boolean;
  rent: number;
  arrearsMonths: number;
  /** household_resources of the caf/msa rows (ASPA included when paid). */
  resources: number;
  /** household_resources of the landlord rows (declared, whole euros). */
  declaredResources: number;
  /** household_resources of the carsat rows, when CARSAT knows it. */
  carsatResources: number | null;
  /** Whether the carsat rows of a couple state partner_birth_ym. */
  carsatStatesPartner: boolean;
  aspaAmount: number;
  rsa: boolean;
  ppa: boolean;
  c2s: C2sStatus;
  c2sUntil: number | null;
  /** General-scheme household known to the CAF (agricultural ones are all in the MSA extract). */
  inCaf: boolean;
  /** Local ids: CAF or MSA dossier, and the tenancy. */
  familyId: string;
  tenancyId: string;
  /** household_pseudo of the tenancy, filled in by the writer. */
  tenancyPseudo: string;
  /** What a landlord.v2 extract adds for a social tenant (landlord-v2.ts); null when it writes v1. */
  landlordV2: LandlordV2 | null;
  /** What the household is truly entitled to (by the fr.v1 formulas on its true situation). */
  entitled: { rsa: boolean; ppa: boolean; aspa: boolean; c2s: C2sStatus };
};

export const members = (h: Household): Person[] => [...h.adults, ...h.children];

export const inCaf = (h: Household): boolean => h.scheme === 'general' && h.inCaf;
export const inMsa = (h: Household): boolean => h.scheme === 'agricultural';
export const inCpam = (h: Household, p: Person): boolean => h.scheme === 'general' && p.inHealth;
export const inCarsat = (h: Household, p: Person): boolean => h.scheme === 'general' && p.pension > 0;
