// Linked profiles: what the matcher hands to the rules. Plain data, keyed by the extract column names
// (EXTRACTS.md) so that evidence can name its columns; each piece from another extract says how it
// was linked. Links carry their method only: a fuzzy link's similarity never reaches the rules.

// The extract vocabulary of EXTRACTS.md, as the partner contract defines it.
import { c2sStatuses, type ExtractKind, extractKinds, housings, roles } from '@nonrecours/pseudo';
import { z } from 'zod';
import { monthPattern } from './months.ts';

export { c2sStatuses, type ExtractKind, extractKinds, housings, roles };

/** How a record of another extract was tied to the profile: exact on a pseudonym, or fuzzy (Bloom filter). */
export const linkMethods = ['person_pseudo', 'identity_pseudo', 'identity_clk'] as const;
export type LinkMethod = (typeof linkMethods)[number];

export const monthSchema = z.string().regex(monthPattern, 'expected YYYY-MM');
const pseudoSchema = z.string().min(1);
const amountSchema = z.number().finite().nonnegative();
const communeSchema = z.string().regex(/^(\d{5}|2[AB]\d{3})$/, 'expected an INSEE commune code');

function sourceSchema<const K extends readonly [ExtractKind, ...ExtractKind[]]>(kinds: K) {
  return z.object({
    kind: z.enum(kinds),
    /** The partner (organisation) that sent the extract. */
    partner: z.string().min(1),
    reference_month: monthSchema,
  });
}

export const extractSourceSchema = sourceSchema(extractKinds);
export type ExtractSource = z.infer<typeof extractSourceSchema>;

/** What a health extract (a cpam row, or an msa row with its c2s column) says of one person. */
export const healthRecordSchema = z.object({
  source: sourceSchema(['cpam', 'msa']),
  c2s: z.enum(c2sStatuses),
  link: z.enum(linkMethods),
});
export type HealthRecord = z.infer<typeof healthRecordSchema>;

/** A v2 extract's value of one month (columns `…_m0` to `…_m4`). */
export const memberMonthSchema = z.object({ month: monthSchema, activity_income: amountSchema });
export type MemberMonth = z.infer<typeof memberMonthSchema>;

export const familyMemberSchema = z.object({
  person_pseudo: pseudoSchema,
  role: z.enum(roles),
  birth_ym: monthSchema,
  activity_income: amountSchema,
  /** caf.v2 / msa.v2: this person's activity income month by month; null for v1 extracts. */
  months: z.array(memberMonthSchema).nullable().default(null),
  /** Null when no health extract of the run carries this person: absence proves nothing. */
  health: healthRecordSchema.nullable(),
});
export type FamilyMember = z.infer<typeof familyMemberSchema>;

/**
 * A v2 extract's household values of one month: resources as PPA counts them that month, composition,
 * isolated-parent increase and housing aid paid (0: none). A null column is not stated for the month.
 */
export const householdMonthSchema = z.object({
  month: monthSchema,
  household_resources: amountSchema.nullable(),
  household_adults: z.number().int().min(1).nullable(),
  household_children: z.number().int().min(0).nullable(),
  single_parent_increase: z.boolean().nullable(),
  housing_aid_amount: amountSchema.nullable(),
});
export type HouseholdMonth = z.infer<typeof householdMonthSchema>;

/** A caf or msa household: household columns from its allocataire row, and its members' rows. */
export const familyHouseholdSchema = z.object({
  type: z.literal('family'),
  source: sourceSchema(['caf', 'msa']),
  household_pseudo: pseudoSchema,
  commune: communeSchema,
  household_adults: z.number().int().min(1),
  household_children: z.number().int().min(0),
  /** Optional column: null when the partner did not fill it. */
  single_parent_increase: z.boolean().nullable(),
  household_resources: amountSchema,
  housing: z.enum(housings),
  housing_aid: z.boolean(),
  housing_aid_amount: amountSchema.nullable(),
  rsa: z.boolean(),
  ppa: z.boolean(),
  /** caf.v2 / msa.v2: the household month by month (m0 = reference month … m4); null for v1. */
  months: z.array(householdMonthSchema).nullable().default(null),
  /** caf.v2 / msa.v2: resources as C2S counts them over the 12 months before the reference month (€ a year). */
  c2s_resources: amountSchema.nullable().default(null),
  members: z.array(familyMemberSchema).min(1),
});
export type FamilyHousehold = z.infer<typeof familyHouseholdSchema>;

/**
 * A retiree from a carsat row (pension, couple, aspa required) or an msa row (pension and aspa
 * optional; household_adults = 2 stands for a couple).
 */
export const retireeSchema = z
  .object({
    type: z.literal('retiree'),
    source: sourceSchema(['carsat', 'msa']),
    person_pseudo: pseudoSchema,
    birth_ym: monthSchema,
    commune: communeSchema,
    pension: amountSchema.nullable(),
    aspa: z.boolean().nullable(),
    /** carsat only. */
    couple: z.boolean().nullable(),
    /** msa only. */
    household_adults: z.number().int().min(1).nullable(),
    household_resources: amountSchema.nullable(),
    /**
     * The partner's birth month, when the retiree lives in a couple: carsat's optional column, or for
     * an msa row the other adult (allocataire or conjoint) of its household. Null when unknown.
     */
    partner_birth_ym: monthSchema.nullable(),
    health: healthRecordSchema.nullable(),
  })
  .superRefine((retiree, ctx) => {
    const required =
      retiree.source.kind === 'carsat'
        ? (['pension', 'aspa', 'couple'] as const)
        : (['household_adults', 'household_resources'] as const);
    for (const column of required) {
      if (retiree[column] === null) ctx.addIssue({ code: 'custom', path: [column], message: 'required' });
    }
  });
export type Retiree = z.infer<typeof retireeSchema>;

export const tenantSchema = z.object({
  identity_pseudo: pseudoSchema,
  person_pseudo: pseudoSchema.nullable(),
  birth_ym: monthSchema,
  /** How this tenant links to a caf or msa row of the run; null when it links to none. */
  family_link: z.enum(linkMethods).nullable(),
});
export type Tenant = z.infer<typeof tenantSchema>;

/** A social-housing tenancy from a landlord extract (household columns from any of its rows). */
export const tenancySchema = z.object({
  type: z.literal('tenancy'),
  source: sourceSchema(['landlord']),
  household_pseudo: pseudoSchema,
  commune: communeSchema,
  household_adults: z.number().int().min(1),
  household_children: z.number().int().min(0),
  household_resources: amountSchema,
  apl: z.boolean(),
  /** Main rent excluding charges, before the RLS (monthly). */
  rent: amountSchema,
  /** The extract's schema: landlord.v2 (or later) states what the housing-aid estimate needs. */
  landlord_schema: z.string().default('landlord.v1'),
  /** landlord.v2: the dwelling is conventionné (APL); null when not stated (taken as 1). */
  conventionne: z.boolean().nullable().default(null),
  /** landlord.v2: the household's revenu fiscal de référence of year N-2 (€ a year), when held. */
  annual_resources: amountSchema.nullable().default(null),
  /** landlord.v2: the APL paid for the tenancy (monthly), when paid and known. */
  apl_amount: amountSchema.nullable().default(null),
  /** landlord.v2: dependants under 21 (and disabled adult dependants), when not household_children. */
  dependants: z.number().int().min(0).nullable().default(null),
  /** Whether the run includes a caf extract: without one, "unknown to the CAF" means nothing. */
  caf_extract_in_run: z.boolean(),
  tenants: z.array(tenantSchema).min(1),
});
export type Tenancy = z.infer<typeof tenancySchema>;

export const profileSchema = z.discriminatedUnion('type', [
  familyHouseholdSchema,
  retireeSchema,
  tenancySchema,
]);
export type Profile = z.infer<typeof profileSchema>;
