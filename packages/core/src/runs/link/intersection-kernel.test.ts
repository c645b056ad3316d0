import { CLK_BYTES, clkWords, dice, diceOfCounts, intersectionAt, popcountAt } from '@nonrecours/pseudo';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IntersectionKernel } from './intersection-kernel.ts';

const filter = fc.uint8Array({ minLength: CLK_BYTES, maxLength: CLK_BYTES });
const randomFilter = () => Uint8Array.from({ length: CLK_BYTES }, () => Math.floor(Math.random() * 256));

describe('intersection kernel', () => {
  it('counts |A ∩ B| and bit counts as @nonrecours/pseudo does', () => {
    const kernel = new IntersectionKernel();
    fc.assert(
      fc.property(filter, fc.array(filter, { maxLength: 40 }), (tenant, candidates) => {
        const counts = kernel.loadCandidates(candidates);
        const tenantCount = kernel.loadTenant(tenant);
        const shared = kernel.intersect();
        expect(tenantCount).toBe(popcountAt(clkWords(tenant), 0));
        expect(shared).toHaveLength(candidates.length);
        candidates.forEach((candidate, i) => {
          expect(counts[i]).toBe(popcountAt(clkWords(candidate), 0));
          expect(shared[i]).toBe(intersectionAt(clkWords(tenant), 0, clkWords(candidate), 0));
          expect(diceOfCounts(shared[i]!, tenantCount, counts[i]!)).toBe(dice(tenant, candidate));
        });
      }),
    );
  });

  it('grows its memory for large blocks and still serves smaller ones after', () => {
    const kernel = new IntersectionKernel();
    for (const size of [3, 5000, 1200, 0]) {
      const candidates = Array.from({ length: size }, randomFilter);
      const tenant = randomFilter();
      kernel.loadCandidates(candidates);
      kernel.loadTenant(tenant);
      const shared = [...kernel.intersect()];
      expect(shared).toEqual(
        candidates.map((candidate) => intersectionAt(clkWords(tenant), 0, clkWords(candidate), 0)),
      );
    }
  });

  it('refuses a filter of the wrong size without quoting it', () => {
    const kernel = new IntersectionKernel();
    expect(() => kernel.loadTenant(new Uint8Array(127).fill(7))).toThrow(/^an identity_clk has 128 bytes$/);
    expect(() => kernel.loadCandidates([new Uint8Array(129)])).toThrow(RangeError);
  });
});
