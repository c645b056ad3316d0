// What a spreadsheet does to a clear file, recognised so that a refused row says why: Excel shows
// dates as JJ/MM/AAAA and writes them so, and turns a column of NIRs into numbers written in
// scientific notation (`1,75E+14`), which loses the digits for good.

const DAY_MONTH_YEAR = /^\d{1,2}\/\d{1,2}\/\d{2,4}$/;
const SCIENTIFIC = /^[+-]?\d+([.,]\d+)?E[+-]?\d+$/i;

/** The error code of a birth date that is not YYYY-MM-DD. */
export function dateErrorCode(value: string): string {
  return DAY_MONTH_YEAR.test(value) ? 'date_dd_mm_yyyy' : 'invalid_date';
}

/** The error code of a value that is not a NIR, given parseNir's reason. */
export function nirErrorCode(value: string, reason: string): string {
  if (reason === 'missing') return 'missing_value';
  return SCIENTIFIC.test(value.trim()) ? 'nir_scientific_notation' : `nir_${reason}`;
}
