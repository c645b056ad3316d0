// Receives one extract: checks everything that can be checked before the body is read, then streams
// body → (gunzip) → size and SHA-256 meter → strict parser → COPY into the extract's own table, in one
// transaction that also attaches the table as a partition, records the outcome and audits it. A
// refusal or a crash rolls everything back: no row of a refused or half-received extract is ever
// visible, and a file suspected of carrying clear identifiers leaves no byte behind.
import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type Db, type Extract, withDedicatedConnection } from '@nonrecours/db';
import type pg from 'pg';
import { appendAuditEvent } from '../audit/audit.repository.ts';
import { AppError, conflict } from '../errors.ts';
import { uploadBytes, uploadRows } from '../metrics/metrics.ts';
import { copyIn } from './copy-in.ts';
import { attachPartitionSql, createPartitionSql, partitionTable } from './extract-tables.ts';
import {
  failInterruptedUploads,
  findByIdempotencyKey,
  insertExtract,
  insertExtractErrors,
  refreshCurrentExtract,
} from './extracts.repository.ts';
import { slowBodyGuard } from './slow-body-guard.ts';
import { assertRowErrorRate, uploadBody } from './upload-body.ts';
import { UploadInterrupted } from './upload-interrupted.ts';
import { asAppError, toRefusal } from './upload-refusal.ts';
import { checkBeforeBody, decoding, meter, type UploadRequest } from './upload-request.ts';

export type { UploadRequest } from './upload-request.ts';

export interface UploadOutcome {
  extract: Extract;
  /** The same key and body were received before: this is that extract. */
  replayed: boolean;
}

const MAX_ERRORS_KEPT = 1000;

function countUpload(kind: string, outcome: 'accepted' | 'rejected', rows: number, bytes: number): void {
  uploadRows.inc({ kind, outcome }, rows);
  uploadBytes.inc({ kind, outcome }, bytes);
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
    { ...extract.refusal_details, extract_id: extract.id },
  );
}

/** Same key sent again: same body → the same extract; another body → 409. */
async function replay(existing: Extract, request: UploadRequest): Promise<UploadOutcome> {
  if (existing.status === 'receiving')
    throw conflict('upload_in_progress', 'an upload with this idempotency key is in progress');
  const hash = createHash('sha256');
  const m = meter(request.maxBytes, hash);
  await pipeline([
    request.body,
    slowBodyGuard(request.slowBody),
    ...decoding(request.contentEncoding),
    m.stream,
    new PassThrough().resume(),
  ]).catch((error: unknown) => {
    throw toRefusal(error) ? asAppError(error) : error;
  });
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
  const body = uploadBody(request, { maxErrorsKept: MAX_ERRORS_KEPT });
  const { parser } = body;
  if (request.idempotencyKey) {
    const existing = await findByIdempotencyKey(db, convention.id, member.partner_id, request.idempotencyKey);
    // An upload whose ingesting session died holds no row lock: it is failed at once, and this retry
    // takes its place. A live one holds its lock, and the retry is told it is in progress.
    const dead =
      existing?.status === 'receiving' && (await failInterruptedUploads(db, { id: existing.id })) > 0;
    if (existing && !dead) return replay(existing, request);
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
        const locked = await trx
          .selectFrom('extracts')
          .select('status')
          .where('id', '=', extract.id)
          .forUpdate()
          .executeTakeFirst();
        // Between its insert and this lock, a retry under the same key may have taken it for dead.
        if (locked?.status !== 'receiving') {
          throw new UploadInterrupted(
            409,
            'upload_in_progress',
            'another upload with this idempotency key took over',
          );
        }
        await client.query(createPartitionSql(request.kind, extract.id));
        const copy = copyIn(
          client,
          `copy ${partitionTable(request.kind, extract.id)} (${parser.columns.join(', ')}) from stdin`,
        );
        await body.readInto(copy);
        const stats = parser.stats;
        assertRowErrorRate(stats, convention.max_error_rate);
        await client.query(attachPartitionSql(request.kind, extract.id));
        await insertExtractErrors(trx, extract.id, stats.errors);
        const row = await trx
          .updateTable('extracts')
          .set({
            status: 'accepted',
            row_count: stats.rows,
            valid_count: stats.validRows,
            error_count: stats.errorCount,
            bytes: body.bytes(),
            sha256: body.sha256(),
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
    countUpload(request.kind, 'accepted', accepted.row_count ?? 0, body.bytes());
    return { extract: accepted, replayed: false };
  } catch (error) {
    const refusal = error instanceof UploadInterrupted ? null : toRefusal(error);
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
            refusal_details: refusal.details ? JSON.stringify(refusal.details) : null,
            row_count: refusal.rows ?? null,
            error_count: refusal.errorCount ?? null,
            bytes: body.bytes(),
            sha256: complete ? body.sha256() : null,
            idempotency_key: complete ? extract.idempotency_key : null,
            finished_at: new Date(),
          })
          .where('id', '=', extract.id)
          .where('status', '=', 'receiving')
          .execute();
        if (refusal.errors) await insertExtractErrors(trx, extract.id, refusal.errors);
        await appendAuditEvent(trx, audit('denied', refusal.status, { code: refusal.code }));
      });
      countUpload(request.kind, 'rejected', refusal.rows ?? 0, body.bytes());
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
        .where('status', '=', 'receiving')
        .execute();
      const status = error instanceof UploadInterrupted ? error.status : 500;
      const code = error instanceof UploadInterrupted ? error.code : 'interrupted';
      await appendAuditEvent(trx, audit('failed', status, { code }));
    });
    // The outcome is audited above: the answer names the extract so that it is not audited twice.
    if (error instanceof UploadInterrupted)
      throw new UploadInterrupted(error.status, error.code, error.message, { extract_id: extract.id });
    throw error;
  }
}
