// The DPO's view of the audit trail: filtered query (by person too: GDPR art. 15; by request id),
// verification of the chain, of its signed checkpoints and of what was kept outside the database
// (checkpoints from the sink, receipts), JSONL and CSV exports, limited to the conventions where the
// caller's organisation holds the dpo role; and a checkpoint on demand, for DPOs and operators.
import { Readable } from 'node:stream';
import {
  type AuditFilter,
  type AuditSigner,
  actorNames,
  auditCsvHeader,
  auditCsvLine,
  checkpointMismatchReasons,
  conflict,
  countAuditEvents,
  createCheckpointVerifier,
  createReceiptVerifier,
  type ExternalCheckpoint,
  freshnessProblems,
  organisationNames,
  queryAuditEvents,
  streamAuditEvents,
  trailProblems,
  verificationReport,
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

const externalMismatchSchema = z
  .object({
    index: z.number().int().describe('its position in what was given'),
    seq: z.number().int().nullable().describe('as signed; null when the signature does not verify'),
    reason: z.enum(checkpointMismatchReasons),
  })
  .nullable();

const verifySchema = z.object({
  ok: z.boolean(),
  reason: z.enum(trailProblems).nullable().describe('why not: the first of `problems`'),
  problems: z.array(z.enum(trailProblems)),
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
  freshness: z.object({
    ok: z.boolean(),
    reason: z.enum(freshnessProblems).nullable(),
    unvouched: z.number().int().describe('events no checkpoint that holds vouches for yet'),
    newest_checkpoint_age_seconds: z.number().nullable(),
    period_seconds: z
      .number()
      .int()
      .describe('a checkpoint is signed every period while events are appended; two without one are overdue'),
  }),
  external: z.object({
    checked: z.number().int(),
    first_mismatch: externalMismatchSchema.describe(
      'the first trusted checkpoint given that the database no longer holds, or whose event it no longer holds',
    ),
  }),
  receipts: z.object({
    checked: z.number().int(),
    first_mismatch: externalMismatchSchema.describe(
      'the first receipt whose event the chain no longer holds',
    ),
  }),
});

const jws = z
  .string()
  .max(4096)
  .regex(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, 'a compact JWS');

const verifyBody = z.object({
  checkpoints: z
    .array(
      z.union([
        jws,
        z.object({ jws, seq: z.number().int().positive().optional(), hash: z.string().max(64).optional() }),
      ]),
    )
    .max(100_000)
    .default([])
    .describe(
      'checkpoints kept outside the database (the lines of AUDIT_CHECKPOINT_SINK_FILE, or their JWS)',
    ),
  receipts: z.array(jws).max(100_000).default([]).describe('the `audit-receipt` headers kept from responses'),
});

export async function auditRoutes(
  app: FastifyInstance,
  options: { db: Db; checkpointKeys: JWK[]; auditSigner: AuditSigner; checkpointPeriodSeconds: number },
) {
  const { db } = options;
  const verifyCheckpoint = createCheckpointVerifier(options.checkpointKeys);
  const verifyReceipt = createReceiptVerifier(options.checkpointKeys);
  const periodSeconds = options.checkpointPeriodSeconds;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/v1/audit', {
    config: { access: { scope: 'dpo', action: 'audit.query' } },
    schema: {
      tags,
      security,
      operationId: 'listAuditEvents',
      summary: 'Audit events of your conventions, newest first',
      querystring: filterQuery.extend({
        limit: z.coerce.number().int().min(1).max(1000).default(100),
        cursor: z.coerce.number().int().positive().optional(),
        with_total: z
          .enum(['true', 'false'])
          .optional()
          .describe('also count every event of the filter, in `total`'),
      }),
      response: {
        200: z.object({
          items: z.array(
            auditEventSchema.extend({
              actor_name: z
                .string()
                .nullable()
                .describe('the account’s e-mail address or the API client’s name; null for a command'),
              org_name: z.string().nullable().describe('the name of the actor’s organisation'),
            }),
          ),
          next_cursor: z.number().int().nullable(),
          total: z.number().int().nullable().describe('with `with_total=true`: the events of the filter'),
        }),
        ...errorResponses,
      },
    },
    handler: async (request) => {
      const allowed = await dpoConventions(db, requirePrincipal(request).partnerId);
      const filter = toFilter(request.query, allowed);
      const [page, total] = await Promise.all([
        queryAuditEvents(db, filter, { limit: request.query.limit, before: request.query.cursor }),
        request.query.with_total === 'true' ? countAuditEvents(db, filter) : null,
      ]);
      const [actors, organisations] = await Promise.all([
        actorNames(
          db,
          page.items.map((e) => e.actor),
        ),
        organisationNames(
          db,
          page.items.map((e) => e.org),
        ),
      ]);
      request.audit.recordCount = page.items.length;
      noteFilter(request, request.query);
      return {
        items: page.items.map((e) => ({
          ...e,
          actor_name: e.actor ? (actors.get(e.actor)?.name ?? null) : null,
          org_name: e.org ? (organisations.get(e.org) ?? null) : null,
        })),
        next_cursor: page.nextCursor,
        total,
      };
    },
  });

  const verifyDescription =
    'ok holds when the chain, every checkpoint and whatever was given from outside the database hold, and ' +
    'the checkpoints are not overdue. The chain alone cannot show a rewrite that recomputed every hash, nor a ' +
    'cut tail: the checkpoints, signed with the service key, can, up to the newest one; after it, receipts ' +
    'can; a rewrite of the checkpoint rows themselves shows against the checkpoints of the sink.';

  r.get('/v1/audit/verify', {
    config: { access: { scope: 'dpo', action: 'audit.verify' } },
    schema: {
      tags,
      security,
      operationId: 'verifyAuditChain',
      summary: 'Recompute the hash chain and check its signed checkpoints and their freshness',
      description: verifyDescription,
      response: { 200: verifySchema, ...errorResponses },
    },
    handler: async (request) => {
      const report = await verifyAuditTrail(db, verifyCheckpoint, { periodSeconds });
      request.audit.details = { ok: report.ok, checked: report.chain.checked, problems: report.problems };
      return verificationReport(report);
    },
  });

  r.post('/v1/audit/verify', {
    config: { access: { scope: 'dpo', action: 'audit.verify' } },
    bodyLimit: 64 * 1024 * 1024,
    schema: {
      tags,
      security,
      operationId: 'verifyAuditTrail',
      summary: 'Verify the trail against trusted checkpoints and receipts kept outside the database',
      description: verifyDescription,
      body: verifyBody,
      response: { 200: verifySchema, ...errorResponses },
    },
    handler: async (request) => {
      const external: ExternalCheckpoint[] = request.body.checkpoints.map((c) =>
        typeof c === 'string' ? { jws: c } : c,
      );
      const report = await verifyAuditTrail(db, verifyCheckpoint, {
        periodSeconds,
        external,
        receipts: { jws: request.body.receipts, verify: verifyReceipt },
      });
      request.audit.details = {
        ok: report.ok,
        checked: report.chain.checked,
        problems: report.problems,
        external: external.length,
        receipts: request.body.receipts.length,
      };
      return verificationReport(report);
    },
  });

  r.post('/v1/audit/checkpoints', {
    config: { access: { scope: 'audit', action: 'audit.checkpoint' } },
    schema: {
      tags,
      security,
      operationId: 'createAuditCheckpoint',
      summary: 'Sign a checkpoint of the audit chain now',
      description:
        'Signs the chain head if events were appended since the last checkpoint (200 with `created: false` ' +
        'otherwise), once the last checkpoint still holds and the events since recompute: a trail that no ' +
        'longer verifies is not signed (409 audit_trail_broken, recorded in the chain). The checkpoint is also ' +
        'written to the checkpoint sink (AUDIT_CHECKPOINT_SINK_FILE) and the log.',
      response: {
        201: z.object({
          created: z.literal(true),
          id: z.number().int(),
          seq: z.number().int(),
          hash: z.string(),
          at: z.string(),
          jws: z.string().describe('keep it: a trusted checkpoint for POST /v1/audit/verify'),
        }),
        200: z.object({ created: z.literal(false), reason: z.enum(['empty_chain', 'up_to_date']) }),
        ...errorResponses,
      },
    },
    handler: async (request, reply) => {
      const principal = requirePrincipal(request);
      const outcome = await options.auditSigner.checkpoint('on_demand', request.log, {
        actor: principal.subject,
        org: principal.partnerId,
        role: principal.role,
        requestId: request.id,
      });
      if (outcome.created) return reply.status(201).send(outcome);
      if (outcome.reason === 'empty_chain' || outcome.reason === 'up_to_date')
        return { created: false as const, reason: outcome.reason };
      throw conflict('audit_trail_broken', 'the audit trail no longer verifies: no checkpoint is signed', {
        refused: outcome,
      });
    },
  });

  r.get('/v1/audit/export', {
    config: { access: { scope: 'dpo', action: 'audit.export' }, checkpointAfter: true },
    schema: {
      tags,
      security,
      operationId: 'exportAuditEvents',
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
    config: { access: { scope: 'dpo', action: 'audit.export' }, checkpointAfter: true },
    schema: {
      tags,
      security,
      operationId: 'exportAuditEventsCsv',
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
