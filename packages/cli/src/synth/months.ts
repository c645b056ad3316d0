// Calendar months as integers (year × 12 + month − 1), which is how the rules count ages and
// reference months; dates and YYYY-MM strings only at the edges.

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function parseMonth(text: string): number | undefined {
  const m = MONTH.exec(text);
  return m ? Number(m[1]) * 12 + Number(m[2]) - 1 : undefined;
}

export function formatMonth(index: number): string {
  const year = Math.floor(index / 12);
  return `${year}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Age at `asOf` in whole years, months counted (RULES.md). */
export function ageInYears(birthMonth: number, asOf: number): number {
  return Math.floor((asOf - birthMonth) / 12);
}

export function daysInMonth(index: number): number {
  const year = Math.floor(index / 12);
  return new Date(Date.UTC(year, (index % 12) + 1, 0)).getUTCDate();
}
