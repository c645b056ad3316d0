// pnpm bench:match [--persons 1000000] [--seed 7] [--clk-version 1|2] [--linkage-method dice|probabilistic]
// Generates a synthetic territory, uploads its extracts through the API, runs the matching on a
// separate worker process (BullMQ on the real Redis) and reports the run's wall time per stage and
// the worker's peak memory; then, on the same data, the time of a hand-written SQL doing the same
// exact linkage and the C2S.RSA rule, and the Dice comparisons per second of the fuzzy linkage.
// With --clk-version 2 the territory has realistic names and identity_clk v2 (CLK-V2.md); the
// linkage method is set on the convention, and the report gives the linkage stage's own figures.
import { execFileSync } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createDatabase, migrateToLatest } from '@nonrecours/db';
import { extractKinds } from '@nonrecours/pseudo';
import pg from 'pg';
import { startApiProcess, startWorkerProcess } from '../support/api-process.ts';
import { uploadExtract } from '../support/http-client.ts';
import { peakRss } from '../support/proc-stats.ts';
import { benchConvention } from './bench-convention.ts';
import { handMatch } from './hand-match.ts';

const { values } = parseArgs({
  options: {
    persons: { type: 'string', default: '1000000' },
    seed: { type: 'string', default: '7' },
    'clk-version': { type: 'string', default: '1' },
    'linkage-method': { type: 'string', default: 'probabilistic' },
  },
});
const root = new URL('../../', import.meta.url).pathname;
const server = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const dbName = 'nonrecours_bench_match';
const dir = mkdtempSync(path.join(tmpdir(), 'nonrecours-match-'));
const seconds = (ms: number) => +(ms / 1000).toFixed(2);

async function admin(text: string) {
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  await client.query(text).finally(() => client.end());
}

console.error(`synthesising ${values.persons} persons…`);
let t0 = performance.now();
execFileSync(
  process.execPath,
  [
    path.join(root, 'packages/cli/src/main.ts'),
    'synth',
    '--persons',
    values.persons,
    '--seed',
    values.seed,
    '--out',
    dir,
    ...(values['clk-version'] === '2' ? ['--clk-version', '2', '--identities', 'realistic'] : []),
  ],
  {
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);
const synthMs = performance.now() - t0;
const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
  month: string;
  kcv: string;
  files: Record<string, { extract: string; rows: number }>;
};

await admin(`drop database if exists ${dbName} with (force)`);
await admin(`create database ${dbName}`);
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
  const { conventionId, tokens } = await benchConvention(db, api.url, manifest.kcv);
  const teamToken = tokens.territory;
  console.error('uploading extracts…');
  t0 = performance.now();
  for (const kind of extractKinds) {
    const token = tokens[kind];
    const res = await uploadExtract(
      { url: api.url, token, conventionId: conventionId, kind, month: manifest.month, kcv: manifest.kcv },
      createReadStream(path.join(dir, manifest.files[kind]!.extract), { highWaterMark: 1 << 20 }),
    );
    if (res.status !== 202) throw new Error(`upload of ${kind} answered ${res.status}`);
  }
  const uploadMs = performance.now() - t0;

  worker = await startWorkerProcess({
    NODE_OPTIONS: process.env.WORKER_NODE_OPTIONS ?? '',
    DATABASE_URL: dbUrl.toString(),
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: prefix,
    WORKER_CONCURRENCY: '2',
  });
  console.error('running the matching…');
  t0 = performance.now();
  const started = await fetch(`${api.url}/v1/conventions/${conventionId}/runs`, {
    method: 'POST',
    headers: { authorization: `Bearer ${teamToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ linkage_method: values['linkage-method'] }),
  });
  if (started.status !== 202) throw new Error(`run start answered ${started.status} ${await started.text()}`);
  const runId = ((await started.json()) as { id: string }).id;
  let run: {
    status: string;
    report: {
      timings: Record<string, number>;
      linkage: {
        fuzzy: { comparisons: number };
        probabilistic?: { threshold: number; candidate_pairs: number; links: number; em_iterations: number };
        tenants_linked: Record<string, number>;
        timings: Record<string, number>;
      };
      cases: { total: number; by_rule: Record<string, number> };
    };
  };
  for (;;) {
    run = (await (
      await fetch(`${api.url}/v1/conventions/${conventionId}/runs/${runId}`, {
        headers: { authorization: `Bearer ${teamToken}` },
      })
    ).json()) as typeof run;
    if (run.status !== 'queued' && run.status !== 'running') break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const runMs = performance.now() - t0;
  const workerRss = peakRss(worker.child.pid!);
  await api.stop();
  if (run.status !== 'succeeded') throw new Error(`the run ended ${run.status}`);

  // The same exact linkage and the C2S.RSA rule, written by hand.
  const hand = await handMatch(db, conventionId);
  const handMs = hand.ms;

  const timings = run.report.timings;
  const linkTimings = run.report.linkage.timings;
  const result = {
    persons: Number(values.persons),
    synth_s: seconds(synthMs),
    upload_s: seconds(uploadMs),
    run_wall_s: seconds(runMs),
    stages_s: {
      select: seconds(timings.select_ms ?? 0),
      link_exact: seconds(linkTimings.exact_ms ?? 0),
      link_fuzzy: seconds(linkTimings.fuzzy_ms ?? 0),
      evaluate: seconds(timings.evaluate_ms ?? 0),
      finalise: seconds(timings.finalise_ms ?? 0),
    },
    hand_sql_exact_link_and_c2s_rsa_s: seconds(handMs),
    exact_link_vs_hand: +((linkTimings.exact_ms ?? 0) / handMs).toFixed(2),
    link_steps_ms: (linkTimings as unknown as { steps: Record<string, number> }).steps,
    clk_version: Number(values['clk-version']),
    linkage_method: values['linkage-method'],
    dice_comparisons: run.report.linkage.fuzzy.comparisons,
    dice_comparisons_per_s: Math.round(
      run.report.linkage.fuzzy.comparisons / Math.max(0.001, (linkTimings.fuzzy_ms ?? 0) / 1000),
    ),
    link_fuzzy_memory_mb: (linkTimings as unknown as { fuzzy_memory_mb: unknown }).fuzzy_memory_mb,
    ...(run.report.linkage.probabilistic
      ? {
          probabilistic: {
            threshold: run.report.linkage.probabilistic.threshold,
            candidate_pairs: run.report.linkage.probabilistic.candidate_pairs,
            links: run.report.linkage.probabilistic.links,
            em_iterations: run.report.linkage.probabilistic.em_iterations,
          },
        }
      : {}),
    worker_peak_rss_mb: Math.round(workerRss),
    tenants_linked: run.report.linkage.tenants_linked,
    cases: run.report.cases.total,
    cases_by_rule: run.report.cases.by_rule,
    hand_c2s_rsa_count: hand.c2sRsa,
  };
  console.log(JSON.stringify(result, null, 2));
} finally {
  await worker?.stop();
  await database.close();
  await admin(`drop database if exists ${dbName} with (force)`);
  rmSync(dir, { recursive: true, force: true });
}
