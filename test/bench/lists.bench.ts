// pnpm bench:lists [--cases 1000000] [--rate 200] [--duration 20] [--keep] [--lists-only]
// A convention whose published run holds a million cases (inserted set-based, households of several
// cases as a run writes them; the matcher does not run), the plans of typical list pages, then the API
// as a separate process: list pages one at a time (the latency floor), the filtered, paginated list
// driven by autocannon at a fixed rate (p50/p99, throughput), the CSV export of every case (time,
// rows, peak RSS of the API), the list again while an export runs, and a DPO's lookups of the
// persons those requests disclosed. --keep leaves the database for the next run, which reuses it (its
// audit record, append-only, keeps growing); --lists-only skips the exports.

import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { type CasePageQuery, listCasePage } from '@nonrecours/core/cases/cases.repository.ts';
import { openCasesPartition } from '@nonrecours/core/runs/run-cases-partition.ts';
import { createDatabase, type Database, migrateToLatest } from '@nonrecours/db';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { startApiProcess } from '../support/api-process.ts';
import { addMember, makeClient, makeConvention, makePartner } from '../support/factories.ts';
import { clientToken } from '../support/http-client.ts';
import { cpuMs, peakRss } from '../support/proc-stats.ts';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '1000000' },
    rate: { type: 'string', default: '200' },
    duration: { type: 'string', default: '20' },
    keep: { type: 'boolean', default: false },
    'lists-only': { type: 'boolean', default: false },
  },
});
const caseCount = Number(values.cases);
const server = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const dbName = 'nonrecours_bench_lists';
const dbUrl = new URL(server);
dbUrl.pathname = `/${dbName}`;
const seconds = (ms: number) => +(ms / 1000).toFixed(2);
const peakRssMb = (pid: number) => Math.round(peakRss(pid));

/** The part of autocannon's interface used here (the package ships no types). */
interface LoadResult {
  latency: { p50: number; p90: number; p99: number; max: number; average: number };
  requests: { average: number; total: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  overallRate: number;
  ignoreCoordinatedOmission: boolean;
  requests: { setupRequest: (request: Record<string, unknown>) => Record<string, unknown> }[];
}) => Promise<LoadResult> & {
  on(event: 'response', listener: (client: unknown, status: number, bytes: number, ms: number) => void): void;
};
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

async function admin(text: string) {
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  await client.query(text).finally(() => client.end());
}

const kinds = ['caf', 'cpam', 'msa', 'carsat', 'landlord'] as const;

/**
 * The cases of a run, three per household as a run files them: a CAF (or MSA) family gives its
 * RSA or prime d'activité case and C2S cases for two members, all about the whole household; a
 * retired couple gives ASPA and C2S cases; a social tenancy unknown to the CAF gives an RSA case.
 */
function seedCasesSql(
  runId: string,
  conventionId: string,
  extract: Record<string, string>,
  partner: Record<string, string>,
) {
  return sql`
    with c as (
      select i, i / 3 as h, i % 3 as slot,
        (hashint4(i / 3) & 2147483647) % 100 as t,
        3 + (hashint4(i / 3 + 7919) & 2147483647) % 3 as members,
        ((hashint4(i / 3 + 104729) & 2147483647) % 100000) / 100000.0 as u,
        ((hashint4(i + 1299709) & 2147483647) % 100000) / 100000.0 as v,
        (hashint4(i + 15485863) & 2147483647) % 100 as s
      from generate_series(0, ${caseCount - 1}::int) i
    ),
    p as (
      select c.*,
        case when t < 75 then 'caf' when t < 81 then 'msa' when t < 96 then 'retiree' else 'tenancy' end as home,
        substr(translate(encode(sha256(convert_to('hh:' || h, 'UTF8')), 'base64'), '+/', '-_'), 1, 43) as hh,
        array(select substr(translate(encode(sha256(convert_to('p:' || h || ':' || j, 'UTF8')), 'base64'), '+/', '-_'), 1, 43)
              from generate_series(0, members - 1) j) as m,
        array(select substr(translate(encode(sha256(convert_to('id:' || h || ':' || j, 'UTF8')), 'base64'), '+/', '-_'), 1, 43)
              from generate_series(0, 1) j) as ids
      from c
    ),
    k as (
      select p.*,
        case
          when home in ('caf', 'msa') then
            (case slot when 0 then (case when v < 0.6 then 'PPA.ACTIVITY' else 'RSA.RESOURCES' end)
                       when 1 then 'C2S.RESOURCES' else (case when t % 4 = 0 then 'C2S.RSA' else 'C2S.RESOURCES' end) end)
          when home = 'retiree' then (case slot when 1 then 'C2S.ASPA' else 'ASPA.PENSION' end)
          else (case slot when 0 then 'RSA.UNKNOWN_TO_CAF' when 1 then 'ASPA.PENSION' else 'C2S.ASPA' end)
        end as rule,
        case
          when home in ('caf', 'msa') then (case slot when 0 then 'household' else 'person' end)
          when home = 'tenancy' and slot = 0 then 'tenancy'
          else 'person'
        end as subject_kind,
        case
          when home = 'caf' then (case when t % 5 = 0 then array[${extract.caf}] else array[${extract.caf}, ${extract.cpam}] end)
          when home = 'msa' then array[${extract.msa}]
          when home = 'tenancy' and slot = 0 then array[${extract.landlord}]
          when slot = 2 and home = 'retiree' then array[${extract.carsat}]
          else array[${extract.carsat}, ${extract.cpam}]
        end::uuid[] as src
      from p
    )
    insert into cases (run_id, convention_id, part, subject_kind, subject_pseudo, household_pseudo, pseudonyms, benefit,
      variant, rule, rule_version, confidence, estimated_amount, commune, source_partners, source_extracts, evidence,
      status, expires_at)
    select ${runId}::uuid, ${conventionId}::uuid, (i % 16)::smallint, subject_kind,
      case when subject_kind = 'tenancy' then hh
           when home = 'tenancy' or (home = 'retiree' and slot = 2) then m[2]
           when home = 'retiree' then m[1]
           else m[1 + slot] end,
      case when subject_kind = 'person' then null else hh end,
      case when home in ('caf', 'msa') then array[hh] || m
           when subject_kind = 'tenancy' then array[hh] || ids
           when home = 'tenancy' or (home = 'retiree' and slot = 2) then array[m[2]]
           else array[m[1]] end,
      case when rule like 'C2S.%' then 'c2s' when rule like 'PPA.%' then 'ppa' when rule like 'ASPA.%' then 'aspa' else 'rsa' end,
      case when rule like 'C2S.%' then (case when rule = 'C2S.ASPA' or v >= 0.7 then 'participation' else 'free' end) end,
      rule, '1.0.0',
      case when rule = 'RSA.UNKNOWN_TO_CAF' then (case when v < 0.3 then 'low' else 'medium' end)
           when home in ('retiree', 'tenancy', 'msa') then 'medium' else 'high' end,
      case when rule like 'C2S.%' then null else round((10 + v * 1200)::numeric, 2) end,
      '35' || lpad(floor(power(u, 3) * 200)::int::text, 3, '0'),
      array(select case e when ${extract.caf}::uuid then ${partner.caf}::uuid when ${extract.cpam}::uuid then ${partner.cpam}::uuid
                          when ${extract.msa}::uuid then ${partner.msa}::uuid when ${extract.carsat}::uuid then ${partner.carsat}::uuid
                          else ${partner.landlord}::uuid end from unnest(src) e),
      src,
      jsonb_build_object(
        'rule', jsonb_build_object('id', rule, 'version', '1.0.0'), 'as_of', '2026-10', 'confidence', 'high',
        'parameters', ${JSON.stringify([
          { name: 'rsa.age_min', value: 25, effective_from: '2009-06-01', month: '2026-10' },
          { name: 'rsa.base', value: 651.69, effective_from: '2026-04-01', month: '2026-10' },
          {
            name: 'rsa.composition.second_person',
            value: 0.5,
            effective_from: '2009-06-01',
            month: '2026-10',
          },
          {
            name: 'rsa.composition.third_fourth_person',
            value: 0.3,
            effective_from: '2009-06-01',
            month: '2026-10',
          },
          { name: 'rsa.minimum_payment', value: 6, effective_from: '2009-06-01', month: '2026-10' },
        ])}::jsonb,
        'inputs', (select jsonb_agg(jsonb_build_object('column', col, 'value', round((v * 1000 + n)::numeric, 2),
            'kind', 'caf', 'partner', ${partner.caf}::text, 'reference_month', '2026-10', 'pseudo', hh,
            'link', case when n = 1 then 'own_row' else 'household_pseudo' end))
          from unnest(array['household_adults', 'household_children', 'household_resources', 'activity_income',
            'housing', 'housing_aid', 'housing_aid_amount', 'birth_ym']) with ordinality as x(col, n)),
        'computation', jsonb_build_array(
          jsonb_build_object('name', 'maximum_amount', 'value', round((v * 900)::numeric, 2)),
          jsonb_build_object('name', 'housing_forfait', 'value', 78.2),
          jsonb_build_object('name', 'amount', 'value', round((v * 600)::numeric, 2))),
        'explanation', format('Foyer CAF de %s adultes et %s enfants sans RSA (extrait 2026-10). Montant forfaitaire %s €, '
          'forfait logement 78,20 €, ressources %s € par mois. Présomption de droit non demandé : à vérifier avec la '
          'personne par un agent, sans décision automatique. Limites : le calcul ignore le patrimoine.',
          1 + members % 2, members - 1, round((v * 900)::numeric, 2), round((v * 700)::numeric, 2)),
        'supporting', '[]'::jsonb),
      case when s < 85 then 'to_contact' when s < 93 then 'contacted' when s < 95 then 'rights_opened'
           when s < 96 then 'already_covered' when s < 97 then 'not_eligible' when s < 98 then 'refused'
           else 'unreachable' end,
      now() + interval '180 days'
    from k`;
}

/** The database, convention, partners, extracts and published run of the bench; seeded once. */
async function prepare(db: ReturnType<typeof createDatabase>['db']) {
  const existing = await db
    .selectFrom('runs')
    .innerJoin('conventions', 'conventions.id', 'runs.convention_id')
    .select(['runs.id', 'runs.convention_id', 'conventions.reference'])
    .where('conventions.title', '=', `Bench lists ${caseCount}`)
    .executeTakeFirst();
  if (existing) {
    const members = await db
      .selectFrom('convention_members as m')
      .innerJoin('partners as p', 'p.id', 'm.partner_id')
      .select(['p.id', 'p.kind'])
      .where('m.convention_id', '=', existing.convention_id)
      // The DPOs of earlier runs are territory organisations too: only the team lists cases.
      .where(sql<boolean>`m.roles && array['partner', 'territory']`)
      .execute();
    const partner = Object.fromEntries(members.map((m) => [m.kind, m.id]));
    return { conventionId: existing.convention_id, runId: existing.id, partner, seededS: null };
  }
  const convention = await makeConvention(db);
  await db
    .updateTable('conventions')
    .set({ title: `Bench lists ${caseCount}` })
    .where('id', '=', convention.id)
    .execute();
  const partner: Record<string, string> = {};
  const extract: Record<string, string> = {};
  for (const kind of kinds) {
    const org = await makePartner(db, kind);
    partner[kind] = org.id;
    await addMember(db, convention.id, org.id, ['partner'], [kind]);
    const e = await db
      .insertInto('extracts')
      .values({
        convention_id: convention.id,
        partner_id: org.id,
        kind,
        schema: `${kind}.v1`,
        reference_month: '2026-10-01',
        key_version: 1,
        status: 'accepted',
        uploaded_by: 'bench',
        valid_count: caseCount,
        expires_at: new Date(Date.now() + 180 * 86_400_000),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    extract[kind] = e.id;
  }
  const team = await makePartner(db, 'territory');
  partner.territory = team.id;
  await addMember(db, convention.id, team.id, ['territory']);
  const run = await db
    .insertInto('runs')
    .values({
      convention_id: convention.id,
      rule_pack: 'fr.v1',
      as_of: '2026-10-01',
      dice_threshold: 0.85,
      partitions: 16,
      status: 'succeeded',
      stage: 'finalise',
      started_by: 'bench',
      started_at: new Date(),
      finished_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  console.error(`inserting ${caseCount} cases…`);
  const t0 = performance.now();
  await openCasesPartition(db, run.id);
  await seedCasesSql(run.id, convention.id, extract, partner).execute(db);
  const seededS = seconds(performance.now() - t0);
  // What autovacuum does after a bulk insert: statistics, and the visibility map index-only scans use.
  await sql`vacuum (analyze) cases`.execute(db);
  // The seed's gigabytes are written back now rather than by a checkpoint during the measurements.
  await sql`checkpoint`.execute(db);
  return { conventionId: convention.id, runId: run.id, partner, seededS };
}

/** The plan of a list page as the repository writes it: the statement it ran, explained. */
async function explainPage(pool: pg.Pool, query: CasePageQuery) {
  const statements: { sql: string; parameters: readonly unknown[] }[] = [];
  const logged = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === 'query') statements.push(event.query);
    },
  });
  await listCasePage(logged, query);
  const last = statements.at(-1)!;
  const { rows } = await pool.query<{ 'QUERY PLAN': string }>(
    `explain (analyze, buffers) ${last.sql}`,
    last.parameters as unknown[],
  );
  const plan = rows.map((r) => r['QUERY PLAN']);
  return {
    scans: plan.filter((l) => / Scan /.test(l)).map((l) => l.trim().replace(/\s+\(cost.*$/, '')),
    execution_ms: Number(plan.find((l) => l.startsWith('Execution Time'))?.match(/[\d.]+/)?.[0]),
  };
}

await admin(`create database ${dbName}`).catch((error: { code?: string }) => {
  if (error.code !== '42P04') throw error;
});
const database = createDatabase({ connectionString: dbUrl.toString() });
const prefix = `nrbench-lists-${Date.now().toString(36)}`;
let api: Awaited<ReturnType<typeof startApiProcess>> | undefined;
try {
  await migrateToLatest(database.db);
  const db = database.db;
  const { conventionId, runId, partner, seededS } = await prepare(db);
  const size = await sql<{ heap: string; indexes: string }>`
    select pg_size_pretty(pg_relation_size('cases')) as heap, pg_size_pretty(pg_indexes_size('cases')) as indexes`.execute(
    db,
  );

  const communes = (
    await sql<{ commune: string }>`
      select commune from cases where run_id = ${runId} group by commune order by count(*) desc`.execute(db)
  ).rows.map((r) => r.commune);
  const cpamExtracts = (
    await db.selectFrom('extracts').select('id').where('partner_id', '=', partner.cpam!).execute()
  ).map((e) => e.id);
  const plans = {
    'first page, by amount': { filter: {}, sort: 'amount' as const },
    'benefit=rsa, by date': { filter: { benefit: 'rsa' }, sort: 'date' as const },
    'big commune and benefit=ppa': {
      filter: { commune: communes[0], benefit: 'ppa' },
      sort: 'amount' as const,
    },
    'small commune': { filter: { commune: communes.at(-1) }, sort: 'amount' as const },
    'commune, by date': { filter: { commune: communes[40] }, sort: 'date' as const },
    'status=refused and benefit=aspa': {
      filter: { status: 'refused' as const, benefit: 'aspa' },
      sort: 'amount' as const,
    },
    'no match (aspa, low confidence)': {
      filter: { benefit: 'aspa', confidence: 'low' as const },
      sort: 'amount' as const,
    },
    'min_amount=900': { filter: { minAmount: 900 }, sort: 'amount' as const },
  };
  const explained: Record<string, unknown> = {};
  for (const [name, { filter, sort }] of Object.entries(plans))
    explained[name] = await explainPage(database.pool, {
      runId,
      viewer: { role: 'territory' },
      filter,
      sort,
      after: undefined,
      limit: 50,
    });
  explained['cpam partner, benefit=c2s'] = await explainPage(database.pool, {
    runId,
    viewer: { role: 'partner', partnerId: partner.cpam!, extractIds: cpamExtracts },
    filter: { benefit: 'c2s' },
    sort: 'amount',
    after: undefined,
    limit: 50,
  });

  api = await startApiProcess({
    DATABASE_URL: dbUrl.toString(),
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: prefix,
    MIGRATE_ON_START: 'false',
    LOG_LEVEL: 'error',
  });
  const apiUrl = api.url;
  const rssAtStart = peakRssMb(api.child.pid!);
  const token = async (kind: string, role: 'territory' | 'partner') =>
    `Bearer ${await clientToken(apiUrl, await makeClient(db, partner[kind]!, role))}`;
  const callers = {
    territory: await token('territory', 'territory'),
    cpam: await token('cpam', 'partner'),
    landlord: await token('landlord', 'partner'),
  };

  // The requests: filtered lists in both orders, for the territory team and two partners, at their
  // first page and at pages further on (cursors collected beforehand).
  const base = `/v1/conventions/${conventionId}/cases`;
  const mixes: [keyof typeof callers, string][] = [
    ['territory', ''],
    ['territory', 'benefit=rsa'],
    ['territory', 'benefit=c2s&sort=date'],
    ['territory', `commune=${communes[0]}`],
    ['territory', `commune=${communes[5]}&benefit=ppa`],
    ['territory', `commune=${communes[40]}&sort=date`],
    ['territory', 'status=contacted'],
    ['territory', 'confidence=medium&min_amount=300'],
    ['territory', 'rule=ASPA.PENSION&sort=date'],
    ['territory', 'min_amount=1000'],
    ['cpam', 'benefit=c2s'],
    ['cpam', `commune=${communes[2]}`],
    ['landlord', ''],
  ];
  const targets: { path: string; auth: string }[] = [];
  for (const [who, filter] of mixes) {
    let cursor: string | null = null;
    for (let page = 0; page < 8; page++) {
      const path: string = `${base}?limit=50${filter ? `&${filter}` : ''}${cursor ? `&cursor=${cursor}` : ''}`;
      targets.push({ path, auth: callers[who] });
      const res = await fetch(`${apiUrl}${path}`, { headers: { authorization: callers[who] } });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      cursor = ((await res.json()) as { next_cursor: string | null }).next_cursor;
      if (!cursor) break;
    }
  }

  const alone: number[] = [];
  for (const target of targets) {
    const t0 = performance.now();
    const res = await fetch(`${apiUrl}${target.path}`, { headers: { authorization: target.auth } });
    await res.arrayBuffer();
    alone.push(performance.now() - t0);
  }
  alone.sort((a, b) => a - b);
  const percentile = (q: number) =>
    +alone[Math.min(alone.length - 1, Math.floor(q * alone.length))]!.toFixed(1);

  const rate = Number(values.rate);
  const duration = Number(values.duration);
  let next = 0;
  const request = {
    setupRequest: (request: Record<string, unknown>) => {
      const target = targets[next++ % targets.length]!;
      return { ...request, method: 'GET', path: target.path, headers: { authorization: target.auth } };
    },
  };
  // autocannon releases each connection's share of the rate at the start of every second, so the
  // load comes as a burst of `rate` requests from 20 connections at once, then a pause. Its
  // correction for coordinated omission assumes a request expected every millisecond and fills the
  // histogram with values that were never measured: the latencies recorded are the raw ones.
  const load = () =>
    autocannon({
      url: apiUrl,
      connections: 20,
      duration,
      overallRate: rate,
      ignoreCoordinatedOmission: true,
      requests: [request],
    });
  // The same rate as a steady stream: ten instances of two connections each, started a tenth of a
  // second apart, so that 20 requests leave every 100 ms. Latencies are gathered from every response.
  const pacedLoad = async () => {
    const latencies: number[] = [];
    const runs = await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        await new Promise((resolve) => setTimeout(resolve, i * 100));
        const instance = autocannon({
          url: apiUrl,
          connections: 2,
          duration,
          overallRate: rate / 10,
          ignoreCoordinatedOmission: true,
          requests: [request],
        });
        instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
        return instance;
      }),
    );
    latencies.sort((a, b) => a - b);
    const at = (q: number) =>
      +(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0).toFixed(1);
    return {
      latency: { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: at(1), average: 0 },
      requests: { average: Math.round(latencies.length / duration), total: latencies.length },
      non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
      errors: runs.reduce((n, r) => n + r.errors, 0),
      timeouts: runs.reduce((n, r) => n + r.timeouts, 0),
    } satisfies LoadResult;
  };
  const summary = (r: LoadResult) => ({
    p50_ms: r.latency.p50,
    p90_ms: r.latency.p90,
    p99_ms: r.latency.p99,
    max_ms: r.latency.max,
    requests_per_s: r.requests.average,
    requests: r.requests.total,
    non_2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
  });

  console.error(`list: ${values.rate} requests/s for ${values.duration} s over ${targets.length} pages…`);
  // Where the CPU goes per request served: the API, PostgreSQL (its backends live for the whole load,
  // on a pool), and this process, which runs autocannon.
  const cpuBefore = {
    api: cpuMs({ pid: api.child.pid! }),
    postgres: cpuMs({ name: 'postgres' }),
    load: process.cpuUsage(),
  };
  const loaded = await load();
  const perRequest = (ms: number) => +(ms / loaded.requests.total).toFixed(2);
  const loadCpu = process.cpuUsage(cpuBefore.load);
  const cpuPerRequest = {
    api: perRequest(cpuMs({ pid: api.child.pid! }) - cpuBefore.api),
    postgres: perRequest(cpuMs({ name: 'postgres' }) - cpuBefore.postgres),
    autocannon: perRequest((loadCpu.user + loadCpu.system) / 1000),
  };
  const listed = summary(loaded);
  console.error('list: the same rate, paced…');
  const paced = summary(await pacedLoad());
  const rssAfterLists = peakRssMb(api.child.pid!);

  const exportAll = async () => {
    const t0 = performance.now();
    const res = await fetch(`${apiUrl}${base}.csv`, { headers: { authorization: callers.territory } });
    if (!res.ok || !res.body) throw new Error(`export: ${res.status}`);
    const headersMs = performance.now() - t0;
    let bytes = 0;
    let lines = 0;
    for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      for (const b of chunk) if (b === 10) lines++;
    }
    return {
      seconds: seconds(performance.now() - t0),
      first_byte_s: seconds(headersMs),
      rows: lines - 1,
      megabytes: Math.round(bytes / 2 ** 20),
    };
  };
  const exports = async () => {
    console.error('export of every case…');
    const exported = await exportAll();
    const rssAfterExport = peakRssMb(api!.child.pid!);
    console.error('list again, while an export runs…');
    const [duringExport, concurrentExport] = await Promise.all([load(), exportAll()]);
    return {
      export: {
        ...exported,
        api_peak_rss_mb: { at_start: rssAtStart, after_lists: rssAfterLists, after_export: rssAfterExport },
      },
      list_during_export: { ...summary(duringExport), export_s: concurrentExport.seconds },
    };
  };

  const exportFigures = values['lists-only'] ? {} : await exports();

  // "Who saw what about this person" (GDPR art. 15): a DPO's lookup of persons whose cases the lists
  // and exports above disclosed, through the disclosures' GIN index.
  const dpo = await makePartner(db, 'territory');
  await addMember(db, conventionId, dpo.id, ['dpo']);
  const dpoAuth = `Bearer ${await clientToken(apiUrl, await makeClient(db, dpo.id, 'dpo'))}`;
  const people = await sql<{ p: string }>`
    select pseudonyms[1] as p from cases where run_id = ${runId} order by hashint4(abs(hashtext(id::text))) limit 50`.execute(
    db,
  );
  const lookups: number[] = [];
  let disclosures = 0;
  for (const { p } of people.rows) {
    const t0 = performance.now();
    const res = await fetch(`${apiUrl}/v1/audit?pseudonym=${p}&limit=100`, {
      headers: { authorization: dpoAuth },
    });
    if (!res.ok) throw new Error(`audit lookup: ${res.status} ${await res.text()}`);
    disclosures += ((await res.json()) as { items: unknown[] }).items.length;
    lookups.push(performance.now() - t0);
  }
  lookups.sort((a, b) => a - b);
  const disclosureRows = await sql<{ events: number; pseudonyms: number }>`
    select count(distinct seq)::int as events, coalesce(sum(cardinality(pseudonyms)), 0)::int as pseudonyms
    from audit_disclosures`.execute(db);

  console.log(
    JSON.stringify(
      {
        cases: caseCount,
        seed_s: seededS,
        cases_table: size.rows[0],
        plans: explained,
        list_one_at_a_time: { p50_ms: percentile(0.5), p99_ms: percentile(0.99) },
        list: {
          rate,
          duration_s: duration,
          pages: targets.length,
          ...listed,
          cpu_ms_per_request: cpuPerRequest,
        },
        list_paced: paced,
        ...exportFigures,
        dpo_lookup_by_pseudonym: {
          lookups: lookups.length,
          events_found: disclosures,
          disclosures_recorded: disclosureRows.rows[0],
          p50_ms: +lookups[Math.floor(lookups.length / 2)]!.toFixed(1),
          max_ms: +lookups.at(-1)!.toFixed(1),
        },
      },
      null,
      2,
    ),
  );
} finally {
  await api?.stop();
  await database.close();
  if (!values.keep) await admin(`drop database if exists ${dbName} with (force)`);
}
