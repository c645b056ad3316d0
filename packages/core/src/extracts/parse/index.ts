// The streaming parser of uploaded extracts: CSV in, PostgreSQL COPY text of the valid rows out.
export { copyColumns } from './copy-columns.ts';
export {
  createExtractParser,
  ExtractParser,
  type ExtractParserOptions,
  type ExtractParseStats,
} from './extract-parser.ts';
export {
  ExtractRefusal,
  type ExtractRefusalCode,
  type ExtractRefusalDetails,
  extractRefusalCodes,
} from './extract-refusal.ts';
export type { Delimiter } from './header.ts';
export { type RowError, type RowErrorCode, rowErrorCodes } from './row-errors.ts';
