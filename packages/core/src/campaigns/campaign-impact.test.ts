import { describe, expect, it } from 'vitest';
import { caseStatuses } from '../cases/case-status.ts';
import { type ArmGroup, campaignImpact, NON_CAUSAL_WARNING } from './campaign-impact.ts';
import { newcombeDifference } from './difference-interval.ts';

const arm = (over: Partial<ArmGroup> & Pick<ArmGroup, 'arm' | 'members'>): ArmGroup => ({
  contacted: 0,
  unreachable: 0,
  no_longer_presumed: 0,
  taken_up: [0, 0, 0, 0],
  taken_up_amount: 0,
  taken_up_estimated: 0,
  declared: {},
  ...over,
});

describe('a campaign’s impact', () => {
  it('shows the take-up of both arms and the uplift, a small count elsewhere hiding only its own line', () => {
    const impact = campaignImpact(
      {
        monthsObserved: 3,
        before: null,
        arms: [
          arm({
            arm: 'comparison',
            members: 60,
            no_longer_presumed: 3,
            taken_up: [6, 9, 11, 11],
            declared: { to_contact: 46, unreachable: 3, rights_opened: 11 },
          }),
          arm({
            arm: 'contact',
            members: 240,
            contacted: 200,
            unreachable: 40,
            no_longer_presumed: 12,
            taken_up: [60, 75, 80, 80],
            taken_up_amount: 80 * 310.5,
            taken_up_estimated: 80,
            declared: { contacted: 150, unreachable: 10, rights_opened: 80 },
          }),
        ],
      },
      caseStatuses,
    );
    expect(impact.design).toBe('randomised');
    const [contact, comparison] = impact.arms;
    expect(contact!.arm).toBe('contact');
    expect(comparison!.no_longer_presumed.suppressed).toBe(true);
    expect(comparison!.declared.unreachable!.suppressed).toBe(true);
    // The small cells' lines hide a complement, never the take-up.
    expect(comparison!.take_up.slice(0, 3).map((t) => t.taken_up)).toEqual([
      { value: 6, suppressed: false },
      { value: 9, suppressed: false },
      { value: 11, suppressed: false },
    ]);
    expect(comparison!.take_up[3]).toMatchObject({ months: 6, observed: false, share: null });
    const expected = newcombeDifference({ successes: 80, n: 240 }, { successes: 11, n: 60 });
    expect(impact.uplift[2]).toMatchObject({ months: 3, observed: true, suppressed: false });
    expect(impact.uplift[2]!.low).toBeCloseTo(expected.low, 4);
    expect(contact!.amount_monthly).toEqual({ value: 24_840, suppressed: false });
    expect(contact!.amount_annual).toEqual({ value: 298_080, suppressed: false });
  });

  it('hides a take-up of 1 to 4, and the uplift computed from it', () => {
    const impact = campaignImpact(
      {
        monthsObserved: 1,
        before: null,
        arms: [
          arm({
            arm: 'comparison',
            members: 30,
            taken_up: [2, 2, 2, 2],
            declared: { to_contact: 28, rights_opened: 2 },
          }),
          arm({
            arm: 'contact',
            members: 120,
            taken_up: [30, 30, 30, 30],
            declared: { contacted: 90, rights_opened: 30 },
          }),
        ],
      },
      caseStatuses,
    );
    expect(impact.arms[1]!.take_up[0]!.taken_up).toEqual({ value: null, suppressed: true });
    expect(impact.uplift[0]).toMatchObject({ suppressed: true, estimate: null, low: null });
  });

  it('without a comparison group, compares with the month before and says it is not causal', () => {
    const impact = campaignImpact(
      {
        monthsObserved: 2,
        before: { cases: 200, taken_up: 12 },
        arms: [
          arm({
            arm: 'contact',
            members: 100,
            taken_up: [20, 26, 26, 26],
            declared: { contacted: 74, rights_opened: 26 },
          }),
        ],
      },
      caseStatuses,
    );
    expect(impact).toMatchObject({ design: 'before_after', warning: NON_CAUSAL_WARNING });
    expect(impact.before).toEqual({
      cases: { value: 200, suppressed: false },
      taken_up: { value: 12, suppressed: false },
      share: 0.06,
    });
    expect(impact.uplift[0]!.estimate).toBeCloseTo(0.2 - 0.06, 4);
    // Before/after compares one month with one month only.
    expect(impact.uplift[1]).toMatchObject({ months: 2, observed: true, estimate: null });
  });
});
