import { describe, expect, it } from 'vitest';
import { addMonths, ageAt, isMonth } from './months.ts';

describe('months', () => {
  it('adds months across years', () => {
    expect(addMonths('2025-02', -4)).toBe('2024-10');
    expect(addMonths('2024-12', 1)).toBe('2025-01');
    expect(addMonths('2025-06', -2)).toBe('2025-04');
  });

  it('counts age in whole years, the birth month included', () => {
    expect(ageAt('2000-06', '2025-06')).toBe(25);
    expect(ageAt('2000-07', '2025-06')).toBe(24);
    expect(ageAt('2000-05', '2025-06')).toBe(25);
    expect(ageAt('1960-12', '2025-11')).toBe(64);
  });

  it('recognises YYYY-MM only', () => {
    expect(isMonth('2025-06')).toBe(true);
    expect(isMonth('2025-00')).toBe(false);
    expect(isMonth('25-06')).toBe(false);
  });
});
