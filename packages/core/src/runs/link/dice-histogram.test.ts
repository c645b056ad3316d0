import { describe, expect, it } from 'vitest';
import { countScore, emptyHistogram } from './dice-histogram.ts';

describe('dice histogram', () => {
  it('has bins of 0.025 from its start to 1', () => {
    expect(emptyHistogram(0.5).accepted).toHaveLength(20);
    expect(emptyHistogram(0.6).nearMiss).toHaveLength(16);
    expect(emptyHistogram(0.51).accepted).toHaveLength(20);
    expect(emptyHistogram(0).accepted).toHaveLength(40);
  });

  it('puts a score on a bin edge in the bin it opens, 1 in the last bin, and skips scores below the start', () => {
    const histogram = emptyHistogram(0.5);
    // 23/40 = 0.575 and 46/80: (0.575 - 0.5) / 0.025 is 2.9999999999999996 in floating point.
    for (const score of [0.5, 23 / 40, 46 / 80, 0.599, 0.6, 1, 0.4999])
      countScore(histogram, 'accepted', score);
    expect(histogram.accepted.slice(0, 5)).toEqual([1, 0, 0, 3, 1]);
    expect(histogram.accepted.at(-1)).toBe(1);
    expect(histogram.accepted.reduce((a, b) => a + b)).toBe(6);
    expect(histogram.nearMiss.every((n) => n === 0)).toBe(true);
  });
});
