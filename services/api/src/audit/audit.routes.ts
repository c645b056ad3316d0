// The DPO's view of the audit trail: filtered query, chain verification and JSONL export, limited
// to the conventions where the caller's organisation holds the dpo role.
import { Readable } from 'node:stream';
import { type AuditFilter, queryAuditEvents, streamAuditEvents, verifyAuditChain } from '@nonrecours/core';
import type { AuditEvent, Db } from '@nonrecours/db';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { requirePrincipal } from '../plugins/access.plugin.ts';
import { errorResponses, timestamp } from '../schemas.ts';

const auditEventSchema = z
  .object({
    seq: z.number().int(),
    at: timestamp,
    actor: z.string().nullable(),
    org: z.string().nullable(),
    role: z.string().nullable(),
    convention_id: z.string().nullable(),
    action: z.string(),
    target: z.string().nullable(),
    purpose: z.string().nullable(),
    request_id: z.string().nullable(),
    ip: z.string().nullable(),
    outcome: z.enum(['success', 'denied', 'failed']),
    status_code: z.number().int().nullable(),
    record_count: z.number().int().nullable(),
    details: z.unknown(),
    prev_hash: z.string(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEvent' });

const filterQuery = z.object({
  convention_id: z.uuid().optional(),
  actor: z.string().max(200).optional(),
  action: z.string().max(100).optional(),
  outcome: z.enum(['success', 'denied', 'failed']).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});

const tags = ['audit'];
const security = [{ bearer: [] }];

async function dpoConventions(db: Db, partnerId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('convention_members')
    .select('convention_id')
    .where('partner_id', '=', partnerId)
    .where(sql<boolean>`'dpo' = any(roles)`)
    .execute();
  return rows.map((r) => r.convention_id);
}

function toFilter(query: z.infer<typeof filterQuery>, allowed: string[]): AuditFilter {
  return {
    conventionIds: allowed,
    conventionId: query.convention_id,
    actor: query.actor,
    action: query.action,
    outcome: query.outcome,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
  };
}

export async function auditRoutes(app: FastifyInstance, options: { db: Db }) {
  const { db } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/v1/audit', {
    config: { access: { scope: 'dpo', action: 'audit.query' } },
    schema: {
      tags,
      security,
      summary: 'Audit events of your conventions, newest first',
      querystring: filterQuery.extend({
        limit: z.coerce.number().int().min(1).max(1000).default(100),
        cursor: z.coerce.number().int().positive().optional(),
      }),
      response: {
        200: z.object({ items: z.array(auditEventSchema), next_cursor: z.number().int().nullable() }),
        ...errorResponses,
      },
    },
    handler: async (request) => {
      const allowed = await dpoConventions(db, requirePrincipal(request).partnerId);
      const page = await queryAuditEvents(db, toFilter(request.query, allowed), {
        limit: request.query.limit,
        before: request.query.cursor,
      });
      request.audit.recordCount = page.items.length;
      return { items: page.items, next_cursor: page.nextCursor };
    },
  });

  r.get('/v1/audit/verify', {
    config: { access: { scope: 'dpo', action: 'audit.verify' } },
    schema: {
      tags,
      security,
      summary: 'Recompute the whole hash chain and name the first broken event',
      response: {
        200: z.object({
          ok: z.boolean(),
          checked: z.number().int(),
          head: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
          first_broken: z
            .object({
              seq: z.number().int(),
              reason: z.enum(['hash_mismatch', 'link_mismatch', 'sequence_gap']),
            })
            .nullable(),
        }),
        ...errorResponses,
      },
    },
    handler: async (request) => {
      const result = await verifyAuditChain(db);
      request.audit.details = { ok: result.ok, checked: result.checked };
      return { ok: result.ok, checked: result.checked, head: result.head, first_broken: result.firstBroken };
    },
  });

  r.get('/v1/audit/export', {
    config: { access: { scope: 'dpo', action: 'audit.export' } },
    schema: {
      tags,
      security,
      summary: 'Export the audit events of your conventions as JSON Lines, in chain order',
      querystring: filterQuery,
      produces: ['application/x-ndjson'],
    },
    handler: async (request, reply) => {
      const allowed = await dpoConventions(db, requirePrincipal(request).partnerId);
      const filter = toFilter(request.query, allowed);
      reply.header('content-type', 'application/x-ndjson; charset=utf-8');
      reply.header('content-disposition', 'attachment; filename="audit.jsonl"');
      // Reply.send runs onSend (and so the access audit) before the first byte leaves.
      return reply.send(Readable.from(jsonLines(streamAuditEvents(db, filter))));
    },
  });
}

async function* jsonLines(events: AsyncIterable<AuditEvent>): AsyncGenerator<string> {
  for await (const e of events) yield `${JSON.stringify({ ...e, at: e.at.toISOString() })}\n`;
}
