// pnpm bench:cycle [--persons 1000000] [--months 3] [--seed 7] [--dir DIR] [--keep]   (BENCH_EXPLAIN_MS: see below)
// A territory's monthly cycle: `synth --months` writes consecutive months of one population; each
// month, the partners upload their extracts through the API, the team's contacts of the month before
// are recorded, and a run is started on a separate worker process (BullMQ on the real Redis) while
// follow-up PATCHes are sent at 20 per second during its publication. Reports, month by month, the
// upload time, the run's wall time per stage, the worker's peak memory, the PATCH latencies during
// publication, the cases carried over and observed, and how the cases' states agree with the
// territory's truth; then the hand-written SQL yardstick on the last month.
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createDatabase, migrateToLatest } from '@nonrecours/db';
import { extractKinds } from '@nonrecours/pseudo';
import { sql } from 'kysely';
import pg from 'pg';
import { startApiProcess, startWorkerProcess } from '../support/api-process.ts';
import { compareCaseStates, serviceCaseStates, truthCaseStates } from '../support/case-states.ts';
import { uploadExtract } from '../support/http-client.ts';
import { cpuMs, peakRss } from '../support/proc-stats.ts';
import { benchConvention } from './bench-convention.ts';
import { handMatch } from './hand-match.ts';

const { values } = parseArgs({
  options: {
    persons: { type: 'string', default: '1000000' },
    months: { type: 'string', default: '3' },
    seed: { type: 'string', default: '7' },
    dir: { type: 'string' },
    /** Keeps the database (nonrecours_bench_cycle) for a look at its runs afterwards. */
    keep: { type: 'boolean', default: false },
  },
});
const root = new URL('../../', import.meta.url).pathname;
const server = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const dbName = 'nonrecours_bench_cycle';
const seconds = (ms: number) => +(ms / 1000).toFixed(2);
const PATCH_RATE = 20;

async function admin(text: string) {
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  await client.query(text).finally(() => client.end());
}

const quantile = (sorted: readonly number[], q: number) =>
  sorted.length === 0
    ? null
    : +sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(1);

// The months: generated here unless --dir names a folder `synth --months` already wrote.
const dir = values.dir ?? mkdtempSync(path.join(tmpdir(), 'nonrecours-cycle-'));
let synthMs = 0;
if (!existsSync(path.join(dir, 'manifest.json'))) {
  console.error(`synthesising ${values.persons} persons over ${values.months} months…`);
  const t0 = performance.now();
  execFileSync(
    process.execPath,
    [
      path.join(root, 'packages/cli/src/main.ts'),
      'synth',
      '--persons',
      values.persons,
      '--months',
      values.months,
      '--seed',
      values.seed,
      '--out',
      dir,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  synthMs = performance.now() - t0;
}
const months = (
  JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
    byMonth: { month: string; folder: string }[];
  }
).byMonth;
const monthManifest = (folder: string) =>
  JSON.parse(readFileSync(path.join(dir, folder, 'manifest.json'), 'utf8')) as {
    month: string;
    kcv: string;
    files: Record<string, { extract: string; schema: string; rows: number }>;
  };

await admin(`drop database if exists ${dbName} with (force)`);
await admin(`create database ${dbName}`);
// BENCH_EXPLAIN_MS=500: the plans of statements slower than that go to PostgreSQL's log.
if (process.env.BENCH_EXPLAIN_MS) {
  await admin(`alter database ${dbName} set session_preload_libraries = 'auto_explain'`);
  await admin(
    `alter database ${dbName} set auto_explain.log_min_duration = ${Number(process.env.BENCH_EXPLAIN_MS)}`,
  );
  await admin(`alter database ${dbName} set auto_explain.log_analyze = on`);
}
const dbUrl = new URL(server);
dbUrl.pathname = `/${dbName}`;
const database = createDatabase({ connectionString: dbUrl.toString() });
const prefix = `nrbench-${Date.now().toString(36)}`;
let worker: Awaited<ReturnType<typeof startWorkerProcess>> | undefined;
try {
  await migrateToLatest(database.db);
  const db = database.db;
  const api = await startApiProcess({
    DATABASE_URL: dbUrl.toString(),
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: prefix,
    MIGRATE_ON_START: 'false',
    LOG_LEVEL: 'error',
  });
  const { conventionId, tokens } = await benchConvention(db, api.url, monthManifest(months[0]!.folder).kcv);
  const teamToken = tokens.territory;
  const base = `${api.url}/v1/conventions/${conventionId}`;
  const auth = { authorization: `Bearer ${teamToken}` };

  worker = await startWorkerProcess({
    NODE_OPTIONS: process.env.WORKER_NODE_OPTIONS ?? '',
    DATABASE_URL: dbUrl.toString(),
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: prefix,
    WORKER_CONCURRENCY: '2',
  });

  const report: unknown[] = [];
  let previousRun: string | null = null;
  for (const [i, { month, folder }] of months.entries()) {
    const m = monthManifest(folder);
    console.error(`${month}: uploading…`);
    let t0 = performance.now();
    for (const kind of extractKinds) {
      const res = await uploadExtract(
        { url: api.url, token: tokens[kind], conventionId: conventionId, kind, month, kcv: m.kcv },
        createReadStream(path.join(dir, folder, m.files[kind]!.extract), { highWaterMark: 1 << 20 }),
      );
      if (res.status !== 202) throw new Error(`upload of ${kind} answered ${res.status}`);
    }
    const uploadMs = performance.now() - t0;
    const contacted = previousRun
      ? await recordContacts(db, previousRun, path.join(dir, months[i - 1]!.folder))
      : 0;

    console.error(`${month}: running…`);
    const workerCpu = cpuMs({ pid: worker.child.pid! });
    // The server's processes, and through the postmaster those that ended during the run (the
    // evaluation threads' connections close when their threads go idle).
    const postgresCpu = cpuMs({ name: 'postgres' });
    t0 = performance.now();
    const started = await fetch(`${base}/runs`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: '{}',
    });
    if (started.status !== 202) throw new Error(`run start answered ${started.status}`);
    const runId = ((await started.json()) as { id: string }).id;
    const patches = previousRun ? await toContactCases(db, previousRun) : [];
    const latencies: number[] = [];
    const sentAt: number[] = [];
    const failures: Record<string, number> = {};
    let run: RunReport;
    let nextPatch = 0;
    for (;;) {
      run = (await (await fetch(`${base}/runs/${runId}`, { headers: auth })).json()) as RunReport;
      if (run.status !== 'queued' && run.status !== 'running') break;
      const publishing = run.stages.some((s) => s.stage === 'finalise' && s.status === 'running');
      if (publishing && nextPatch < patches.length) {
        // 20 a second while the run publishes, each timed on its own.
        const burst = patches.slice(nextPatch, nextPatch + 2);
        nextPatch += burst.length;
        await Promise.all(
          burst.map(async (id) => {
            const p0 = performance.now();
            const res = await fetch(`${base}/cases/${id}`, {
              method: 'PATCH',
              headers: { ...auth, 'content-type': 'application/json' },
              body: JSON.stringify({ status: 'contacted' }),
            });
            await res.arrayBuffer();
            latencies.push(performance.now() - p0);
            sentAt.push(p0);
            if (res.status !== 200) failures[res.status] = (failures[res.status] ?? 0) + 1;
          }),
        );
        await new Promise((r) => setTimeout(r, (1000 / PATCH_RATE) * 2));
      } else await new Promise((r) => setTimeout(r, 100));
    }
    const runMs = performance.now() - t0;
    // In the order sent: the first PATCH a fresh API answers also pays for its warm-up.
    const firstPatchMs = latencies.length ? +latencies[0]!.toFixed(1) : null;
    if (run.status !== 'succeeded') throw new Error(`the run of ${month} ended ${run.status}: ${run.error}`);
    const states = existsSync(path.join(dir, folder, 'case-states.csv'))
      ? compareCaseStates(
          truthCaseStates(path.join(dir, folder, 'case-states.csv')),
          await serviceCaseStates(db, runId),
        )
      : null;
    // Where in the publication the slowest fell: seconds after the first PATCH was sent.
    const slowest = latencies
      .map((ms, i) => ({ ms: +ms.toFixed(1), at_s: seconds(sentAt[i]! - sentAt[0]!) }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 3);
    latencies.sort((a, b) => a - b);
    const t = run.report.timings;
    const entry = {
      month,
      upload_s: seconds(uploadMs),
      contacts_recorded: contacted,
      run_wall_s: seconds(runMs),
      stages_s: {
        select: seconds(t.select_ms ?? 0),
        link: seconds(t.link_ms ?? 0),
        evaluate: seconds(t.evaluate_ms ?? 0),
        finalise: seconds(t.finalise_ms ?? 0),
      },
      link_ms: run.report.linkage.timings,
      finalise_steps_ms: t.finalise_steps,
      worker_peak_rss_mb: Math.round(peakRss(worker.child.pid!)),
      worker_cpu_s: seconds(cpuMs({ pid: worker.child.pid! }) - workerCpu),
      postgres_cpu_s: seconds(cpuMs({ name: 'postgres' }) - postgresCpu),
      patch_during_publication_ms: {
        sent: latencies.length,
        p50: quantile(latencies, 0.5),
        p99: quantile(latencies, 0.99),
        max: latencies.length ? +latencies.at(-1)!.toFixed(1) : null,
        first: firstPatchMs,
        slowest,
        failures,
      },
      cases: run.report.cases.total,
      carried_over: run.report.cases.carried_over,
      observed: run.report.cases.observed,
      states_against_truth: states,
    };
    report.push(entry);
    console.error(JSON.stringify(entry));
    previousRun = runId;
  }
  const hand = await handMatch(db, conventionId);
  const stats = (await (await fetch(`${base}/stats`, { headers: auth })).json()) as { series: unknown };
  await api.stop();
  console.log(
    JSON.stringify(
      {
        persons: Number(values.persons),
        months: months.length,
        synth_s: seconds(synthMs),
        by_month: report,
        hand_sql_exact_link_and_c2s_rsa_s: seconds(hand.ms),
        series: stats.series,
      },
      null,
      2,
    ),
  );
} finally {
  await worker?.stop();
  await database.close();
  if (!values.keep) await admin(`drop database if exists ${dbName} with (force)`);
  if (!values.dir) rmSync(dir, { recursive: true, force: true });
}

interface RunReport {
  status: string;
  stages: { stage: string; status: string }[];
  error: string | null;
  report: {
    timings: Record<string, number> & { finalise_steps?: Record<string, number> };
    linkage: { timings: Record<string, unknown> };
    cases: { total: number; carried_over: number; observed: Record<string, number> };
  };
}

/** Ids of the run's cases still to contact, in a random order: the PATCHes of the next publication. */
async function toContactCases(db: ReturnType<typeof createDatabase>['db'], runId: string): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    select id from cases where run_id = ${runId} and status = 'to_contact' order by md5(id::text) limit 2000`.execute(
    db,
  );
  return rows.map((r) => r.id);
}

/**
 * The team's contacts of a month (its contacts.csv), recorded on that month's cases in one statement:
 * at a million persons they are tens of thousands, which the PATCH route would take minutes to record
 * one by one; the route itself is measured during publication.
 */
async function recordContacts(db: ReturnType<typeof createDatabase>['db'], runId: string, folder: string) {
  const [, ...lines] = readFileSync(path.join(folder, 'contacts.csv'), 'utf8').trimEnd().split('\n');
  const rows = lines.map((l) => l.split(';'));
  const { numAffectedRows } = await sql`
    update cases c set status = 'contacted', status_changed_at = now(),
      status_history = c.status_history || jsonb_build_array(jsonb_build_object('status', 'contacted', 'at', now(), 'actor', 'bench'))
    from unnest(${rows.map((r) => r[0]!)}::text[], ${rows.map((r) => r[1]!)}::text[], ${rows.map((r) => r[2]!)}::text[])
      as k(pseudo, kind, benefit)
    where c.run_id = ${runId} and c.status = 'to_contact' and c.subject_pseudo = k.pseudo
      and c.subject_kind = k.kind and c.benefit = k.benefit`.execute(db);
  return Number(numAffectedRows ?? 0);
}
