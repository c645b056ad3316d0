// The convention's months, one published run each (the latest of its as_of month), by benefit: the
// cases presumed, contacted and declared opened in that month's list, and the previous month's cases
// that its extracts showed taken up, with and without a contact, their estimated monthly amounts and
// the median months from the first presumption. Each month's table is protected on its own margins
// (benefits add up to the month; taken up with and without contact add up to taken up) with the same
// suppression as the run statistics; an amount or a median goes with the count it is computed from.
import { type Equation, MIN_SHOWN_COUNT, suppressCells } from './cell-suppression.ts';
import type { StatCell } from './follow-up-stats.ts';

/** One month and benefit, as the database counts it (a null benefit: the month's total). */
export interface MonthGroup {
  month: string;
  run_id: string;
  benefit: string | null;
  presumed: number;
  contacted: number;
  declared_opened: number;
  taken_up_contacted: number;
  taken_up_not_contacted: number;
  /** Sum of the estimated monthly amounts of the cases taken up, and how many carry one. */
  taken_up_amount: number;
  taken_up_estimated: number;
  median_months_to_take_up: number | null;
}

const counted = [
  'presumed',
  'contacted',
  'declared_opened',
  'taken_up',
  'taken_up_contacted',
  'taken_up_not_contacted',
] as const;
type Counted = (typeof counted)[number];

export type SeriesFigures = Record<Counted, StatCell> & {
  taken_up_amount: StatCell;
  median_months_to_take_up: StatCell;
};

export interface SeriesMonth {
  month: string;
  run_id: string;
  overall: SeriesFigures;
  by_benefit: (SeriesFigures & { benefit: string })[];
}

const shownCell = (value: number | null, suppressed: boolean): StatCell =>
  suppressed ? { value: null, suppressed: true } : { value, suppressed: false };

export function monthlySeries(groups: readonly MonthGroup[], minShown = MIN_SHOWN_COUNT): SeriesMonth[] {
  const months = [...Map.groupBy(groups, (g) => g.month)].sort(([a], [b]) => (a < b ? -1 : 1));
  return months.map(([month, rows]) => {
    const total = rows.find((r) => r.benefit === null);
    const benefits = rows
      .filter((r): r is MonthGroup & { benefit: string } => r.benefit !== null)
      .sort((a, b) => (a.benefit < b.benefit ? -1 : 1));
    const lines = [total ?? emptyMonthGroup(month, rows[0]!.run_id), ...benefits];
    const values: number[] = [];
    const cells = lines.map((g) => {
      const of: Record<Counted, number> = {
        presumed: g.presumed,
        contacted: g.contacted,
        declared_opened: g.declared_opened,
        taken_up: g.taken_up_contacted + g.taken_up_not_contacted,
        taken_up_contacted: g.taken_up_contacted,
        taken_up_not_contacted: g.taken_up_not_contacted,
      };
      return Object.fromEntries(counted.map((k) => [k, values.push(of[k]) - 1])) as Record<Counted, number>;
    });
    const [overall, ...parts] = cells as [Record<Counted, number>, ...Record<Counted, number>[]];
    const equations: Equation[] = counted.map((k) => ({ total: overall[k], parts: parts.map((p) => p[k]) }));
    for (const c of cells)
      equations.push({ total: c.taken_up, parts: [c.taken_up_contacted, c.taken_up_not_contacted] });
    const suppressed = suppressCells({ values, equations, minShown });
    const amounts = takenUpAmounts(lines, cells, suppressed, minShown);
    const figures = (i: number): SeriesFigures => {
      const g = lines[i]!;
      const c = cells[i]!;
      const takenUpHidden = suppressed[c.taken_up]! || values[c.taken_up]! < minShown;
      return {
        ...(Object.fromEntries(
          counted.map((k) => [k, shownCell(values[c[k]]!, suppressed[c[k]]!)]),
        ) as Record<Counted, StatCell>),
        taken_up_amount: amounts[i]!,
        median_months_to_take_up: shownCell(
          values[c.taken_up] === 0 ? null : g.median_months_to_take_up,
          values[c.taken_up]! > 0 && takenUpHidden,
        ),
      };
    };
    return {
      month,
      run_id: lines[0]!.run_id,
      overall: figures(0),
      by_benefit: benefits.map((b, i) => ({ benefit: b.benefit, ...figures(i + 1) })),
    };
  });
}

/** As the run statistics' amounts: hidden with their count, or when fewer than 5 cases contribute. */
function takenUpAmounts(
  lines: readonly MonthGroup[],
  cells: readonly Record<Counted, number>[],
  countSuppressed: readonly boolean[],
  minShown: number,
): StatCell[] {
  const contributors = lines.map((g) => g.taken_up_estimated);
  const parts = contributors.flatMap((n, i) => (i > 0 && n > 0 ? [i] : []));
  const suppressed = suppressCells({
    values: contributors,
    equations: contributors[0]! > 0 ? [{ total: 0, parts }] : [],
    forced: cells.map((c) => countSuppressed[c.taken_up]!),
    minShown,
  });
  return lines.map((g, i) => {
    if (suppressed[i]) return { value: null, suppressed: true };
    if (contributors[i] === 0) return { value: null, suppressed: false };
    return { value: Math.round(g.taken_up_amount * 100) / 100, suppressed: false };
  });
}

/** A month and benefit with no case at all. */
export const emptyMonthGroup = (month: string, runId: string, benefit: string | null = null): MonthGroup => ({
  month,
  run_id: runId,
  benefit,
  presumed: 0,
  contacted: 0,
  declared_opened: 0,
  taken_up_contacted: 0,
  taken_up_not_contacted: 0,
  taken_up_amount: 0,
  taken_up_estimated: 0,
  median_months_to_take_up: null,
});
