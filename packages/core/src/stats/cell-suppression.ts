// Statistical disclosure control by cell suppression, over any set of linked tables given as cells
// and the equations of their published totals (a row, a column, a margin, a subtotal).
//
// - Primary: a cell counting 1 to 4 is suppressed, totals included. Zero is shown: it says nobody
//   is there, which discloses nothing about a person, and hiding zeros would hide where the rules
//   find nothing at all.
// - Secondary, line by line until stable: a line (a total and its parts) never holds exactly one
//   suppressed cell, else subtraction gives it back; and when its total is shown, the suppressed
//   parts never add up to 1–4, else their union is itself a small count. The complement is the
//   positive cell of the line that leaves the fewest other lines with a lone hidden cell (a cell
//   whose other lines already hide something closes a rectangle instead of starting a new chain),
//   then the smallest. A zero protects nothing (a reader who guesses it is zero loses nothing), so
//   it is hidden only where a line has nothing else left, which counts alone never lead to.
// - Then an audit over all equations together (exact-disclosure.ts): a cell that a chain of lines
//   still pins gets a complement next to it, and the lines are settled again.
//
// The result depends only on the values and the order of the cells, never on timing or row order
// from the database: two reads of the same figures must hide the same cells, or comparing them
// would uncover what either hides.
import { type Equation, recomputableCells } from './exact-disclosure.ts';

export type { Equation } from './exact-disclosure.ts';

/** Counts from 1 to this limit, exclusive, are never shown. */
export const MIN_SHOWN_COUNT = 5;

/**
 * Counts a territory team reads of its own work, inside the team: nothing is small. Whatever leaves
 * the team (exports, a partner's view, the statistics read by others) keeps MIN_SHOWN_COUNT.
 */
export const TEAM_MIN_SHOWN_COUNT = 1;

const smallBelow = (minShown: number) => (value: number) => value > 0 && value < minShown;

export interface SuppressionInput {
  /** A non-negative count per cell: people, or the cases that contribute to an amount. */
  values: readonly number[];
  equations: readonly Equation[];
  /** Cells hidden whatever their count (an amount whose count is hidden). */
  forced?: readonly boolean[];
  /** Counts from 1 to this limit, exclusive, are hidden: MIN_SHOWN_COUNT unless the team's own. */
  minShown?: number;
}

/** Which cells to suppress. */
export function suppressCells({
  values,
  equations,
  forced = [],
  minShown = MIN_SHOWN_COUNT,
}: SuppressionInput): boolean[] {
  const isSmall = smallBelow(minShown);
  const suppressed = values.map((value, cell) => Boolean(forced[cell]) || isSmall(value));
  const linesOf = values.map((): Equation[] => []);
  for (const equation of equations) for (const cell of cellsOf(equation)) linesOf[cell]!.push(equation);
  const cheapest = (cells: readonly number[]) => cheapestComplement(values, suppressed, linesOf, cells);
  const firstShown = (cells: readonly number[]) => cells.find((cell) => !suppressed[cell]);

  for (;;) {
    let settled = false;
    while (!settled) {
      settled = true;
      for (const equation of equations) {
        if (!isExposed(equation, values, suppressed, isSmall)) continue;
        const complement = cheapest(cellsOf(equation)) ?? firstShown(cellsOf(equation));
        if (complement === undefined) continue;
        suppressed[complement] = true;
        settled = false;
      }
    }
    const pinned = recomputableCells(equations, suppressed)[0];
    if (pinned === undefined) return suppressed;
    const near = linesOf[pinned]!.flatMap(cellsOf);
    const linked = equations.filter((e) => cellsOf(e).some((cell) => suppressed[cell])).flatMap(cellsOf);
    const complement = cheapest(near) ?? cheapest(linked) ?? firstShown(linked);
    // Every cell of every line that holds a hidden one is hidden already: nothing is left to add.
    if (complement === undefined) return suppressed;
    suppressed[complement] = true;
  }
}

const cellsOf = (equation: Equation) => [...equation.parts, equation.total];

function isExposed(
  equation: Equation,
  values: readonly number[],
  suppressed: readonly boolean[],
  isSmall: (value: number) => boolean,
): boolean {
  const hidden = cellsOf(equation).filter((cell) => suppressed[cell]).length;
  const hiddenSum = equation.parts.reduce((sum, cell) => sum + (suppressed[cell] ? values[cell]! : 0), 0);
  return hidden === 1 || (!suppressed[equation.total] && isSmall(hiddenSum));
}

/** The shown positive cell that leaves the fewest lines with a lone hidden cell, then the smallest. */
function cheapestComplement(
  values: readonly number[],
  suppressed: readonly boolean[],
  linesOf: readonly Equation[][],
  cells: readonly number[],
): number | undefined {
  let best: { cell: number; opened: number } | undefined;
  for (const cell of cells) {
    if (suppressed[cell] || values[cell]! <= 0) continue;
    const opened = linesOf[cell]!.filter((line) => cellsOf(line).every((c) => !suppressed[c])).length;
    if (
      !best ||
      opened < best.opened ||
      (opened === best.opened &&
        (values[cell]! < values[best.cell]! || (values[cell] === values[best.cell] && cell < best.cell)))
    )
      best = { cell, opened };
  }
  return best?.cell;
}
