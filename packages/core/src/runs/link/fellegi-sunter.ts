// Fellegi–Sunter match weights estimated from the data, as Splink does: u-probabilities (how often two
// records of different persons agree) are measured on random pairs, m-probabilities (how often a
// person's two records agree) and the share of matches λ by expectation–maximisation over the
// candidate pairs, grouped by their comparison pattern so that the work does not grow with the data.
// Fields are assumed independent given the match status; a null level (no co-tenant, say) counts for
// nothing. Agreement on a value can carry its own u (term frequency: a commune of 2 % of the rows
// agrees by chance far less often than one of 40 %).

export interface FieldModel {
  name: string;
  /** Levels from most to least similar; m and u are given per level. */
  levels: readonly string[];
}

/** A group of candidate pairs with the same comparison: one level index per field (null: not comparable). */
export interface Pattern {
  levels: readonly (number | null)[];
  /** u of the level of each field, when it differs from the field's (term frequency); else undefined. */
  uOverride?: readonly (number | undefined)[];
  count: number;
}

export interface Estimates {
  lambda: number;
  m: number[][];
  u: number[][];
  iterations: number;
}

const FLOOR = 1e-6;
const clamp = (p: number) => Math.min(1 - FLOOR, Math.max(FLOOR, p));

/** m starts high on the most similar levels and low on the others (Splink's default start). */
export function initialM(fields: readonly FieldModel[]): number[][] {
  return fields.map((f) => {
    const raw = f.levels.map((_, i) => 0.9 ** (i * 3) * (i === 0 ? 1 : 0.3));
    const total = raw.reduce((a, b) => a + b, 0);
    return raw.map((x) => x / total);
  });
}

/** The log2 Bayes factor of a pattern (its match weight without the prior). */
export function patternWeight(fields: number, pattern: Pattern, m: number[][], u: number[][]): number {
  let w = 0;
  for (let f = 0; f < fields; f++) {
    const level = pattern.levels[f];
    if (level === null || level === undefined) continue;
    const uf = pattern.uOverride?.[f] ?? u[f]![level]!;
    w += Math.log2(clamp(m[f]![level]!) / clamp(uf));
  }
  return w;
}

export const priorWeight = (lambda: number) => Math.log2(clamp(lambda) / (1 - clamp(lambda)));
export const probabilityOfWeight = (weight: number) => 1 / (1 + 2 ** -weight);

/** EM of m and λ with u held fixed; stops when no parameter moves by more than 1e-5. */
export function estimate(
  fields: readonly FieldModel[],
  patterns: readonly Pattern[],
  u: number[][],
  options: { maxIterations?: number; lambda?: number } = {},
): Estimates {
  let m = initialM(fields);
  let lambda = options.lambda ?? 0.1;
  const maxIterations = options.maxIterations ?? 100;
  let iterations = 0;
  const total = patterns.reduce((a, p) => a + p.count, 0);
  if (total === 0) return { lambda, m, u, iterations };
  for (; iterations < maxIterations; iterations++) {
    const sums = fields.map((f) => new Array<number>(f.levels.length).fill(0));
    const comparable = fields.map(() => 0);
    let matches = 0;
    for (const p of patterns) {
      const posterior = probabilityOfWeight(priorWeight(lambda) + patternWeight(fields.length, p, m, u));
      const expected = posterior * p.count;
      matches += expected;
      p.levels.forEach((level, f) => {
        if (level === null) return;
        sums[f]![level]! += expected;
        comparable[f]! += expected;
      });
    }
    const next = sums.map((row, f) =>
      row.map((x) => (comparable[f]! > 0 ? clamp(x / comparable[f]!) : m[f]![0]!)),
    );
    const nextLambda = clamp(matches / total);
    const moved = Math.max(
      Math.abs(nextLambda - lambda),
      ...next.flatMap((row, f) => row.map((x, i) => Math.abs(x - m[f]![i]!))),
    );
    m = next;
    lambda = nextLambda;
    if (moved < 1e-5) {
      iterations++;
      break;
    }
  }
  return { lambda, m, u, iterations };
}

export interface WeightedPair {
  weight: number;
}

export interface CurvePoint {
  /** Pairs with a weight at least this one are linked. */
  weight: number;
  links: number;
  precision: number;
  recall: number;
}

/**
 * The estimated precision and recall of linking the pairs of weight ≥ w, for each w of the grid: the
 * expected true links are the sum of the pairs' match probabilities; recall is over the expected
 * matches of every pair given (the best pair of each record, as one-to-one assignment leaves them).
 */
export function precisionRecallCurve(pairs: readonly WeightedPair[], grid: readonly number[]): CurvePoint[] {
  const sorted = pairs.map((p) => p.weight).sort((a, b) => b - a);
  const expectedMatches = sorted.reduce((a, w) => a + probabilityOfWeight(w), 0);
  const points: CurvePoint[] = [];
  let i = 0;
  let truePositives = 0;
  for (const threshold of [...grid].sort((a, b) => b - a)) {
    while (i < sorted.length && sorted[i]! >= threshold) truePositives += probabilityOfWeight(sorted[i++]!);
    points.push({
      weight: threshold,
      links: i,
      precision: i === 0 ? 1 : truePositives / i,
      recall: expectedMatches === 0 ? 1 : truePositives / expectedMatches,
    });
  }
  return points.reverse();
}

/** The weight of the grid whose estimated F1 is highest (ties: the higher weight, fewer links). */
export function chooseThreshold(curve: readonly CurvePoint[]): number {
  let best = curve.at(-1)?.weight ?? 0;
  let bestF1 = -1;
  for (const point of curve) {
    const f1 =
      point.precision + point.recall === 0
        ? 0
        : (2 * point.precision * point.recall) / (point.precision + point.recall);
    if (f1 > bestF1 + 1e-9 || (Math.abs(f1 - bestF1) <= 1e-9 && point.weight > best)) {
      bestF1 = f1;
      best = point.weight;
    }
  }
  return best;
}
