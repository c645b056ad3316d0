// A territory where contact works (`synth --months 4 --campaign-effect 0.15`), over 20 seeds: the
// uplift measured from what the months' extracts show (the truth's case states), with Newcombe's
// 95 % interval as the service computes it, contains the stated effect in at least 19 of them; the
// comparison group is never in any month's contacts, nor the cohort in any contacts after its month.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newcombeDifference } from '@nonrecours/core/campaigns/difference-interval.ts';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { parseMonth } from './months.ts';
import { synthesiseMonths } from './synthesise-months.ts';

type Row = Record<string, string>;
const csv = (path: string): Row[] => parse(readFileSync(path), { delimiter: ';', columns: true });
const key = (r: Row) => `${r.subject_kind}|${r.subject_pseudo}|${r.benefit}`;
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('a synthetic territory where contact works', () => {
  it('measures an uplift whose 95 % interval holds the true uplift in at least 19 of 20 seeds', async () => {
    const effect = 0.15;
    let covered = 0;
    const estimates: number[] = [];
    const truths: number[] = [];
    for (let s = 0; s < 20; s++) {
      const out = mkdtempSync(join(tmpdir(), 'synth-campaign-'));
      dirs.push(out);
      const manifest = await synthesiseMonths({
        persons: 5000,
        seed: `campaign-${s}`,
        firstMonth: parseMonth('2026-08')!,
        months: 4,
        out,
        campaign: { effect, share: 0.2, seed: `arms-${s}` },
      });
      expect(manifest.campaign).toMatchObject({ effect, assignment: 'drawn' });
      const truth = manifest.campaign!.true_uplift!;
      truths.push(truth);
      const [first, ...later] = manifest.byMonth.map((m) => join(out, m.folder));
      const arms = new Map(csv(join(first!, 'campaign.csv')).map((r) => [key(r), r.arm!]));
      // Contacted: the contacted arm in the campaign's month, and no one of the cohort ever after.
      const contacts = csv(join(first!, 'contacts.csv'))
        .map(key)
        .filter((k) => arms.has(k));
      expect(new Set(contacts)).toEqual(
        new Set([...arms].filter(([, a]) => a === 'contact').map(([k]) => k)),
      );
      for (const month of later)
        for (const c of csv(join(month, 'contacts.csv'))) expect(arms.has(key(c))).toBe(false);
      // Taken up within three months, as the extracts show it.
      const takenUp = new Set(
        later
          .flatMap((m) => csv(join(m, 'case-states.csv')))
          .filter((r) => r.state === 'taken_up')
          .map(key),
      );
      const tally = { contact: { successes: 0, n: 0 }, comparison: { successes: 0, n: 0 } };
      for (const [k, arm] of arms) {
        const t = tally[arm as 'contact' | 'comparison'];
        t.n++;
        if (takenUp.has(k)) t.successes++;
      }
      const d = newcombeDifference(tally.contact, tally.comparison);
      estimates.push(d.estimate);
      if (d.low <= truth && truth <= d.high) covered++;
      rmSync(out, { recursive: true, force: true });
    }
    expect(covered).toBeGreaterThanOrEqual(19);
    // The truth is the stated effect less the responders who left or lost the right the month after.
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(truths)).toBeGreaterThan(effect - 0.03);
    expect(mean(truths)).toBeLessThanOrEqual(effect + 0.01);
    expect(Math.abs(mean(estimates) - mean(truths))).toBeLessThan(0.03);
  }, 300_000);
});
