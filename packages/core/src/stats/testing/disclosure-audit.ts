// Test-side auditors of disclosure control, written apart from the code they check: exact rational
// rank instead of floating-point elimination, and the published lines of the statistics re-derived
// from the raw cases rather than taken from the builder.
import { type Equation, MIN_SHOWN_COUNT } from '../cell-suppression.ts';
import {
  type FollowUpGroup,
  type FollowUpStats,
  followUpOutcomes,
  type StatCell,
  verifiedOutcomes,
} from '../follow-up-stats.ts';

/** Rank over the rationals, exactly (fraction-free Bareiss elimination on integers). */
function rank(matrix: bigint[][]): number {
  const m = matrix.map((row) => [...row]);
  const width = m[0]?.length ?? 0;
  let previous = 1n;
  let r = 0;
  for (let c = 0; c < width && r < m.length; c++) {
    const p = m.findIndex((row, i) => i >= r && row[c] !== 0n);
    if (p < 0) continue;
    [m[r], m[p]] = [m[p]!, m[r]!];
    for (let i = r + 1; i < m.length; i++) {
      for (let j = c + 1; j < width; j++) {
        m[i]![j] = (m[r]![c]! * m[i]![j]! - m[i]![c]! * m[r]![j]!) / previous;
      }
      m[i]![c] = 0n;
    }
    previous = m[r]![c]!;
    r++;
  }
  return r;
}

/** Suppressed cells that some combination of the equations isolates: dropping one lowers the rank. */
function recomputable(equations: readonly Equation[], suppressed: readonly boolean[]): number[] {
  const unknowns = suppressed.flatMap((hidden, cell) => (hidden ? [cell] : []));
  const system = equations.map(({ total, parts }) =>
    unknowns.map((cell) => BigInt(parts.filter((p) => p === cell).length - (total === cell ? 1 : 0))),
  );
  const full = rank(system);
  return unknowns.filter((_, k) => rank(system.map((row) => row.filter((__, j) => j !== k))) < full);
}

/**
 * What a reader can learn about small counts from published cells and their totals; empty when
 * nothing leaks. Checks that no 1–4 count is shown, that no line has exactly one hidden cell, that
 * the hidden parts of a line with a shown total never add up to 1–4, that no hidden cell can be
 * recomputed from any combination of the lines, and that zeros are never hidden (`forced` aside).
 */
export function disclosureLeaks(
  values: readonly number[],
  equations: readonly Equation[],
  suppressed: readonly boolean[],
  forced: readonly boolean[] = [],
): string[] {
  const found: string[] = [];
  values.forEach((value, cell) => {
    if (!suppressed[cell] && value > 0 && value < MIN_SHOWN_COUNT) found.push(`cell ${cell} shows ${value}`);
    if (suppressed[cell] && value === 0 && !forced[cell]) found.push(`cell ${cell} hides a zero`);
  });
  for (const { total, parts } of equations) {
    const line = `line ${total} = ${parts.join(' + ')}`;
    const hidden = [...parts, total].filter((cell) => suppressed[cell]);
    if (hidden.length === 1) found.push(`${line}: ${hidden[0]} is its only hidden cell`);
    const hiddenSum = parts.filter((cell) => suppressed[cell]).reduce((sum, cell) => sum + values[cell]!, 0);
    if (!suppressed[total] && hiddenSum > 0 && hiddenSum < MIN_SHOWN_COUNT)
      found.push(`${line}: its hidden parts add up to ${hiddenSum}`);
  }
  for (const cell of recomputable(equations, suppressed)) found.push(`cell ${cell} is recomputable`);
  return found;
}

export interface AuditedCase {
  benefit: string;
  rule: string;
  status: string;
  commune: string;
  estimated_amount: number | null;
}

/** The groups the repository would read for these cases. */
export function groupsOf(cases: readonly AuditedCase[]) {
  const groups = new Map<string, FollowUpGroup>();
  const communes = new Map<string, number>();
  for (const c of cases) {
    const key = `${c.benefit}|${c.rule}|${c.status}`;
    const g = groups.get(key) ?? {
      benefit: c.benefit,
      rule: c.rule,
      status: c.status,
      cases: 0,
      amount: 0,
      estimated: 0,
    };
    g.cases++;
    if (c.estimated_amount !== null) {
      g.amount += c.estimated_amount;
      g.estimated++;
    }
    groups.set(key, g);
    communes.set(c.commune, (communes.get(c.commune) ?? 0) + 1);
  }
  return {
    groups: [...groups.values()],
    communes: [...communes].map(([commune, n]) => ({ commune, cases: n })),
  };
}

/**
 * Audits published statistics against the cases they were computed from: every figure shown is
 * exact, and the disclosure checks hold over every line a reader can add up — each row across its
 * outcomes and its verified ones, each column down the benefits, the rules overall and within each
 * benefit, the communes, and the amounts of the rights opened.
 */
export function auditFollowUpStats(stats: FollowUpStats, cases: readonly AuditedCase[]): string[] {
  const found: string[] = [];
  const values: number[] = [];
  const suppressed: boolean[] = [];
  const cellOf = (label: string, published: StatCell, truth: number) => {
    if (published.suppressed !== (published.value === null)) found.push(`${label}: value and flag disagree`);
    if (!published.suppressed && published.value !== truth)
      found.push(`${label} shows ${published.value}, the cases give ${truth}`);
    suppressed.push(published.suppressed);
    return values.push(truth) - 1;
  };
  const columns = ['presumed', 'verified', ...followUpOutcomes] as const;
  type Row = Omit<FollowUpStats['overall'], 'rights_opened_amount'>;
  const rowCells = (label: string, row: Row, of: readonly AuditedCase[]) => {
    const count = (outcomes: readonly string[]) => of.filter((c) => outcomes.includes(c.status)).length;
    return Object.fromEntries([
      ['presumed', cellOf(`${label}.presumed`, row.presumed, of.length)],
      ['verified', cellOf(`${label}.verified`, row.verified, count(verifiedOutcomes))],
      ...followUpOutcomes.map((o) => [o, cellOf(`${label}.${o}`, row.outcomes[o], count([o]))]),
    ]) as Record<(typeof columns)[number], number>;
  };

  const overall = rowCells('overall', stats.overall, cases);
  const benefits = stats.by_benefit.map((b) => ({
    benefit: b.benefit,
    cells: rowCells(
      b.benefit,
      b,
      cases.filter((c) => c.benefit === b.benefit),
    ),
  }));
  const rules = stats.by_rule.map((r) => ({
    benefit: r.benefit,
    cell: cellOf(
      r.rule,
      r.presumed,
      cases.filter((c) => c.benefit === r.benefit && c.rule === r.rule).length,
    ),
  }));
  const communes = stats.by_commune.map((c) =>
    cellOf(c.commune, c.presumed, cases.filter((k) => k.commune === c.commune).length),
  );
  if (new Set(cases.map((c) => c.benefit)).size !== benefits.length) found.push('a benefit is missing');
  if (new Set(cases.map((c) => `${c.benefit}|${c.rule}`)).size !== rules.length)
    found.push('a rule is missing');
  if (new Set(cases.map((c) => c.commune)).size !== communes.length) found.push('a commune is missing');

  const equations: Equation[] = [
    { total: overall.presumed, parts: communes },
    { total: overall.presumed, parts: rules.map((r) => r.cell) },
    ...benefits.map((b) => ({
      total: b.cells.presumed,
      parts: rules.filter((r) => r.benefit === b.benefit).map((r) => r.cell),
    })),
  ];
  for (const row of [overall, ...benefits.map((b) => b.cells)]) {
    equations.push({ total: row.presumed, parts: followUpOutcomes.map((o) => row[o]) });
    equations.push({ total: row.verified, parts: verifiedOutcomes.map((o) => row[o]) });
  }
  for (const column of columns)
    equations.push({ total: overall[column], parts: benefits.map((b) => b.cells[column]) });
  found.push(...disclosureLeaks(values, equations, suppressed));
  found.push(...auditAmounts(stats, cases));
  return found;
}

/**
 * Amounts: exact when shown; hidden with their count and below 5 contributors; and on their line
 * (overall = the sum of the benefits), never one hidden amount alone nor hidden ones that add up to
 * fewer than 5 contributors while the overall amount is shown.
 */
function auditAmounts(stats: FollowUpStats, cases: readonly AuditedCase[]): string[] {
  const found: string[] = [];
  const rows = [
    { label: 'overall', row: stats.overall, of: cases },
    ...stats.by_benefit.map((b) => ({
      label: b.benefit,
      row: b,
      of: cases.filter((c) => c.benefit === b.benefit),
    })),
  ];
  let hiddenParts = 0;
  let hiddenContributors = 0;
  rows.forEach(({ label, row, of }, i) => {
    const amount = row.rights_opened_amount;
    const opened = of.filter((c) => c.status === 'rights_opened' && c.estimated_amount !== null);
    const contributors = opened.length;
    if (amount.suppressed && amount.value !== null) found.push(`${label}: a hidden amount has a value`);
    if (row.outcomes.rights_opened.suppressed && !amount.suppressed)
      found.push(`${label}: amount of a hidden count`);
    if (!amount.suppressed && contributors > 0 && contributors < MIN_SHOWN_COUNT)
      found.push(`${label}: amount over ${contributors} cases shown`);
    const sum = Math.round(opened.reduce((s, c) => s + c.estimated_amount!, 0) * 100) / 100;
    if (!amount.suppressed && contributors > 0 && amount.value !== sum)
      found.push(`${label}: amount ${amount.value}, the cases give ${sum}`);
    if (i > 0 && amount.suppressed && contributors > 0) {
      hiddenParts++;
      hiddenContributors += contributors;
    }
  });
  if (!stats.overall.rights_opened_amount.suppressed) {
    if (hiddenParts === 1) found.push('amounts: one hidden benefit amount alone');
    if (hiddenContributors > 0 && hiddenContributors < MIN_SHOWN_COUNT)
      found.push(`amounts: the hidden benefit amounts cover ${hiddenContributors} cases`);
  }
  return found;
}
