import { PassThrough } from 'node:stream';
import type { Db } from '@nonrecours/db';
import { appendAuditEvent } from '../audit/audit.repository.ts';
import { assertRowErrorRate, uploadBody } from './upload-body.ts';
import { UploadInterrupted } from './upload-interrupted.ts';
import { type Refusal, toRefusal } from './upload-refusal.ts';
import { checkBeforeBody, type UploadRequest } from './upload-request.ts';

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
  const body = uploadBody(request, { maxErrorsKept: CHECK_ERRORS_SHOWN });
  const { parser } = body;
  let refusal: Refusal | null = null;
  try {
    await body.readInto(new PassThrough().resume());
    assertRowErrorRate(parser.stats, convention.max_error_rate);
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
    bytes: body.bytes(),
    sha256: complete ? body.sha256() : null,
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
