// The columns of each extract kind (EXTRACTS.md), in the order the toolkit writes them, and the
// clear columns a partner's own file carries in their place before pseudonymisation.

export const extractKinds = ['caf', 'cpam', 'msa', 'carsat', 'landlord'] as const;
export type ExtractKind = (typeof extractKinds)[number];

export const schemaOfKind: Record<ExtractKind, string> = {
  caf: 'caf.v1',
  cpam: 'cpam.v1',
  msa: 'msa.v1',
  carsat: 'carsat.v1',
  landlord: 'landlord.v1',
};

export type ColumnType =
  | { type: 'pseudo' }
  | { type: 'clk' }
  | { type: 'month' }
  | { type: 'commune' }
  | { type: 'bool' }
  | { type: 'amount' }
  | { type: 'int'; min: number }
  | { type: 'enum'; values: readonly string[] };

export type ColumnSpec = ColumnType & { name: string; required: boolean };

export const roles = ['allocataire', 'conjoint', 'enfant', 'autre'] as const;
export const housings = [
  'locataire',
  'proprietaire',
  'accedant',
  'heberge',
  'sans_domicile',
  'inconnu',
] as const;
export const c2sStatuses = ['none', 'free', 'participation'] as const;

const req = (name: string, t: ColumnType): ColumnSpec => ({ name, required: true, ...t });
const opt = (name: string, t: ColumnType): ColumnSpec => ({ name, required: false, ...t });

const identity = (personRequired: boolean): ColumnSpec[] => [
  (personRequired ? req : opt)('person_pseudo', { type: 'pseudo' }),
  (personRequired ? opt : req)('identity_pseudo', { type: 'pseudo' }),
  opt('identity_clk', { type: 'clk' }),
  req('birth_ym', { type: 'month' }),
  req('commune', { type: 'commune' }),
];

const family: ColumnSpec[] = [
  req('household_pseudo', { type: 'pseudo' }),
  req('role', { type: 'enum', values: roles }),
  req('household_adults', { type: 'int', min: 1 }),
  req('household_children', { type: 'int', min: 0 }),
  req('single_parent', { type: 'bool' }),
  opt('single_parent_increase', { type: 'bool' }),
  req('household_resources', { type: 'amount' }),
  req('activity_income', { type: 'amount' }),
  req('housing', { type: 'enum', values: housings }),
  req('rsa', { type: 'bool' }),
  req('ppa', { type: 'bool' }),
  req('housing_aid', { type: 'bool' }),
  opt('housing_aid_amount', { type: 'amount' }),
  req('aah', { type: 'bool' }),
];

/** Every column a kind allows, in file order; any other column refuses the file. */
export const extractColumns: Record<ExtractKind, readonly ColumnSpec[]> = {
  caf: [...identity(true), ...family],
  cpam: [
    ...identity(true),
    req('c2s', { type: 'enum', values: c2sStatuses }),
    opt('c2s_until', { type: 'month' }),
  ],
  msa: [
    ...identity(true),
    ...family,
    req('c2s', { type: 'enum', values: c2sStatuses }),
    opt('c2s_until', { type: 'month' }),
    opt('pension', { type: 'amount' }),
    opt('aspa', { type: 'bool' }),
  ],
  carsat: [
    ...identity(true),
    req('pension', { type: 'amount' }),
    req('couple', { type: 'bool' }),
    req('aspa', { type: 'bool' }),
    opt('household_resources', { type: 'amount' }),
    // The partner's birth month when couple = 1: an ASPA shared by two eligible partners, or capped.
    opt('partner_birth_ym', { type: 'month' }),
  ],
  landlord: [
    ...identity(false),
    req('household_pseudo', { type: 'pseudo' }),
    req('household_adults', { type: 'int', min: 1 }),
    req('household_children', { type: 'int', min: 0 }),
    req('household_resources', { type: 'amount' }),
    req('rent', { type: 'amount' }),
    req('arrears_months', { type: 'int', min: 0 }),
    req('apl', { type: 'bool' }),
  ],
};

/** Columns computed by pseudonymisation: a clear file never carries them. */
export const derivedColumns = [
  'person_pseudo',
  'identity_pseudo',
  'identity_clk',
  'birth_ym',
  'household_pseudo',
];

/**
 * A partner's clear file: the kind's attribute columns unchanged, with these identity columns in
 * place of the derived ones. `nir` is required but for landlords, who hold none; names are
 * required for landlords and optional elsewhere (without them no identity_pseudo/identity_clk);
 * `household_id` is required for the kinds that have a household_pseudo.
 */
export const clearIdentityColumns = [
  'nir',
  'family_name',
  'given_names',
  'birth_date',
  'household_id',
] as const;

export function clearColumns(kind: ExtractKind): string[] {
  const attributes = extractColumns[kind].map((c) => c.name).filter((n) => !derivedColumns.includes(n));
  const hasHousehold = extractColumns[kind].some((c) => c.name === 'household_pseudo');
  const holdsNir = extractColumns[kind].some((c) => c.name === 'person_pseudo' && c.required);
  const identityCols = clearIdentityColumns.filter(
    (c) => (c !== 'household_id' || hasHousehold) && (c !== 'nir' || holdsNir),
  );
  return [...identityCols, ...attributes];
}
