// The distribution of Dice scores a fuzzy linkage reports, so that a convention can see where its
// threshold cuts: the scores of the links made, and the best scores of the tenants left unlinked.

export interface DiceHistogram {
  /** Width of every bin; bin i holds the scores in [from + i·binWidth, from + (i+1)·binWidth), the last bin also 1. */
  binWidth: number;
  from: number;
  /** Scores of the links made. */
  accepted: number[];
  /** For each tenant left unlinked, its best score, when that is at least `from`. */
  nearMiss: number[];
}

export const DICE_BIN_WIDTH = 0.025;

// Scores are fractions 2|A∩B| / (|A|+|B|) with denominators of at most 2048, so a score that is not on
// a bin edge such as 0.575 lies at least about 1e-5 from it: this slack only absorbs the rounding of
// scores that are exactly on an edge, which (0.575 - 0.5) / 0.025 would otherwise put one bin low.
const EDGE_SLACK = 1e-9;

export function emptyHistogram(from: number): DiceHistogram {
  const bins = Math.max(1, Math.ceil((1 - from) / DICE_BIN_WIDTH - EDGE_SLACK));
  return {
    binWidth: DICE_BIN_WIDTH,
    from,
    accepted: new Array(bins).fill(0),
    nearMiss: new Array(bins).fill(0),
  };
}

/** Counts a score in one of the histogram's series; scores below `from` are not counted. */
export function countScore(histogram: DiceHistogram, series: 'accepted' | 'nearMiss', score: number): void {
  if (score < histogram.from) return;
  const bins = histogram[series];
  const bin = Math.floor((score - histogram.from) / histogram.binWidth + EDGE_SLACK);
  bins[Math.min(bin, bins.length - 1)]! += 1;
}
