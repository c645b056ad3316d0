// Greedy one-to-one assignment of scored pairs: the best pair first, then the best of those whose
// tenant and family row are both still free. Ties go by tenant key, then family key, in code-unit
// order (not the locale's), so the result does not depend on the order the pairs came in.

export interface ScoredPair {
  tenant: string;
  family: string;
  score: number;
}

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The pairs kept, by descending score; sorts `pairs` in place. */
export function assignOneToOne(pairs: ScoredPair[]): ScoredPair[] {
  pairs.sort((x, y) => y.score - x.score || byKey(x.tenant, y.tenant) || byKey(x.family, y.family));
  const tenants = new Set<string>();
  const families = new Set<string>();
  const kept: ScoredPair[] = [];
  for (const pair of pairs) {
    if (tenants.has(pair.tenant) || families.has(pair.family)) continue;
    tenants.add(pair.tenant);
    families.add(pair.family);
    kept.push(pair);
  }
  return kept;
}
