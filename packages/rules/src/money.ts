// Rounding and display of euro amounts. Amounts are compared and reported in cents, so a
// floating-point residue (633.9946 vs 633.99460000001) never moves a threshold.

/** Rounds half away from zero to the cent; the tiny bias absorbs binary residue such as 1.005 * 100. */
export function roundCents(amount: number): number {
  return (Math.sign(amount) * Math.round(Math.abs(amount) * 100 + 1e-6)) / 100;
}

/** French display: 1 234,56 €. */
export function euros(amount: number): string {
  const [units = '0', cents = '00'] = Math.abs(roundCents(amount)).toFixed(2).split('.');
  const grouped = units.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  return `${amount < 0 ? '-' : ''}${grouped},${cents}\u00a0€`;
}

/** French display of a rate or factor, to 5 decimals at most: 1,5 or 1,71216. */
export function decimal(value: number): string {
  return String(Number(value.toFixed(5))).replace('.', ',');
}
