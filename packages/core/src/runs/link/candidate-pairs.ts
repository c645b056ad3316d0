// The candidate pairs of probabilistic linkage: every tenant against every family row of its block
// (same birth month, same identity_clk version), scored by Dice in the WebAssembly kernel. Pairs whose
// Dice reaches the floor are kept with their level; every comparison is counted by level, since
// nearly all of them are pairs of different persons: those counts are the u-probabilities of Dice.

import { diceOfCounts } from '@nonrecours/pseudo';
import { IntersectionKernel } from './intersection-kernel.ts';

const kernel = new IntersectionKernel();

/** Dice levels, from most to least similar; the last level holds every score under the floor. */
export const DICE_LEVELS = [0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6, 0.5] as const;
export const DICE_FLOOR = DICE_LEVELS.at(-1)!;
export const diceLevelNames = [...DICE_LEVELS.map((x) => `>= ${x}`), `< ${DICE_FLOOR}`];

export function diceLevel(score: number): number {
  for (let i = 0; i < DICE_LEVELS.length; i++) if (score >= DICE_LEVELS[i]!) return i;
  return DICE_LEVELS.length;
}

export interface BlockRecord<K> {
  key: K;
  /** Records compare only within one block (birth month and filter version). */
  block: string;
  /** The 128 bytes of a 1024-bit filter. */
  clk: Uint8Array;
}

export interface CandidatePair<T, F> {
  tenant: T;
  family: F;
  dice: number;
  level: number;
}

/** Pairs at or above the floor, and the number of comparisons per Dice level (the last: under the floor). */
export function candidatePairs<T, F>(
  tenants: readonly BlockRecord<T>[],
  families: readonly BlockRecord<F>[],
): { pairs: CandidatePair<T, F>[]; comparisonsByLevel: number[] } {
  const byBlock = new Map<string, { tenants: BlockRecord<T>[]; families: BlockRecord<F>[] }>();
  for (const t of tenants) {
    const b = byBlock.get(t.block);
    if (b) b.tenants.push(t);
    else byBlock.set(t.block, { tenants: [t], families: [] });
  }
  for (const f of families) byBlock.get(f.block)?.families.push(f);
  const pairs: CandidatePair<T, F>[] = [];
  const comparisonsByLevel = new Array<number>(DICE_LEVELS.length + 1).fill(0);
  for (const block of byBlock.values()) {
    if (block.families.length === 0) continue;
    const familyCounts = kernel.loadCandidates(block.families.map((f) => f.clk));
    for (const tenant of block.tenants) {
      const tenantCount = kernel.loadTenant(tenant.clk);
      const shared = kernel.intersect();
      for (let i = 0, n = shared.length; i < n; i++) {
        const dice = diceOfCounts(shared[i]!, tenantCount, familyCounts[i]!);
        const level = diceLevel(dice);
        comparisonsByLevel[level]! += 1;
        if (level < DICE_LEVELS.length)
          pairs.push({ tenant: tenant.key, family: block.families[i]!.key, dice, level });
      }
    }
  }
  return { pairs, comparisonsByLevel };
}
