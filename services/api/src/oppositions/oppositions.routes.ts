// Oppositions under a convention (GDPR art. 21). A partner registers the pseudonyms of its own people
// who objected to it, a DPO those who objected to theirs; the cases that concern them are deleted at
// once and no later run gives them a case. Only DPOs read the list back.
//
// Both routes work on a suspended convention too: a person's objection is honoured whether or not
// processing is paused. An ended convention keeps nothing to object to (409 from the service).
import { countOppositions, listOppositions, PSEUDONYM, registerOppositions } from '@nonrecours/core';
import type { Db } from '@nonrecours/db';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditActorOf, requireConventionAccess, requirePrincipal } from '../plugins/access.plugin.ts';
import { errorResponses, timestamp } from '../schemas.ts';

const MAX_PER_REQUEST = 10_000;
const pseudonym = z.string().regex(PSEUDONYM, 'a pseudonym: 43 base64url characters');

const tags = ['oppositions'];
const security = [{ bearer: [] }];
const cidParams = z.object({ cid: z.uuid() });

export async function oppositionsRoutes(app: FastifyInstance, options: { db: Db }) {
  const { db } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/v1/conventions/:cid/oppositions', {
    config: {
      access: {
        scope: 'convention',
        roles: ['partner', 'dpo'],
        action: 'opposition.register',
        purpose: 'rights',
        requireActive: false,
      },
    },
    schema: {
      tags,
      security,
      operationId: 'registerOppositions',
      summary: 'Register oppositions: the persons are excluded from every later run',
      description:
        'Registering a pseudonym again changes nothing (idempotent). In the same transaction every case of the convention that concerns one of the pseudonyms (as subject or household member) is deleted. The audit trail records the counts, never the pseudonyms.',
      params: cidParams,
      body: z.object({ pseudonyms: z.array(pseudonym).min(1).max(MAX_PER_REQUEST) }),
      response: {
        200: z
          .object({
            submitted: z.number().int().describe('distinct pseudonyms in the request'),
            registered: z.number().int().describe('newly registered'),
            already_registered: z.number().int(),
            cases_deleted: z.number().int(),
            campaign_members_deleted: z.number().int().describe('members of campaign cohorts removed'),
          })
          .meta({ id: 'OppositionOutcome' }),
        ...errorResponses,
      },
    },
    handler: async (request) => {
      const { convention } = requireConventionAccess(request);
      const outcome = await registerOppositions(
        db,
        { ...auditActorOf(request), actor: requirePrincipal(request).subject },
        convention.id,
        request.body.pseudonyms,
      );
      request.audit.written = true;
      return outcome;
    },
  });

  r.get('/v1/conventions/:cid/oppositions', {
    config: {
      access: {
        scope: 'convention',
        roles: ['dpo'],
        action: 'opposition.list',
        purpose: 'rights',
        requireActive: false,
      },
    },
    schema: {
      tags,
      security,
      operationId: 'listOppositions',
      summary: 'The registered oppositions, in pseudonym order, page by page',
      params: cidParams,
      querystring: z.object({
        limit: z.coerce.number().int().min(1).max(1000).default(100),
        cursor: pseudonym.optional().describe('the next_cursor of the previous page'),
      }),
      response: {
        200: z.object({
          total: z.number().int(),
          items: z.array(
            z
              .object({ pseudonym: z.string(), registered_at: timestamp, registered_by: z.string() })
              .meta({ id: 'Opposition' }),
          ),
          next_cursor: z.string().nullable(),
        }),
        ...errorResponses,
      },
    },
    handler: async (request) => {
      const { convention } = requireConventionAccess(request);
      const { limit, cursor } = request.query;
      const rows = await listOppositions(db, convention.id, { limit: limit + 1, after: cursor });
      const items = rows.slice(0, limit);
      request.audit.recordCount = items.length;
      return {
        total: await countOppositions(db, convention.id),
        items,
        next_cursor: rows.length > limit ? (items.at(-1)?.pseudonym ?? null) : null,
      };
    },
  });
}
