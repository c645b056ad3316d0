// Outreach campaigns of a convention: created by the territory team over the presumed cases of the
// latest run, contacted by one partner, measured per arm. Partners see only the campaigns they
// contact for, never the comparison group but as a date before which not to contact; DPOs see the
// campaigns and their impact, and the design in the record of processing.
import {
  type CampaignView,
  campaignImpactCsv,
  closeCampaign,
  createCampaign,
  exportCohort,
  listCampaigns,
  readCampaign,
  readCampaignImpact,
  recordCampaignContacts,
} from '@nonrecours/core';
import type { Db, MemberRole } from '@nonrecours/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditActorOf, requireConventionAccess, requirePrincipal } from '../plugins/access.plugin.ts';
import { errorResponses } from '../schemas.ts';
import { campaignSchema, contactsSchema, impactSchema, newCampaignSchema } from './campaigns.schemas.ts';

const tags = ['campaigns'];
const security = [{ bearer: [] }];
const cidParams = z.object({ cid: z.uuid() });
const campaignParams = z.object({ cid: z.uuid(), id: z.uuid() });
const outreach = (action: string, roles: readonly MemberRole[]) => ({
  access: { scope: 'convention' as const, roles, action, purpose: 'outreach' },
});

/** A partner sees neither the seed nor the arms: the cohort is one line to it. */
function shownTo(role: MemberRole, view: CampaignView) {
  if (role !== 'partner') return view;
  const whole = view.arms.reduce(
    (sum, a) => ({
      arm: 'contact' as const,
      members: sum.members + a.members,
      contacted: sum.contacted + a.contacted,
      unreachable: sum.unreachable + a.unreachable,
    }),
    { arm: 'contact' as const, members: 0, contacted: 0, unreachable: 0 },
  );
  return { ...view, seed: null, comparison_share: null, arms: [whole] };
}

const actorOf = (request: FastifyRequest) => {
  const principal = requirePrincipal(request);
  return { ...auditActorOf(request), actor: principal.subject, org: principal.partnerId };
};

export async function campaignsRoutes(app: FastifyInstance, options: { db: Db }) {
  const { db } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/v1/conventions/:cid/campaigns', {
    config: outreach('campaign.create', ['territory']),
    schema: {
      tags,
      security,
      operationId: 'createCampaign',
      summary: 'Create a campaign: its cohort is frozen from the latest published run',
      description:
        'The cohort is the cases of the latest published run of the benefit that pass the list filters ' +
        '(by default those to_contact or unreachable), never a person who refused or objected, nor one already ' +
        'in an open campaign of the benefit (409 `case_in_open_campaign` if another creation took it meanwhile). ' +
        'With `comparison`, that share of each stratum (benefit × commune), within one case, is drawn at ' +
        'random from the seed and kept out of the contact until the date; the design and a digest of the ' +
        'assignment are in the audit event. 409 `no_published_run`, `empty_cohort`.',
      params: cidParams,
      body: newCampaignSchema,
      response: { 201: campaignSchema, ...errorResponses },
    },
    handler: async (request, reply) => {
      const b = request.body;
      const view = await createCampaign(db, requireConventionAccess(request), actorOf(request), {
        name: b.name,
        benefit: b.benefit,
        filter: {
          rule: b.filter.rule,
          confidence: b.filter.confidence,
          status: b.filter.status,
          commune: b.filter.commune,
          minAmount: b.filter.min_amount,
        },
        channel: b.channel,
        contactingPartnerId: b.contacting_partner_id,
        startsOn: b.starts_on,
        endsOn: b.ends_on,
        comparison: b.comparison,
      });
      request.audit.written = true;
      return reply.code(201).send(view);
    },
  });

  r.get('/v1/conventions/:cid/campaigns', {
    config: outreach('campaign.list', ['territory', 'partner', 'dpo']),
    schema: {
      tags,
      security,
      operationId: 'listCampaigns',
      summary: 'The convention’s campaigns (a partner: those it contacts for), newest first',
      params: cidParams,
      response: { 200: z.object({ items: z.array(campaignSchema) }), ...errorResponses },
    },
    handler: async (request) => {
      const access = requireConventionAccess(request);
      const items = await listCampaigns(db, access);
      request.audit.recordCount = items.length;
      return { items: items.map((v) => shownTo(access.role, v)) };
    },
  });

  r.get('/v1/conventions/:cid/campaigns/:id', {
    config: outreach('campaign.read', ['territory', 'partner', 'dpo']),
    schema: {
      tags,
      security,
      operationId: 'getCampaign',
      summary: 'One campaign with its arms and the contacts recorded',
      params: campaignParams,
      response: { 200: campaignSchema, ...errorResponses },
    },
    handler: async (request) => {
      const access = requireConventionAccess(request);
      request.audit.target = `campaign/${request.params.id}`;
      return shownTo(access.role, await readCampaign(db, access, request.params.id));
    },
  });

  r.post('/v1/conventions/:cid/campaigns/:id/close', {
    config: outreach('campaign.close', ['territory']),
    schema: {
      tags,
      security,
      operationId: 'closeCampaign',
      summary: 'Close a campaign: its members may then join another campaign of the benefit',
      description:
        'Later runs still record what they show of its members, so its impact goes on being measured.',
      params: campaignParams,
      response: { 200: campaignSchema, ...errorResponses },
    },
    handler: async (request) => {
      const view = await closeCampaign(
        db,
        requireConventionAccess(request),
        auditActorOf(request),
        request.params.id,
      );
      request.audit.written = true;
      return view;
    },
  });

  r.get('/v1/conventions/:cid/campaigns/:id/cohort.csv', {
    config: { ...outreach('campaign.export', ['territory', 'partner']), checkpointAfter: true },
    schema: {
      tags,
      security,
      operationId: 'exportCampaignCohort',
      summary: 'The cohort to re-identify with `nonrecours reidentify`, as CSV',
      description:
        'Semicolon-separated, UTF-8 with a byte order mark: case_id (the reference to record contacts by); ' +
        'subject_kind; person_pseudo; household_pseudo; benefit; rule; estimated_amount (decimal comma; for a ' +
        'partner, only when its own values alone computed it); ' +
        'commune; not_before (a date before which the person is not to be contacted, else empty); contact ' +
        '(what was recorded). The pseudonyms it discloses are recorded with its audit event.',
      params: campaignParams,
      produces: ['text/csv'],
    },
    handler: async (request, reply) => {
      const exported = await exportCohort(
        db,
        requireConventionAccess(request),
        auditActorOf(request),
        request.params.id,
      );
      request.audit.written = true;
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', `attachment; filename="campaign-${exported.campaign.id}.csv"`);
      reply.header('x-case-count', String(exported.rows));
      return reply.send(exported.csv);
    },
  });

  r.post('/v1/conventions/:cid/campaigns/:id/contacts', {
    config: outreach('campaign.contacts', ['partner', 'territory']),
    schema: {
      tags,
      security,
      operationId: 'recordCampaignContacts',
      summary: 'Record contacts made (contacted, unreachable), in bulk, by case reference',
      description:
        'All or nothing: 400 `unknown_case_reference` when a reference is not in the cohort, 409 ' +
        '`not_to_contact_yet` when a person is not to be contacted before a date still to come, 409 ' +
        '`campaign_closed`. Each contact is also the follow-up of the person’s current case where its ' +
        'outcome allows it (to_contact → contacted or unreachable; unreachable → contacted; contacted → unreachable).',
      params: campaignParams,
      body: contactsSchema,
      response: {
        200: z.object({
          recorded: z.number().int(),
          cases_updated: z.number().int().describe('current cases whose follow-up changed'),
        }),
        ...errorResponses,
      },
    },
    handler: async (request) => {
      const outcome = await recordCampaignContacts(
        db,
        requireConventionAccess(request),
        actorOf(request),
        request.params.id,
        request.body.contacts.map((c) => ({ caseId: c.case_id, outcome: c.outcome })),
      );
      request.audit.written = true;
      return outcome;
    },
  });

  const impactAccess = (action: string) => ({
    access: {
      scope: 'convention' as const,
      roles: ['territory', 'dpo'] as const,
      action,
      purpose: 'statistics',
    },
  });

  r.get('/v1/conventions/:cid/campaigns/:id/impact', {
    config: impactAccess('campaign.impact'),
    schema: {
      tags,
      security,
      operationId: 'getCampaignImpact',
      summary:
        'Take-up per arm at 1, 2, 3 and 6 months, declared outcomes, amounts, and the uplift with its 95 % interval',
      description:
        'Counts from 1 to 4 are suppressed (`suppressed: true`, `value: null`), with secondary suppression ' +
        'across the arms and their totals; a share or interval goes with its counts. A horizon that no ' +
        'published run reaches yet has `observed: false`.',
      params: campaignParams,
      response: { 200: impactSchema, ...errorResponses },
    },
    handler: async (request) => {
      const report = await readCampaignImpact(
        db,
        requireConventionAccess(request),
        auditActorOf(request),
        request.params.id,
      );
      request.audit.written = true;
      return report;
    },
  });

  r.get('/v1/conventions/:cid/campaigns/:id/impact.csv', {
    config: impactAccess('campaign.impact_export'),
    schema: {
      tags,
      security,
      operationId: 'exportCampaignImpact',
      summary: 'The impact as CSV for the evaluators: one row per arm, figure and horizon',
      description:
        'campaign; as_of; design; arm (contact, comparison, before, uplift); figure; months; value (`secret` ' +
        'when suppressed); share; low; high (95 %); note.',
      params: campaignParams,
      produces: ['text/csv'],
    },
    handler: async (request, reply) => {
      const report = await readCampaignImpact(
        db,
        requireConventionAccess(request),
        auditActorOf(request),
        request.params.id,
        'campaign.impact_export',
      );
      request.audit.written = true;
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', `attachment; filename="campaign-impact-${request.params.id}.csv"`);
      return reply.send(campaignImpactCsv(report));
    },
  });
}
