// The DPO's view of the audit trail: filtered query (by person too: GDPR art. 15), verification of
// the chain and of its signed checkpoints, JSONL and CSV exports, limited to the conventions where
// the caller's organisation holds the dpo role.
import { Readable } from 'node:stream';
import {
  type AuditFilter,
  auditCsvHeader,
  auditCsvLine,
  checkpointMismatchReasons,
  createCheckpointVerifier,
  queryAuditEvents,
  streamAuditEvents,
  verifyAuditTrail,
} from '@nonrecours/core';
import type { AuditEvent, Db } from '@nonrecours/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { JWK } from 'jose';
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
  request_id: z
    .string()
    .max(200)
    .optional()
    .describe('the `x-request-id` of the response (or the job id) whose events to show'),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  pseudonym: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/, 'a pseudonym: 43 base64url characters')
    .optional()
    .describe(
      'Only the events whose request returned something about this person (a person, household or identity pseudonym)',
    ),
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
    requestId: query.request_id,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
    pseudonym: query.pseudonym,
  };
}

/** The access event tells that a person was looked up, never who (the pseudonym stays out of it). */
function noteFilter(request: FastifyRequest, query: z.infer<typeof filterQuery>) {
  if (query.pseudonym) request.audit.details = { by_pseudonym: true };
}

const checkpointMismatchSchema = z.object({
  id: z.number().int(),
  seq: z.number().int().nullable(),
  at: timestamp.nullable(),
  reason: z.enum(checkpointMismatchReasons),
});

export async function auditRoutes(app: FastifyInstance, options: { db: Db; checkpointKeys: JWK[] }) {
  const { db } = options;
  const verifyCheckpoint = createCheckpointVerifier(options.checkpointKeys);
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
      noteFilter(request, request.query);
      return { items: page.items, next_cursor: page.nextCursor };
    },
  });

  r.get('/v1/audit/verify', {
    config: { access: { scope: 'dpo', action: 'audit.verify' } },
    schema: {
      tags,
      security,
      summary: 'Recompute the hash chain and check its signed checkpoints',
      description:
        'ok holds when both the chain and every checkpoint do. The chain alone cannot show a rewrite ' +
        'that recomputed every hash, nor a cut tail: the checkpoints, signed with the service key, can.',
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
          checkpoints: z.object({
            ok: z.boolean(),
            checked: z.number().int(),
            latest_verified: z
              .object({ id: z.number().int(), seq: z.number().int(), at: timestamp })
              .nullable()
              .describe('The newest checkpoint that holds: the chain is vouched for up to its seq'),
            first_mismatch: checkpointMismatchSchema
              .nullable()
              .describe('The first checkpoint that no longer matches the chain or its signature'),
          }),
        }),
        ...errorResponses,
      },
    },
    handler: async (request) => {
      const { ok, chain, checkpoints } = await verifyAuditTrail(db, verifyCheckpoint);
      request.audit.details = { ok, checked: chain.checked, checkpoints: checkpoints.checked };
      return {
        ok,
        checked: chain.checked,
        head: chain.head,
        first_broken: chain.firstBroken,
        checkpoints: {
          ok: checkpoints.ok,
          checked: checkpoints.checked,
          latest_verified: checkpoints.latestVerified,
          first_mismatch: checkpoints.firstMismatch,
        },
      };
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
      noteFilter(request, request.query);
      reply.header('content-type', 'application/x-ndjson; charset=utf-8');
      reply.header('content-disposition', 'attachment; filename="audit.jsonl"');
      // Reply.send runs onSend (and so the access audit) before the first byte leaves.
      return reply.send(Readable.from(jsonLines(streamAuditEvents(db, filter))));
    },
  });

  r.get('/v1/audit/export.csv', {
    config: { access: { scope: 'dpo', action: 'audit.export' } },
    schema: {
      tags,
      security,
      summary: 'Export the audit events of your conventions as CSV, in chain order',
      description: 'Semicolon-separated, UTF-8 with a byte order mark, a header line, details as JSON.',
      querystring: filterQuery,
      produces: ['text/csv'],
    },
    handler: async (request, reply) => {
      const allowed = await dpoConventions(db, requirePrincipal(request).partnerId);
      const filter = toFilter(request.query, allowed);
      noteFilter(request, request.query);
      request.audit.details = { ...request.audit.details, format: 'csv' };
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', 'attachment; filename="audit.csv"');
      return reply.send(Readable.from(csvLines(streamAuditEvents(db, filter))));
    },
  });
}

async function* csvLines(events: AsyncIterable<AuditEvent>): AsyncGenerator<string> {
  yield auditCsvHeader();
  for await (const e of events) yield auditCsvLine(e);
}

async function* jsonLines(events: AsyncIterable<AuditEvent>): AsyncGenerator<string> {
  for await (const e of events) yield `${JSON.stringify({ ...e, at: e.at.toISOString() })}\n`;
}
