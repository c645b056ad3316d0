// An upload as the routes hand it over, and what is checked of it before and around its body: the
// kind, schema, key check and reference month before a byte is read; then its size, its encoding.
import type { createHash } from 'node:crypto';
import { type Readable, Transform } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { type ExtractKind, schemaOfKind, schemasOfKind } from '@nonrecours/pseudo';
import type { AuditActor } from '../audit/audit-actor.ts';
import type { ConventionAccess } from '../conventions/convention-access.ts';
import { AppError, badRequest, forbidden } from '../errors.ts';
import type { SlowBodyLimits } from './slow-body-guard.ts';

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
  slowBody: SlowBodyLimits;
  /** The month the service is in, YYYY-MM (UTC): no extract describes a later one. */
  currentMonth: string;
}

export const payloadTooLarge = (max: number) =>
  new AppError(413, 'payload_too_large', `the extract is larger than the limit of ${max} bytes`);

/** Counts bytes against the limit and hashes them as they pass. */
export function meter(maxBytes: number, hash?: ReturnType<typeof createHash>) {
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

export function decoding(encoding: string | undefined): Transform[] {
  const e = encoding?.trim().toLowerCase();
  if (!e || e === 'identity') return [];
  if (e === 'gzip' || e === 'x-gzip') return [createGunzip()];
  throw new AppError(
    415,
    'unsupported_encoding',
    `content encoding ${e} is not supported; send identity or gzip`,
  );
}

/**
 * The months an extract may describe: from the convention's start to the current month. A later
 * month would become its kind's current extract and set every run's as_of past all the others.
 */
function checkReferenceMonth(request: UploadRequest): void {
  const earliest = request.access.convention.valid_from.slice(0, 7);
  const latest = request.currentMonth;
  const month = request.referenceMonth;
  if (month < earliest || month > latest) {
    throw badRequest(
      'reference_month_out_of_range',
      `reference_month must be between ${earliest} (the start of the convention) and ${latest} (the current month)`,
      { earliest, latest },
    );
  }
}

export function checkBeforeBody(request: UploadRequest): void {
  const { access, kind } = request;
  if (!schemasOfKind[kind].includes(request.schema)) {
    throw badRequest(
      'unknown_schema',
      `kind ${kind} is sent with schema ${schemasOfKind[kind].join(' or ')}`,
      { expected: schemaOfKind[kind], accepted: schemasOfKind[kind] },
    );
  }
  if (!access.member.provides.includes(kind)) {
    throw forbidden(
      'not_a_provider_of_kind',
      `your organisation does not provide ${kind} extracts under this convention`,
    );
  }
  if (request.keyCheck === undefined || request.keyCheck === '') {
    throw badRequest(
      'key_check_missing',
      'the X-Key-Check header is missing: send the key check value of the convention key used to pseudonymise',
    );
  }
  if (request.keyCheck !== access.convention.key_check_value) {
    throw badRequest(
      'key_check_mismatch',
      'the X-Key-Check header does not match the convention key: pseudonyms made with another key would never match',
    );
  }
  checkReferenceMonth(request);
  if (request.contentLength !== undefined && request.contentLength > request.maxBytes)
    throw payloadTooLarge(request.maxBytes);
}
