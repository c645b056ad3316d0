// Fuzzy (Bloom filter) linkage of the records exact linkage left out.

export { decodeClk } from '@nonrecours/pseudo';
export { type DiceHistogram, emptyHistogram } from './dice-histogram.ts';
export {
  type ClkRecord,
  type FuzzyLink,
  type FuzzyLinkOptions,
  type FuzzyLinkResult,
  linkByBloomFilter,
} from './link-by-bloom-filter.ts';
