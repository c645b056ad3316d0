import { readFileSync } from 'node:fs';
import { CLK_BYTES, createPseudonymiser, decodeClk, dice, parseKey } from '@nonrecours/pseudo';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ClkRecord, type FuzzyLinkResult, linkByBloomFilter } from './index.ts';

type Vector = { key: string; clk: string; birth_date: string; dice_with_first: number };
const vectors: Vector[] = JSON.parse(
  readFileSync(new URL('../../../../../test/fixtures/pseudo-vectors.json', import.meta.url), 'utf8'),
).identity_clk;

/** A filter with exactly the given bits set. */
function bits(...ranges: [from: number, to: number][]): Uint8Array {
  const clk = new Uint8Array(CLK_BYTES);
  for (const [from, to] of ranges) for (let i = from; i < to; i++) clk[i >> 3]! |= 0x80 >> (i & 7);
  return clk;
}
const record = (key: string, clk: Uint8Array, birthYm = '1985-05'): ClkRecord => ({ key, birthYm, clk });

/** The specification, the slow way: every same-month pair, greedy by score then keys. */
function reference(tenants: readonly ClkRecord[], families: readonly ClkRecord[], threshold: number) {
  const pairs = tenants.flatMap((t) =>
    families
      .filter((f) => f.birthYm === t.birthYm)
      .map((f) => ({ tenant: t.key, family: f.key, score: dice(t.clk, f.clk) })),
  );
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  pairs.sort((x, y) => y.score - x.score || order(x.tenant, y.tenant) || order(x.family, y.family));
  const links = [];
  const taken = new Set<string>();
  for (const p of pairs) {
    if (p.score < threshold || taken.has(`t${p.tenant}`) || taken.has(`f${p.family}`)) continue;
    taken.add(`t${p.tenant}`).add(`f${p.family}`);
    links.push(p);
  }
  return { links, comparisons: pairs.length };
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const total = (bins: number[]) => bins.reduce((a, b) => a + b, 0);

describe('linkByBloomFilter', () => {
  it('scores as @nonrecours/pseudo and the EXTRACTS.md vectors do', () => {
    const first = decodeClk(vectors[0]!.clk);
    for (const vector of vectors) {
      const clk = decodeClk(vector.clk);
      const { links } = linkByBloomFilter([record('t', first)], [record('f', clk)], {
        threshold: 0.01,
        nearMissFrom: 0,
      });
      expect(links[0]!.score).toBe(dice(first, clk));
      expect(links[0]!.score.toFixed(6)).toBe(vector.dice_with_first.toFixed(6));
    }
  });

  it('compares only records born the same month', () => {
    const p = createPseudonymiser(parseKey(vectors[0]!.key));
    const clk = p.identityClk('Dupont', 'Jean', '1985-05-12');
    const other = linkByBloomFilter([record('t', clk, '1985-05')], [record('f', clk, '1985-06')], {
      threshold: 0.8,
    });
    expect(other).toMatchObject({ links: [], comparisons: 0 });
    expect(total(other.histogram.nearMiss)).toBe(0);
    const same = linkByBloomFilter([record('t', clk, '1985-05')], [record('f', clk, '1985-05')], {
      threshold: 0.8,
    });
    expect(same).toMatchObject({ links: [{ tenant: 't', family: 'f', score: 1 }], comparisons: 1 });
  });

  // F1 and T1 hold bits 0–99; T2 shares 90 of them with F1 (0.9) and 85 with F2 (0.85).
  const f1 = record('F1', bits([0, 100]));
  const f2 = record('F2', bits([5, 90], [300, 315]));
  const t1 = record('T1', bits([0, 100]));
  const t2 = record('T2', bits([0, 90], [200, 210]));

  it('links one to one: the best pair wins and the loser takes its next best above the threshold', () => {
    const result = linkByBloomFilter([t2, t1], [f2, f1], { threshold: 0.8 });
    expect(result.links).toEqual([
      { tenant: 'T1', family: 'F1', score: 1 },
      { tenant: 'T2', family: 'F2', score: 0.85 },
    ]);
    expect(result.comparisons).toBe(4);
  });

  it('leaves the loser unlinked when its next best is under the threshold, and counts it as a near miss', () => {
    const result = linkByBloomFilter([t2, t1], [f2, f1], { threshold: 0.875 });
    expect(result.links).toEqual([{ tenant: 'T1', family: 'F1', score: 1 }]);
    const { histogram } = result;
    expect(histogram).toMatchObject({ binWidth: 0.025, from: 0.5 });
    expect(histogram.accepted).toEqual([...Array(19).fill(0), 1]);
    // T2's best score is 0.9, although F1 went to T1: bin [0.9, 0.925).
    expect(histogram.nearMiss).toEqual([...Array(16).fill(0), 1, 0, 0, 0]);
  });

  it('counts near misses from nearMissFrom only, and starts at the threshold when that is lower', () => {
    const result = linkByBloomFilter([t2], [record('F3', bits([0, 50], [400, 450]))], {
      threshold: 0.9,
      nearMissFrom: 0.6,
    });
    expect(result.links).toEqual([]);
    expect(total(result.histogram.nearMiss)).toBe(0);
    const low = linkByBloomFilter([t2], [record('F3', bits([0, 50], [400, 450]))], { threshold: 0.3 });
    expect(low.histogram.from).toBe(0.3);
    expect(low.histogram.accepted).toHaveLength(28);
    expect(low.links[0]!.score).toBe(0.5);
    expect(low.histogram.accepted[8]).toBe(1);
  });

  it('links a pair whose score is exactly the threshold', () => {
    const tenant = record('t', bits([0, 100]));
    const family = record('f', bits([20, 120])); // 80 shared of 100 + 100: 0.8
    expect(linkByBloomFilter([tenant], [family], { threshold: 0.8 }).links).toEqual([
      { tenant: 't', family: 'f', score: 0.8 },
    ]);
    expect(linkByBloomFilter([tenant], [family], { threshold: 0.8000001 }).links).toEqual([]);
  });

  it('breaks ties by tenant key, then family key', () => {
    const clk = bits([0, 100]);
    const result = linkByBloomFilter(
      [record('b', clk), record('a', clk)],
      [record('y', clk), record('x', clk), record('z', bits([0, 50]))],
      { threshold: 0.9 },
    );
    expect(result.links).toEqual([
      { tenant: 'a', family: 'x', score: 1 },
      { tenant: 'b', family: 'y', score: 1 },
    ]);
  });

  it('handles empty inputs', () => {
    const empty: FuzzyLinkResult = {
      links: [],
      comparisons: 0,
      histogram: { binWidth: 0.025, from: 0.5, accepted: Array(20).fill(0), nearMiss: Array(20).fill(0) },
    };
    expect(linkByBloomFilter([], [], { threshold: 0.85 })).toEqual(empty);
    expect(linkByBloomFilter([t1], [], { threshold: 0.85 })).toEqual(empty);
    expect(linkByBloomFilter([], [f1], { threshold: 0.85 })).toEqual(empty);
  });

  it('refuses thresholds out of range', () => {
    expect(() => linkByBloomFilter([], [], { threshold: 0 })).toThrow(RangeError);
    expect(() => linkByBloomFilter([], [], { threshold: 1.01 })).toThrow(RangeError);
    expect(() => linkByBloomFilter([], [], { threshold: 0.8, nearMissFrom: 1 })).toThrow(RangeError);
  });

  // Filters drawn from a few bases with a few bits flipped, over two months: many equal scores, so the
  // ties matter; each result is checked against the slow reference and against shuffled inputs.
  const base = fc.array(fc.uint8Array({ minLength: CLK_BYTES, maxLength: CLK_BYTES }), {
    minLength: 1,
    maxLength: 3,
  });
  const records = (prefix: string) =>
    fc
      .array(
        fc.record({
          base: fc.nat(2),
          flips: fc.array(fc.nat(1023), { maxLength: 40 }),
          month: fc.constantFrom('1985-05', '1985-06'),
        }),
        { maxLength: 12 },
      )
      .map(
        (specs) => (bases: Uint8Array[]) =>
          specs.map((spec, i) => {
            const clk = Uint8Array.from(bases[spec.base % bases.length]!);
            for (const bit of spec.flips) clk[bit >> 3]! ^= 0x80 >> (bit & 7);
            return record(`${prefix}${i}`, clk, spec.month);
          }),
      );

  it('matches the all-pairs reference, whatever the order of its inputs', () => {
    fc.assert(
      fc.property(
        base,
        records('t'),
        records('f'),
        fc.double({ min: 0.5, max: 1, noNaN: true }),
        fc.nat(),
        (bases, makeTenants, makeFamilies, threshold, seed) => {
          const tenants = makeTenants(bases);
          const families = makeFamilies(bases);
          const result = linkByBloomFilter(tenants, families, { threshold });
          const expected = reference(tenants, families, threshold);
          expect(result.links).toEqual(expected.links);
          expect(result.comparisons).toBe(expected.comparisons);
          expect(total(result.histogram.accepted)).toBe(result.links.length);
          const linked = new Set(result.links.map((l) => l.tenant));
          const nearMisses = tenants.filter((t) => {
            const scores = families.filter((f) => f.birthYm === t.birthYm).map((f) => dice(t.clk, f.clk));
            return !linked.has(t.key) && scores.length > 0 && Math.max(...scores) >= 0.5;
          });
          expect(total(result.histogram.nearMiss)).toBe(nearMisses.length);
          for (const k of [1, 2, 3]) {
            const again = linkByBloomFilter(shuffled(tenants, seed + k), shuffled(families, seed * k + 7), {
              threshold,
            });
            expect(again).toEqual(result);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
