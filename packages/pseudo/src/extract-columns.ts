// The columns of each extract kind (EXTRACTS.md), in the order the toolkit writes them, and the
// clear columns a partner's own file carries in their place before pseudonymisation.

export const extractKinds = ['caf', 'cpam', 'msa', 'carsat', 'landlord'] as const;
export type ExtractKind = (typeof extractKinds)[number];

/** The schema a kind is sent with by default (the first one it was defined with). */
export const schemaOfKind: Record<ExtractKind, string> = {
  caf: 'caf.v1',
  cpam: 'cpam.v1',
  msa: 'msa.v1',
  carsat: 'carsat.v1',
  landlord: 'landlord.v1',
};

/**
 * Every schema a kind may be sent with: caf.v2 and msa.v2 add the monthly columns to v1, landlord.v2
 * the housing-aid columns.
 */
export const schemasOfKind: Record<ExtractKind, readonly string[]> = {
  caf: ['caf.v1', 'caf.v2'],
  cpam: ['cpam.v1'],
  msa: ['msa.v1', 'msa.v2'],
  carsat: ['carsat.v1'],
  landlord: ['landlord.v1', 'landlord.v2'],
};

/**
 * The months a v2 extract details, as offsets before its reference month: m0 is the reference
 * month itself, m4 four months before. They hold every PPA reference month of an as_of up to the
 * reference month (as_of − 4 … − 1), as the law reads them.
 */
export const monthOffsets = [0, 1, 2, 3, 4] as const;
export type MonthOffset = (typeof monthOffsets)[number];

/** The household values of v2 month k (each row of the household repeats them, as in v1). */
export const monthlyHouseholdColumns = [
  'household_resources',
  'household_adults',
  'household_children',
  'single_parent_increase',
  'housing_aid_amount',
] as const;
export type MonthlyHouseholdColumn = (typeof monthlyHouseholdColumns)[number];

export const monthlyColumn = (name: MonthlyHouseholdColumn | 'activity_income', k: MonthOffset) =>
  `${name}_m${k}`;

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

/**
 * caf.v2 / msa.v2: month by month, this person's activity income and the household's resources (as
 * PPA counts them that month), composition, isolated-parent increase and housing aid paid (0: none);
 * and, once, the household's resources as C2S counts them over the 12 months before the reference
 * month (€ a year, housing forfait included: the amount compared with the C2S ceilings).
 */
const monthly: ColumnSpec[] = [
  ...monthOffsets.flatMap((k) => [
    opt(monthlyColumn('activity_income', k), { type: 'amount' }),
    opt(monthlyColumn('household_resources', k), { type: 'amount' }),
    opt(monthlyColumn('household_adults', k), { type: 'int', min: 1 }),
    opt(monthlyColumn('household_children', k), { type: 'int', min: 0 }),
    opt(monthlyColumn('single_parent_increase', k), { type: 'bool' }),
    opt(monthlyColumn('housing_aid_amount', k), { type: 'amount' }),
  ]),
  opt('c2s_resources', { type: 'amount' }),
];

export const v2OnlyColumns: readonly string[] = monthly.map((c) => c.name);

/**
 * landlord.v2: what the housing-aid (APL) estimate needs beyond v1. `conventionne` (empty: 1), the
 * household's revenu fiscal de référence of year N-2 (€ a year), the APL paid when it is, and the
 * dependants under 21 (with disabled adult dependants) when they differ from household_children.
 */
const landlordV2: ColumnSpec[] = [
  opt('conventionne', { type: 'bool' }),
  opt('annual_resources', { type: 'amount' }),
  opt('apl_amount', { type: 'amount' }),
  opt('dependants', { type: 'int', min: 0 }),
];

export const landlordV2Columns: readonly string[] = landlordV2.map((c) => c.name);

/** The columns a kind's v2 schema adds to its v1 (none for kinds without a v2). */
export const v2ColumnsOfKind: Record<ExtractKind, readonly string[]> = {
  caf: v2OnlyColumns,
  cpam: [],
  msa: v2OnlyColumns,
  carsat: [],
  landlord: landlordV2Columns,
};

/** Every column a kind allows, in file order; any other column refuses the file. */
export const extractColumns: Record<ExtractKind, readonly ColumnSpec[]> = {
  caf: [...identity(true), ...family, ...monthly],
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
    ...monthly,
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
    ...landlordV2,
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

/** A kind's clear columns: every one it allows, or those of one schema. */
export function clearColumns(kind: ExtractKind, schema?: string): string[] {
  const columns = schema === undefined ? extractColumns[kind] : schemaColumns(kind, schema);
  const attributes = columns.map((c) => c.name).filter((n) => !derivedColumns.includes(n));
  const hasHousehold = extractColumns[kind].some((c) => c.name === 'household_pseudo');
  const holdsNir = extractColumns[kind].some((c) => c.name === 'person_pseudo' && c.required);
  const identityCols = clearIdentityColumns.filter(
    (c) => (c !== 'household_id' || hasHousehold) && (c !== 'nir' || holdsNir),
  );
  return [...identityCols, ...attributes];
}

/** The columns of one schema, in file order: a v1 schema leaves out the v2 monthly columns. */
export function schemaColumns(kind: ExtractKind, schema: string): readonly ColumnSpec[] {
  if (!schemasOfKind[kind].includes(schema)) throw new Error(`unknown schema ${schema} for kind ${kind}`);
  return schema.endsWith('.v1')
    ? extractColumns[kind].filter((c) => !v2ColumnsOfKind[kind].includes(c.name))
    : extractColumns[kind];
}

/** The schema a file of `kind` with these columns follows: v2 as soon as one v2 column is there. */
export function schemaOfColumns(kind: ExtractKind, names: readonly string[]): string {
  const v2 = schemasOfKind[kind].find((schema) => schema.endsWith('.v2'));
  return v2 !== undefined && names.some((name) => v2ColumnsOfKind[kind].includes(name))
    ? v2
    : schemaOfKind[kind];
}
