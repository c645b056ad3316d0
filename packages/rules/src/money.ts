// Rounding and display of euro amounts. Amounts are compared and reported in cents, so a
// floating-point residue (633.9946 vs 633.99460000001) never moves a threshold.

/** Rounds half away from zero to the cent; the tiny bias absorbs binary residue such as 1.005 * 100. */
export function roundCents(amount: number): number {
  return (Math.sign(amount) * Math.round(Math.abs(amount) * 100 + 1e-6)) / 100;
}

/** French display (1 234,56 €) and of a rate or factor (1,5 or 1,71216): the vocabulary's own. */
export { decimal, euros } from '@nonrecours/french';
