import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Equation, suppressCells } from './cell-suppression.ts';
import { disclosureLeaks } from './testing/disclosure-audit.ts';

/** A 1-D breakdown: cells 0..n-1 and their total at n. */
function line(counts: number[]) {
  const values = [...counts, counts.reduce((a, b) => a + b, 0)];
  return { values, equations: [{ total: counts.length, parts: counts.map((_, i) => i) }] };
}

/** A table with its margins: inner cells row by row, then the row totals, the column totals, the grand total. */
function table(rows: number[][]) {
  const width = rows[0]!.length;
  const inner = rows.flat();
  const rowTotals = rows.map((row) => row.reduce((a, b) => a + b, 0));
  const columnTotals = rows[0]!.map((_, c) => rows.reduce((sum, row) => sum + row[c]!, 0));
  const values = [...inner, ...rowTotals, ...columnTotals, inner.reduce((a, b) => a + b, 0)];
  const rowTotal = (r: number) => inner.length + r;
  const columnTotal = (c: number) => inner.length + rows.length + c;
  const grand = values.length - 1;
  const equations: Equation[] = [
    ...rows.map((_, r) => ({ total: rowTotal(r), parts: rows[0]!.map((__, c) => r * width + c) })),
    ...rows[0]!.map((_, c) => ({ total: columnTotal(c), parts: rows.map((__, r) => r * width + c) })),
    { total: grand, parts: rows.map((_, r) => rowTotal(r)) },
    { total: grand, parts: rows[0]!.map((_, c) => columnTotal(c)) },
  ];
  return { values, equations };
}

const hiddenCells = (suppressed: boolean[]) => suppressed.flatMap((hidden, cell) => (hidden ? [cell] : []));

// Mostly small counts, where suppression has work to do, with zeros and larger ones among them.
const count = fc.oneof(
  { arbitrary: fc.constant(0), weight: 2 },
  { arbitrary: fc.integer({ min: 1, max: 4 }), weight: 3 },
  { arbitrary: fc.integer({ min: 5, max: 40 }), weight: 3 },
);

describe('cell suppression', () => {
  it('hides a small cell and the next smallest of its line', () => {
    const { values, equations } = line([3, 10, 12]);
    expect(hiddenCells(suppressCells({ values, equations }))).toEqual([0, 1]);
  });

  it('adds a complement when the hidden cells of a line add up to a small count', () => {
    const { values, equations } = line([2, 1, 20, 30]);
    expect(hiddenCells(suppressCells({ values, equations }))).toEqual([0, 1, 2]);
  });

  it('hides a total below 5 with its cells, and shows zeros', () => {
    const { values, equations } = line([2, 0, 1]);
    expect(hiddenCells(suppressCells({ values, equations }))).toEqual([0, 2, 3]);
    expect(hiddenCells(suppressCells(line([0, 7, 9])))).toEqual([]);
  });

  it('protects a table on its rows and columns: a rectangle of four hidden cells', () => {
    // 2 | 9 | 30
    // 8 | 6 | 25
    const { values, equations } = table([
      [2, 9, 30],
      [8, 6, 25],
    ]);
    expect(hiddenCells(suppressCells({ values, equations }))).toEqual([0, 1, 3, 4]);
  });

  it('closes a chain that rows and columns alone leave open', () => {
    // 30 | 26 |  9 | 0      Settled line by line, this hides 30, 26, 9, 4, 6, 4, 3 and two column
    //  0 |  0 |  4 | 6      totals: every line then holds two hidden cells or none, yet the 9 comes
    //  4 |  3 |  0 | 0      back as row 0 minus columns 0 and 1 plus row 2: 65 − (34 + 29 − 7).
    const { values, equations } = table([
      [30, 26, 9, 0],
      [0, 0, 4, 6],
      [4, 3, 0, 0],
    ]);
    const suppressed = suppressCells({ values, equations });
    expect(suppressed[2]).toBe(true);
    expect(disclosureLeaks(values, equations, suppressed)).toEqual([]);
  });

  it('hides forced cells and protects them like small ones', () => {
    const { values, equations } = line([9, 12, 30]);
    const suppressed = suppressCells({ values, equations, forced: [false, false, true, false] });
    expect(hiddenCells(suppressed)).toEqual([0, 2]);
  });

  it('never lets a 1–4 count be read, directly or by subtraction, on any 1-D breakdown', () => {
    fc.assert(
      fc.property(fc.array(count, { minLength: 1, maxLength: 12 }), (counts) => {
        const { values, equations } = line(counts);
        expect(disclosureLeaks(values, equations, suppressCells({ values, equations }))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('never lets a 1–4 count be read, directly or by any combination of totals, in a table with margins', () => {
    const rows = fc
      .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
      .chain(([height, width]) =>
        fc.array(fc.array(count, { minLength: width, maxLength: width }), {
          minLength: height,
          maxLength: height,
        }),
      );
    fc.assert(
      fc.property(rows, (cells) => {
        const { values, equations } = table(cells);
        expect(disclosureLeaks(values, equations, suppressCells({ values, equations }))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same answer for the same figures', () => {
    fc.assert(
      fc.property(fc.array(count, { minLength: 1, maxLength: 12 }), (counts) => {
        const input = line(counts);
        expect(suppressCells(input)).toEqual(suppressCells(input));
      }),
    );
  });
});
