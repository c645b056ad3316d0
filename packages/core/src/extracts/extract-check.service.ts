// A dry run of an upload: the whole file through the same stages and limits, into nothing.
import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Db } from '@nonrecours/db';
import { appendAuditEvent } from '../audit/audit.repository.ts';
import { createExtractParser } from './parse/index.ts';
import { slowBodyGuard } from './slow-body-guard.ts';
import { UploadInterrupted } from './upload-interrupted.ts';
import { type Refusal, TooManyRowErrors, toRefusal } from './upload-refusal.ts';
import { checkBeforeBody, decoding, meter, type UploadRequest } from './upload-request.ts';

export interface CheckOutcome {
  verdict: 'accepted' | 'rejected';
  refusal: { code: string; message: string; details?: Record<string, unknown> } | null;
  rows: number;
  validRows: number;
  errorCount: number;
  /** The first row errors, by line and column. */
  errors: readonly { line: number; column: string | null; code: string }[];
  bytes: number;
  /** Of the whole decompressed body; null when the check stopped before its end. */
  sha256: string | null;
}

const CHECK_ERRORS_SHOWN = 100;

/**
 * A dry run: the whole file checked exactly as an upload would check it, with the same limits and
 * verdicts, but nothing stored and nothing superseded. Audited as a check.
 */
export async function checkExtract(deps: { db: Db }, request: UploadRequest): Promise<CheckOutcome> {
  checkBeforeBody(request);
  const { convention } = request.access;
  const decoders = decoding(request.contentEncoding);
  const hash = createHash('sha256');
  const raw = meter(request.maxBytes);
  const decoded = meter(request.maxBytes, hash);
  const parser = createExtractParser(request.kind, {
    maxErrorsKept: CHECK_ERRORS_SHOWN,
    schema: request.schema,
  });
  let refusal: Refusal | null = null;
  try {
    await pipeline([
      request.body,
      slowBodyGuard(request.slowBody),
      raw.stream,
      ...decoders,
      decoded.stream,
      parser,
      new PassThrough().resume(),
    ]);
    const stats = parser.stats;
    if (stats.errorCount > convention.max_error_rate * stats.rows)
      refusal = toRefusal(new TooManyRowErrors(stats.rows, stats.errorCount, stats.errors));
  } catch (error) {
    refusal = error instanceof UploadInterrupted ? null : toRefusal(error);
    if (!refusal) throw error;
  }
  const stats = parser.stats;
  const complete =
    refusal === null || refusal.code === 'too_many_row_errors' || refusal.code === 'empty_extract';
  const outcome: CheckOutcome = {
    verdict: refusal ? 'rejected' : 'accepted',
    refusal: refusal
      ? {
          code: refusal.code,
          message: refusal.message,
          ...(refusal.details ? { details: refusal.details } : {}),
        }
      : null,
    rows: stats.rows,
    validRows: stats.validRows,
    errorCount: stats.errorCount,
    errors: stats.errors,
    bytes: decoded.bytes(),
    sha256: complete ? hash.digest('hex') : null,
  };
  await appendAuditEvent(deps.db, {
    ...request.actor,
    conventionId: convention.id,
    action: 'extract.check',
    target: `convention/${convention.id}`,
    purpose: 'ingestion',
    outcome: 'success',
    statusCode: 200,
    details: {
      kind: request.kind,
      reference_month: request.referenceMonth,
      verdict: outcome.verdict,
      ...(refusal ? { code: refusal.code } : {}),
      rows: stats.rows,
      errors: stats.errorCount,
    },
  });
  return outcome;
}
