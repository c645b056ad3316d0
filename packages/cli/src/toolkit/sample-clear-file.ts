// Made-up clear files for tests and benchmarks: valid NIRs, varied names and birth dates, and
// plausible attribute values for every kind. Deterministic in the row number; nobody real.

import { type ColumnSpec, clearColumns, type ExtractKind, extractColumns, nirKey } from '@nonrecours/pseudo';

const SYLLABLES = [
  'ma',
  'ri',
  'lo',
  'du',
  'pon',
  'ber',
  'nar',
  'gal',
  'le',
  'mo',
  'ti',
  'vé',
  'chê',
  'ne',
  'ro',
  'sa',
];
const GIVEN = ['Jean-Pierre', 'Marie', 'Aïssatou', 'Élodie', 'Lucas', 'Chloé', 'Noé', 'Inès', 'Karim', 'Zoé'];

/** A small deterministic hash, so that row i always gets the same made-up person. */
function mix(i: number, salt: number): number {
  let x = Math.imul(i ^ salt, 0x9e3779b1);
  x ^= x >>> 15;
  x = Math.imul(x, 0x85ebca77);
  return (x ^ (x >>> 13)) >>> 0;
}

/** A valid 15-character NIR for row i (Corsican departments included). */
export function sampleNir(i: number): string {
  const sex = 1 + (mix(i, 1) % 2);
  const year = String(mix(i, 2) % 100).padStart(2, '0');
  const month = String(1 + (mix(i, 3) % 12)).padStart(2, '0');
  const department = ['75', '13', '2A', '2B', '69', '99', '59'][mix(i, 4) % 7]!;
  const rest = String(i % 1_000_000).padStart(6, '0');
  const nir13 = `${sex}${year}${month}${department}${rest}`;
  return nir13 + String(nirKey(nir13)).padStart(2, '0');
}

export function sampleFamilyName(i: number): string {
  const n = 2 + (mix(i, 5) % 2);
  const name = Array.from({ length: n }, (_, k) => SYLLABLES[mix(i, 6 + k) % SYLLABLES.length]).join('');
  return name.charAt(0).toUpperCase() + name.slice(1);
}

export function sampleBirthDate(i: number): string {
  const day = new Date(Date.UTC(1930, 0, 1) + (mix(i, 9) % 30_000) * 86_400_000);
  return day.toISOString().slice(0, 10);
}

function sampleValue(spec: ColumnSpec, i: number): string {
  switch (spec.type) {
    case 'bool':
      return String(mix(i, 10) % 2);
    case 'amount':
      return ((mix(i, 11) % 300_000) / 100).toFixed(2);
    case 'int':
      return String(spec.min + (mix(i, 12) % 3));
    case 'enum':
      return spec.values[mix(i, 13) % spec.values.length]!;
    case 'month':
      return spec.required ? '2026-01' : '';
    case 'commune':
      return ['75056', '13055', '2A004', '97411'][mix(i, 14) % 4]!;
    default:
      return '';
  }
}

/** The clear row of made-up person i for a kind, keyed by clear column name; households of 3. */
export function sampleClearRow(kind: ExtractKind, i: number): Record<string, string> {
  const specs = new Map(extractColumns[kind].map((c) => [c.name, c]));
  const row: Record<string, string> = {};
  for (const column of clearColumns(kind)) {
    if (column === 'nir') row[column] = sampleNir(i);
    else if (column === 'family_name') row[column] = sampleFamilyName(i);
    else if (column === 'given_names')
      row[column] = `${GIVEN[mix(i, 7) % GIVEN.length]} ${GIVEN[mix(i, 8) % GIVEN.length]}`;
    else if (column === 'birth_date') row[column] = sampleBirthDate(i);
    else if (column === 'household_id') row[column] = `H${Math.floor(i / 3)}`;
    else row[column] = sampleValue(specs.get(column)!, i);
  }
  return row;
}

/** Rows as CSV text with the given columns (missing values empty), quoting where needed. */
export function toCsv(
  columns: readonly string[],
  rows: readonly Record<string, string>[],
  { delimiter = ';', newline = '\n' }: { delimiter?: string; newline?: string } = {},
): string {
  const field = (v: string) => (/[;,"\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const lines = [
    columns.join(delimiter),
    ...rows.map((r) => columns.map((c) => field(r[c] ?? '')).join(delimiter)),
  ];
  return lines.join(newline) + newline;
}
