// The record of processing (GDPR art. 30) as the API returns it.
import { dataCategories } from '@nonrecours/core';
import { conventionStatuses, memberRoles, partnerKinds } from '@nonrecours/db';
import { extractKinds } from '@nonrecours/pseudo';
import { z } from 'zod';
import { isoDate, timestamp } from '../schemas.ts';

const kind = z.enum(extractKinds);
const role = z.enum(memberRoles);

export const recordOfProcessingSchema = z
  .object({
    generated_at: timestamp,
    convention: z.object({
      id: z.uuid(),
      reference: z.string(),
      title: z.string(),
      status: z.enum(conventionStatuses),
      valid_from: isoDate,
      valid_until: isoDate,
      territory: z.array(z.string()),
      rule_pack: z.string(),
    }),
    parties: z
      .array(
        z.object({
          partner_id: z.uuid(),
          name: z.string(),
          kind: z.enum(partnerKinds),
          siret: z.string().nullable(),
          roles: z.array(role),
          provides: z.array(z.string()),
        }),
      )
      .describe('The members of the convention: controllers and other parties, with their roles'),
    purposes: z.object({ stated: z.string(), statements: z.array(z.string()) }),
    legal_basis: z.object({ stated: z.string(), gdpr: z.array(z.string()) }),
    data_subjects: z.array(z.object({ kind, description: z.string(), provided_by: z.array(z.string()) })),
    personal_data: z
      .array(
        z.object({
          kind,
          schema: z.string(),
          provided_by: z.array(z.string()),
          columns: z.array(
            z.object({
              name: z.string(),
              required: z.boolean(),
              category: z.enum([...dataCategories, 'autre']),
              description: z.string(),
              special_category: z.boolean().describe('falls, or may fall, under GDPR art. 9'),
              note: z.string().nullable(),
            }),
          ),
        }),
      )
      .describe('Per extract kind provided by a member: its columns and their categories'),
    special_categories: z.object({ present: z.boolean(), columns: z.array(z.string()), note: z.string() }),
    recipients: z.array(z.object({ role, access: z.string(), members: z.array(z.string()) })),
    transfers: z.object({ outside_eu: z.boolean(), note: z.string() }),
    retention: z.object({
      retention_days: z.number().int(),
      extracts: z.string(),
      cases: z.string(),
      audit_trail: z.string(),
    }),
    security_measures: z.array(z.string()),
    dpia: z.object({ required: z.boolean(), note: z.string() }),
    to_complete: z.array(z.string()).describe('What the service cannot know and the DPO must add'),
    outreach: z
      .object({
        purpose: z.string(),
        legal_basis: z.string(),
        safeguards: z.array(z.string()),
        campaigns: z.array(
          z.object({
            id: z.uuid(),
            name: z.string(),
            benefit: z.string(),
            channel: z.string(),
            contacting_partner: z.string(),
            starts_on: isoDate,
            ends_on: isoDate,
            status: z.enum(['open', 'closed']),
            cohort_size: z.number().int(),
            frozen_month: z.string(),
            comparison: z
              .object({
                share: z.number(),
                until: isoDate,
                seed: z.string(),
                stratified_by: z.array(z.string()),
              })
              .nullable(),
          }),
        ),
      })
      .describe('The outreach campaigns: purpose, legal basis, safeguards and the design of each'),
  })
  .meta({ id: 'RecordOfProcessing' });
