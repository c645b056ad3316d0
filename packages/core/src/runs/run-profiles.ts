// Reads one partition of a run's working tables and turns its rows into the linked profiles the
// rules take: family households (grouped rows of one household), retirees, tenancies. The rows come
// through a cursor, a batch at a time, so a partition's size does not set the worker's memory.
import { type Db, typeParsers } from '@nonrecours/db';
import { v2OnlyColumns } from '@nonrecours/pseudo';
import {
  type ExtractKind,
  type FamilyHousehold,
  type HealthRecord,
  householdMonthsOf,
  memberMonthsOf,
  type Profile,
  type Retiree,
  type Tenancy,
} from '@nonrecours/rules';
import { type RawBuilder, sql } from 'kysely';
import type pg from 'pg';
import Cursor from 'pg-cursor';
import type { RunExtract } from './run-select.stage.ts';
import { partitionOrder, runTables } from './run-tables.ts';

/** A profile with what the run needs to file its cases: the pseudonyms it concerns and the extracts it read. */
export interface PartitionProfile {
  profile: Profile;
  pseudonyms: string[];
  extracts: string[];
}

interface FamilyRow {
  extract_id: string;
  person_pseudo: string;
  birth_ym: string;
  commune: string;
  household_pseudo: string;
  role: FamilyHousehold['members'][number]['role'];
  household_adults: number;
  household_children: number;
  single_parent_increase: boolean | null;
  household_resources: number;
  activity_income: number;
  housing: FamilyHousehold['housing'];
  rsa: boolean;
  ppa: boolean;
  housing_aid: boolean;
  housing_aid_amount: number | null;
  health_c2s: HealthRecord['c2s'] | null;
  health_extract: string | null;
  /** The v2 columns (null in v1 extracts), read as `activity_income_m0`… */
  [monthly: string]: unknown;
  c2s_resources: number | null;
}

interface RetireeRow {
  extract_id: string;
  person_pseudo: string;
  birth_ym: string;
  commune: string;
  pension: number | null;
  aspa: boolean | null;
  couple: boolean | null;
  household_adults: number | null;
  household_resources: number | null;
  partner_birth_ym: string | null;
  health_c2s: HealthRecord['c2s'] | null;
  health_extract: string | null;
}

interface TenantRow {
  extract_id: string;
  identity_pseudo: string;
  birth_ym: string;
  commune: string;
  household_pseudo: string;
  household_adults: number;
  household_children: number;
  household_resources: number;
  apl: boolean;
  rent: number;
  conventionne: boolean | null;
  annual_resources: number | null;
  apl_amount: number | null;
  dependants: number | null;
  linked_person: string | null;
  link_method: Tenancy['tenants'][number]['family_link'];
}

export function createProfileReader(
  deps: { db: Db; pool: pg.Pool },
  runId: string,
  extracts: readonly RunExtract[],
) {
  const t = runTables(runId);
  const byId = new Map(extracts.map((e) => [e.id, e]));
  const hasCaf = extracts.some((e) => e.kind === 'caf');
  const source = <K extends ExtractKind>(extractId: string) => {
    const e = byId.get(extractId);
    if (!e) throw new Error('a working row refers to an extract outside the run');
    return { kind: e.kind as K, partner: e.partner_id, reference_month: e.reference_month };
  };
  const health = (c2s: HealthRecord['c2s'] | null, extractId: string | null): HealthRecord | null =>
    c2s && extractId ? { source: source<'cpam' | 'msa'>(extractId), c2s, link: 'person_pseudo' } : null;
  const month = sql.raw(`to_char(birth_ym, 'YYYY-MM') as birth_ym`);

  async function* families(part: number): AsyncGenerator<PartitionProfile> {
    const rows = inIndexOrder(
      deps,
      sql<FamilyRow>`
      select extract_id, person_pseudo, ${month}, commune, household_pseudo, role, household_adults, household_children,
        single_parent_increase, household_resources::float8 as household_resources, activity_income::float8 as activity_income,
        housing, rsa, ppa, housing_aid, housing_aid_amount::float8 as housing_aid_amount, health_c2s, health_extract,
        ${monthlySelect}
      from ${sql.table(t.family)} where part = ${part}
      order by ${sql.raw(partitionOrder.family)}`,
    );
    for await (const members of groupRows(rows)) {
      const head = members[0]!;
      const profile: FamilyHousehold = {
        type: 'family',
        source: source<'caf' | 'msa'>(head.extract_id),
        household_pseudo: head.household_pseudo,
        commune: head.commune,
        household_adults: head.household_adults,
        household_children: head.household_children,
        single_parent_increase: head.single_parent_increase,
        household_resources: head.household_resources,
        housing: head.housing,
        housing_aid: head.housing_aid,
        housing_aid_amount: head.housing_aid_amount,
        rsa: head.rsa,
        ppa: head.ppa,
        months: householdMonthsOf((c) => head[c], source(head.extract_id).reference_month),
        c2s_resources: head.c2s_resources,
        members: members.map((m) => ({
          person_pseudo: m.person_pseudo,
          role: m.role,
          birth_ym: m.birth_ym,
          activity_income: m.activity_income,
          months: memberMonthsOf((c) => m[c], source(m.extract_id).reference_month),
          health: health(m.health_c2s, m.health_extract),
        })),
      };
      yield {
        profile,
        pseudonyms: [head.household_pseudo, ...members.map((m) => m.person_pseudo)],
        extracts: unique([
          head.extract_id,
          ...members.flatMap((m) => (m.health_extract ? [m.health_extract] : [])),
        ]),
      };
    }
  }

  async function* retirees(part: number): AsyncGenerator<PartitionProfile> {
    const batches = inIndexOrder(
      deps,
      sql<RetireeRow>`
      select extract_id, person_pseudo, ${month}, commune, pension::float8 as pension, aspa, couple, household_adults,
        household_resources::float8 as household_resources, to_char(partner_birth_ym, 'YYYY-MM') as partner_birth_ym,
        health_c2s, health_extract
      from ${sql.table(t.retirees)} where part = ${part} order by ${sql.raw(partitionOrder.retirees)}`,
    );
    for await (const rows of batches)
      for (const r of rows) {
        const profile: Retiree = {
          type: 'retiree',
          source: source<'carsat' | 'msa'>(r.extract_id),
          person_pseudo: r.person_pseudo,
          birth_ym: r.birth_ym,
          commune: r.commune,
          pension: r.pension,
          aspa: r.aspa,
          couple: r.couple,
          household_adults: r.household_adults,
          household_resources: r.household_resources,
          partner_birth_ym: r.partner_birth_ym,
          health: health(r.health_c2s, r.health_extract),
        };
        yield {
          profile,
          pseudonyms: [r.person_pseudo],
          extracts: unique([r.extract_id, ...(r.health_extract ? [r.health_extract] : [])]),
        };
      }
  }

  async function* tenancies(part: number): AsyncGenerator<PartitionProfile> {
    const rows = inIndexOrder(
      deps,
      sql<TenantRow>`
      select extract_id, identity_pseudo, ${month}, commune, household_pseudo, household_adults, household_children,
        household_resources::float8 as household_resources, apl, rent::float8 as rent, conventionne,
        annual_resources::float8 as annual_resources, apl_amount::float8 as apl_amount, dependants,
        linked_person, link_method
      from ${sql.table(t.tenants)} where part = ${part} order by ${sql.raw(partitionOrder.tenants)}`,
    );
    for await (const tenants of groupRows(rows)) {
      const head = tenants[0]!;
      const profile: Tenancy = {
        type: 'tenancy',
        source: source<'landlord'>(head.extract_id),
        household_pseudo: head.household_pseudo,
        commune: head.commune,
        household_adults: head.household_adults,
        household_children: head.household_children,
        household_resources: head.household_resources,
        apl: head.apl,
        rent: head.rent,
        landlord_schema: byId.get(head.extract_id)?.schema ?? 'landlord.v1',
        conventionne: head.conventionne,
        annual_resources: head.annual_resources,
        apl_amount: head.apl_amount,
        dependants: head.dependants,
        caf_extract_in_run: hasCaf,
        tenants: tenants.map((r) => ({
          identity_pseudo: r.identity_pseudo,
          person_pseudo: r.linked_person,
          birth_ym: r.birth_ym,
          family_link: r.link_method,
        })),
      };
      yield {
        profile,
        pseudonyms: unique([
          head.household_pseudo,
          ...tenants.map((r) => r.identity_pseudo),
          ...tenants.flatMap((r) => (r.linked_person ? [r.linked_person] : [])),
        ]),
        extracts: [head.extract_id],
      };
    }
  }

  return {
    async *partition(part: number): AsyncGenerator<PartitionProfile> {
      yield* families(part);
      yield* retirees(part);
      yield* tenancies(part);
    },
  };
}

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];

/** Rows a cursor hands over at a time: a few megabytes of row objects. */
const CURSOR_BATCH = 2000;

/**
 * A partition's rows, in batches, read along the working table's index, which holds them in the
 * order asked and in the order of the table's pages. The planner cannot tell the index is that
 * sequential: it would sort a whole scan of the table instead, for every partition.
 */
async function* inIndexOrder<R>(deps: { db: Db; pool: pg.Pool }, query: RawBuilder<R>): AsyncGenerator<R[]> {
  const { sql: text, parameters } = query.compile(deps.db);
  const client = await deps.pool.connect();
  let finished = false;
  try {
    await client.query('begin read only');
    await client.query('set local enable_sort = off');
    const cursor = client.query(new Cursor<R>(text, [...parameters], { types: typeParsers }));
    for (let rows = await cursor.read(CURSOR_BATCH); rows.length; rows = await cursor.read(CURSOR_BATCH))
      yield rows;
    await cursor.close();
    await client.query('commit');
    finished = true;
  } finally {
    // Left early (a read failed, or its reader did) the connection is mid-transaction: discard it.
    client.release(finished ? undefined : new Error('partition read left unfinished'));
  }
}

// caf.v2 / msa.v2: the monthly columns, numerics as float8, and the months they stand for.
const numericMonthly = new Set(['activity_income', 'household_resources', 'housing_aid_amount']);
const monthlySelect = sql.raw(
  [...v2OnlyColumns]
    .map((name) =>
      numericMonthly.has(name.replace(/_m\d$/, '')) || name === 'c2s_resources'
        ? `${name}::float8 as ${name}`
        : name,
    )
    .join(', '),
);

/** Consecutive rows of one household of one extract (the queries sort them so), across batches. */
async function* groupRows<R extends { extract_id: string; household_pseudo: string }>(
  batches: AsyncIterable<readonly R[]>,
): AsyncGenerator<R[]> {
  let current: R[] = [];
  for await (const rows of batches)
    for (const row of rows) {
      const head = current[0];
      if (head && (head.household_pseudo !== row.household_pseudo || head.extract_id !== row.extract_id)) {
        yield current;
        current = [];
      }
      current.push(row);
    }
  if (current.length) yield current;
}
