// The refusals an upload can end with, from whatever stage met them: the parser's, the convention's
// error rate, a 4xx of the service, zlib's. Anything else is not a refusal but a failure.
import { AppError } from '../errors.ts';
import { ExtractRefusal } from './parse/index.ts';

export class TooManyRowErrors extends Error {
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

export interface Refusal {
  status: number;
  code: string;
  message: string;
  details?: Record<string, unknown>;
  rows?: number;
  errorCount?: number;
  errors?: TooManyRowErrors['errors'];
}

export function toRefusal(error: unknown): Refusal | null {
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
  return gzipRefusal(error);
}

/** zlib's errors: a stream cut short is a malformed file, anything else is not gzip at all. */
function gzipRefusal(error: unknown): Refusal | null {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('Z_')) return null;
  if (code === 'Z_BUF_ERROR') {
    return {
      status: 422,
      code: 'malformed_csv',
      message: 'the gzip stream ends before its end: the body was cut',
    };
  }
  return { status: 415, code: 'unsupported_encoding', message: 'the body is not a valid gzip stream' };
}

export function asAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const refusal = toRefusal(error) as Refusal;
  return new AppError(refusal.status, refusal.code, refusal.message);
}
