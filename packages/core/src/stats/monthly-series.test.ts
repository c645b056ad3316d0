import { describe, expect, it } from 'vitest';
import { emptyMonthGroup, type MonthGroup, monthlySeries } from './monthly-series.ts';

const group = (month: string, benefit: string | null, values: Partial<MonthGroup>): MonthGroup => ({
  ...emptyMonthGroup(month, `run-${month}`, benefit),
  ...values,
});

describe('the monthly series', () => {
  it('orders the months and shows counts of 5 or more with their amounts and medians', () => {
    const series = monthlySeries([
      group('2026-11', null, {
        presumed: 40,
        contacted: 12,
        taken_up_contacted: 8,
        taken_up_not_contacted: 6,
      }),
      group('2026-11', 'rsa', {
        presumed: 40,
        contacted: 12,
        taken_up_contacted: 8,
        taken_up_not_contacted: 6,
      }),
      group('2026-10', null, { presumed: 50 }),
      group('2026-10', 'rsa', { presumed: 50 }),
    ]);
    expect(series.map((m) => m.month)).toEqual(['2026-10', '2026-11']);
    const nov = series[1]!;
    expect(nov.overall.taken_up).toEqual({ value: 14, suppressed: false });
    expect(nov.by_benefit[0]!.taken_up_contacted).toEqual({ value: 8, suppressed: false });
    expect(nov.overall.taken_up_amount).toEqual({ value: null, suppressed: false });
  });

  it('never lets a count of 1 to 4 be read or recomputed from the month’s margins', () => {
    const [month] = monthlySeries([
      group('2026-11', null, {
        presumed: 30,
        taken_up_contacted: 9,
        taken_up_not_contacted: 2,
        taken_up_amount: 4000,
        taken_up_estimated: 11,
        median_months_to_take_up: 2,
      }),
      group('2026-11', 'ppa', {
        presumed: 20,
        taken_up_contacted: 6,
        taken_up_not_contacted: 2,
        taken_up_amount: 3000,
        taken_up_estimated: 8,
        median_months_to_take_up: 2,
      }),
      group('2026-11', 'rsa', {
        presumed: 10,
        taken_up_contacted: 3,
        taken_up_amount: 1000,
        taken_up_estimated: 3,
        median_months_to_take_up: 1,
      }),
    ]);
    const [ppa, rsa] = month!.by_benefit;
    expect(rsa!.taken_up.suppressed).toBe(true);
    expect(rsa!.taken_up_contacted.suppressed).toBe(true);
    expect(rsa!.taken_up_amount).toEqual({ value: null, suppressed: true });
    expect(rsa!.median_months_to_take_up).toEqual({ value: null, suppressed: true });
    expect(ppa!.taken_up_not_contacted.suppressed).toBe(true);
    // The overall taken up is 11 and shown; then ppa's 8 must be hidden too, or 11 − 8 gives rsa's 3.
    expect(month!.overall.taken_up).toEqual({ value: 11, suppressed: false });
    expect(ppa!.taken_up.suppressed).toBe(true);
    expect(month!.overall.taken_up_not_contacted.suppressed).toBe(true);
  });
});
