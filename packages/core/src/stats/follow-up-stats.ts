// The statistics of a run's presumed cases: by benefit, by rule and by commune, benefit × follow-up
// outcome with the verified share, and the estimated monthly amounts of the rights opened. These
// tables share their margins (the benefit rows add up to the overall row, the rules of a benefit to
// the benefit, the communes to the overall count), so they are protected together, as one set of
// cells and equations: a cell hidden in one table can never be recomputed from another. Rules are
// not crossed with outcomes: rules with few cases would hide much of benefit × outcome with them.
import { type Equation, MIN_SHOWN_COUNT, suppressCells } from './cell-suppression.ts';

export const followUpOutcomes = [
  'to_contact',
  'contacted',
  'rights_opened',
  'already_covered',
  'not_eligible',
  'refused',
  'unreachable',
] as const;
export type FollowUpOutcome = (typeof followUpOutcomes)[number];

/**
 * A presumption is verified once its follow-up reached a conclusion with the person or the partner:
 * rights opened, already covered, not eligible, or refused. `contacted` is still under way, and an
 * `unreachable` person could not be checked: neither says whether the presumption was right.
 */
export const verifiedOutcomes: readonly FollowUpOutcome[] = [
  'rights_opened',
  'already_covered',
  'not_eligible',
  'refused',
];

/** The cases of a run with one benefit, rule and follow-up status. */
export interface FollowUpGroup {
  benefit: string;
  rule: string;
  status: string;
  cases: number;
  /** The sum of the estimated monthly amounts of these cases, in euros. */
  amount: number;
  /** How many of these cases carry an estimated amount (C2S cases never do). */
  estimated: number;
}

export interface CommuneGroup {
  commune: string;
  cases: number;
}

/** A published figure: `value` is null whenever `suppressed` is true. */
export interface StatCell {
  value: number | null;
  suppressed: boolean;
}

export interface FollowUpRow {
  presumed: StatCell;
  verified: StatCell;
  /** verified / presumed, when both are shown and presumed is not zero. */
  verified_share: number | null;
  outcomes: Record<FollowUpOutcome, StatCell>;
}

export interface FollowUpStats {
  overall: FollowUpRow & { rights_opened_amount: StatCell };
  by_benefit: (FollowUpRow & { benefit: string; rights_opened_amount: StatCell })[];
  by_rule: { benefit: string; rule: string; presumed: StatCell }[];
  by_commune: { commune: string; presumed: StatCell }[];
}

const columns = ['presumed', 'verified', ...followUpOutcomes] as const;
type Column = (typeof columns)[number];
type RowCells = Record<Column, number>;

export function followUpStats(
  groups: readonly FollowUpGroup[],
  communes: readonly CommuneGroup[],
  minShown = MIN_SHOWN_COUNT,
): FollowUpStats {
  for (const group of groups) {
    if (!(followUpOutcomes as readonly string[]).includes(group.status))
      throw new Error(`a case has the unknown follow-up status ${group.status}`);
  }
  const counts: number[] = [];
  const cell = (value: number) => counts.push(value) - 1;
  const rowOf = (of: readonly FollowUpGroup[]): RowCells => {
    const count = (outcomes: readonly string[]) =>
      of.filter((g) => outcomes.includes(g.status)).reduce((sum, g) => sum + g.cases, 0);
    return {
      presumed: cell(count(followUpOutcomes)),
      verified: cell(count(verifiedOutcomes)),
      ...(Object.fromEntries(followUpOutcomes.map((o) => [o, cell(count([o]))])) as Record<
        FollowUpOutcome,
        number
      >),
    };
  };

  // Sorted keys: the cells' order, hence which complement wins a tie, never depends on row order.
  const byKey = (key: (g: FollowUpGroup) => string) =>
    [...Map.groupBy(groups, key)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const overall = rowOf(groups);
  const benefits = byKey((g) => g.benefit).map(([benefit, of]) => ({ benefit, of, cells: rowOf(of) }));
  const rules = byKey((g) => `${g.benefit}\u0000${g.rule}`).map(([, of]) => ({
    benefit: of[0]!.benefit,
    rule: of[0]!.rule,
    cell: cell(of.reduce((sum, g) => sum + g.cases, 0)),
  }));
  const communeCells = [...communes]
    .sort((a, b) => (a.commune < b.commune ? -1 : a.commune > b.commune ? 1 : 0))
    .map((c) => ({ commune: c.commune, cell: cell(c.cases) }));

  const equations: Equation[] = [];
  for (const row of [overall, ...benefits.map((b) => b.cells)]) {
    equations.push({ total: row.presumed, parts: followUpOutcomes.map((o) => row[o]) });
    equations.push({ total: row.verified, parts: verifiedOutcomes.map((o) => row[o]) });
  }
  for (const column of columns) {
    equations.push({ total: overall[column], parts: benefits.map((b) => b.cells[column]) });
  }
  equations.push({ total: overall.presumed, parts: rules.map((r) => r.cell) });
  for (const b of benefits) {
    equations.push({
      total: b.cells.presumed,
      parts: rules.filter((r) => r.benefit === b.benefit).map((r) => r.cell),
    });
  }
  equations.push({ total: overall.presumed, parts: communeCells.map((c) => c.cell) });

  const suppressed = suppressCells({ values: counts, equations, minShown });
  const shown = (index: number): StatCell =>
    suppressed[index] ? { value: null, suppressed: true } : { value: counts[index]!, suppressed: false };
  const present = (row: RowCells): FollowUpRow => {
    const presumed = shown(row.presumed);
    const verified = shown(row.verified);
    return {
      presumed,
      verified,
      verified_share:
        presumed.value && verified.value !== null
          ? Math.round((verified.value / presumed.value) * 1000) / 1000
          : null,
      outcomes: Object.fromEntries(followUpOutcomes.map((o) => [o, shown(row[o])])) as Record<
        FollowUpOutcome,
        StatCell
      >,
    };
  };
  const amounts = rightsOpenedAmounts(
    [
      { of: groups, count: overall.rights_opened },
      ...benefits.map((b) => ({ of: b.of, count: b.cells.rights_opened })),
    ],
    counts,
    suppressed,
    minShown,
  );

  return {
    overall: { ...present(overall), rights_opened_amount: amounts[0]! },
    by_benefit: benefits.map((b, i) => ({
      benefit: b.benefit,
      ...present(b.cells),
      rights_opened_amount: amounts[i + 1]!,
    })),
    by_rule: rules.map((r) => ({ benefit: r.benefit, rule: r.rule, presumed: shown(r.cell) })),
    by_commune: communeCells.map((c) => ({ commune: c.commune, presumed: shown(c.cell) })),
  };
}

/**
 * The monthly amounts of the rights opened, overall (first) and by benefit: hidden with their count,
 * and also when fewer than 5 cases contribute to the sum, since a sum over one or two people is
 * their own amount. They are protected among themselves on their one equation (overall = the sum of
 * the benefits); a benefit whose cases carry no estimate is known to add nothing and protects nothing.
 */
function rightsOpenedAmounts(
  rows: readonly { of: readonly FollowUpGroup[]; count: number }[],
  counts: readonly number[],
  countSuppressed: readonly boolean[],
  minShown: number,
): StatCell[] {
  const opened = rows.map(({ of }) => of.filter((g) => g.status === 'rights_opened'));
  const sums = opened.map((of) => of.reduce((sum, g) => sum + g.amount, 0));
  const contributors = opened.map((of) => of.reduce((sum, g) => sum + g.estimated, 0));
  const parts = contributors.flatMap((n, i) => (i > 0 && n > 0 ? [i] : []));
  const suppressed = suppressCells({
    values: contributors,
    equations: contributors[0]! > 0 ? [{ total: 0, parts }] : [],
    forced: rows.map(({ count }) => countSuppressed[count]!),
    minShown,
  });
  return rows.map(({ count }, i): StatCell => {
    if (suppressed[i]) return { value: null, suppressed: true };
    // Without any estimate the amount is unknown, not zero — unless nobody's rights were opened.
    if (contributors[i] === 0) return { value: counts[count] === 0 ? 0 : null, suppressed: false };
    return { value: Math.round(sums[i]! * 100) / 100, suppressed: false };
  });
}
