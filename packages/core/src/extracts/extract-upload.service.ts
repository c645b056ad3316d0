// Receives one extract: checks everything that can be checked before the body is read, then streams
// body → (gunzip) → size and SHA-256 meter → strict parser → COPY into the extract's own table, in one
// transaction that also attaches the table as a partition, records the outcome and audits it. A
// refusal or a crash rolls everything back: no row of a refused or half-received extract is ever
// visible, and a file suspected of carrying clear identifiers leaves no byte behind.
import { createHash } from 'node:crypto';
import { PassThrough, type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { type Db, type Extract, withDedicatedConnection } from '@nonrecours/db';
import { type ExtractKind, schemaOfKind, schemasOfKind } from '@nonrecours/pseudo';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { appendAuditEvent } from '../audit/audit.repository.ts';
import type { AuditActor } from '../audit/audit-actor.ts';
import type { ConventionAccess } from '../conventions/convention-access.ts';
import { AppError, badRequest, conflict, forbidden } from '../errors.ts';
import { attachPartitionSql, createPartitionSql, partitionTable } from './extract-tables.ts';
import {
  findByIdempotencyKey,
  insertExtract,
  insertExtractErrors,
  refreshCurrentExtract,
} from './extracts.repository.ts';
import { createExtractParser, ExtractRefusal } from './parse/index.ts';

export interface UploadRequest {
  access: ConventionAccess;
  actor: AuditActor & { actor: string };
  kind: ExtractKind;
  schema: string;
  /** YYYY-MM */
  referenceMonth: string;
  keyCheck: string | undefined;
  idempotencyKey: string | undefined;
  contentEncoding: string | undefined;
  contentLength: number | undefined;
  body: Readable;
  maxBytes: number;
}

export interface UploadOutcome {
  extract: Extract;
  /** The same key and body were received before: this is that extract. */
  replayed: boolean;
}

const MAX_ERRORS_KEPT = 1000;
const payloadTooLarge = (max: number) =>
  new AppError(413, 'payload_too_large', `the extract is larger than the limit of ${max} bytes`);

/** Counts bytes against the limit and hashes them as they pass. */
function meter(maxBytes: number, hash?: ReturnType<typeof createHash>) {
  let bytes = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > maxBytes) return callback(payloadTooLarge(maxBytes));
      hash?.update(chunk);
      callback(null, chunk);
    },
  });
  return { stream, bytes: () => bytes };
}

function decoding(encoding: string | undefined): Transform[] {
  const e = encoding?.trim().toLowerCase();
  if (!e || e === 'identity') return [];
  if (e === 'gzip' || e === 'x-gzip') return [createGunzip()];
  throw new AppError(
    415,
    'unsupported_encoding',
    `content encoding ${e} is not supported; send identity or gzip`,
  );
}

function checkBeforeBody(request: UploadRequest): void {
  const { access, kind } = request;
  if (!schemasOfKind[kind].includes(request.schema)) {
    throw badRequest(
      'unknown_schema',
      `kind ${kind} is sent with schema ${schemasOfKind[kind].join(' or ')}`,
      {
        expected: schemaOfKind[kind],
        accepted: schemasOfKind[kind],
      },
    );
  }
  if (!access.member.provides.includes(kind)) {
    throw forbidden(
      'not_a_provider_of_kind',
      `your organisation does not provide ${kind} extracts under this convention`,
    );
  }
  if (!request.keyCheck || request.keyCheck !== access.convention.key_check_value) {
    throw badRequest(
      'key_check_mismatch',
      'the X-Key-Check header does not match the convention key: pseudonyms made with another key would never match',
    );
  }
  if (request.contentLength !== undefined && request.contentLength > request.maxBytes)
    throw payloadTooLarge(request.maxBytes);
}

function refusalOf(extract: Extract): AppError {
  const status =
    extract.refusal_code === 'too_many_row_errors'
      ? 422
      : extract.refusal_code === 'payload_too_large'
        ? 413
        : 400;
  return new AppError(
    status,
    extract.refusal_code ?? 'rejected',
    extract.refusal_message ?? 'the extract was refused',
    {
      extract_id: extract.id,
    },
  );
}

/** Same key sent again: same body → the same extract; another body → 409. */
async function replay(existing: Extract, request: UploadRequest): Promise<UploadOutcome> {
  if (existing.status === 'receiving')
    throw conflict('upload_in_progress', 'an upload with this idempotency key is in progress');
  const hash = createHash('sha256');
  const m = meter(request.maxBytes, hash);
  await pipeline([request.body, ...decoding(request.contentEncoding), m.stream, new PassThrough().resume()]);
  if (hash.digest('hex') !== existing.sha256) {
    throw conflict('idempotency_key_reused', 'this idempotency key was used for another body', {
      extract_id: existing.id,
    });
  }
  if (existing.status === 'rejected') throw refusalOf(existing);
  return { extract: existing, replayed: true };
}

export async function receiveExtract(
  deps: { db: Db; pool: pg.Pool },
  request: UploadRequest,
): Promise<UploadOutcome> {
  checkBeforeBody(request);
  const { db } = deps;
  const { convention, member } = request.access;
  const decoders = decoding(request.contentEncoding);
  if (request.idempotencyKey) {
    const existing = await findByIdempotencyKey(db, convention.id, member.partner_id, request.idempotencyKey);
    if (existing) return replay(existing, request);
  }

  const extract = await insertExtract(db, {
    convention_id: convention.id,
    partner_id: member.partner_id,
    kind: request.kind,
    schema: request.schema,
    reference_month: `${request.referenceMonth}-01`,
    key_version: convention.key_version,
    idempotency_key: request.idempotencyKey ?? null,
    uploaded_by: request.actor.actor,
    expires_at: new Date(Date.now() + convention.retention_days * 86_400_000),
  }).catch((error: unknown) => {
    if ((error as { code?: string }).code === '23505') {
      throw conflict('upload_in_progress', 'an upload with this idempotency key is in progress');
    }
    throw error;
  });

  const hash = createHash('sha256');
  const raw = meter(request.maxBytes);
  const decoded = meter(request.maxBytes, hash);
  const parser = createExtractParser(request.kind, {
    maxErrorsKept: MAX_ERRORS_KEPT,
    schema: request.schema,
  });
  const started = Date.now();
  const audit = (
    outcome: 'success' | 'denied' | 'failed',
    statusCode: number,
    details: Record<string, unknown>,
  ) => ({
    ...request.actor,
    conventionId: convention.id,
    action: 'extract.upload',
    target: `extract/${extract.id}`,
    purpose: 'ingestion',
    outcome,
    statusCode,
    details: { kind: request.kind, reference_month: request.referenceMonth, ...details },
  });

  try {
    const accepted = await withDedicatedConnection(deps.pool, ({ db: conn, client }) =>
      conn.transaction().execute(async (trx) => {
        await trx.selectFrom('extracts').select('id').where('id', '=', extract.id).forUpdate().execute();
        await client.query(createPartitionSql(request.kind, extract.id));
        const copy = client.query(
          copyFrom(
            `copy ${partitionTable(request.kind, extract.id)} (${parser.columns.join(', ')}) from stdin`,
          ),
        );
        await pipeline([request.body, raw.stream, ...decoders, decoded.stream, parser, copy]);
        const stats = parser.stats;
        if (stats.errorCount > convention.max_error_rate * stats.rows) {
          throw new TooManyRowErrors(stats.rows, stats.errorCount, stats.errors);
        }
        await client.query(attachPartitionSql(request.kind, extract.id));
        await insertExtractErrors(trx, extract.id, stats.errors);
        const row = await trx
          .updateTable('extracts')
          .set({
            status: 'accepted',
            row_count: stats.rows,
            valid_count: stats.validRows,
            error_count: stats.errorCount,
            bytes: decoded.bytes(),
            sha256: hash.digest('hex'),
            finished_at: new Date(),
          })
          .where('id', '=', extract.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await refreshCurrentExtract(trx, row);
        await appendAuditEvent(
          trx,
          audit('success', 202, {
            rows: stats.rows,
            errors: stats.errorCount,
            duration_ms: Date.now() - started,
          }),
        );
        return row;
      }),
    );
    return { extract: accepted, replayed: false };
  } catch (error) {
    const refusal = toRefusal(error);
    if (refusal) {
      // A refusal met before the end of the body has no hash of the whole body: its key is released so
      // that the same key may carry the corrected file (the same file is then refused again).
      const complete = refusal.code === 'too_many_row_errors' || refusal.code === 'empty_extract';
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('extracts')
          .set({
            status: 'rejected',
            refusal_code: refusal.code,
            refusal_message: refusal.message,
            row_count: refusal.rows ?? null,
            error_count: refusal.errorCount ?? null,
            bytes: decoded.bytes(),
            sha256: complete ? hash.digest('hex') : null,
            idempotency_key: complete ? extract.idempotency_key : null,
            finished_at: new Date(),
          })
          .where('id', '=', extract.id)
          .execute();
        if (refusal.errors) await insertExtractErrors(trx, extract.id, refusal.errors);
        await appendAuditEvent(trx, audit('denied', refusal.status, { code: refusal.code }));
      });
      throw new AppError(refusal.status, refusal.code, refusal.message, {
        extract_id: extract.id,
        ...refusal.details,
      });
    }
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('extracts')
        .set({
          status: 'failed',
          refusal_code: 'interrupted',
          refusal_message: 'the upload was interrupted before it completed; send it again',
          finished_at: new Date(),
        })
        .where('id', '=', extract.id)
        .execute();
      await appendAuditEvent(trx, audit('failed', 500, { code: 'interrupted' }));
    });
    throw error;
  }
}

class TooManyRowErrors extends Error {
  readonly rows: number;
  readonly errorCount: number;
  readonly errors: readonly { line: number; column: string | null; code: string }[];
  constructor(rows: number, errorCount: number, errors: TooManyRowErrors['errors']) {
    super('too many row errors');
    this.rows = rows;
    this.errorCount = errorCount;
    this.errors = errors;
  }
}

interface Refusal {
  status: number;
  code: string;
  message: string;
  details?: Record<string, unknown>;
  rows?: number;
  errorCount?: number;
  errors?: TooManyRowErrors['errors'];
}

function toRefusal(error: unknown): Refusal | null {
  if (error instanceof ExtractRefusal) {
    return {
      status: error.status,
      code: error.code,
      message: error.message,
      details: { ...(error.details ?? {}) },
    };
  }
  if (error instanceof TooManyRowErrors) {
    return {
      status: 422,
      code: 'too_many_row_errors',
      message: `${error.errorCount} of ${error.rows} rows are invalid, more than the convention allows; see the row errors`,
      details: { rows: error.rows, error_count: error.errorCount },
      rows: error.rows,
      errorCount: error.errorCount,
      errors: error.errors,
    };
  }
  if (error instanceof AppError && error.status < 500)
    return { status: error.status, code: error.code, message: error.message };
  if ((error as { code?: string }).code === 'Z_DATA_ERROR') {
    return { status: 422, code: 'invalid_encoding', message: 'the body is not valid gzip' };
  }
  return null;
}
