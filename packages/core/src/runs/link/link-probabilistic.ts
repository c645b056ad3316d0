// Household-aware probabilistic linkage of the tenants exact linkage left out (Fellegi–Sunter, weights
// estimated from the run's own data). Candidate pairs are the family rows of the tenant's block (birth
// month, identity_clk version) whose Dice reaches the floor; each is compared on the filter's Dice
// level and on what the landlord and the CAF both know of the household: commune (with its term
// frequency), adults, children, resources band, and whether a co-tenant of the tenancy is linked to
// (or a candidate of) the same CAF household, so the tenants of a tenancy are linked jointly. u comes
// from every comparison (Dice) and from random pairs (the rest), m and λ from EM over the patterns.
// Pairs are then assigned one to one by weight, and those at or above the threshold linked: the
// convention's, or the weight of best estimated F1 on the run's own pairs.
//
// Set-based where the data is big: the pairs and their comparisons are temporary tables of the link
// transaction (dropped at its commit), Dice is scored month by month, EM runs on pattern counts.

import type { Db } from '@nonrecours/db';
import { sql } from 'kysely';
import { candidatePairs, DICE_LEVELS, diceLevelNames } from './candidate-pairs.ts';
import { filterOfClk } from './clk-blocks.ts';
import {
  type CurvePoint,
  chooseThreshold,
  estimate,
  type FieldModel,
  type Pattern,
  patternWeight,
  precisionRecallCurve,
  priorWeight,
} from './fellegi-sunter.ts';
import { fuzzyBlocks } from './fuzzy-blocks.ts';
import { assignOneToOne } from './one-to-one.ts';

export const linkageFields: readonly FieldModel[] = [
  { name: 'identity_clk', levels: diceLevelNames.slice(0, DICE_LEVELS.length) },
  { name: 'commune', levels: ['same', 'other'] },
  { name: 'household_adults', levels: ['same', 'other'] },
  { name: 'household_children', levels: ['same', 'other'] },
  { name: 'household_resources', levels: ['within 10 %', 'within 30 %', 'further'] },
  { name: 'co_tenant', levels: ['linked to the household', 'not linked to it'] },
];

export interface WeightHistogram {
  from: number;
  binWidth: number;
  /** Weights of the links made. */
  accepted: number[];
  /** For each tenant with a candidate but no link, its best weight. */
  nearMiss: number[];
}

export interface ProbabilisticReport {
  method: 'probabilistic';
  /** The weight threshold used, and where it came from. */
  threshold: number;
  threshold_source: 'convention' | 'estimated';
  comparisons: number;
  candidate_pairs: number;
  links: number;
  lambda: number;
  em_iterations: number;
  /** Per field and level: m, u and the weight log2(m/u) (u of commune is the mean over communes). */
  fields: { name: string; levels: { level: string; m: number; u: number; weight: number }[] }[];
  histogram: WeightHistogram;
  /** Estimated precision and recall of every threshold of the grid, on this run's pairs. */
  curve: CurvePoint[];
}

const RANDOM_SIDE = 600;
const HISTOGRAM_FROM = -10;
const HISTOGRAM_TO = 40;

type PairRow = {
  tid: string;
  person: string;
  level: number;
  commune: string | null;
  adults: boolean;
  children: boolean;
  resources: number;
  cotenant: number | null;
};

export async function linkProbabilistic(
  db: Db,
  run: { weightThreshold: number | null },
  familyTable: string,
  tenantsTable: string,
): Promise<ProbabilisticReport> {
  const family = sql.table(familyTable);
  const tenants = sql.table(tenantsTable);
  await sql`create temp table link_pairs (tid bigint not null, person text not null, dice real not null, level smallint not null) on commit drop`.execute(
    db,
  );

  // 1. Dice of every same-block pair, month by month; pairs at the floor or above kept.
  const comparisonsByLevel = new Array<number>(DICE_LEVELS.length + 1).fill(0);
  for await (const { open, candidates } of fuzzyBlocks(db, familyTable, tenantsTable)) {
    const scored = candidatePairs(
      open.map((r) => ({ key: r.tid, ...filterOfClk(r.identity_clk, r.birth_ym) })),
      candidates.map((r) => ({ key: r.person_pseudo, ...filterOfClk(r.identity_clk, r.birth_ym) })),
    );
    scored.comparisonsByLevel.forEach((n, level) => {
      comparisonsByLevel[level]! += n;
    });
    if (scored.pairs.length) {
      await sql`
        insert into link_pairs (tid, person, dice, level)
        select * from unnest(${scored.pairs.map((p) => p.tenant)}::bigint[], ${scored.pairs.map((p) => p.family)}::text[],
          ${scored.pairs.map((p) => p.dice)}::real[], ${scored.pairs.map((p) => p.level)}::smallint[])`.execute(
        db,
      );
    }
  }
  const comparisons = comparisonsByLevel.reduce((a, b) => a + b, 0);

  // 2. What each pair's household fields say, and which CAF households each tenant's co-tenants reach.
  await sql`
    create temp table link_persons on commit drop as
    select distinct on (f.person_pseudo collate "C") f.person_pseudo, f.household_pseudo, f.commune,
      f.household_adults, f.household_children, f.household_resources
    from ${family} f
    where f.person_pseudo in (select person from link_pairs union select linked_person from ${tenants} where linked_person is not null)
    order by f.person_pseudo collate "C", f.extract_id`.execute(db);
  await sql`create index on link_persons (person_pseudo)`.execute(db);
  await sql`
    create temp table link_reach on commit drop as
    select distinct t.tid, p.household_pseudo
    from ${tenants} t
    join ${tenants} c on c.extract_id = t.extract_id and c.household_pseudo = t.household_pseudo and c.tid <> t.tid
    join (select tid, person from link_pairs union all
          select tid, linked_person from ${tenants} where linked_person is not null) l on l.tid = c.tid
    join link_persons p on p.person_pseudo = l.person
    where t.tid in (select tid from link_pairs)`.execute(db);
  const pairRows = await sql<PairRow>`
    select p.tid::text, p.person, p.level, case when t.commune = f.commune then t.commune end as commune,
      t.household_adults = f.household_adults as adults, t.household_children = f.household_children as children,
      ${resourcesBand(sql`t.household_resources`, sql`f.household_resources`)} as resources,
      case when t.cotenants = 0 then null
        when exists (select 1 from link_reach r where r.tid = p.tid and r.household_pseudo = f.household_pseudo) then 0
        else 1 end as cotenant
    from link_pairs p
    join (select tid, commune, household_adults, household_children, household_resources,
            count(*) over (partition by extract_id, household_pseudo) - 1 as cotenants from ${tenants}) t on t.tid = p.tid
    join link_persons f on f.person_pseudo = p.person
    -- In a fixed order, so that EM sums alike in every run of the same extracts.
    order by p.tid, p.person collate "C"`.execute(db);

  // 3. u: Dice from every comparison; the household fields from random pairs; communes by frequency.
  const u = await randomPairU(db, family, tenants, comparisonsByLevel);
  const communeShare = await communeShares(db, family);

  // 4. m and λ by EM over the patterns.
  const patterns = new Map<string, Pattern>();
  const keyOf = (r: PairRow) =>
    `${r.level}|${r.commune ?? ''}|${r.adults}|${r.children}|${r.resources}|${r.cotenant ?? ''}`;
  for (const r of pairRows.rows) {
    const key = keyOf(r);
    const known = patterns.get(key);
    if (known) known.count++;
    else patterns.set(key, { ...patternOf(r, communeShare), count: 1 });
  }
  // Most tenants left by exact linkage have a candidate or two, one of them often theirs.
  const estimates = estimate(linkageFields, [...patterns.values()], u, { lambda: 0.2 });
  const prior = priorWeight(estimates.lambda);
  const weightOf = new Map<string, number>();
  for (const [key, p] of patterns)
    weightOf.set(key, prior + patternWeight(linkageFields.length, p, estimates.m, estimates.u));

  // 5. One to one by weight; the threshold; the links.
  const assigned = assignOneToOne(
    pairRows.rows.map((r) => ({ tenant: r.tid, family: r.person, score: weightOf.get(keyOf(r))! })),
  );
  const grid = Array.from(
    { length: (HISTOGRAM_TO - HISTOGRAM_FROM) * 2 + 1 },
    (_, i) => HISTOGRAM_FROM + i / 2,
  );
  const curve = precisionRecallCurve(
    assigned.map((p) => ({ weight: p.score })),
    grid,
  );
  const threshold = run.weightThreshold ?? chooseThreshold(curve);
  const links = assigned.filter((p) => p.score >= threshold);
  if (links.length) {
    await sql`
      update ${tenants} t set linked_person = l.person, link_method = 'identity_clk'
      from unnest(${links.map((l) => l.tenant)}::bigint[], ${links.map((l) => l.family)}::text[]) as l(tid, person)
      where t.tid = l.tid`.execute(db);
  }

  const histogram = emptyWeightHistogram();
  const linkedTenants = new Set(links.map((l) => l.tenant));
  const best = new Map<string, number>();
  for (const r of pairRows.rows) {
    if (linkedTenants.has(r.tid)) continue;
    const w = weightOf.get(keyOf(r))!;
    if (w > (best.get(r.tid) ?? -Infinity)) best.set(r.tid, w);
  }
  for (const l of links) countWeight(histogram.accepted, l.score);
  for (const w of best.values()) countWeight(histogram.nearMiss, w);

  return {
    method: 'probabilistic',
    threshold,
    threshold_source: run.weightThreshold === null ? 'estimated' : 'convention',
    comparisons,
    candidate_pairs: pairRows.rows.length,
    links: links.length,
    lambda: round(estimates.lambda, 6),
    em_iterations: estimates.iterations,
    fields: linkageFields.map((f, fi) => ({
      name: f.name,
      levels: f.levels.map((level, li) => {
        const m = estimates.m[fi]![li]!;
        const uf = estimates.u[fi]![li]!;
        return { level, m: round(m, 6), u: round(uf, 6), weight: round(Math.log2(m / uf), 3) };
      }),
    })),
    histogram,
    curve: curve.map((p) => ({
      weight: p.weight,
      links: p.links,
      precision: round(p.precision, 4),
      recall: round(p.recall, 4),
    })),
  };
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

function resourcesBand(a: ReturnType<typeof sql>, b: ReturnType<typeof sql>) {
  return sql`case when abs(${a} - ${b}) <= 0.1 * greatest(${a}, ${b}, 1) then 0
    when abs(${a} - ${b}) <= 0.3 * greatest(${a}, ${b}, 1) then 1 else 2 end`;
}

function patternOf(r: PairRow, communeShare: Map<string, number>): Omit<Pattern, 'count'> {
  const levels = [
    r.level,
    r.commune === null ? 1 : 0,
    r.adults ? 0 : 1,
    r.children ? 0 : 1,
    r.resources,
    r.cotenant,
  ];
  const uOverride = levels.map(() => undefined as number | undefined);
  if (r.commune !== null) uOverride[1] = communeShare.get(r.commune) ?? undefined;
  return { levels, uOverride };
}

/**
 * u of every field: Dice levels from the comparisons, the others from random tenant × family pairs.
 * The sample is drawn by a hash of the pseudonyms, not random(): the same extracts give the same
 * weights, hence the same links, in every run.
 */
async function randomPairU(
  db: Db,
  family: ReturnType<typeof sql.table>,
  tenants: ReturnType<typeof sql.table>,
  comparisonsByLevel: readonly number[],
): Promise<number[][]> {
  const aboveFloor = comparisonsByLevel.slice(0, DICE_LEVELS.length);
  const total = aboveFloor.reduce((a, b) => a + b, 0);
  // Levels with no comparison get half of one: a u of 0 would make any agreement certain.
  const diceU = aboveFloor.map((n) => (n + 0.5) / (total + 0.5 * aboveFloor.length));
  const random = await sql<{
    pairs: number;
    commune: number;
    adults: number;
    children: number;
    r0: number;
    r1: number;
  }>`
    with t as (select commune, household_adults, household_children, household_resources from ${tenants}
               order by hashtext(identity_pseudo), tid limit ${RANDOM_SIDE}),
      f as (select commune, household_adults, household_children, household_resources from ${family}
            order by hashtext(person_pseudo), person_pseudo collate "C" limit ${RANDOM_SIDE}),
      p as (select t.commune = f.commune as commune, t.household_adults = f.household_adults as adults,
              t.household_children = f.household_children as children,
              ${resourcesBand(sql`t.household_resources`, sql`f.household_resources`)} as resources
            from t cross join f)
    select count(*)::int as pairs, count(*) filter (where commune)::int as commune, count(*) filter (where adults)::int as adults,
      count(*) filter (where children)::int as children, count(*) filter (where resources = 0)::int as r0,
      count(*) filter (where resources = 1)::int as r1
    from p`.execute(db);
  const r = random.rows[0]!;
  const share = (n: number) => (n + 0.5) / (r.pairs + 1);
  // A random pair's co-tenant agrees when its links reach the pair's CAF household: the households a
  // tenant's co-tenants reach, over those the candidate pairs touch (fewer than all, so u errs high
  // and the agreement weighs no more than it should).
  const reach = await sql<{ reach: number | null; households: number }>`
    select (select count(*)::float / nullif(count(distinct tid), 0) from link_reach) as reach,
      (select count(distinct household_pseudo)::int from link_persons) as households`.execute(db);
  const households = Math.max(1, reach.rows[0]?.households ?? 1);
  const coTenantU = Math.min(0.5, Math.max(1e-6, (reach.rows[0]?.reach ?? 1) / households));
  return [
    diceU,
    [share(r.commune), 1 - share(r.commune)],
    [share(r.adults), 1 - share(r.adults)],
    [share(r.children), 1 - share(r.children)],
    [share(r.r0), share(r.r1), 1 - share(r.r0) - share(r.r1)],
    [coTenantU, 1 - coTenantU],
  ];
}

/** The share of family rows in each commune: the u of agreeing on it. */
async function communeShares(db: Db, family: ReturnType<typeof sql.table>): Promise<Map<string, number>> {
  const rows = await sql<{ commune: string; share: number }>`
    select commune, count(*)::float / sum(count(*)) over () as share from ${family} group by commune`.execute(
    db,
  );
  return new Map(rows.rows.map((r) => [r.commune, r.share]));
}

function emptyWeightHistogram(): WeightHistogram {
  const bins = HISTOGRAM_TO - HISTOGRAM_FROM;
  return {
    from: HISTOGRAM_FROM,
    binWidth: 1,
    accepted: new Array(bins).fill(0),
    nearMiss: new Array(bins).fill(0),
  };
}

function countWeight(bins: number[], weight: number): void {
  const bin = Math.floor(weight - HISTOGRAM_FROM);
  bins[Math.min(bins.length - 1, Math.max(0, bin))]! += 1;
}
