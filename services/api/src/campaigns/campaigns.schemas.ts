// Campaigns as the API takes and returns them.
import { caseBenefits, caseConfidences, caseStatuses, impactHorizons } from '@nonrecours/core';
import { campaignArms, campaignChannels, campaignContacts } from '@nonrecours/db';
import { z } from 'zod';
import { isoDate, timestamp } from '../schemas.ts';

export const campaignFilter = z
  .object({
    rule: z
      .string()
      .regex(/^[A-Z0-9_.]{1,64}$/)
      .optional(),
    confidence: z.enum(caseConfidences).optional(),
    status: z
      .enum(caseStatuses)
      .optional()
      .describe('default: to_contact and unreachable; refused is never contacted again'),
    commune: z
      .string()
      .regex(/^(\d{5}|2[AB]\d{3})$/, 'an INSEE commune code')
      .optional(),
    min_amount: z.number().min(0).max(1_000_000).optional().describe('euros per month'),
  })
  .strict();

export const newCampaignSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    benefit: z.enum(caseBenefits),
    filter: campaignFilter.default({}),
    channel: z.enum(campaignChannels),
    contacting_partner_id: z.uuid().describe('the partner that re-identifies the people and contacts them'),
    starts_on: isoDate,
    ends_on: isoDate,
    comparison: z
      .object({
        share: z
          .number()
          .gt(0)
          .lt(1)
          .describe(
            'the share of each stratum kept out of the contact, from 0.05 to 0.5 (else 400 `invalid_share`)',
          ),
        until: isoDate.describe('no contact of the comparison group before this date'),
        seed: z
          .string()
          .regex(/^[A-Za-z0-9_-]{8,64}$/)
          .optional()
          .describe('default: a random seed, recorded with the campaign'),
      })
      .strict()
      .optional()
      .describe('an optional randomised comparison group, stratified by benefit and commune'),
  })
  .strict()
  .meta({ id: 'NewCampaign' });

export const campaignSchema = z
  .object({
    id: z.uuid(),
    convention_id: z.uuid(),
    name: z.string(),
    benefit: z.string(),
    filter: z.record(z.string(), z.unknown()),
    channel: z.enum(campaignChannels),
    contacting_partner_id: z.uuid(),
    starts_on: isoDate,
    ends_on: isoDate,
    status: z.enum(['open', 'closed']),
    run_id: z.uuid().nullable().describe('the published run whose cases were frozen'),
    as_of: isoDate.describe('that run’s month'),
    cohort_size: z.number().int(),
    comparison_share: z.number().nullable(),
    comparison_until: isoDate.nullable(),
    seed: z.string().nullable().describe('the randomisation seed; null for a partner'),
    arms: z
      .array(
        z.object({
          arm: z.enum(campaignArms),
          members: z.number().int(),
          contacted: z.number().int(),
          unreachable: z.number().int(),
        }),
      )
      .describe('for a partner, one line for the whole cohort (arm `contact`)'),
    created_by: z.string(),
    created_at: timestamp,
    closed_at: timestamp.nullable(),
  })
  .meta({ id: 'Campaign' });

export const contactsSchema = z
  .object({
    contacts: z
      .array(z.object({ case_id: z.uuid(), outcome: z.enum(campaignContacts) }).strict())
      .min(1)
      .max(10_000),
  })
  .strict();

const statCell = z.object({ value: z.number().nullable(), suppressed: z.boolean() });
const interval = z.object({ low: z.number(), high: z.number() });

export const impactSchema = z
  .object({
    campaign_id: z.uuid(),
    as_of: z.string().describe('the cohort’s month, YYYY-MM'),
    design: z.enum(['randomised', 'before_after']),
    warning: z.string().nullable().describe('“pas de groupe témoin : estimation non causale” without one'),
    months_observed: z.number().int().describe('months of published runs after the cohort’s'),
    arms: z.array(
      z.object({
        arm: z.enum(campaignArms),
        members: z.number().int(),
        contacted: statCell,
        unreachable: statCell,
        no_longer_presumed: statCell,
        take_up: z
          .array(
            z.object({
              months: z.number().int(),
              observed: z.boolean(),
              taken_up: statCell,
              share: z.number().nullable(),
              interval: interval.nullable().describe('Wilson 95 %'),
            }),
          )
          .describe(`taken up as the later extracts show it, at ${impactHorizons.join(', ')} months`),
        amount_monthly: statCell.describe('estimated monthly amounts (euros) of the rights taken up'),
        amount_annual: statCell,
        declared: z
          .record(z.string(), statCell)
          .describe('members by the follow-up outcome of their current case'),
      }),
    ),
    before: z
      .object({ cases: statCell, taken_up: statCell, share: z.number().nullable() })
      .nullable()
      .describe(
        'without a comparison group: the benefit’s cases of the month before, taken up one month later',
      ),
    uplift: z
      .array(
        z.object({
          months: z.number().int(),
          observed: z.boolean(),
          suppressed: z.boolean(),
          estimate: z.number().nullable(),
          low: z.number().nullable(),
          high: z.number().nullable(),
        }),
      )
      .describe(
        'contact − comparison take-up (before/after: one month, after − before), Newcombe hybrid score 95 %',
      ),
  })
  .meta({ id: 'CampaignImpact' });
