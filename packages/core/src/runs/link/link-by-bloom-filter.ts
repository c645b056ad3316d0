// Fuzzy linkage of landlord tenants to CAF/MSA family rows on their identity Bloom filters, for the
// tenants that exact identity_pseudo linkage left out. Pairs are compared only within a birth month;
// those whose Dice similarity reaches the threshold are assigned one to one, best first. The scores
// stay inside the service: RULES.md forbids showing a similarity to partners.

import { diceOfCounts } from '@nonrecours/pseudo';
import { countScore, type DiceHistogram, emptyHistogram } from './dice-histogram.ts';
import { IntersectionKernel } from './intersection-kernel.ts';
import { assignOneToOne, type ScoredPair } from './one-to-one.ts';

// One kernel for every call: an instance's memory is costly to set up and to collect (in blocks of
// 600 candidates, a new instance per call halved the throughput). It keeps the size the largest
// block needed, 132 bytes a candidate.
const kernel = new IntersectionKernel();

export interface ClkRecord {
  key: string;
  birthYm: string;
  /** The 128 bytes of an identity_clk. */
  clk: Uint8Array;
}

export interface FuzzyLink {
  tenant: string;
  family: string;
  score: number;
}

export interface FuzzyLinkOptions {
  /** Lowest Dice coefficient that links, inclusive. */
  threshold: number;
  /** Where the histogram starts (default 0.5), or the threshold when that is lower. */
  nearMissFrom?: number;
}

export interface FuzzyLinkResult {
  /** By descending score, ties by tenant key then family key. */
  links: FuzzyLink[];
  histogram: DiceHistogram;
  /** Dice coefficients computed. */
  comparisons: number;
}

/**
 * Links each tenant to at most one candidate family row and each row to at most one tenant (keys are
 * expected unique; a repeated key still links at most once). The result does not depend on the order
 * of either input.
 */
export function linkByBloomFilter(
  tenants: readonly ClkRecord[],
  candidates: readonly ClkRecord[],
  options: FuzzyLinkOptions,
): FuzzyLinkResult {
  const { threshold, nearMissFrom = 0.5 } = options;
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError('threshold must be in (0, 1]');
  if (!(nearMissFrom >= 0 && nearMissFrom < 1)) throw new RangeError('nearMissFrom must be in [0, 1)');

  const pairs: ScoredPair[] = [];
  const bestScores = new Map<string, number>();
  const hits: number[] = [];
  let comparisons = 0;
  for (const block of birthMonthBlocks(tenants, candidates)) {
    const familyCounts = kernel.loadCandidates(block.candidates.map((c) => c.clk));
    for (const tenant of block.tenants) {
      const tenantCount = kernel.loadTenant(tenant.clk);
      const shared = kernel.intersect();
      bestScores.set(tenant.key, scoreBlock(shared, tenantCount, familyCounts, threshold, hits));
      for (const i of hits) {
        const score = diceOfCounts(shared[i]!, tenantCount, familyCounts[i]!);
        pairs.push({ tenant: tenant.key, family: block.candidates[i]!.key, score });
      }
      comparisons += shared.length;
    }
  }

  const links = assignOneToOne(pairs);
  // Starting at the threshold when it is below nearMissFrom keeps every link made in the histogram.
  const histogram = emptyHistogram(Math.min(nearMissFrom, threshold));
  for (const link of links) {
    countScore(histogram, 'accepted', link.score);
    bestScores.delete(link.tenant);
  }
  for (const best of bestScores.values()) countScore(histogram, 'nearMiss', best);
  return { links, histogram, comparisons };
}

/**
 * The Dice coefficients of a tenant with each candidate of its block, from the intersections and bit
 * counts: returns the best and leaves in `hits` the candidates that reach the threshold. The hot loop,
 * kept in a small function of its own so that the engine optimises it early and alone.
 */
function scoreBlock(
  shared: Int32Array,
  tenantCount: number,
  familyCounts: Uint16Array,
  threshold: number,
  hits: number[],
): number {
  hits.length = 0;
  let best = 0;
  for (let i = 0, n = shared.length; i < n; i++) {
    const score = diceOfCounts(shared[i]!, tenantCount, familyCounts[i]!);
    if (score > best) best = score;
    if (score >= threshold) hits.push(i);
  }
  return best;
}

interface Block {
  tenants: ClkRecord[];
  candidates: ClkRecord[];
}

/** The birth months holding both tenants and candidates, with their records. */
function birthMonthBlocks(tenants: readonly ClkRecord[], candidates: readonly ClkRecord[]): Block[] {
  const blocks = new Map<string, Block>();
  for (const tenant of tenants) {
    const block = blocks.get(tenant.birthYm);
    if (block) block.tenants.push(tenant);
    else blocks.set(tenant.birthYm, { tenants: [tenant], candidates: [] });
  }
  for (const candidate of candidates) blocks.get(candidate.birthYm)?.candidates.push(candidate);
  return [...blocks.values()].filter((block) => block.candidates.length > 0);
}
