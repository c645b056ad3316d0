import { describe, expect, it } from 'vitest';
import { aplAmount } from './housing-aid.ts';
import { parseMonth } from './months.ts';

const m = (text: string) => parseMonth(text)!;

describe("the generator's reading of APL.md", () => {
  it('gives the worked examples of APL.md §3 to the cent', () => {
    const a = {
      zone: 1,
      couple: false,
      dependants: 0,
      rent: 420,
      annualResources: 9850,
      conventionne: true,
    } as const;
    expect(aplAmount(m('2025-10'), a)).toBe(158.56);
    const b = {
      zone: 2,
      couple: true,
      dependants: 2,
      rent: 480,
      annualResources: 18500,
      conventionne: true,
    } as const;
    expect(aplAmount(m('2025-01'), b)).toBe(163.53);
    expect(aplAmount(m('2024-10'), b)).toBe(161.21);
    const c = {
      zone: 3,
      couple: false,
      dependants: 1,
      rent: 390,
      annualResources: 13000,
      conventionne: false,
    } as const;
    expect(aplAmount(m('2026-01'), c)).toBe(278.53);
  });

  it('refuses a month before the tables of APL.md', () => {
    expect(() =>
      aplAmount(m('2024-09'), {
        zone: 2,
        couple: false,
        dependants: 0,
        rent: 300,
        annualResources: 0,
        conventionne: true,
      }),
    ).toThrow(RangeError);
  });
});
