// Confidence intervals for take-up shares and for the difference between two arms' shares:
// Wilson's score interval for one proportion, and Newcombe's hybrid score interval (method 10 of
// Newcombe, Statistics in Medicine 1998) for a difference of two independent proportions, which
// keeps its coverage near the nominal level with small arms and shares near 0 or 1, where the
// simple Wald interval does not.

/** The two-sided 95 % normal quantile. */
export const Z95 = 1.959963984540054;

export interface Interval {
  low: number;
  high: number;
}

export function wilsonInterval(successes: number, n: number, z = Z95): Interval {
  if (n <= 0) return { low: 0, high: 1 };
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export interface Difference extends Interval {
  /** p1 − p2 */
  estimate: number;
}

/** p1 − p2 with its Newcombe hybrid score interval. */
export function newcombeDifference(
  a: { successes: number; n: number },
  b: { successes: number; n: number },
  z = Z95,
): Difference {
  const p1 = a.successes / a.n;
  const p2 = b.successes / b.n;
  const w1 = wilsonInterval(a.successes, a.n, z);
  const w2 = wilsonInterval(b.successes, b.n, z);
  const estimate = p1 - p2;
  const below = Math.sqrt((p1 - w1.low) ** 2 + (w2.high - p2) ** 2);
  const above = Math.sqrt((w1.high - p1) ** 2 + (p2 - w2.low) ** 2);
  return { estimate, low: estimate - below, high: estimate + above };
}
