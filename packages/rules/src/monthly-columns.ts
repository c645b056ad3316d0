// caf.v2 / msa.v2 rows carry their months as columns `…_m0` (the reference month) to `…_m4`: what a
// profile holds of them, month by month. A month is stated when its household_resources is.

import {
  type MonthlyHouseholdColumn,
  type MonthOffset,
  monthlyColumn,
  monthOffsets,
} from '@nonrecours/pseudo';
import { addMonths } from './months.ts';
import type { HouseholdMonth, MemberMonth } from './profile.schema.ts';

/** Reads one column of a row: a number, a boolean, or null when empty. */
export type ColumnReader = (column: string) => unknown;

export const monthOfOffset = (referenceMonth: string, k: MonthOffset) => addMonths(referenceMonth, -k);

export function householdMonthsOf(read: ColumnReader, referenceMonth: string): HouseholdMonth[] | null {
  const months = monthOffsets.flatMap((k): HouseholdMonth[] => {
    const value = <T>(name: MonthlyHouseholdColumn) => (read(monthlyColumn(name, k)) ?? null) as T | null;
    const resources = value<number>('household_resources');
    if (resources === null) return [];
    return [
      {
        month: monthOfOffset(referenceMonth, k),
        household_resources: resources,
        household_adults: value<number>('household_adults'),
        household_children: value<number>('household_children'),
        single_parent_increase: value<boolean>('single_parent_increase'),
        housing_aid_amount: value<number>('housing_aid_amount'),
      },
    ];
  });
  return months.length > 0 ? months : null;
}

export function memberMonthsOf(read: ColumnReader, referenceMonth: string): MemberMonth[] | null {
  const months = monthOffsets.flatMap((k): MemberMonth[] => {
    const value = read(monthlyColumn('activity_income', k)) ?? null;
    return value === null
      ? []
      : [{ month: monthOfOffset(referenceMonth, k), activity_income: value as number }];
  });
  return months.length > 0 ? months : null;
}
