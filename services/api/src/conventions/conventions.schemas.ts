// The convention as the API shows it, to operators and to members.
import { conventionStatuses, linkageMethods, memberRoles, partnerKinds } from '@nonrecours/db';
import { z } from 'zod';
import { isoDate, timestamp } from '../schemas.ts';

export const inseeCode = z
  .string()
  .regex(/^(\d{5}|2[AB]\d{3})$/, 'an INSEE commune code (5 characters, 2A/2B for Corsica)');

export const conventionSchema = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    title: z.string(),
    territory: z.array(z.string()),
    legal_basis: z.string(),
    purpose: z.string(),
    status: z.enum(conventionStatuses),
    valid_from: isoDate,
    valid_until: isoDate,
    retention_days: z.number().int(),
    max_error_rate: z.number(),
    key_check_value: z.string().nullable(),
    key_version: z.number().int(),
    rule_pack: z.string(),
    dice_threshold: z.number(),
    linkage_method: z
      .enum(linkageMethods)
      .describe(
        'how tenants without a NIR are linked after exact linkage: dice (Bloom filters at dice_threshold) or probabilistic (household-aware match weights estimated from the run)',
      ),
    link_weight_threshold: z
      .number()
      .nullable()
      .describe('probabilistic: the match weight (log2) a link needs; null: the one each run estimates'),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: 'Convention' });

export const memberSchema = z
  .object({
    convention_id: z.uuid(),
    partner_id: z.uuid(),
    roles: z.array(z.enum(memberRoles)),
    provides: z.array(z.string()),
  })
  .meta({ id: 'ConventionMember' });

export const myConventionSchema = conventionSchema
  .omit({ key_check_value: true })
  .extend({ roles: z.array(z.enum(memberRoles)), provides: z.array(z.string()) })
  .meta({ id: 'MyConvention' });

export const conventionPartnerSchema = z
  .object({
    partner_id: z.uuid(),
    name: z.string(),
    kind: z.enum(partnerKinds),
    provides: z.array(z.string()).describe('the extract kinds it provides'),
  })
  .meta({ id: 'ConventionPartner' });
