// The APL / AL of a tenant in mainland France, step by step as APL.md gives it (OpenFisca-France's
// aides_logement formulas since the 2021 reform), from what the household states: zone, couple,
// dependants, rent before the RLS, annual resources and whether the dwelling is conventionné. Every
// parameter is read through `params`, so a rule's evidence lists exactly those it used.

import { roundCents } from '../money.ts';
import type { AplZone } from '../parameters/apl-zoning.ts';
import type { ParamsAtDate } from '../parameters/lookup.ts';
import type { ParameterName } from '../parameters/registry.ts';

export interface AplHousehold {
  readonly zone: AplZone;
  readonly couple: boolean;
  /** Dependants: children under 21 not financially independent, disabled adult dependants. */
  readonly dependants: number;
  /** Main rent excluding charges, before the RLS, monthly. */
  readonly rent: number;
  /** Annual resources before their rounding up to the next 100 € (R_raw). */
  readonly annualResources: number;
  /** The dwelling is conventionné: APL (no 10 € threshold, RLS), else AL. */
  readonly conventionne: boolean;
}

/** Every intermediate value of APL.md §1, in its order. */
export interface AplSteps {
  readonly rent_rounded: number;
  readonly rent_ceiling: number;
  readonly rent_taken: number;
  readonly charges: number;
  readonly resources_rounded: number;
  readonly p0: number;
  readonly r0: number;
  readonly tf: number;
  readonly rent_ceiling_zone_2: number;
  readonly rl: number;
  readonly tl: number;
  readonly tp: number;
  readonly pp: number;
  readonly a1: number;
  readonly payment_threshold: number;
  readonly a2: number;
  readonly degressivity_coefficient: number;
  readonly a3: number;
  readonly rls_ceiling: number | null;
  readonly rls: number;
  readonly a4: number;
  readonly aid: number;
}

/** numpy's round-half-even to the whole euro, as OpenFisca rounds the actual rent. */
export function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (Math.abs(diff - 0.5) < 1e-9) return floor % 2 === 0 ? floor : floor + 1;
  return Math.round(x);
}

/** By composition: nobody dependent (single or couple), or 1…k dependants plus an increment beyond. */
function byDependants(
  params: ParamsAtDate,
  prefix: string,
  couple: boolean,
  dependants: number,
  listed: number,
): number {
  const value = (suffix: string) => params.value(`${prefix}.${suffix}` as ParameterName);
  if (dependants === 0) return value(couple ? 'couple' : 'single');
  if (dependants <= listed) return value(`dependants_${dependants}`);
  return value(`dependants_${listed}`) + (dependants - listed) * value('per_extra_dependant');
}

/** Ceilings given as one dependant plus an increment per further dependant (rents, RLS amounts). */
function byFirstDependant(params: ParamsAtDate, prefix: string, couple: boolean, dependants: number): number {
  const value = (suffix: string) => params.value(`${prefix}.${suffix}` as ParameterName);
  if (dependants === 0) return value(couple ? 'couple' : 'single');
  return value('one_dependant') + (dependants - 1) * value('per_extra_dependant');
}

export function rentCeiling(
  params: ParamsAtDate,
  zone: AplZone,
  couple: boolean,
  dependants: number,
): number {
  return roundCents(byFirstDependant(params, `apl.rent_ceiling.zone_${zone}`, couple, dependants));
}

export function aplSteps(params: ParamsAtDate, h: AplHousehold): AplSteps {
  const n = h.dependants;
  const value = (name: ParameterName) => params.value(name);

  // Step 1: L.
  const rentRounded = roundHalfEven(h.rent);
  const ceiling = rentCeiling(params, h.zone, h.couple, n);
  const L = Math.min(rentRounded, ceiling);
  // Step 2: C.
  const C = value('apl.charges.base') + n * value('apl.charges.per_dependant');
  // Step 3: R, up to the next 100 €.
  const R = Math.ceil(roundCents(h.annualResources) / 100) * 100;
  // Step 4: Pp.
  const p0 = Math.max(value('apl.p0.rate') * (L + C), value('apl.p0.minimum'));
  const r0 = byDependants(params, 'apl.r0', h.couple, n, 6);
  const tf = byDependants(params, 'apl.tf', h.couple, n, 6);
  const lref = rentCeiling(params, 2, h.couple, n);
  const rl = L / lref;
  const [t1, t2] = [value('apl.tl.threshold_1'), value('apl.tl.threshold_2')];
  const tl =
    value('apl.tl.rate_1') * Math.min(rl, t1) +
    value('apl.tl.rate_2') * Math.min(Math.max(rl - t1, 0), t2 - t1) +
    value('apl.tl.rate_3') * Math.max(rl - t2, 0);
  const tp = tf + tl;
  const pp = p0 + tp * Math.max(0, R - r0);
  // Step 5: from the amount due to the amount paid.
  const a1 = Math.max(0, L + C - pp);
  const threshold = value(h.conventionne ? 'apl.payment_threshold.apl' : 'apl.payment_threshold.al');
  const a2 = a1 >= threshold ? a1 : 0;
  const degressive = ceiling * value(`apl.degressivity.zone_${h.zone}`);
  const suppressed = ceiling * value(`apl.suppression.zone_${h.zone}`);
  const coefficient =
    rentRounded <= degressive
      ? 1
      : rentRounded <= suppressed
        ? 1 - (rentRounded - degressive) / (suppressed - degressive)
        : 0;
  const a3 = Math.max(0, roundCents(a2 * coefficient) - value('apl.minoration'));
  let rlsCeiling: number | null = null;
  let rls = 0;
  if (h.conventionne) {
    rlsCeiling = byDependants(params, `rls.ceiling.zone_${h.zone}`, h.couple, n, 6);
    if (R / 12 < rlsCeiling)
      rls = roundCents(byFirstDependant(params, `rls.amount.zone_${h.zone}`, h.couple, n));
  }
  const a4 = rls > 0 ? Math.max(0, a3 - value('rls.apl_fraction') * rls) : a3;
  const aid = roundCents(a4 * (1 - value('crds.rate')));
  return {
    rent_rounded: rentRounded,
    rent_ceiling: ceiling,
    rent_taken: L,
    charges: roundCents(C),
    resources_rounded: R,
    p0,
    r0,
    tf,
    rent_ceiling_zone_2: lref,
    rl,
    tl,
    tp,
    pp,
    a1,
    payment_threshold: threshold,
    a2,
    degressivity_coefficient: coefficient,
    a3,
    rls_ceiling: rlsCeiling,
    rls,
    a4,
    aid,
  };
}
