import { describe, expect, it } from 'vitest';
import { paramsAtDate } from '../parameters/lookup.ts';
import { c2sCeiling, compositionFactor, ppaBonus } from './formulas.ts';

describe('compositionFactor', () => {
  const rates = { second: 0.5, third: 0.3, furtherChild: 0.4 };
  // The table of RULES.md, children 0 to 4.
  it.each([
    [1, [1.0, 1.5, 1.8, 2.2, 2.6]],
    [2, [1.5, 1.8, 2.1, 2.5, 2.9]],
  ])('%i adult(s)', (adults, expected) => {
    expected.forEach((factor, children) => {
      expect(compositionFactor(adults, children, rates)).toBeCloseTo(factor, 10);
    });
  });
});

describe('ppaBonus', () => {
  // 2025-06: SMIC 11.88, so 59 h = 700.92 € and 120 h = 1 425.60 €; maximum round(0.29101 × 633.21) = 184.27.
  const june2025 = paramsAtDate('2025-06');
  const bonus = (earnings: number) => ppaBonus(earnings, june2025, '2025-06');

  it('is 0 at or below 59 hours of SMIC', () => {
    expect(bonus(700.91)).toBe(0);
    expect(bonus(700.92)).toBe(0);
    expect(bonus(700.93)).toBeGreaterThan(0);
    expect(bonus(700.93)).toBeLessThan(0.01);
  });

  it('rises linearly to the maximum at 120 hours of SMIC, flat above', () => {
    expect(bonus((700.92 + 1425.6) / 2)).toBeCloseTo(184.27 / 2, 8);
    expect(bonus(1425.59)).toBeLessThan(184.27);
    expect(bonus(1425.6)).toBe(184.27);
    expect(bonus(3000)).toBe(184.27);
  });

  it('follows the 2026-04 reform: 138 hours and 0.377 × base', () => {
    // 2026-03: SMIC 12.02, 120 h = 1 442.40 €, maximum round(0.29101 × 633.21) = 184.27.
    expect(ppaBonus(1500, paramsAtDate('2026-03'), '2026-03')).toBe(184.27);
    // 2026-04: 59 h = 709.18 €, 138 h = 1 658.76 €, maximum round(0.377 × 638.28) = 240.63.
    const april = paramsAtDate('2026-04');
    expect(ppaBonus(1658.76, april, '2026-04')).toBe(240.63);
    expect(ppaBonus(1500, april, '2026-04')).toBeCloseTo((240.63 * (1500 - 709.18)) / (1658.76 - 709.18), 8);
  });
});

describe('c2sCeiling', () => {
  const params = paramsAtDate('2025-06');
  it.each([
    // size, free, with participation (2025 table; 5 and 6 add 4 135 / 5 583 per person beyond 4)
    [1, 10339, 13957],
    [2, 15508, 20936],
    [3, 18609, 25123],
    [4, 21711, 29311],
    [5, 25846, 34894],
    [6, 29981, 40477],
  ])('size %i: %d free, %d with participation', (size, free, participation) => {
    expect(c2sCeiling(params, 'free', size, false)).toBe(free);
    expect(c2sCeiling(params, 'participation', size, false)).toBe(participation);
  });

  it('is 11.3 % higher overseas', () => {
    expect(c2sCeiling(params, 'participation', 1, true)).toBeCloseTo(13957 * 1.113, 8);
  });
});
