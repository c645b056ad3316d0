// Stage 2, link: set-based SQL builds the run's working tables — family rows (caf, msa) with what a
// health extract says of each member, retirees (carsat, msa), tenants (landlord) — joined on
// person_pseudo; tenants are linked to family rows on person_pseudo or identity_pseudo, and those still
// unlinked on the similarity of their Bloom filters (compared in this process, blocked by birth month).
import type { Db } from '@nonrecours/db';
import { sql } from 'kysely';
import { type DiceHistogram, decodeClk, linkByBloomFilter } from './link/index.ts';
import type { RunExtract } from './run-select.stage.ts';
import { dropRunTablesSql, runTables } from './run-tables.ts';

export interface LinkReport {
  family_rows: number;
  family_rows_with_health: number;
  retirees: number;
  retirees_with_health: number;
  tenants: number;
  tenants_linked: { person_pseudo: number; identity_pseudo: number; identity_clk: number; unlinked: number };
  fuzzy: { threshold: number; comparisons: number; histogram: DiceHistogram };
  timings: { exact_ms: number; fuzzy_ms: number };
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
function ids(extracts: readonly RunExtract[], kind: RunExtract['kind']) {
  const list = extracts.filter((e) => e.kind === kind).map((e) => e.id);
  if (!list.every((id) => uuid.test(id))) throw new Error('extract id is not a uuid');
  return sql.raw(`'{${list.join(',')}}'::uuid[]`);
}

const familyColumns = sql.raw(`extract_id, person_pseudo, identity_pseudo, identity_clk, birth_ym, commune,
  household_pseudo, role, household_adults, household_children, single_parent_increase, household_resources,
  activity_income, housing, rsa, ppa, housing_aid, housing_aid_amount`);

export async function linkStage(
  db: Db,
  run: { id: string; partitions: number; diceThreshold: number },
  extracts: readonly RunExtract[],
): Promise<LinkReport> {
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
  await sql.raw(dropRunTablesSql(run.id)).execute(db);

  // What a health extract says of a person: the cpam row, else the msa row.
  await sql`
    create unlogged table ${health} as
    select distinct on (person_pseudo) person_pseudo, c2s, extract_id
    from (
      select person_pseudo, c2s, extract_id, 0 as preference from extract_rows_cpam where extract_id = any(${ids(extracts, 'cpam')})
      union all
      select person_pseudo, c2s, extract_id, 1 from extract_rows_msa where extract_id = any(${ids(extracts, 'msa')})
    ) h
    order by person_pseudo, preference, extract_id`.execute(db);
  await sql`create index on ${health} (person_pseudo)`.execute(db);

  await sql`
    create unlogged table ${family} as
    select r.*, h.c2s as health_c2s, h.extract_id as health_extract, abs(hashtext(r.household_pseudo)) % ${parts} as part
    from (
      select ${familyColumns} from extract_rows_caf where extract_id = any(${ids(extracts, 'caf')})
      union all
      select ${familyColumns} from extract_rows_msa where extract_id = any(${ids(extracts, 'msa')})
    ) r
    left join ${health} h on h.person_pseudo = r.person_pseudo`.execute(db);

  await sql`
    create unlogged table ${retirees} as
    select r.extract_id, r.person_pseudo, r.birth_ym, r.commune, r.pension, r.aspa, r.couple, null::smallint as household_adults,
      r.household_resources, h.c2s as health_c2s, h.extract_id as health_extract, abs(hashtext(r.person_pseudo)) % ${parts} as part
    from extract_rows_carsat r left join ${health} h on h.person_pseudo = r.person_pseudo
    where r.extract_id = any(${ids(extracts, 'carsat')})
    union all
    select r.extract_id, r.person_pseudo, r.birth_ym, r.commune, r.pension, r.aspa, null, r.household_adults,
      r.household_resources, h.c2s, h.extract_id, abs(hashtext(r.person_pseudo)) % ${parts}
    from extract_rows_msa r left join ${health} h on h.person_pseudo = r.person_pseudo
    where r.extract_id = any(${ids(extracts, 'msa')}) and (r.pension is not null or r.aspa is not null)`.execute(
    db,
  );

  await sql`
    create unlogged table ${tenants} as
    select row_number() over () as tid, r.extract_id, r.person_pseudo, r.identity_pseudo, r.identity_clk, r.birth_ym, r.commune,
      r.household_pseudo, r.household_adults, r.household_children, r.household_resources, r.apl,
      null::text as linked_person, null::text as link_method, abs(hashtext(r.household_pseudo)) % ${parts} as part
    from extract_rows_landlord r where r.extract_id = any(${ids(extracts, 'landlord')})`.execute(db);
  await sql`
    update ${tenants} t set linked_person = f.person_pseudo, link_method = 'person_pseudo'
    from ${family} f where t.person_pseudo is not null and f.person_pseudo = t.person_pseudo`.execute(db);
  await sql`
    update ${tenants} t set linked_person = f.person_pseudo, link_method = 'identity_pseudo'
    from ${family} f where t.link_method is null and f.identity_pseudo = t.identity_pseudo`.execute(db);

  const exactMs = performance.now() - started;
  const fuzzy = await linkFuzzy(db, run, t.family, t.tenants);
  const fuzzyMs = performance.now() - started - exactMs;

  await sql`
    create unlogged table ${results} (
      part smallint not null, subject_kind text not null, subject_pseudo text not null, household_pseudo text,
      pseudonyms text[] not null, benefit text not null, variant text, rule text not null, rule_version text not null,
      confidence text not null, rank integer not null, estimated_amount numeric(10, 2), commune text not null,
      source_partners uuid[] not null, source_extracts uuid[] not null, evidence jsonb not null)`.execute(db);
  await sql`create index on ${results} (part)`.execute(db);
  for (const table of [family, retirees, tenants]) await sql`create index on ${table} (part)`.execute(db);
  await sql`analyze ${family}; analyze ${retirees}; analyze ${tenants}`.execute(db).catch(() => {});

  const counts = await sql<{
    family_rows: number;
    family_rows_with_health: number;
    retirees: number;
    retirees_with_health: number;
    tenants: number;
    by_person: number;
    by_identity: number;
    by_clk: number;
  }>`
    select
      (select count(*)::int from ${family}) as family_rows,
      (select count(*)::int from ${family} where health_c2s is not null) as family_rows_with_health,
      (select count(*)::int from ${retirees}) as retirees,
      (select count(*)::int from ${retirees} where health_c2s is not null) as retirees_with_health,
      (select count(*)::int from ${tenants}) as tenants,
      (select count(*)::int from ${tenants} where link_method = 'person_pseudo') as by_person,
      (select count(*)::int from ${tenants} where link_method = 'identity_pseudo') as by_identity,
      (select count(*)::int from ${tenants} where link_method = 'identity_clk') as by_clk`.execute(db);
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
    fuzzy: { threshold: run.diceThreshold, comparisons: fuzzy.comparisons, histogram: fuzzy.histogram },
    timings: { exact_ms: Math.round(exactMs), fuzzy_ms: Math.round(fuzzyMs) },
  };
}

/** The tenants still unlinked, against the family rows no tenant took, month of birth by month of birth. */
async function linkFuzzy(db: Db, run: { diceThreshold: number }, familyTable: string, tenantsTable: string) {
  const family = sql.table(familyTable);
  const tenants = sql.table(tenantsTable);
  const open = await sql<{ tid: string; birth_ym: string; identity_clk: string }>`
    select tid::text, birth_ym::text, identity_clk from ${tenants} where link_method is null and identity_clk is not null`.execute(
    db,
  );
  const candidates = open.rows.length
    ? await sql<{ person_pseudo: string; birth_ym: string; identity_clk: string }>`
        select distinct on (f.person_pseudo) f.person_pseudo, f.birth_ym::text, f.identity_clk
        from ${family} f
        where f.identity_clk is not null
          and f.birth_ym in (select birth_ym from ${tenants} where link_method is null and identity_clk is not null)
          and not exists (select 1 from ${tenants} t where t.linked_person = f.person_pseudo)
        order by f.person_pseudo`.execute(db)
    : { rows: [] };
  const result = linkByBloomFilter(
    open.rows.map((r) => ({ key: r.tid, birthYm: r.birth_ym, clk: decodeClk(r.identity_clk) })),
    candidates.rows.map((r) => ({
      key: r.person_pseudo,
      birthYm: r.birth_ym,
      clk: decodeClk(r.identity_clk),
    })),
    { threshold: run.diceThreshold },
  );
  for (let i = 0; i < result.links.length; i += 5000) {
    const batch = result.links.slice(i, i + 5000);
    await sql`
      update ${tenants} t set linked_person = l.person, link_method = 'identity_clk'
      from unnest(${batch.map((l) => l.tenant)}::bigint[], ${batch.map((l) => l.family)}::text[]) as l(tid, person)
      where t.tid = l.tid`.execute(db);
  }
  return result;
}
