// The SQL of the case lists, the follow-up and the export. A list page is a keyset scan of one of the
// case indexes (migrations 2026-11-27T1100 and T1310), which hold every filtered column: the scan tests the
// filters on the index entries and reads only the page's rows from the table.
import type { Case, Db } from '@nonrecours/db';
import {
  benefitLabels,
  communeLabel,
  confidenceLabels,
  kindLabels,
  outcomeLabels,
  ruleLabels,
  subjectKindLabels,
  variantLabels,
} from '@nonrecours/french';
import { type RawBuilder, sql } from 'kysely';
import { badRequest } from '../errors.ts';
import { rulePacks } from '../runs/run-evaluate.stage.ts';
import type { CaseFilter, CasePosition, CaseSort } from './case-query.ts';
import { caseSightSql } from './case-sight.ts';
import type { StatusChange } from './case-status.ts';
import type { CaseViewer } from './case-viewer.ts';

/**
 * The index entries a list page examines at most. Filters that together keep few cases (and that no
 * index leads with) would otherwise make a page scan most of a run; past the budget the page ends
 * early, with the cursor of the last case examined, so every request does bounded work.
 */
export const SCAN_BUDGET = 10_000;

/** How a value reaches the SQL: a bind parameter, or an escaped literal for COPY, which takes none. */
type Embed = (value: string | number) => RawBuilder<unknown>;
const asParameter: Embed = (value) => sql`${value}`;
const asLiteral: Embed = (value) => sql.lit(value);

/** The columns of a case without its evidence. */
/** What the cycle keeps on a case for its own use (run-finalise.stage.ts), never read by the views. */
type CycleColumns = 'subject_absent' | 'status_changed_at' | 'first_month';
export type CaseSummaryRow = Omit<
  Case,
  'evidence' | 'status_history' | 'part' | 'convention_id' | CycleColumns
>;
export type CaseRow = Omit<Case, 'part' | 'convention_id' | CycleColumns>;

const summaryColumns = sql.raw(
  [
    'id',
    'run_id',
    'subject_kind',
    'subject_pseudo',
    'household_pseudo',
    'pseudonyms',
    'benefit',
    'variant',
    'rule',
    'rule_version',
    'confidence',
    'estimated_amount',
    'commune',
    'status',
    'source_partners',
    'source_extracts',
    'input_partners',
    'input_kinds',
    'sole_input_partner',
    'created_at',
    'expires_at',
  ]
    .map((c) => `c.${c}`)
    .join(', '),
);

/** The partner's extracts that the service still holds: see case-viewer.ts. */
export async function heldExtractIds(db: Db, conventionId: string, partnerId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('extracts')
    .select('id')
    .where('convention_id', '=', conventionId)
    .where('partner_id', '=', partnerId)
    .where('status', '=', 'accepted')
    .where('expires_at', '>', new Date())
    .execute();
  return rows.map((r) => r.id);
}

const sortKeys = {
  amount: {
    key: sql`coalesce(estimated_amount, -1)`,
    text: (position: RawBuilder<unknown>) => sql<string>`${position}::text`,
    cast: sql.raw('numeric'),
  },
  date: {
    key: sql`created_at`,
    text: (position: RawBuilder<unknown>) =>
      sql<string>`to_char(${position} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    cast: sql.raw('timestamptz'),
  },
} as const;

type Condition = RawBuilder<unknown>;

/** Each filter of the request, and the partner's visibility, as a condition on the cases table. */
function conditionsOf(filter: CaseFilter, viewer: CaseViewer, embed: Embed) {
  const conditions: Partial<Record<keyof CaseFilter | 'visible', Condition>> = {};
  // A partner filters on what it may see of a case (case-sight.ts), as it sorts.
  const seen = caseSightSql(viewer, embed);
  if (filter.benefit !== undefined) conditions.benefit = sql`benefit = ${embed(filter.benefit)}`;
  if (filter.rule !== undefined) conditions.rule = sql`rule = ${embed(filter.rule)}`;
  if (filter.confidence !== undefined) conditions.confidence = sql`confidence = ${embed(filter.confidence)}`;
  if (filter.status !== undefined) conditions.status = sql`status = ${embed(filter.status)}`;
  if (filter.commune !== undefined)
    conditions.commune =
      viewer.role === 'territory'
        ? sql`commune = ${embed(filter.commune)}`
        : sql`(commune = ${embed(filter.commune)} and ${seen.placement})`;
  if (filter.minAmount !== undefined)
    conditions.minAmount =
      viewer.role === 'territory'
        ? sql`coalesce(estimated_amount, -1) >= ${embed(filter.minAmount)}`
        : sql`(${seen.computation} and coalesce(estimated_amount, -1) >= ${embed(filter.minAmount)})`;
  if (viewer.role === 'partner')
    conditions.visible = sql`source_extracts && ${uuidArray(viewer.extractIds, embed)}`;
  return conditions;
}

/** The list filters as one condition on the cases table, as a territory team sees them (campaign cohorts). */
export const territoryFilterSql = (filter: CaseFilter): Condition =>
  allOf(Object.values(conditionsOf(filter, { role: 'territory' }, asParameter)));

const uuidArray = (ids: readonly string[], embed: Embed) => sql`array[${sql.join(ids.map(embed))}]::uuid[]`;

const allOf = (conditions: Condition[]) => (conditions.length ? sql.join(conditions, sql` and `) : sql`true`);

export interface CasePageQuery {
  runId: string;
  viewer: CaseViewer;
  filter: CaseFilter;
  sort: CaseSort;
  after: CasePosition | undefined;
  limit: number;
  scanBudget?: number;
}

export interface CasePage {
  rows: CaseSummaryRow[];
  /** Where the next page starts; null when the scan reached the end of the run. */
  next: CasePosition | null;
}

/** The benefit of each rule of the packs: a rule filter also bounds the scan to its benefit. */
const benefitOfRule = new Map(
  Object.values(rulePacks).flatMap((pack) => pack.rules.map((rule) => [rule.id, rule.benefit] as const)),
);

export async function listCasePage(db: Db, q: CasePageQuery): Promise<CasePage> {
  if (q.viewer.role === 'partner' && q.viewer.extractIds.length === 0) return { rows: [], next: null };
  if (q.viewer.role === 'partner' && q.sort === 'amount') return partnerAmountPage(db, q, q.viewer.partnerId);
  if (q.after && !positionPattern[q.sort].test(q.after.key))
    throw badRequest('invalid_cursor', 'the cursor is not one this service returned');
  const { minAmount, ...filters } = conditionsOf(q.filter, q.viewer, asParameter);
  // One equality, answered by the index that leads with its column, bounds the scan with the amount
  // range; the other conditions are tested on the index entries. The first of commune, a follow-up
  // outcome (but `to_contact`, most cases), benefit: the likeliest to keep fewest cases. A benefit
  // matters most: C2S cases, which have no amount, all come last in amount order. In date order, only
  // a commune has an index of its own.
  const benefit =
    q.filter.benefit ?? (q.filter.rule === undefined ? undefined : benefitOfRule.get(q.filter.rule));
  const leading = filters.commune
    ? 'commune'
    : q.sort !== 'amount'
      ? undefined
      : filters.status && q.filter.status !== 'to_contact'
        ? 'status'
        : benefit !== undefined
          ? 'benefit'
          : undefined;
  const bounds: Condition[] = [sql`run_id = ${q.runId}`];
  if (leading === 'benefit') bounds.push(sql`benefit = ${benefit}`);
  else if (leading) bounds.push(filters[leading]!);
  const tested = Object.entries(filters)
    .filter(([name]) => name !== leading)
    .map(([, condition]) => condition);
  if (minAmount) (q.sort === 'amount' ? bounds : tested).push(minAmount);
  return scanPage(db, {
    sort: q.sort,
    bounds,
    tested,
    after: q.after,
    limit: q.limit,
    scanBudget: q.scanBudget,
  });
}

/** A sort key as a cursor carries it: an amount, or a time (also a partner's amount order, after its amounts). */
const positionPattern = { amount: /^-?\d{1,10}(\.\d{1,2})?$/, date: /^\d{4}-\d{2}-\d{2}T/ } as const;

/** Where a partner's amount order goes on after the cases whose amount it may see. */
const afterAmounts: CasePosition = {
  key: '9999-12-31T23:59:59.999999Z',
  id: 'ffffffff-ffff-ffff-ffff-ffffffffffff',
};

/**
 * A partner's page in amount order. It may see the amounts only of the cases whose every input is its
 * own (case-sight.ts): those come first, by amount (their own index, bounded by the partner); then
 * every other case it may see, newest first, as if without an amount — an order by amounts it may
 * not see would tell them. A cursor in the second part carries a time.
 */
async function partnerAmountPage(db: Db, q: CasePageQuery, partnerId: string): Promise<CasePage> {
  const { minAmount: _minAmount, ...filters } = conditionsOf(q.filter, q.viewer, asParameter);
  const tested = Object.values(filters);
  const scan = { bounds: [] as Condition[], tested, scanBudget: q.scanBudget };
  let rows: CaseSummaryRow[] = [];
  let after = q.after;
  if (!after || positionPattern.amount.test(after.key)) {
    const amounts = await scanPage(db, {
      ...scan,
      sort: 'amount',
      bounds: [
        sql`run_id = ${q.runId}`,
        sql`sole_input_partner = ${partnerId}`,
        sql`coalesce(estimated_amount, -1) >= ${q.filter.minAmount ?? 0}`,
      ],
      after,
      limit: q.limit,
    });
    // No case without a visible amount passes a minimum amount.
    if (amounts.next || q.filter.minAmount !== undefined) return amounts;
    rows = amounts.rows;
    if (rows.length === q.limit) return { rows, next: afterAmounts };
    after = afterAmounts;
  } else if (!positionPattern.date.test(after.key) || q.filter.minAmount !== undefined)
    throw badRequest('invalid_cursor', 'the cursor is not one this service returned');
  const others = await scanPage(db, {
    ...scan,
    sort: 'date',
    bounds: [sql`run_id = ${q.runId}`],
    tested: [...tested, sql`(sole_input_partner is distinct from ${partnerId} or estimated_amount is null)`],
    after,
    limit: q.limit - rows.length,
  });
  return { rows: [...rows, ...others.rows], next: others.next };
}

/**
 * Scans an index in the order's key, within `bounds`, testing `tested` on each entry: a page of at
 * most `limit` cases, ended early at the scan budget.
 */
async function scanPage(
  db: Db,
  q: {
    sort: CaseSort;
    bounds: Condition[];
    tested: Condition[];
    after: CasePosition | undefined;
    limit: number;
    scanBudget: number | undefined;
  },
): Promise<CasePage> {
  const { key, text, cast } = sortKeys[q.sort];
  const bounds = [...q.bounds];
  if (q.after) bounds.push(sql`(${key}, id) < (${q.after.key}::${cast}, ${q.after.id}::uuid)`);
  const scanBudget = q.scanBudget ?? SCAN_BUDGET;
  const budget = sql.lit(scanBudget);
  const { rows } = await sql<
    CaseSummaryRow & { position_id: string; position_key: string; hit: boolean; n: number }
  >`
    with page as (
      select id, position, hit, n from (
        select id, ${key} as position, ${allOf(q.tested)} as hit,
          row_number() over (order by ${key} desc, id desc) as n
        from cases
        where ${allOf(bounds)}
        order by ${key} desc, id desc
        limit ${budget}
      ) scanned
      where hit or n = ${budget}
      limit ${sql.lit(q.limit + 1)}
    )
    select page.id as position_id, ${text(sql.ref('page.position'))} as position_key, page.hit, page.n,
      ${summaryColumns}
    from page left join cases c on page.hit and c.id = page.id
    order by page.n`.execute(db);
  const hits = rows.filter((r) => r.hit);
  if (hits.length > q.limit) {
    const last = hits[q.limit - 1]!;
    return { rows: hits.slice(0, q.limit), next: { key: last.position_key, id: last.position_id } };
  }
  const end = rows.find((r) => r.n === scanBudget);
  return { rows: hits, next: end ? { key: end.position_key, id: end.position_id } : null };
}

/** A run's cases in id order, after `after`: the territory team's page of a run's cases. */
export function listRunCases(
  db: Db,
  conventionId: string,
  runId: string,
  page: { after: string | undefined; limit: number },
) {
  let q = db
    .selectFrom('cases')
    .select([
      'id',
      'run_id',
      'subject_kind',
      'subject_pseudo',
      'household_pseudo',
      'benefit',
      'variant',
      'rule',
      'rule_version',
      'confidence',
      'estimated_amount',
      'commune',
      'source_partners',
      'status',
      'evidence',
      'created_at',
      'expires_at',
      'pseudonyms',
    ])
    .where('run_id', '=', runId)
    .where('convention_id', '=', conventionId);
  if (page.after) q = q.where('id', '>', page.after);
  return q.orderBy('id').limit(page.limit).execute();
}

/** A case of one of the convention's published runs, if the viewer may see it. */
export async function findVisibleCase(
  db: Db,
  conventionId: string,
  id: string,
  viewer: CaseViewer,
): Promise<CaseRow | undefined> {
  if (viewer.role === 'partner' && viewer.extractIds.length === 0) return undefined;
  const { visible } = conditionsOf({}, viewer, asParameter);
  const { rows } = await sql<CaseRow>`
    select ${summaryColumns}, c.evidence, c.status_history
    from cases c join runs r on r.id = c.run_id
    where c.id = ${id} and c.convention_id = ${conventionId} and r.status = 'succeeded' and ${visible ?? sql`true`}`.execute(
    db,
  );
  return rows[0];
}

const lockedColumns = [
  'id',
  'run_id',
  'status',
  'subject_kind',
  'subject_pseudo',
  'benefit',
  sql<number>`jsonb_array_length(status_history)`.as('changes'),
] as const;

/**
 * Locks the case for its follow-up change. Not for update: a publication's observations reference
 * the case (a key share lock) and must not hold a follow-up off.
 */
export function lockCase(db: Db, conventionId: string, id: string) {
  return db
    .selectFrom('cases')
    .select(lockedColumns)
    .where('id', '=', id)
    .where('convention_id', '=', conventionId)
    .forNoKeyUpdate()
    .executeTakeFirst();
}

/** The case of a run about the same subject and benefit, locked for its follow-up change. */
export function lockSuccessorCase(
  db: Db,
  runId: string,
  of: { subject_kind: 'person' | 'household' | 'tenancy'; subject_pseudo: string; benefit: string },
) {
  return db
    .selectFrom('cases')
    .select(lockedColumns)
    .where('run_id', '=', runId)
    .where('subject_kind', '=', of.subject_kind)
    .where('subject_pseudo', '=', of.subject_pseudo)
    .where('benefit', '=', of.benefit)
    .forNoKeyUpdate()
    .executeTakeFirst();
}

/** Whether the run closed the case by what its extracts showed (case_observations). */
export async function closedByRun(db: Db, caseId: string, runId: string): Promise<boolean> {
  const row = await db
    .selectFrom('case_observations')
    .select('case_id')
    .where('case_id', '=', caseId)
    .where('run_id', '=', runId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Holds the run while a follow-up of one of its cases commits (see run-finalise.stage.ts). */
export async function shareLockRun(db: Db, runId: string): Promise<void> {
  await db.selectFrom('runs').select('id').where('id', '=', runId).forShare().execute();
}

export async function recordStatus(db: Db, id: string, change: StatusChange): Promise<CaseRow> {
  const { rows } = await sql<CaseRow>`
    update cases c set status = ${change.status}, status_changed_at = now(),
      status_history = c.status_history || ${JSON.stringify([change])}::jsonb
    where c.id = ${id}
    returning ${summaryColumns}, c.evidence, c.status_history`.execute(db);
  return rows[0]!;
}

export interface CaseSetQuery {
  /** Null when the convention has no published run: the set is empty. */
  runId: string | null;
  viewer: CaseViewer;
  filter: CaseFilter;
}

function caseSetConditions(q: CaseSetQuery, embed: Embed): Condition {
  if (q.runId === null || (q.viewer.role === 'partner' && q.viewer.extractIds.length === 0))
    return sql`false`;
  return allOf([
    sql`run_id = ${embed(q.runId)}::uuid`,
    ...Object.values(conditionsOf(q.filter, q.viewer, embed)),
  ]);
}

export async function countCases(db: Db, q: CaseSetQuery): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from cases where ${caseSetConditions(q, asParameter)}`.execute(db);
  return rows[0]!.n;
}

/** The pseudonyms of a disclosure row at most: an export's go in parts of this size. */
const DISCLOSURE_PART = 10_000;

/**
 * Records, set-based, every pseudonym of every case of an export, distinct and sorted, in parts;
 * returns how many pseudonyms it recorded.
 */
export async function insertExportDisclosures(db: Db, seq: number, q: CaseSetQuery): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    with disclosed as (
      select p, (row_number() over (order by p) - 1) / ${DISCLOSURE_PART} as part from (
        select distinct p collate "C" as p from cases, unnest(pseudonyms) p
        where ${caseSetConditions(q, asParameter)}
      ) distinct_pseudonyms
    ), parts as (
      insert into audit_disclosures (seq, part, pseudonyms)
      select ${seq}::bigint, part, array_agg(p order by p) from disclosed group by part
      returning cardinality(pseudonyms) as n
    )
    select coalesce(sum(n), 0)::int as n from parts`.execute(db);
  return rows[0]!.n;
}

/**
 * A code's label, the code itself when it has none: a lookup in a jsonb literal, which PostgreSQL
 * parses once and searches by binary search (a `case` of a few hundred communes would compare each
 * row with each of them: twice as slow at a million cases).
 */
function inFrench(column: RawBuilder<unknown>, labels: Readonly<Record<string, string>>): RawBuilder<string> {
  return sql<string>`coalesce(${sql.lit(JSON.stringify(labels))}::jsonb ->> ${column}, ${column})`;
}

/**
 * A list of codes joined by « , » with each code replaced by its label: nested `replace`s, four times
 * cheaper than an unnest per row at a million cases. Sound only while no code is part of another code
 * or of a label, which is checked.
 */
function listInFrench(
  column: RawBuilder<unknown>,
  labels: Readonly<Record<string, string>>,
): RawBuilder<string> {
  const entries = Object.entries(labels);
  for (const [code] of entries)
    if (entries.some(([other, text]) => (other !== code && other.includes(code)) || text.includes(code)))
      throw new Error(`the code ${code} is part of another code or label`);
  return entries.reduce<RawBuilder<string>>(
    (text, [code, name]) => sql<string>`replace(${text}, ${sql.lit(code)}, ${sql.lit(name)})`,
    sql<string>`array_to_string(${column}, ', ')`,
  );
}

/** The export's commune labels: « Rennes (35238) » for each commune of its run. */
export async function exportCommuneLabels(db: Db, runId: string | null): Promise<Record<string, string>> {
  if (runId === null) return {};
  // A loose index scan of cases_list_by_commune: one probe per distinct commune.
  const { rows } = await sql<{ commune: string }>`
    with recursive c(commune) as (
      (select commune from cases where run_id = ${runId} order by commune limit 1)
      union all
      select (select commune from cases where run_id = ${runId} and commune > c.commune order by commune limit 1)
      from c where c.commune is not null
    )
    select commune from c where commune is not null`.execute(db);
  return Object.fromEntries(rows.map((r) => [r.commune, communeLabel(r.commune)]));
}

/**
 * The export's rows as one SELECT with its values inlined (COPY takes no parameters; every value is
 * escaped, and was validated before): the columns `nonrecours reidentify` looks cases up by, each
 * case in French for a person (headers and values from the vocabulary), and the codes again in
 * `code_…` columns for a spreadsheet's filters or a tool. A household's pseudonym only goes to the
 * partner it belongs to (case-viewer.ts).
 */
export function exportSelectSql(
  db: Db,
  q: CaseSetQuery & { sort: CaseSort; communes: Record<string, string> },
): string {
  const seen = caseSightSql(q.viewer, asLiteral);
  // A partner's amount order as its list has it (partnerAmountPage).
  const order =
    q.viewer.role === 'partner' && q.sort === 'amount'
      ? sql`(${seen.computation} and estimated_amount is not null) desc,
          case when ${seen.computation} then estimated_amount end desc nulls last,
          case when not ${seen.computation} or estimated_amount is null then created_at end desc nulls last, id desc`
      : sql`${sortKeys[q.sort].key} desc, id desc`;
  const col = (name: string) => sql.ref(name);
  const variant = sql`${seen.variant}`;
  const commune = sql`${seen.commune}`;
  const compiled = sql`
    select id as case_id,
      case when subject_kind = 'person' or (subject_kind = 'household' and subject_pseudo <> household_pseudo)
        then subject_pseudo end as person_pseudo,
      ${seen.household} as household_pseudo,
      ${inFrench(col('subject_kind'), subjectKindLabels)} as "Sujet",
      ${inFrench(col('benefit'), benefitLabels)} as "Prestation",
      ${inFrench(variant, variantLabels)} as "Variante",
      ${inFrench(col('rule'), ruleLabels)} as "Règle",
      ${inFrench(col('confidence'), confidenceLabels)} as "Confiance",
      replace((${seen.amount})::text, '.', ',') as "Montant estimé (€ par mois)",
      ${inFrench(commune, q.communes)} as "Commune",
      ${inFrench(col('status'), outcomeLabels)} as "Suivi",
      ${listInFrench(col('input_kinds'), kindLabels)} as "Données de",
      subject_kind as code_sujet, benefit as code_prestation, ${seen.variant} as code_variante, rule as code_regle,
      confidence as code_confiance, ${seen.commune} as code_commune, status as code_suivi,
      array_to_string(input_kinds, ',') as code_donnees
    from cases
    where ${caseSetConditions(q, asLiteral)}
    order by ${order}`.compile(db);
  if (compiled.parameters.length > 0) throw new Error('the export query must not take parameters');
  return compiled.sql;
}
