// Month arithmetic on 'YYYY-MM' strings: run dates, reference months and ages all count in
// whole calendar months, so an integer month index is all the rules need.

export const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

export function isMonth(value: string): boolean {
  return monthPattern.test(value);
}

/** Months since year 0: comparable and subtractable. */
export function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

function monthOfIndex(index: number): string {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

export function addMonths(month: string, count: number): string {
  return monthOfIndex(monthIndex(month) + count);
}

/** The date on which a month's parameter values are read. */
export function firstDayOf(month: string): string {
  return `${month}-01`;
}

/** Age in whole years at `asOf` from a birth month: the birth month itself counts as a full month. */
export function ageAt(birthMonth: string, asOf: string): number {
  return Math.floor((monthIndex(asOf) - monthIndex(birthMonth)) / 12);
}
