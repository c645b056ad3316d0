// What a member sees of its conventions: the list, one convention with its own roles, and for the
// territory team the convention's partners (whom a campaign can have contact the people).
import { listConventionPartners, listMemberships } from '@nonrecours/core';
import type { Db } from '@nonrecours/db';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireConventionAccess, requirePrincipal } from '../plugins/access.plugin.ts';
import { errorResponses } from '../schemas.ts';
import { conventionPartnerSchema, myConventionSchema } from './conventions.schemas.ts';

const withoutKey = <T extends { key_check_value: unknown }>({ key_check_value: _k, ...rest }: T) => rest;

export async function conventionsRoutes(app: FastifyInstance, options: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/v1/conventions', {
    config: { access: { scope: 'member', action: 'convention.list' } },
    schema: {
      tags: ['conventions'],
      operationId: 'listConventions',
      summary: 'The conventions your organisation is a member of',
      security: [{ bearer: [] }],
      response: { 200: z.object({ items: z.array(myConventionSchema) }), ...errorResponses },
    },
    handler: async (request) => {
      const items = await listMemberships(options.db, requirePrincipal(request).partnerId);
      request.audit.recordCount = items.length;
      return { items: items.map((c) => withoutKey(c)) };
    },
  });

  r.get('/v1/conventions/:cid', {
    config: {
      access: {
        scope: 'convention',
        roles: ['partner', 'territory', 'dpo'],
        action: 'convention.read',
        purpose: 'access',
        requireActive: false,
      },
    },
    schema: {
      tags: ['conventions'],
      operationId: 'getConvention',
      summary: 'One convention, with your roles in it',
      security: [{ bearer: [] }],
      params: z.object({ cid: z.uuid() }),
      response: { 200: myConventionSchema, ...errorResponses },
    },
    handler: async (request) => {
      const { convention, member } = requireConventionAccess(request);
      return { ...withoutKey(convention), roles: member.roles, provides: member.provides };
    },
  });

  r.get('/v1/conventions/:cid/partners', {
    config: {
      access: {
        scope: 'convention',
        roles: ['territory'],
        action: 'convention.partners',
        purpose: 'outreach',
      },
    },
    schema: {
      tags: ['conventions'],
      operationId: 'listConventionPartners',
      summary: 'The organisations of the convention in the role partner, by name',
      description: 'The contacting partner of a campaign is one of them.',
      security: [{ bearer: [] }],
      params: z.object({ cid: z.uuid() }),
      response: { 200: z.object({ items: z.array(conventionPartnerSchema) }), ...errorResponses },
    },
    handler: async (request) => {
      const items = await listConventionPartners(options.db, requireConventionAccess(request).convention.id);
      request.audit.recordCount = items.length;
      return { items };
    },
  });
}
