// Dates and months as French sentences write them: « octobre 2026 », « 1er janvier 2026 »,
// « 2 décembre 2026 à 16 h 05 », in Europe/Paris time; never an ISO date in a sentence.
import { de } from './typography.ts';

export const monthNames = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
] as const;

const PARIS = 'Europe/Paris';

/** « 2026-10 » (or a date in it) → « octobre 2026 ». */
export function monthInWords(ym: string): string {
  const month = monthNames[Number(ym.slice(5, 7)) - 1];
  return month ? `${month} ${ym.slice(0, 4)}` : ym;
}

/** « d’octobre 2026 », « de mars 2026 ». */
export const ofMonth = (ym: string) => de(monthInWords(ym));

/** A list of months: « août, septembre et octobre 2026 », « décembre 2025 et janvier 2026 ». */
export function monthsInWords(months: readonly string[]): string {
  const words = months.map((ym, i) => {
    const sameYearAsNext = i + 1 < months.length && months[i + 1]!.slice(0, 4) === ym.slice(0, 4);
    return sameYearAsNext ? monthNames[Number(ym.slice(5, 7)) - 1]! : monthInWords(ym);
  });
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} et ${words.at(-1)}`;
}

const dayNumber = (d: number) => (d === 1 ? '1er' : String(d));

/** A calendar day « 2026-01-01 » → « 1er janvier 2026 » (no time zone: it is a day, not an instant). */
export function dayInWords(isoDay: string): string {
  const [y, m, d] = isoDay.slice(0, 10).split('-').map(Number);
  const month = monthNames[(m ?? 0) - 1];
  return month && d ? `${dayNumber(d)} ${month} ${y}` : isoDay;
}

const parisParts = new Intl.DateTimeFormat('fr-FR', {
  timeZone: PARIS,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  hourCycle: 'h23',
});

function inParis(instant: Date) {
  const parts = Object.fromEntries(parisParts.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
  };
}

type Instant = string | Date;

/** The day of an instant in Paris: « 1er janvier 2026 ». */
export function dateInWords(v: Instant): string {
  const p = inParis(new Date(v));
  return `${dayNumber(p.day)} ${monthNames[p.month - 1]} ${p.year}`;
}

/** An instant in Paris: « 2 décembre 2026 à 16 h 05 ». */
export function dateTimeInWords(v: Instant): string {
  const p = inParis(new Date(v));
  return `${dateInWords(v)} à ${p.hour} h ${String(p.minute).padStart(2, '0')}`;
}

/** An instant in Paris, short, for tables: « 02/12/2026 16:05 ». */
export function shortDateTime(v: Instant): string {
  const p = inParis(new Date(v));
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(p.day)}/${two(p.month)}/${p.year} ${two(p.hour)}:${two(p.minute)}`;
}
