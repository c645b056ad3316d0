// Numbers, amounts and shares as French readers write them (fr-FR): a narrow no-break space (U+202F)
// between thousands and before « % », a no-break space (U+00A0) before « € », a decimal comma. The
// rules format millions of amounts, so euros and counts are written by hand, to the same characters
// as Intl's fr-FR (a test holds them equal).

/** Thousands separator of fr-FR. */
export const NNBSP = '\u202f';
/** Before a unit: « 12,50 € ». */
export const NBSP = '\u00a0';

function grouped(units: string): string {
  return units.replace(/\B(?=(\d{3})+(?!\d))/g, NNBSP);
}

/** Rounds half away from zero to the cent, as the rules do. */
const cents = (amount: number) => Math.sign(amount) * Math.round(Math.abs(amount) * 100 + 1e-6);

/** 1234.5 → « 1 234,50 € ». */
export function euros(amount: number): string {
  const [units = '0', decimals = '00'] = (Math.abs(cents(amount)) / 100).toFixed(2).split('.');
  const sign = amount < 0 && cents(amount) !== 0 ? '-' : '';
  return `${sign}${grouped(units)},${decimals}${NBSP}€`;
}

/** 12345 → « 12 345 ». */
export function count(value: number): string {
  const [units = '0', decimals] = String(Math.abs(value)).split('.');
  return `${value < 0 ? '-' : ''}${grouped(units)}${decimals ? `,${decimals}` : ''}`;
}

/** A rate or factor, to `digits` decimals at most: 1,5 or 1,71216. */
export function decimal(value: number, digits = 5): string {
  const [units = '0', decimals] = String(Math.abs(Number(value.toFixed(digits)))).split('.');
  return `${value < 0 && Number(value.toFixed(digits)) !== 0 ? '-' : ''}${grouped(units)}${decimals ? `,${decimals}` : ''}`;
}

const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 });
/** 0.42 → « 42 % ». */
export const share = (value: number) => percent.format(value);

/** « 1 adulte », « 2 enfants »: a count with its noun, plural from 2 as French has it. */
export const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n >= 2 ? many : one}`;

/** A legal parameter's value with its unit: « 646,52 € par mois », « 12 % ». */
export function parameterValue(value: number, unit: string): string {
  switch (unit) {
    case 'eur_per_month':
      return `${euros(value)} par mois`;
    case 'eur_per_year':
      return `${euros(value)} par an`;
    case 'eur_per_hour':
      return `${euros(value)} de l’heure`;
    case 'rate':
      return `${decimal(value * 100, 4)}\u202f%`;
    case 'smic_hours':
      return `${decimal(value)} heures au SMIC`;
    case 'years':
      return `${decimal(value)} ans`;
    default:
      return decimal(value);
  }
}
