// Extracts under a convention: streamed upload (text/csv, optionally gzip), status, row errors,
// withdrawal. A partner sees only its own extracts; territory teams and DPOs see their metadata.
import { PassThrough } from 'node:stream';
import {
  failInterruptedUploads,
  findVisibleExtract,
  listExtractErrors,
  listExtracts,
  receiveExtract,
  withdrawExtract,
} from '@nonrecours/core';
import type { Db, Extract } from '@nonrecours/db';
import { extractKinds } from '@nonrecours/pseudo';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type pg from 'pg';
import { z } from 'zod';
import { auditActorOf, requireConventionAccess, requirePrincipal } from '../plugins/access.plugin.ts';
import { errorResponses, errorSchema, timestamp } from '../schemas.ts';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM');

export const extractSchema = z
  .object({
    id: z.uuid(),
    partner_id: z.uuid(),
    kind: z.enum(extractKinds),
    schema: z.string(),
    reference_month: month,
    status: z.enum(['receiving', 'accepted', 'rejected', 'failed', 'withdrawn', 'purged']),
    current: z
      .boolean()
      .describe('accepted and not superseded by a newer extract of the same partner and kind'),
    superseded_by: z.uuid().nullable(),
    row_count: z.number().int().nullable(),
    valid_count: z.number().int().nullable(),
    error_count: z.number().int().nullable(),
    bytes: z.number().int().nullable(),
    sha256: z.string().nullable(),
    key_version: z.number().int(),
    uploaded_by: z.string(),
    refusal: z.object({ code: z.string(), message: z.string() }).nullable(),
    received_at: timestamp,
    finished_at: timestamp.nullable(),
    expires_at: timestamp,
    withdrawn_at: timestamp.nullable(),
  })
  .meta({ id: 'Extract' });

export function presentExtract(e: Extract): z.output<typeof extractSchema> {
  return {
    id: e.id,
    partner_id: e.partner_id,
    kind: e.kind as z.output<typeof extractSchema>['kind'],
    schema: e.schema,
    reference_month: e.reference_month.slice(0, 7),
    status: e.status,
    current: e.status === 'accepted' && e.superseded_by === null,
    superseded_by: e.superseded_by,
    row_count: e.row_count,
    valid_count: e.valid_count,
    error_count: e.error_count,
    bytes: e.bytes,
    sha256: e.sha256,
    key_version: e.key_version,
    uploaded_by: e.uploaded_by,
    refusal: e.refusal_code ? { code: e.refusal_code, message: e.refusal_message ?? '' } : null,
    received_at: e.received_at,
    finished_at: e.finished_at,
    expires_at: e.expires_at,
    withdrawn_at: e.withdrawn_at,
  };
}

const tags = ['extracts'];
const security = [{ bearer: [] }];
const readers = ['partner', 'territory', 'dpo'] as const;
const cidParams = z.object({ cid: z.uuid() });
const extractParams = z.object({ cid: z.uuid(), id: z.uuid() });

/**
 * The request body as a stream the upload may abandon: on a refusal the pipeline destroys this copy,
 * not the socket, so the 4xx still reaches the client; a client that goes away fails it.
 */
function bodyOf(request: FastifyRequest): PassThrough {
  const raw = request.raw;
  const body = new PassThrough({ highWaterMark: 1 << 20 });
  raw.pipe(body);
  raw.once('error', (error) => body.destroy(error));
  raw.once('close', () => {
    if (!raw.complete) body.destroy(new Error('the client closed the connection before the end of the body'));
  });
  return body;
}

export async function extractsRoutes(
  app: FastifyInstance,
  options: { db: Db; pool: pg.Pool; maxUploadBytes: number },
) {
  const { db, pool } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();

  // The body is streamed by the handler, never buffered by Fastify.
  app.addContentTypeParser('text/csv', (_request, _payload, done) => done(null));

  r.post('/v1/conventions/:cid/extracts', {
    config: {
      access: { scope: 'convention', roles: ['partner'], action: 'extract.upload', purpose: 'ingestion' },
    },
    schema: {
      tags,
      security,
      summary: 'Upload a pseudonymised extract (streamed CSV)',
      description:
        'The body is the extract of EXTRACTS.md as `text/csv` (optionally `Content-Encoding: gzip`). The key check, the kind, the schema and the partner’s right to provide that kind are verified before the body is read. The rows are validated while they stream and loaded at once when the extract is accepted.',
      params: cidParams,
      querystring: z.object({ kind: z.enum(extractKinds), schema: z.string(), reference_month: month }),
      headers: z.object({
        'x-key-check': z
          .string()
          .optional()
          .describe('The key check value of the convention key used to pseudonymise'),
        'idempotency-key': z
          .string()
          .min(8)
          .max(200)
          .optional()
          .describe('Sending the same body again with the same key returns the same extract'),
      }),
      consumes: ['text/csv'],
      response: {
        202: extractSchema,
        200: extractSchema,
        413: errorSchema,
        415: errorSchema,
        422: errorSchema,
        ...errorResponses,
      },
    },
    handler: async (request, reply) => {
      const access = requireConventionAccess(request);
      const principal = requirePrincipal(request);
      const contentType = request.headers['content-type'] ?? '';
      if (!contentType.startsWith('text/csv')) {
        reply.header('connection', 'close');
        return reply
          .status(415)
          .send({ code: 'unsupported_media_type', message: 'send the extract as text/csv' });
      }
      const length = request.headers['content-length'];
      const body = bodyOf(request);
      try {
        const { extract, replayed } = await receiveExtract(
          { db, pool },
          {
            access,
            actor: { ...auditActorOf(request), actor: principal.subject },
            kind: request.query.kind,
            schema: request.query.schema,
            referenceMonth: request.query.reference_month,
            keyCheck: request.headers['x-key-check'],
            idempotencyKey: request.headers['idempotency-key'],
            contentEncoding: request.headers['content-encoding'],
            contentLength: length === undefined ? undefined : Number(length),
            body,
            maxBytes: options.maxUploadBytes,
          },
        );
        request.audit.written = !replayed;
        request.audit.target = `extract/${extract.id}`;
        return reply
          .status(replayed ? 200 : 202)
          .header('location', `/v1/conventions/${access.convention.id}/extracts/${extract.id}`)
          .send(presentExtract(extract));
      } catch (error) {
        // The upload wrote its own audit event for every outcome it reached.
        request.audit.written =
          (error as { details?: { extract_id?: string } }).details?.extract_id !== undefined;
        throw error;
      } finally {
        if (!request.raw.complete) {
          request.raw.unpipe(body);
          request.raw.resume();
          reply.header('connection', 'close');
        }
      }
    },
  });

  r.get('/v1/conventions/:cid/extracts', {
    config: {
      access: {
        scope: 'convention',
        roles: readers,
        action: 'extract.list',
        purpose: 'ingestion',
        requireActive: false,
      },
    },
    schema: {
      tags,
      security,
      summary: 'Extracts of the convention (a partner sees its own), newest first',
      params: cidParams,
      querystring: z.object({
        kind: z.enum(extractKinds).optional(),
        limit: z.coerce.number().int().min(1).max(500).default(100),
        before: z.iso.datetime({ offset: true }).optional(),
      }),
      response: { 200: z.object({ items: z.array(extractSchema) }), ...errorResponses },
    },
    handler: async (request) => {
      const { convention, role, member } = requireConventionAccess(request);
      await failInterruptedUploads(db);
      const items = await listExtracts(
        db,
        {
          conventionId: convention.id,
          partnerId: role === 'partner' ? member.partner_id : undefined,
          kind: request.query.kind,
        },
        {
          limit: request.query.limit,
          before: request.query.before ? new Date(request.query.before) : undefined,
        },
      );
      request.audit.recordCount = items.length;
      return { items: items.map(presentExtract) };
    },
  });

  r.get('/v1/conventions/:cid/extracts/:id', {
    config: {
      access: {
        scope: 'convention',
        roles: readers,
        action: 'extract.read',
        purpose: 'ingestion',
        requireActive: false,
      },
    },
    schema: {
      tags,
      security,
      summary: 'One extract: status, counts, hash, timings',
      params: extractParams,
      response: { 200: extractSchema, ...errorResponses },
    },
    handler: async (request) => {
      const { convention, role, member } = requireConventionAccess(request);
      await failInterruptedUploads(db);
      return presentExtract(
        await findVisibleExtract(db, convention.id, request.params.id, {
          role,
          partnerId: member.partner_id,
        }),
      );
    },
  });

  r.get('/v1/conventions/:cid/extracts/:id/errors', {
    config: {
      access: {
        scope: 'convention',
        roles: ['partner'],
        action: 'extract.errors',
        purpose: 'ingestion',
        requireActive: false,
      },
    },
    schema: {
      tags,
      security,
      summary: 'Row errors of an extract: line, column and code, never the value',
      params: extractParams,
      querystring: z.object({
        limit: z.coerce.number().int().min(1).max(1000).default(100),
        cursor: z.coerce.number().int().min(0).default(0),
      }),
      response: {
        200: z.object({
          error_count: z.number().int().nullable(),
          items: z.array(
            z.object({ line: z.number().int(), column: z.string().nullable(), code: z.string() }),
          ),
          next_cursor: z.number().int().nullable(),
        }),
        ...errorResponses,
      },
    },
    handler: async (request) => {
      const { convention, role, member } = requireConventionAccess(request);
      const extract = await findVisibleExtract(db, convention.id, request.params.id, {
        role,
        partnerId: member.partner_id,
      });
      const rows = await listExtractErrors(db, extract.id, {
        limit: request.query.limit + 1,
        after: request.query.cursor,
      });
      const items = rows.slice(0, request.query.limit);
      return {
        error_count: extract.error_count,
        items: items.map((e) => ({ line: e.line, column: e.column_name, code: e.code })),
        next_cursor: rows.length > request.query.limit ? (items.at(-1)?.ordinal ?? null) : null,
      };
    },
  });

  r.delete('/v1/conventions/:cid/extracts/:id', {
    config: {
      access: {
        scope: 'convention',
        roles: ['partner'],
        action: 'extract.withdraw',
        purpose: 'ingestion',
        requireActive: false,
      },
    },
    schema: {
      tags,
      security,
      summary: 'Withdraw an extract: its rows are deleted',
      params: extractParams,
      response: { 200: extractSchema, ...errorResponses },
    },
    handler: async (request) => {
      const { convention, member } = requireConventionAccess(request);
      const extract = await withdrawExtract(
        db,
        auditActorOf(request),
        convention.id,
        request.params.id,
        member.partner_id,
      );
      request.audit.written = true;
      return presentExtract(extract);
    },
  });
}
