// The housing-aid zone of a commune, from the 2011 zoning (apl-zoning.data.ts). "1bis" counts as zone 1;
// a commune the zoning does not list (created since, or a code it never had) is taken as zone 2, as
// OpenFisca-France does.

import { zoningRuns } from './apl-zoning.data.ts';

export type AplZone = 1 | 2 | 3;
export type ListedZone = '1' | '1bis' | '2' | '3';

export interface CommuneZone {
  readonly zone: AplZone;
  /** The zone the zoning lists for the commune, or null when it does not list it. */
  readonly listed: ListedZone | null;
}

const letters: Record<string, ListedZone> = { A: '1', B: '1bis', C: '2', D: '3' };
const asZone: Record<ListedZone, AplZone> = { '1': 1, '1bis': 1, '2': 2, '3': 3 };

let decoded: Map<string, ListedZone> | undefined;

/** code → listed zone, decoded once from the runs (about 36,700 entries). */
export function zoningMap(): ReadonlyMap<string, ListedZone> {
  if (decoded !== undefined) return decoded;
  const map = new Map<string, ListedZone>();
  for (const [department, runs] of Object.entries(zoningRuns)) {
    const width = 5 - department.length;
    let number = 1;
    for (const [, letter = '', length] of runs.matchAll(/([ABCD.])(\d*)/g)) {
      const count = length === '' ? 1 : Number(length);
      const zone = letters[letter];
      if (zone !== undefined) {
        for (let i = 0; i < count; i++)
          map.set(`${department}${String(number + i).padStart(width, '0')}`, zone);
      }
      number += count;
    }
  }
  decoded = map;
  return map;
}

export function communeZone(commune: string): CommuneZone {
  const listed = zoningMap().get(commune) ?? null;
  return { zone: listed === null ? 2 : asZone[listed], listed };
}
