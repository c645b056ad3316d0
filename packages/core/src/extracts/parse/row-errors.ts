// Row errors: a row with a bad or missing value is left out of the load and reported by line,
// column and code, never by value. All are counted; only the first few are kept, so memory stays
// flat however bad the file.

export const rowErrorCodes = [
  'required',
  'invalid_month',
  'invalid_amount',
  'invalid_boolean',
  'invalid_integer',
  'below_minimum',
  'invalid_enum',
  'invalid_commune',
  'wrong_field_count',
] as const;
export type RowErrorCode = (typeof rowErrorCodes)[number];

export interface RowError {
  /** 1-based physical line where the row starts (the header is line 1). */
  line: number;
  /** The column as named in the header; null when the row's fields cannot be matched to columns. */
  column: string | null;
  code: RowErrorCode;
}

export class RowErrorLog {
  readonly kept: RowError[] = [];
  count = 0;
  readonly #limit: number;

  constructor(limit: number) {
    this.#limit = limit;
  }

  add(line: number, column: string | null, code: RowErrorCode): void {
    this.count++;
    if (this.kept.length < this.#limit) this.kept.push({ line, column, code });
  }
}
