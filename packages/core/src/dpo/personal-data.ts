// What the extract columns of the partner contract are, in the words of a record of processing
// (GDPR art. 30(1)(c)): the category of personal data of each column, the persons each kind of
// extract is about, and the columns that fall under art. 9. A column added to the contract without a
// meaning here is caught by a test, so the record never silently misses one.
import type { ExtractKind } from '@nonrecours/pseudo';

export const dataCategories = [
  'pseudonymised identifier',
  'identification',
  'location',
  'family situation',
  'economic and financial situation',
  'housing',
  'social benefits',
  'health cover',
] as const;
export type DataCategory = (typeof dataCategories)[number];

export interface ColumnMeaning {
  category: DataCategory;
  description: string;
  /** Why the column falls, or may fall, under art. 9; absent for ordinary data. */
  article9?: string;
}

const AAH_NOTE = 'AAH is granted for a disability: receiving it reveals health data (art. 9(1)).';
const C2S_NOTE =
  'C2S is health cover granted on low resources: its status may reveal health or poverty; handled as art. 9 data.';

export const columnMeanings: Record<string, ColumnMeaning> = {
  person_pseudo: {
    category: 'pseudonymised identifier',
    description: 'keyed hash (HMAC-SHA-256) of the NIR under the convention key',
  },
  identity_pseudo: {
    category: 'pseudonymised identifier',
    description: 'keyed hash of the birth family name, first given name and birth date',
  },
  identity_clk: {
    category: 'pseudonymised identifier',
    description: 'keyed Bloom filter of the names and birth date, for approximate linkage',
  },
  household_pseudo: {
    category: 'pseudonymised identifier',
    description: "keyed hash of the partner's household or tenancy number",
  },
  birth_ym: { category: 'identification', description: 'month of birth' },
  commune: { category: 'location', description: 'commune of residence (INSEE code)' },
  role: {
    category: 'family situation',
    description: 'role in the household (beneficiary, spouse, child, other)',
  },
  household_adults: { category: 'family situation', description: 'number of adults in the household' },
  household_children: { category: 'family situation', description: 'number of children in the household' },
  single_parent: { category: 'family situation', description: 'single parent' },
  single_parent_increase: {
    category: 'family situation',
    description: 'qualifies for the isolated-parent increase of RSA and PPA',
    article9: 'One of its grounds is a pregnancy: it may reveal health data.',
  },
  couple: { category: 'family situation', description: 'lives as a couple' },
  household_resources: {
    category: 'economic and financial situation',
    description: 'monthly resources of the household',
  },
  activity_income: {
    category: 'economic and financial situation',
    description: 'monthly earnings of the person',
  },
  pension: { category: 'economic and financial situation', description: 'monthly pensions of the person' },
  housing: { category: 'housing', description: 'housing situation (tenant, owner, housed free, homeless…)' },
  rent: { category: 'housing', description: 'monthly rent' },
  arrears_months: { category: 'economic and financial situation', description: 'months of rent arrears' },
  rsa: { category: 'social benefits', description: 'receives RSA' },
  ppa: { category: 'social benefits', description: "receives the prime d'activité" },
  housing_aid: { category: 'social benefits', description: 'receives a housing aid' },
  housing_aid_amount: { category: 'social benefits', description: 'monthly housing aid paid' },
  apl: { category: 'social benefits', description: 'APL paid to the landlord for the tenancy' },
  aspa: { category: 'social benefits', description: 'receives the ASPA (minimum old-age pension)' },
  aah: {
    category: 'social benefits',
    description: 'receives the AAH (disabled adult allowance)',
    article9: AAH_NOTE,
  },
  c2s: {
    category: 'health cover',
    description: 'complémentaire santé solidaire status (none, free, with participation)',
    article9: C2S_NOTE,
  },
  c2s_until: { category: 'health cover', description: 'month the C2S cover ends', article9: C2S_NOTE },
};

/** The persons an extract of each kind is about (art. 30(1)(c), categories of data subjects). */
export const dataSubjects: Record<ExtractKind, string> = {
  caf: 'households receiving CAF benefits: the beneficiary (allocataire), spouse or partner, children (minors) and other dependants',
  cpam: 'persons insured with the CPAM (general health insurance scheme)',
  msa: 'members of the agricultural scheme (MSA) and their households, children (minors) included',
  carsat: 'retirees of the general pension scheme (CARSAT)',
  landlord: 'adult tenants of social housing (their households by composition only)',
};
