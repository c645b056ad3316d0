// The checks and COPY text of one value, by column type: the reference semantics of the parser. The
// byte-level fast path (fast-row.ts) must accept nothing these refuse and write exactly what they
// write. Every accepted value is made of [A-Za-z0-9_.-] only, so no COPY escaping is ever needed.
import { type ColumnSpec, clkVersion, looksLikeClearIdentifier } from '@nonrecours/pseudo';
import type { RowErrorCode } from './row-errors.ts';

/** Why a value was refused: a row error, or a suspected clear identifier that refuses the file. */
export interface FieldFault {
  readonly code: RowErrorCode | 'clear_identifier';
}

/** The COPY text of a valid value (`\N` for an absent optional one), or why it is refused. */
export type FieldChecker = (value: string) => string | FieldFault;

export const COPY_NULL = '\\N';

// Shared instances: the general path runs on every quoted or faulty row, without allocating.
const fault = (code: FieldFault['code']): FieldFault => Object.freeze({ code });
const faults = {
  clear: fault('clear_identifier'),
  required: fault('required'),
  month: fault('invalid_month'),
  amount: fault('invalid_amount'),
  boolean: fault('invalid_boolean'),
  integer: fault('invalid_integer'),
  minimum: fault('below_minimum'),
  enum: fault('invalid_enum'),
  commune: fault('invalid_commune'),
};

const PSEUDONYM = /^[A-Za-z0-9_-]{43}$/;
// Years from 1000: PostgreSQL has no year 0, and a date column takes the first of the month.
const MONTH = /^[1-9]\d{3}-(?:0[1-9]|1[0-2])$/;
// numeric(12, 2) in the rows tables: at most 10 digits before the mark.
const AMOUNT = /^\d{1,10}(?:[.,]\d{1,2})?$/;
const INTEGER = /^-?\d+$/;
// The rows tables store counts as smallint.
export const MAX_INTEGER = 32767;
const COMMUNE = /^(?:\d{5}|2[AB]\d{3})$/;

export function fieldChecker(spec: ColumnSpec): FieldChecker {
  const check = valueCheck(spec);
  return (value) => {
    if (value === '') return spec.required ? faults.required : COPY_NULL;
    // Before the type check: a NIR or a phone number is a fine amount, and must still refuse the file.
    if (looksLikeClearIdentifier(value)) return faults.clear;
    return check(value);
  };
}

function valueCheck(spec: ColumnSpec): FieldChecker {
  switch (spec.type) {
    case 'pseudo':
      return (v) => (PSEUDONYM.test(v) ? v : faults.clear);
    case 'clk':
      return (v) => (clkVersion(v) !== null ? v : faults.clear);
    case 'month':
      return (v) => (MONTH.test(v) ? `${v}-01` : faults.month);
    case 'commune':
      return (v) => (COMMUNE.test(v) ? v : faults.commune);
    case 'bool':
      return (v) => (v === '0' ? 'f' : v === '1' ? 't' : faults.boolean);
    case 'amount':
      return (v) => (AMOUNT.test(v) ? v.replace(',', '.') : faults.amount);
    case 'int': {
      const { min } = spec;
      return (v) => {
        if (!INTEGER.test(v)) return faults.integer;
        const n = Number(v);
        if (n < min) return faults.minimum;
        return n > MAX_INTEGER ? faults.integer : String(n);
      };
    }
    case 'enum': {
      const values = new Set(spec.values);
      return (v) => (values.has(v) ? v : faults.enum);
    }
  }
}
