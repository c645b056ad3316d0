import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FollowUpOutcome, followUpOutcomes, followUpStats } from './follow-up-stats.ts';
import { type AuditedCase, auditFollowUpStats, groupsOf } from './testing/disclosure-audit.ts';

const rules: Record<string, string[]> = {
  aspa: ['ASPA.PENSION'],
  c2s: ['C2S.ASPA', 'C2S.RESOURCES', 'C2S.RSA'],
  ppa: ['PPA.ACTIVITY'],
  rsa: ['RSA.RESOURCES', 'RSA.UNKNOWN_TO_CAF'],
};

function cases(n: number, c: Partial<AuditedCase> & { benefit: string }): AuditedCase[] {
  return Array.from({ length: n }, () => ({
    rule: rules[c.benefit]![0]!,
    status: 'to_contact',
    commune: '35238',
    estimated_amount: c.benefit === 'c2s' ? null : 100,
    ...c,
  }));
}

const statsOf = (all: AuditedCase[]) => {
  const { groups, communes } = groupsOf(all);
  return followUpStats(groups, communes);
};

describe('follow-up statistics', () => {
  it('counts the Rennes figures: 217 presumed, 140 verified', () => {
    const all = [
      ...cases(40, { benefit: 'rsa', status: 'rights_opened', estimated_amount: 607.75 }),
      ...cases(30, { benefit: 'rsa', status: 'not_eligible' }),
      ...cases(20, { benefit: 'c2s', status: 'already_covered' }),
      ...cases(50, { benefit: 'c2s', status: 'refused' }),
      ...cases(47, { benefit: 'c2s', status: 'contacted' }),
      ...cases(30, { benefit: 'rsa', status: 'unreachable' }),
    ];
    const stats = statsOf(all);
    expect(stats.overall.presumed).toEqual({ value: 217, suppressed: false });
    expect(stats.overall.verified).toEqual({ value: 140, suppressed: false });
    expect(stats.overall.verified_share).toBe(0.645);
    expect(stats.overall.rights_opened_amount).toEqual({ value: 24310, suppressed: false });
    const c2s = stats.by_benefit.find((b) => b.benefit === 'c2s')!;
    expect(c2s.rights_opened_amount).toEqual({ value: 0, suppressed: false });
    expect(auditFollowUpStats(stats, all)).toEqual([]);
  });

  it('hides a small outcome and its complement in the row, the column and the amounts', () => {
    const all = [
      ...cases(20, { benefit: 'rsa' }),
      ...cases(3, { benefit: 'rsa', status: 'refused' }),
      ...cases(6, { benefit: 'rsa', status: 'rights_opened', estimated_amount: 500 }),
      ...cases(25, { benefit: 'ppa' }),
      ...cases(7, { benefit: 'ppa', status: 'refused' }),
      ...cases(8, { benefit: 'ppa', status: 'rights_opened', estimated_amount: 180.5 }),
    ];
    const stats = statsOf(all);
    const [ppa, rsa] = stats.by_benefit;
    expect(rsa!.outcomes.refused).toEqual({ value: null, suppressed: true });
    // Its row complement (6 rights opened), its column complement (7 ppa refusals), and the 8 ppa
    // rights opened that close the rectangle.
    expect(rsa!.outcomes.rights_opened.suppressed).toBe(true);
    expect(ppa!.outcomes.refused.suppressed).toBe(true);
    expect(ppa!.outcomes.rights_opened.suppressed).toBe(true);
    expect(rsa!.rights_opened_amount).toEqual({ value: null, suppressed: true });
    expect(ppa!.rights_opened_amount).toEqual({ value: null, suppressed: true });
    expect(stats.overall.rights_opened_amount).toEqual({ value: 4444, suppressed: false });
    expect(stats.overall.outcomes.refused).toEqual({ value: 10, suppressed: false });
    expect(rsa!.presumed).toEqual({ value: 29, suppressed: false });
    expect(auditFollowUpStats(stats, all)).toEqual([]);
  });

  it('hides every figure of a run with fewer than 5 cases, and shows its zeros', () => {
    const all = [...cases(2, { benefit: 'rsa' }), ...cases(1, { benefit: 'ppa', status: 'refused' })];
    const stats = statsOf(all);
    expect(stats.overall.presumed).toEqual({ value: null, suppressed: true });
    expect(stats.overall.verified_share).toBeNull();
    expect(stats.overall.outcomes.contacted).toEqual({ value: 0, suppressed: false });
    expect(stats.by_commune).toEqual([{ commune: '35238', presumed: { value: null, suppressed: true } }]);
    expect(auditFollowUpStats(stats, all)).toEqual([]);
  });

  it('says nothing is estimated where no case carries an amount, rather than zero', () => {
    const all = cases(9, { benefit: 'c2s', status: 'rights_opened' });
    expect(statsOf(all).overall.rights_opened_amount).toEqual({ value: null, suppressed: false });
  });

  it('hides an amount that fewer than 5 cases contribute to, and protects it on its line', () => {
    const all = [
      ...cases(6, { benefit: 'rsa', status: 'rights_opened', estimated_amount: null }),
      ...cases(2, { benefit: 'rsa', status: 'rights_opened', estimated_amount: 512 }),
      ...cases(9, { benefit: 'ppa', status: 'rights_opened', estimated_amount: 120 }),
      ...cases(12, { benefit: 'aspa', status: 'rights_opened', estimated_amount: 300 }),
    ];
    const stats = statsOf(all);
    const amount = (benefit: string) =>
      stats.by_benefit.find((b) => b.benefit === benefit)!.rights_opened_amount;
    expect(stats.by_benefit.find((b) => b.benefit === 'rsa')!.outcomes.rights_opened.value).toBe(8);
    expect(amount('rsa').suppressed).toBe(true);
    expect(amount('ppa').suppressed).toBe(true);
    expect(amount('aspa')).toEqual({ value: 3600, suppressed: false });
    expect(auditFollowUpStats(stats, all)).toEqual([]);
  });

  it('refuses a follow-up status it does not know rather than miscount', () => {
    expect(() => statsOf(cases(5, { benefit: 'rsa', status: 'lost' }))).toThrow(
      /unknown follow-up status lost/,
    );
  });

  it('never lets a 1–4 count or a sum over 1–4 cases be read from any of its tables', () => {
    const arbitraryCase = fc.constantFrom(...Object.keys(rules)).chain((benefit) =>
      fc.record({
        benefit: fc.constant(benefit),
        rule: fc.constantFrom(...rules[benefit]!),
        status: fc.constantFrom<FollowUpOutcome>(...followUpOutcomes),
        commune: fc.constantFrom('35051', '35238', '35281'),
        estimated_amount:
          benefit === 'c2s'
            ? fc.constant(null)
            : fc.option(fc.integer({ min: 1, max: 200_000 }).map((c) => c / 100)),
      }),
    );
    // Runs of a few to a few hundred cases, clustered so that small and large cells both occur.
    const run = fc
      .array(
        fc.tuple(arbitraryCase, fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 30 }))),
        {
          maxLength: 14,
        },
      )
      .map((clusters) => clusters.flatMap(([c, n]) => Array.from({ length: n }, () => c)));
    fc.assert(
      fc.property(run, (all) => {
        expect(auditFollowUpStats(statsOf(all), all)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
