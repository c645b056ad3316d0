// What a social landlord's landlord.v2 extract states beyond v1, drawn for a tenancy from a stream of
// its own (so the rest of the territory is the same with or without it), and the tenancy as
// APL.LANDLORD reads it from those rows.

import type { Household, LandlordV2 } from './household.ts';
import { age } from './household-rules.ts';
import type { AplTenancy } from './housing-aid.ts';
import type { Rng } from './prng.ts';
import { aplZoneOf } from './territory.ts';

/** Almost all HLM dwellings are conventionnés; half the landlords leave the column to its default (1). */
export function drawLandlordV2(rng: Rng, asOf: number, h: Household): LandlordV2 {
  const conventionne = rng.chance(0.95);
  const stated = !conventionne || rng.chance(0.5);
  // The RFR of N-2 (from the SLS/OPS surveys) for 70 % of tenancies: near, not equal to, 12 × today's.
  const annualResources = rng.chance(0.7)
    ? Math.round(12 * h.declaredResources * rng.uniform(0.8, 1.15))
    : null;
  const under21 = h.children.filter((c) => age(asOf, c) < 21).length;
  return {
    conventionne: stated ? conventionne : null,
    annualResources,
    aplAmount: h.housingAid && rng.chance(0.6) ? h.housingAidAmount : null,
    dependants: under21 === h.children.length ? null : under21,
  };
}

/** The tenancy as APL.LANDLORD reads its rows; null overseas (outside the estimate). */
export function aplTenancy(h: Household, v2: LandlordV2): AplTenancy | null {
  const zone = aplZoneOf(h.commune);
  if (zone === null) return null;
  return {
    zone,
    couple: h.adults.length >= 2,
    dependants: v2.dependants ?? h.children.length,
    rent: h.rent,
    annualResources: v2.annualResources ?? 12 * h.declaredResources,
    conventionne: v2.conventionne ?? true,
  };
}
