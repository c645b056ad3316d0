// How an upload's body is read, the same for an upload and for its dry run: the client's pace
// guarded, its size metered before and after decoding, the decoded bytes hashed, then parsed and
// checked row by row into whatever the caller streams the rows to.
import { createHash } from 'node:crypto';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createExtractParser, type ExtractParseStats } from './parse/index.ts';
import { slowBodyGuard } from './slow-body-guard.ts';
import { TooManyRowErrors } from './upload-refusal.ts';
import { decoding, meter, type UploadRequest } from './upload-request.ts';

/** Refuses an unsupported content encoding at once, before any byte is read. */
export function uploadBody(request: UploadRequest, options: { maxErrorsKept: number }) {
  const decoders = decoding(request.contentEncoding);
  const hash = createHash('sha256');
  const raw = meter(request.maxBytes);
  const decoded = meter(request.maxBytes, hash);
  const parser = createExtractParser(request.kind, {
    maxErrorsKept: options.maxErrorsKept,
    schema: request.schema,
  });
  return {
    parser,
    /** Decoded bytes read so far. */
    bytes: decoded.bytes,
    /** The SHA-256 of the decoded body, once it has been read whole. */
    sha256: () => hash.digest('hex'),
    readInto: (sink: Writable) =>
      pipeline([
        request.body,
        slowBodyGuard(request.slowBody),
        raw.stream,
        ...decoders,
        decoded.stream,
        parser,
        sink,
      ]),
  };
}

/** A file with more row errors than the convention accepts is refused whole. */
export function assertRowErrorRate(stats: ExtractParseStats, maxErrorRate: number): void {
  if (stats.errorCount > maxErrorRate * stats.rows)
    throw new TooManyRowErrors(stats.rows, stats.errorCount, stats.errors);
}
