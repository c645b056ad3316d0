// Stage 2, link: set-based SQL builds the run's working tables — family rows (caf, msa) with what a
// health extract says of each member, retirees (carsat, msa), tenants (landlord) — joined on
// person_pseudo; tenants are linked to family rows on person_pseudo or identity_pseudo, and those still
// unlinked on the similarity of their Bloom filters (compared in this process, blocked by birth month).
// Each table is written and indexed in the order its partitions read it (run-tables.ts).
import type { Db, LinkageMethod } from '@nonrecours/db';
import { v2OnlyColumns } from '@nonrecours/pseudo';
import { sql } from 'kysely';
import { filterOfClk } from './link/clk-blocks.ts';
import { fuzzyBlocks } from './link/fuzzy-blocks.ts';
import { type DiceHistogram, emptyHistogram, linkByBloomFilter } from './link/index.ts';
import { linkProbabilistic, type ProbabilisticReport } from './link/link-probabilistic.ts';
import type { RunExtract } from './run-select.stage.ts';
import { dropRunTablesSql, partitionOrder, runTables } from './run-tables.ts';

export interface LinkReport {
  family_rows: number;
  family_rows_with_health: number;
  retirees: number;
  retirees_with_health: number;
  tenants: number;
  tenants_linked: { person_pseudo: number; identity_pseudo: number; identity_clk: number; unlinked: number };
  /** Rows the rule pack makes no presumption for: Mayotte (976xx) is outside fr.v1. */
  not_covered: { mayotte: { family_rows: number; retirees: number; tenants: number } };
  /** The method that linked the tenants exact linkage left out. */
  method: LinkageMethod;
  /**
   * Rows by identity_clk version (v1: 171 characters, v2: 172): a tenant is compared only with family
   * rows of its version, so tenants of a version no family row has cannot link fuzzily.
   */
  clk_versions: { tenants: { v1: number; v2: number }; family_rows: { v1: number; v2: number } };
  /** dice: the links made and the near misses at the threshold; probabilistic: its comparisons only. */
  fuzzy: { threshold: number; comparisons: number; histogram: DiceHistogram };
  /** probabilistic: the weights estimated, the threshold, the weight histogram and the precision/recall curve. */
  probabilistic?: ProbabilisticReport;
  timings: {
    exact_ms: number;
    fuzzy_ms: number;
    /** The process's resident memory before and after the fuzzy step, and the JavaScript heap growth of the thread it ran on. */
    fuzzy_memory_mb: { rss_before: number; rss_after: number; heap_growth: number };
    steps: Record<string, number>;
  };
}

export interface LinkRun {
  id: string;
  partitions: number;
  diceThreshold: number;
  linkageMethod: LinkageMethod;
  linkWeightThreshold: number | null;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
function ids(extracts: readonly RunExtract[], kind: RunExtract['kind']) {
  const list = extracts.filter((e) => e.kind === kind).map((e) => e.id);
  if (!list.every((id) => uuid.test(id))) throw new Error('extract id is not a uuid');
  return sql.raw(`'{${list.join(',')}}'::uuid[]`);
}

// The v2 monthly columns (null in v1 extracts) follow the v1 ones.
const familyColumns = sql.raw(`extract_id, person_pseudo, identity_pseudo, identity_clk, birth_ym, commune,
  household_pseudo, role, household_adults, household_children, single_parent_increase, household_resources,
  activity_income, housing, rsa, ppa, housing_aid, housing_aid_amount, ${v2OnlyColumns.join(', ')}`);

/** Working memory for the link stage's hash joins and sorts: the default (4 MB) spills them to disk. */
export const LINK_WORK_MEM = '256MB';

export function linkStage(db: Db, run: LinkRun, extracts: readonly RunExtract[]): Promise<LinkReport> {
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('work_mem', ${LINK_WORK_MEM}, true)`.execute(trx);
    return linkTables(trx, run, extracts);
  });
}

async function linkTables(db: Db, run: LinkRun, extracts: readonly RunExtract[]): Promise<LinkReport> {
  const started = performance.now();
  const t = runTables(run.id);
  const [health, family, retirees, tenants, results] = [
    t.health,
    t.family,
    t.retirees,
    t.tenants,
    t.results,
  ].map(sql.table);
  const parts = sql.lit(run.partitions);
  const steps: Record<string, number> = {};
  const step = async (name: string, query: { execute(db: Db): Promise<unknown> }) => {
    const t0 = performance.now();
    await query.execute(db);
    steps[name] = Math.round(performance.now() - t0);
  };
  await sql.raw(dropRunTablesSql(run.id)).execute(db);

  // What a health extract says of a person: the cpam row, else the msa row.
  await step(
    'health',
    sql`
    create unlogged table ${health} as
    select distinct on (person_pseudo collate "C") person_pseudo, c2s, extract_id
    from (
      select person_pseudo, c2s, extract_id, 0 as preference from extract_rows_cpam where extract_id = any(${ids(extracts, 'cpam')})
      union all
      select person_pseudo, c2s, extract_id, 1 from extract_rows_msa where extract_id = any(${ids(extracts, 'msa')})
    ) h
    order by person_pseudo collate "C", preference, extract_id`,
  );

  await step(
    'family',
    sql`
    create unlogged table ${family} as
    select * from (
      select r.*, h.c2s as health_c2s, h.extract_id as health_extract, abs(hashtext(r.household_pseudo)) % ${parts} as part
      from (
        select ${familyColumns} from extract_rows_caf where extract_id = any(${ids(extracts, 'caf')})
        union all
        select ${familyColumns} from extract_rows_msa where extract_id = any(${ids(extracts, 'msa')})
      ) r
      left join ${health} h on h.person_pseudo = r.person_pseudo
    ) f
    order by part, ${sql.raw(partitionOrder.family)}`,
  );

  await step(
    'retirees',
    sql`
    create unlogged table ${retirees} as
    select * from (
    select r.extract_id, r.person_pseudo, r.birth_ym, r.commune, r.pension, r.aspa, r.couple, null::smallint as household_adults,
      r.household_resources, r.partner_birth_ym, h.c2s as health_c2s, h.extract_id as health_extract,
      abs(hashtext(r.person_pseudo)) % ${parts} as part
    from extract_rows_carsat r left join ${health} h on h.person_pseudo = r.person_pseudo
    where r.extract_id = any(${ids(extracts, 'carsat')})
    union all
    select r.extract_id, r.person_pseudo, r.birth_ym, r.commune, r.pension, r.aspa, null, r.household_adults,
      r.household_resources,
      -- An msa couple's partner is the household's other adult: of its two birth months, the other one.
      case when r.household_adults = 2 and r.adults = 2 and r.role in ('allocataire', 'conjoint')
        then case when r.birth_ym = r.adult_min then r.adult_max else r.adult_min end end,
      h.c2s, h.extract_id, abs(hashtext(r.person_pseudo)) % ${parts}
    from (
      select m.*, count(*) filter (where m.role in ('allocataire', 'conjoint')) over hh as adults,
        min(m.birth_ym) filter (where m.role in ('allocataire', 'conjoint')) over hh as adult_min,
        max(m.birth_ym) filter (where m.role in ('allocataire', 'conjoint')) over hh as adult_max
      from extract_rows_msa m where m.extract_id = any(${ids(extracts, 'msa')})
      window hh as (partition by m.extract_id, m.household_pseudo)
    ) r left join ${health} h on h.person_pseudo = r.person_pseudo
    where (r.pension is not null or r.aspa is not null)
    ) r
    order by part, ${sql.raw(partitionOrder.retirees)}`,
  );

  await step(
    'tenants',
    sql`
    create unlogged table ${tenants} as
    select * from (
    select row_number() over () as tid, r.extract_id, r.person_pseudo, r.identity_pseudo, r.identity_clk, r.birth_ym, r.commune,
      r.household_pseudo, r.household_adults, r.household_children, r.household_resources, r.apl,
      r.rent, r.conventionne, r.annual_resources, r.apl_amount, r.dependants,
      null::text as linked_person, null::text as link_method, abs(hashtext(r.household_pseudo)) % ${parts} as part
    from extract_rows_landlord r where r.extract_id = any(${ids(extracts, 'landlord')})
    ) t
    order by part, ${sql.raw(partitionOrder.tenants)}`,
  );
  // Landlords rarely hold a NIR: the person_pseudo join runs only when some tenant carries one.
  const withNir = await sql<{
    any: boolean;
  }>`select exists (select 1 from ${tenants} where person_pseudo is not null) as any`.execute(db);
  if (withNir.rows[0]?.any) {
    await step(
      'tenants_by_person',
      sql`
      update ${tenants} t set linked_person = f.person_pseudo, link_method = 'person_pseudo'
      from ${family} f where t.person_pseudo is not null and f.person_pseudo = t.person_pseudo`,
    );
  }
  await step(
    'tenants_by_identity',
    sql`
    update ${tenants} t set linked_person = f.person_pseudo, link_method = 'identity_pseudo'
    from ${family} f where t.link_method is null and f.identity_pseudo = t.identity_pseudo`,
  );

  const exactMs = performance.now() - started;
  const memoryBefore = process.memoryUsage();
  const probabilistic =
    run.linkageMethod === 'probabilistic'
      ? await linkProbabilistic(db, { weightThreshold: run.linkWeightThreshold }, t.family, t.tenants)
      : undefined;
  const fuzzy = probabilistic
    ? {
        comparisons: probabilistic.comparisons,
        histogram: emptyHistogram(Math.min(NEAR_MISS_FROM, run.diceThreshold)),
      }
    : await linkFuzzy(db, run, t.family, t.tenants);
  const fuzzyMs = performance.now() - started - exactMs;
  const memoryAfter = process.memoryUsage();
  const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

  await sql`
    create unlogged table ${results} (
      part smallint not null, subject_kind text not null, subject_pseudo text not null, household_pseudo text,
      pseudonyms text[] not null, benefit text not null, variant text, rule text not null, rule_version text not null,
      confidence text not null, rank integer not null, estimated_amount numeric(10, 2), commune text not null,
      source_partners uuid[] not null, source_extracts uuid[] not null, evidence jsonb not null,
      input_partners text[] not null, input_kinds text[] not null)`.execute(db);
  // The evidence is parsed into jsonb by the partitions, side by side on their threads, and read
  // once, by the finaliser: compressed with lz4 where the server has it, else not at all (pglz
  // costs as much as the rest of the COPY).
  await sql`
    alter table ${results} alter column evidence set ${sql.raw((await hasLz4(db)) ? 'compression lz4' : 'storage external')}`.execute(
    db,
  );
  await sql`create index on ${results} (part)`.execute(db);
  for (const [name, table] of [
    ['family', family],
    ['retirees', retirees],
    ['tenants', tenants],
  ] as const) {
    await step(`index_${name}`, sql`create index on ${table} (part, ${sql.raw(partitionOrder[name])})`);
  }
  // The partitions and the finaliser read these tables: their plans need statistics of them.
  await step('analyze', sql`analyze ${health}, ${family}, ${retirees}, ${tenants}`);

  const counts = await sql<{
    family_rows: number;
    family_rows_with_health: number;
    retirees: number;
    retirees_with_health: number;
    tenants: number;
    by_person: number;
    by_identity: number;
    by_clk: number;
    mayotte_family_rows: number;
    mayotte_retirees: number;
    mayotte_tenants: number;
    tenants_v1: number;
    tenants_v2: number;
    family_v1: number;
    family_v2: number;
  }>`
    select * from
      (select count(*)::int as family_rows, count(*) filter (where health_c2s is not null)::int as family_rows_with_health,
        count(*) filter (where commune like '976%')::int as mayotte_family_rows,
        count(*) filter (where length(identity_clk) = 171)::int as family_v1,
        count(*) filter (where length(identity_clk) = 172)::int as family_v2
      from ${family}) f,
      (select count(*)::int as retirees, count(*) filter (where health_c2s is not null)::int as retirees_with_health,
        count(*) filter (where commune like '976%')::int as mayotte_retirees
      from ${retirees}) r,
      (select count(*)::int as tenants, count(*) filter (where link_method = 'person_pseudo')::int as by_person,
        count(*) filter (where link_method = 'identity_pseudo')::int as by_identity,
        count(*) filter (where link_method = 'identity_clk')::int as by_clk,
        count(*) filter (where commune like '976%')::int as mayotte_tenants,
        count(*) filter (where length(identity_clk) = 171)::int as tenants_v1,
        count(*) filter (where length(identity_clk) = 172)::int as tenants_v2
      from ${tenants}) t`.execute(db);
  const c = counts.rows[0]!;
  return {
    family_rows: c.family_rows,
    family_rows_with_health: c.family_rows_with_health,
    retirees: c.retirees,
    retirees_with_health: c.retirees_with_health,
    tenants: c.tenants,
    tenants_linked: {
      person_pseudo: c.by_person,
      identity_pseudo: c.by_identity,
      identity_clk: c.by_clk,
      unlinked: c.tenants - c.by_person - c.by_identity - c.by_clk,
    },
    not_covered: {
      mayotte: {
        family_rows: c.mayotte_family_rows,
        retirees: c.mayotte_retirees,
        tenants: c.mayotte_tenants,
      },
    },
    method: run.linkageMethod,
    clk_versions: {
      tenants: { v1: c.tenants_v1, v2: c.tenants_v2 },
      family_rows: { v1: c.family_v1, v2: c.family_v2 },
    },
    fuzzy: { threshold: run.diceThreshold, comparisons: fuzzy.comparisons, histogram: fuzzy.histogram },
    ...(probabilistic ? { probabilistic } : {}),
    timings: {
      exact_ms: Math.round(exactMs),
      fuzzy_ms: Math.round(fuzzyMs),
      fuzzy_memory_mb: {
        rss_before: mb(memoryBefore.rss),
        rss_after: mb(memoryAfter.rss),
        heap_growth: mb(memoryAfter.heapUsed - memoryBefore.heapUsed),
      },
      steps,
    },
  };
}

async function hasLz4(db: Db): Promise<boolean> {
  const lz4 = await sql<{ lz4: boolean }>`
    select 'lz4' = any(enumvals) as lz4 from pg_settings where name = 'default_toast_compression'`.execute(
    db,
  );
  return lz4.rows[0]?.lz4 === true;
}

/** Dice linkage of the tenants still unlinked (fuzzy-blocks.ts), one to one at the threshold. */
async function linkFuzzy(db: Db, run: { diceThreshold: number }, familyTable: string, tenantsTable: string) {
  const tenants = sql.table(tenantsTable);
  const total = { comparisons: 0, histogram: emptyHistogram(Math.min(NEAR_MISS_FROM, run.diceThreshold)) };
  for await (const { open, candidates } of fuzzyBlocks(db, familyTable, tenantsTable)) {
    // A filter compares only with filters of its version: the block is the version and the month.
    const record = (key: string, clk: string, birthYm: string) => {
      const { block, clk: filter } = filterOfClk(clk, birthYm);
      return { key, birthYm: block, clk: filter };
    };
    const result = linkByBloomFilter(
      open.map((r) => record(r.tid, r.identity_clk, r.birth_ym)),
      candidates.map((r) => record(r.person_pseudo, r.identity_clk, r.birth_ym)),
      { threshold: run.diceThreshold, nearMissFrom: NEAR_MISS_FROM },
    );
    total.comparisons += result.comparisons;
    addHistogram(total.histogram, result.histogram);
    if (result.links.length) {
      await sql`
        update ${tenants} t set linked_person = l.person, link_method = 'identity_clk'
        from unnest(${result.links.map((l) => l.tenant)}::bigint[], ${result.links.map((l) => l.family)}::text[]) as l(tid, person)
        where t.tid = l.tid`.execute(db);
    }
  }
  return total;
}

const NEAR_MISS_FROM = 0.5;

function addHistogram(into: DiceHistogram, from: DiceHistogram): void {
  from.accepted.forEach((n, i) => {
    into.accepted[i] = (into.accepted[i] ?? 0) + n;
  });
  from.nearMiss.forEach((n, i) => {
    into.nearMiss[i] = (into.nearMiss[i] ?? 0) + n;
  });
}
