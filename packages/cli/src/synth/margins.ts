// Keeps every household clear of the thresholds of fr.v1, so that the ground truth does not hang
// on a cent, a rounding convention or a parameter read a month early: a household whose amounts
// fall within 5 % of a threshold is drawn again. The checks run for every claim scenario that
// moves an amount (ASPA paid or not), which keeps the redraws independent of the take-up draw and
// so leaves the non-take-up rates unbiased.

import {
  aspaCeilings,
  c2sAnnualResources,
  c2sCeilings,
  maximumAmount,
  ppaAmount,
  ppaReferenceMonths,
  rsaAmount,
} from './entitlements.ts';
import type { Household } from './household.ts';
import {
  adultActivity,
  age,
  c2sView,
  familyUnit,
  ppaActivityCondition,
  rsaAgeCondition,
  tenancyAgeCondition,
  tenancyUnit,
} from './household-rules.ts';
import { fixed, parametersAt } from './legal-parameters.ts';

const MARGIN = 0.05;
// With ASPA paid, resources sit exactly at the ASPA ceiling by law, and that ceiling plus a
// housing forfait lands 1 to 4 % from the C2S participation ceiling: no draw can move it, so this
// one comparison only has to stay clear of rounding (0.5 % ≈ 70 € a year).
const PINNED_C2S_MARGIN = 0.005;

const clear = (value: number, threshold: number, scale: number, margin = MARGIN): boolean =>
  Math.abs(value - threshold) >= margin * scale;

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** The first threshold the household is too close to, or null when it is clear of all. */
export function thresholdTooClose(
  asOf: number,
  h: Household,
  baseResources: number,
  aspaResources: number,
  aspaScenarios: readonly number[],
): string | null {
  const rsaBase = parametersAt(asOf).rsaBase;
  for (const aspa of aspaScenarios) {
    const resources = round2(baseResources + aspa);
    const unit = familyUnit(h, resources);
    if (
      rsaAgeCondition(asOf, h) &&
      !clear(rsaAmount(asOf, unit), fixed.rsaMinimum, maximumAmount(rsaBase, unit))
    ) {
      return 'rsa';
    }
    if (ppaActivityCondition(asOf, h)) {
      // The unfloored mean: with each month clear of 15 € on the same side, flooring cannot move the case.
      const { months } = ppaAmount(asOf, unit, adultActivity(h));
      const mean = (months[0]! + months[1]! + months[2]!) / 3;
      const scales = ppaReferenceMonths(asOf).map((m) => maximumAmount(parametersAt(m).ppaBase, unit));
      const above = months.map((v) => v >= fixed.ppaMinimum);
      if (!clear(mean, fixed.ppaMinimum, scales[2]!)) return 'ppa';
      // Each month on the same side, and clear: the mean then cannot depend on clipping months at 0.
      if (
        above.some((a) => a !== above[0]) ||
        months.some((v, i) => !clear(v, fixed.ppaMinimum, scales[i]!))
      ) {
        return 'ppa_month';
      }
    }
    const view = c2sView(h, resources);
    const ceiling = c2sCeilings(asOf, view).participation;
    if (!clear(c2sAnnualResources(asOf, view), ceiling, ceiling, aspa > 0 ? PINNED_C2S_MARGIN : MARGIN))
      return 'c2s';
    if (h.socialTenant && tenancyAgeCondition(asOf, h)) {
      const tenancy = tenancyUnit(h, Math.round(resources));
      if (!clear(rsaAmount(asOf, tenancy), fixed.rsaMinimum, maximumAmount(rsaBase, tenancy)))
        return 'tenancy';
    }
  }
  if (h.adults.some((a) => age(asOf, a) >= fixed.aspaAge)) {
    const { single, couple } = aspaCeilings(asOf);
    if (h.adults.length === 1 && !clear(12 * h.adults[0]!.pension, single, single)) return 'aspa_single';
    if (h.adults.length === 2) {
      if (!clear(12 * aspaResources, couple, couple) || !clear(12 * baseResources, couple, couple))
        return 'aspa_couple';
    }
  }
  return null;
}
