// Which suppressed cells a reader could still recompute exactly. The published totals are linear
// equations; the shown cells are known, the suppressed ones unknown. A suppressed cell is recomputable
// when some combination of the equations leaves it alone — not only a row or column with a single
// hole, but also a chain of them (two suppression cycles joined by one cell give that cell away).
// Reduced row echelon form over the unknowns tells exactly which ones are pinned.

/** `total` = the sum of `parts`: one published total and the cells it adds up. */
export interface Equation {
  total: number;
  parts: readonly number[];
}

// Coefficients are small integers and the systems have a few hundred unknowns at most: doubles with
// partial pivoting stay far from this tolerance.
const EPSILON = 1e-9;

export function recomputableCells(equations: readonly Equation[], suppressed: readonly boolean[]): number[] {
  const unknowns: number[] = [];
  const column = new Map<number, number>();
  for (let cell = 0; cell < suppressed.length; cell++) {
    if (suppressed[cell]) {
      column.set(cell, unknowns.length);
      unknowns.push(cell);
    }
  }
  const rows: Float64Array[] = [];
  for (const { total, parts } of equations) {
    const row = new Float64Array(unknowns.length);
    let touched = false;
    for (const [cell, sign] of [[total, -1] as const, ...parts.map((part) => [part, 1] as const)]) {
      const c = column.get(cell);
      if (c === undefined) continue;
      row[c]! += sign;
      touched = true;
    }
    if (touched) rows.push(row);
  }

  const pivots = reduce(rows, unknowns.length);
  return pivots
    .filter((pivot, r) => rows[r]!.every((value, c) => c === pivot || Math.abs(value) < EPSILON))
    .map((pivot) => unknowns[pivot]!);
}

/** Reduces `rows` in place to reduced row echelon form; returns the pivot column of each leading row. */
function reduce(rows: Float64Array[], width: number): number[] {
  const pivots: number[] = [];
  for (let c = 0; c < width && pivots.length < rows.length; c++) {
    const r = pivots.length;
    let best = r;
    for (let i = r + 1; i < rows.length; i++) {
      if (Math.abs(rows[i]![c]!) > Math.abs(rows[best]![c]!)) best = i;
    }
    if (Math.abs(rows[best]![c]!) < EPSILON) continue;
    [rows[r], rows[best]] = [rows[best]!, rows[r]!];
    const pivotRow = rows[r]!;
    const scale = pivotRow[c]!;
    for (let j = 0; j < width; j++) pivotRow[j]! /= scale;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const factor = row[c]!;
      if (i === r || Math.abs(factor) < EPSILON) continue;
      for (let j = 0; j < width; j++) {
        row[j]! -= factor * pivotRow[j]!;
        if (Math.abs(row[j]!) < EPSILON) row[j] = 0;
      }
    }
    pivots.push(c);
  }
  return pivots;
}
