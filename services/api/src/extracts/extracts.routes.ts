// Extracts under a convention: streamed upload (text/csv, optionally gzip), status, row errors,
// withdrawal. A partner sees only its own extracts; territory teams and DPOs see their metadata.
import { PassThrough } from 'node:stream';
import {
  type CheckOutcome,
  checkExtract,
  clientWentAway,
  failInterruptedUploads,
  findVisibleExtract,
  listExtractErrors,
  listExtracts,
  receiveExtract,
  type SlowBodyLimits,
  UploadSlots,
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
    refusal: z
      .object({
        code: z.string(),
        message: z.string(),
        details: z
          .record(z.string(), z.unknown())
          .optional()
          .describe('where: line and column, or the header columns at fault (names, never values)'),
      })
      .nullable(),
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
    refusal: e.refusal_code
      ? {
          code: e.refusal_code,
          message: e.refusal_message ?? '',
          ...(e.refusal_details ? { details: e.refusal_details } : {}),
        }
      : null,
    received_at: e.received_at,
    finished_at: e.finished_at,
    expires_at: e.expires_at,
    withdrawn_at: e.withdrawn_at,
  };
}

export const extractCheckSchema = z
  .object({
    dry_run: z.literal(true),
    verdict: z.enum(['accepted', 'rejected']).describe('what an upload of this file would answer'),
    refusal: z
      .object({
        code: z.string(),
        message: z.string(),
        details: z.record(z.string(), z.unknown()).optional(),
      })
      .nullable(),
    row_count: z.number().int(),
    valid_count: z.number().int(),
    error_count: z.number().int(),
    errors: z
      .array(z.object({ line: z.number().int(), column: z.string().nullable(), code: z.string() }))
      .describe('the first row errors: line, column and code, never the value'),
    bytes: z.number().int(),
    sha256: z.string().nullable(),
  })
  .meta({ id: 'ExtractCheck' });

function presentCheck(c: CheckOutcome): z.output<typeof extractCheckSchema> {
  return {
    dry_run: true,
    verdict: c.verdict,
    refusal: c.refusal,
    row_count: c.rows,
    valid_count: c.validRows,
    error_count: c.errorCount,
    errors: c.errors.map((e) => ({ line: e.line, column: e.column, code: e.code })),
    bytes: c.bytes,
    sha256: c.sha256,
  };
}

/** `text/csv`, with no charset or UTF-8 (the only encoding an extract may have). */
function contentTypeProblem(header: string): { code: string; message: string } | null {
  const [type, ...parameters] = header.split(';').map((part) => part.trim());
  if (type?.toLowerCase() !== 'text/csv') {
    return { code: 'unsupported_media_type', message: 'send the extract as text/csv' };
  }
  for (const parameter of parameters) {
    const eq = parameter.indexOf('=');
    if (eq < 0 || parameter.slice(0, eq).trim().toLowerCase() !== 'charset') continue;
    const charset = parameter
      .slice(eq + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .toLowerCase();
    if (charset !== 'utf-8' && charset !== 'utf8') {
      return {
        code: 'unsupported_encoding',
        message: 'an extract is UTF-8: send it as text/csv; charset=utf-8',
      };
    }
  }
  return null;
}

const currentMonth = () => new Date().toISOString().slice(0, 7);

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
  // Its failure is read by the upload's pipeline, which may not be built yet when the client goes.
  body.on('error', () => {});
  // The client may have gone while the request was authenticated: its close has been and gone.
  if (raw.destroyed && !raw.complete) {
    body.destroy(clientWentAway());
    return body;
  }
  raw.pipe(body);
  raw.once('error', () => body.destroy(clientWentAway()));
  raw.once('close', () => {
    if (!raw.complete) body.destroy(clientWentAway());
  });
  return body;
}

export async function extractsRoutes(
  app: FastifyInstance,
  options: {
    db: Db;
    pool: pg.Pool;
    maxUploadBytes: number;
    slowBody: SlowBodyLimits;
    maxConcurrentUploads: number;
  },
) {
  const { db, pool } = options;
  const slots = new UploadSlots(options.maxConcurrentUploads);
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
      operationId: 'uploadExtract',
      summary: 'Upload a pseudonymised extract (streamed CSV)',
      description:
        'The body is the extract of EXTRACTS.md as `text/csv` in UTF-8 (optionally `Content-Encoding: gzip`). The key check, the kind, the schema, the reference month and the partner’s right to provide that kind are verified before the body is read. The rows are validated while they stream and loaded at once when the extract is accepted. With `dry_run=true` the whole file is checked exactly as an upload would check it and the verdict returned (200), with nothing stored and nothing superseded.',
      params: cidParams,
      querystring: z.object({
        kind: z.enum(extractKinds),
        schema: z.string(),
        reference_month: month,
        dry_run: z
          .enum(['true', 'false'])
          .optional()
          .describe('check the file only: its verdict and row errors, nothing stored'),
      }),
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
        200: z.union([extractSchema, extractCheckSchema]),
        408: errorSchema,
        413: errorSchema,
        415: errorSchema,
        422: errorSchema,
        ...errorResponses,
      },
    },
    handler: async (request, reply) => {
      const access = requireConventionAccess(request);
      const principal = requirePrincipal(request);
      const problem = contentTypeProblem(request.headers['content-type'] ?? '');
      if (problem) {
        reply.header('connection', 'close');
        return reply.status(415).send({ code: problem.code, message: problem.message });
      }
      const length = request.headers['content-length'];
      const body = bodyOf(request);
      let release = () => {};
      const upload = {
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
        slowBody: options.slowBody,
        currentMonth: currentMonth(),
      };
      try {
        release = slots.take();
        if (request.query.dry_run === 'true') {
          const check = await checkExtract({ db }, upload);
          request.audit.written = true;
          return reply.status(200).send(presentCheck(check));
        }
        const { extract, replayed } = await receiveExtract({ db, pool }, upload);
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
        release();
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
      operationId: 'listExtracts',
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
      operationId: 'getExtract',
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
      operationId: 'listExtractErrors',
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
      operationId: 'withdrawExtract',
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
