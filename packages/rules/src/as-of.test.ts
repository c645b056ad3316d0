import { describe, expect, it } from 'vitest';
import { assertSupportedAsOf, lastSupportedAsOf } from './as-of.ts';
import { RulesError } from './errors.ts';

function codeOf(asOf: string): string | null {
  try {
    assertSupportedAsOf(asOf);
    return null;
  } catch (error) {
    return error instanceof RulesError ? error.code : 'untyped';
  }
}

describe('assertSupportedAsOf', () => {
  it('accepts 2023-08, the first month whose PPA reference months are all tabled', () => {
    expect(codeOf('2023-08')).toBeNull();
    expect(codeOf('2027-01')).toBeNull();
  });

  it('refuses an earlier month with as_of_out_of_range', () => {
    expect(codeOf('2023-07')).toBe('as_of_out_of_range');
    expect(codeOf('2019-12')).toBe('as_of_out_of_range');
  });

  it('refuses a month past two years after the newest check of the tables', () => {
    expect(lastSupportedAsOf >= '2027-12').toBe(true);
    expect(codeOf(lastSupportedAsOf)).toBeNull();
    expect(codeOf('9999-12')).toBe('as_of_out_of_range');
    const [year, month] = lastSupportedAsOf.split('-').map(Number) as [number, number];
    const after = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
    expect(codeOf(after)).toBe('as_of_out_of_range');
  });

  it('refuses what is not a YYYY-MM month', () => {
    expect(codeOf('2024-13')).toBe('invalid_month');
    expect(codeOf('2024-1')).toBe('invalid_month');
    expect(codeOf('2024-01-01')).toBe('invalid_month');
  });
});
