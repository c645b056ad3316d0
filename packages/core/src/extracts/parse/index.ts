// The streaming parser of uploaded extracts (EXTRACTS.md): the decompressed CSV body in, the
// PostgreSQL COPY text (text format) of its valid rows out, in copyColumns order. A file-level
// problem destroys the stream with an ExtractRefusal; a bad row is left out and reported in the
// parser's stats by line, column and code (every bad value of the row, or one wrong_field_count).
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
