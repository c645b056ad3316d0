import { describe, expect, it } from 'vitest';
import { type AssignableMember, assignArms, seededStream, stratumOf } from './campaign-assignment.ts';
import { newcombeDifference, wilsonInterval } from './difference-interval.ts';

function cohort(n: number, seed: string): AssignableMember[] {
  const next = seededStream(seed, 'cohort');
  const communes = ['35238', '35047', '35051', '35281', '35999'];
  return Array.from({ length: n }, (_, i) => ({
    ref: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
    benefit: next() < 0.6 ? 'rsa' : 'ppa',
    commune: communes[Math.floor(next() ** 2 * communes.length)]!,
  }));
}

describe('the comparison group', () => {
  it('is the same from the same seed, whatever the order of the cohort, and another from another seed', () => {
    const members = cohort(1500, 'a');
    const first = assignArms(members, { share: 0.2, seed: 'seed-1' });
    const again = assignArms([...members].reverse(), { share: 0.2, seed: 'seed-1' });
    expect([...again].sort()).toEqual([...first].sort());
    const other = assignArms(members, { share: 0.2, seed: 'seed-2' });
    const differing = members.filter((m) => other.get(m.ref) !== first.get(m.ref)).length;
    expect(differing).toBeGreaterThan(100);
  });

  it('keeps the share within one member in every stratum (benefit × commune)', () => {
    for (const share of [0.1, 0.2, 0.5, 0.37]) {
      const members = cohort(2000, `b${share}`);
      const arms = assignArms(members, { share, seed: `s${share}` });
      const strata = Map.groupBy(members, stratumOf);
      expect(strata.size).toBeGreaterThan(5);
      for (const list of strata.values()) {
        const kept = list.filter((m) => arms.get(m.ref) === 'comparison').length;
        expect(Math.abs(kept - list.length * share)).toBeLessThanOrEqual(1);
      }
      expect(arms.size).toBe(members.length);
    }
  });
});

describe('the uplift interval', () => {
  it('gives Wilson’s and Newcombe’s published examples', () => {
    // Newcombe (1998), Statistics in Medicine 17, 873–890: 56/70 − 48/80, hybrid score (method 10).
    const d = newcombeDifference({ successes: 56, n: 70 }, { successes: 48, n: 80 });
    expect(d.estimate).toBeCloseTo(0.2, 10);
    expect(d.low).toBeCloseTo(0.0524, 4);
    expect(d.high).toBeCloseTo(0.3339, 4);
    // Newcombe (1998), Statistics in Medicine 17, 857–872: 81/263 → 0.2553 to 0.3662.
    const w = wilsonInterval(81, 263);
    expect(w.low).toBeCloseTo(0.2553, 4);
    expect(w.high).toBeCloseTo(0.3662, 4);
  });

  it('contains a +15-point effect in at least 19 of 20 synthetic campaigns randomised as the service does', () => {
    const effect = 0.15;
    let covered = 0;
    for (let s = 0; s < 20; s++) {
      const members = cohort(1200, `cohort-${s}`);
      const arms = assignArms(members, { share: 0.2, seed: `campaign-${s}` });
      const draw = seededStream(`outcomes-${s}`, 'take-up');
      // Without contact a quarter take up over the months, more in some communes than others.
      const base = (m: AssignableMember) => 0.18 + (m.commune === '35238' ? 0.08 : 0);
      const tally = { contact: { successes: 0, n: 0 }, comparison: { successes: 0, n: 0 } };
      for (const m of members) {
        const arm = arms.get(m.ref)!;
        tally[arm].n++;
        if (draw() < base(m) + (arm === 'contact' ? effect : 0)) tally[arm].successes++;
      }
      const d = newcombeDifference(tally.contact, tally.comparison);
      if (d.low <= effect && effect <= d.high) covered++;
    }
    expect(covered).toBeGreaterThanOrEqual(19);
  });
});
