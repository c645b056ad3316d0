// The shape of a legal parameter: a name, a unit and values by effective date, each with the
// legal text that set it (the way OpenFisca-France records them). Values are data, never code.

export const parameterUnits = [
  'eur_per_month',
  'eur_per_year',
  'eur_per_hour',
  'rate',
  'smic_hours',
  'years',
] as const;
export type ParameterUnit = (typeof parameterUnits)[number];

export interface LegalReference {
  readonly title: string;
  /** Légifrance (or publisher) address of the text; null when no stable address is known. */
  readonly href: string | null;
}

export interface DatedValue {
  /** Effective date, YYYY-MM-DD: the value holds from this day until the next entry. */
  readonly from: string;
  readonly value: number;
  readonly reference: LegalReference;
}

export interface ParameterDefinition {
  readonly label: string;
  readonly unit: ParameterUnit;
  /** In ascending order of `from`. */
  readonly values: readonly DatedValue[];
  /**
   * For rates the law does not revalue every year: the day the last value was last checked as still
   * in force. Staleness then counts from this day rather than from an effective date years old.
   */
  readonly reviewedOn?: string;
  /** A revaluation due on `date` whose value is not yet known: the last value is kept, with a warning. */
  readonly pending?: { readonly date: string; readonly note: string };
}

/** The day the fr.v1 tables (RULES.md) were last checked against the law: April 2026 revaluations. */
export const frV1ReviewedOn = '2026-04-01';
