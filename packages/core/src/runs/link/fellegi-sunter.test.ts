import { describe, expect, it } from 'vitest';
import {
  chooseThreshold,
  estimate,
  type FieldModel,
  type Pattern,
  patternWeight,
  precisionRecallCurve,
  priorWeight,
  probabilityOfWeight,
} from './fellegi-sunter.ts';

const fields: FieldModel[] = [
  { name: 'name', levels: ['close', 'far'] },
  { name: 'commune', levels: ['same', 'other'] },
  { name: 'children', levels: ['same', 'other'] },
];

/** Pattern counts of a population drawn exactly from known parameters (no sampling noise). */
function population(lambda: number, m: number[][], u: number[][], pairs: number): Pattern[] {
  const patterns: Pattern[] = [];
  for (let a = 0; a < 2; a++)
    for (let b = 0; b < 2; b++)
      for (let c = 0; c < 2; c++) {
        const levels = [a, b, c];
        const pm = levels.reduce((p, l, f) => p * m[f]![l]!, 1);
        const pu = levels.reduce((p, l, f) => p * u[f]![l]!, 1);
        patterns.push({ levels, count: pairs * (lambda * pm + (1 - lambda) * pu) });
      }
  return patterns;
}

describe('Fellegi–Sunter estimation', () => {
  const m = [
    [0.9, 0.1],
    [0.85, 0.15],
    [0.8, 0.2],
  ];
  const u = [
    [0.05, 0.95],
    [0.3, 0.7],
    [0.4, 0.6],
  ];

  it('finds back m and λ of the population it is given, u held fixed', () => {
    const estimates = estimate(fields, population(0.3, m, u, 100_000), u);
    expect(estimates.lambda).toBeCloseTo(0.3, 3);
    for (const [f, row] of estimates.m.entries()) {
      for (const [l, x] of row.entries()) expect(x).toBeCloseTo(m[f]![l]!, 2);
    }
    expect(estimates.iterations).toBeGreaterThan(1);
  });

  it('weighs agreement by log2(m/u), and a null level for nothing', () => {
    const w = patternWeight(3, { levels: [0, 0, null], count: 1 }, m, u);
    expect(w).toBeCloseTo(Math.log2(0.9 / 0.05) + Math.log2(0.85 / 0.3), 9);
    // A term frequency: agreeing on a rare commune weighs more.
    const rare = patternWeight(
      3,
      { levels: [0, 0, null], uOverride: [undefined, 0.02, undefined], count: 1 },
      m,
      u,
    );
    expect(rare).toBeCloseTo(Math.log2(0.9 / 0.05) + Math.log2(0.85 / 0.02), 9);
    expect(probabilityOfWeight(priorWeight(0.25))).toBeCloseTo(0.25, 9);
  });

  it('draws the estimated precision/recall curve and takes the threshold of best F1', () => {
    const pairs = [20, 15, 10, 2, 0, -3, -8].map((weight) => ({ weight }));
    const curve = precisionRecallCurve(pairs, [-10, -5, 0, 5, 12, 30]);
    expect(curve.map((p) => p.weight)).toEqual([-10, -5, 0, 5, 12, 30]);
    expect(curve.map((p) => p.links)).toEqual([7, 6, 5, 3, 2, 0]);
    // Precision falls and recall rises as the threshold goes down.
    for (let i = 1; i < curve.length; i++) {
      expect(curve[i]!.precision).toBeGreaterThanOrEqual(curve[i - 1]!.precision);
      expect(curve[i]!.recall).toBeLessThanOrEqual(curve[i - 1]!.recall);
    }
    expect(curve.at(-1)).toMatchObject({ links: 0, precision: 1, recall: 0 });
    expect(curve[0]!.recall).toBeCloseTo(1, 9);
    // Linking weight 0 and above adds an even bet; -3 and -8 would add more false links than true ones.
    expect(chooseThreshold(curve)).toBe(0);
  });
});
