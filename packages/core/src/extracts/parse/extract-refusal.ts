// The file-level refusals of an extract (EXTRACTS.md): the whole upload is rejected and its bytes
// discarded. Messages and details name lines and columns only, never a value of the file: a refused
// file may be exactly the one that carries clear identifiers.
import { AppError } from '../../errors.ts';

export const extractRefusalCodes = [
  'invalid_encoding',
  'invalid_header',
  'unexpected_column',
  'missing_column',
  'duplicate_column',
  'clear_identifier_suspected',
  'malformed_csv',
  'line_too_long',
  'too_many_fields',
  'empty_extract',
] as const;
export type ExtractRefusalCode = (typeof extractRefusalCodes)[number];

/** Where a refusal was found, or which header columns caused it. */
export type ExtractRefusalDetails =
  | { line: number; column: string | null }
  // An unexpected header name is echoed only when it has the shape of a column name: a file without
  // its header row would otherwise put its first row's values in the error.
  | { columns: { position: number; name?: string }[] }
  | { columns: string[] };

export class ExtractRefusal extends AppError {
  declare readonly code: ExtractRefusalCode;
  declare readonly details: ExtractRefusalDetails | undefined;

  constructor(code: ExtractRefusalCode, message: string, details?: ExtractRefusalDetails) {
    super(422, code, message, details);
  }
}
