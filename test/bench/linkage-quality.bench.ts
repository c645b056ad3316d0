// node test/bench/linkage-quality.bench.ts [--households 20000,50000] [--seed 14] [--noise-rate 0.15]
//   [--methods dice,probabilistic] [--clk-version 2] [--identities realistic]
// For each size: synthesises a territory (realistic names, landlord identity noise at the rate, the
// identity_clk version asked), uploads its extracts through the API, runs the matching once per
// linkage method on a separate worker (BullMQ on the real Redis), and scores RSA.UNKNOWN_TO_CAF
// against ground-truth.csv (precision, recall); the cases of every other rule must be the same
// whatever the method (they are linked exactly). Then the link stage alone, once per method, on the
// same extracts, scores every tenant's link against landlord-links.csv (true row, another row, left
// unlinked; falsely linked for tenants no family row holds), by noise kind. Prints one JSON object.
import { execFileSync } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { currentExtracts } from '@nonrecours/core';
import { linkStage } from '@nonrecours/core/runs/run-link.stage.ts';
import { dropRunTables, runTables } from '@nonrecours/core/runs/run-tables.ts';
import { createDatabase, type Db, type LinkageMethod, migrateToLatest } from '@nonrecours/db';
import { extractKinds } from '@nonrecours/pseudo';
import { sql } from 'kysely';
import pg from 'pg';
import { startApiProcess, startWorkerProcess } from '../support/api-process.ts';
import { uploadExtract } from '../support/http-client.ts';
import { benchConvention } from './bench-convention.ts';

const { values } = parseArgs({
  options: {
    households: { type: 'string', default: '20000,50000' },
    seed: { type: 'string', default: '14' },
    'noise-rate': { type: 'string', default: '0.15' },
    methods: { type: 'string', default: 'dice,probabilistic' },
    'clk-version': { type: 'string', default: '2' },
    identities: { type: 'string', default: 'realistic' },
  },
});
const root = new URL('../../', import.meta.url).pathname;
const server = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const dbName = 'nonrecours_bench_linkage';
// The synthesiser's households hold about two persons each.
const PERSONS_PER_HOUSEHOLD = 1.995;
const RULE = 'RSA.UNKNOWN_TO_CAF';
const round = (x: number) => Math.round(x * 1000) / 1000;

async function admin(text: string) {
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  await client.query(text).finally(() => client.end());
}

type Run = { status: string; error: string | null; report: { linkage: Record<string, unknown> } };

async function territory(households: number) {
  const dir = mkdtempSync(path.join(tmpdir(), 'nonrecours-linkage-'));
  const persons = String(Math.round(households * PERSONS_PER_HOUSEHOLD));
  execFileSync(
    process.execPath,
    [
      path.join(root, 'packages/cli/src/main.ts'),
      'synth',
      ...['--persons', persons, '--seed', values.seed, '--out', dir],
      ...['--noise-rate', values['noise-rate'], '--identities', values.identities],
      ...['--clk-version', values['clk-version']],
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return dir;
}

async function evaluate(households: number) {
  console.error(`synthesising ${households} households…`);
  const dir = await territory(households);
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
    households: number;
    persons: number;
    month: string;
    kcv: string;
    files: Record<string, { extract: string; schema: string }>;
    noiseRate: { realised: number; byKind: Record<string, { rows: number }> };
  };
  const truth = new Set<string>();
  const [header, ...lines] = readFileSync(path.join(dir, 'ground-truth.csv'), 'utf8').trim().split('\n');
  const columns = header!.split(';');
  for (const line of lines) {
    const row = Object.fromEntries(line.split(';').map((v, i) => [columns[i], v]));
    if (row.rule === RULE) truth.add(row.subject_pseudo!);
  }

  await admin(`drop database if exists ${dbName} with (force)`);
  await admin(`create database ${dbName}`);
  const dbUrl = new URL(server);
  dbUrl.pathname = `/${dbName}`;
  const database = createDatabase({ connectionString: dbUrl.toString() });
  const prefix = `nrbench-link-${Date.now().toString(36)}`;
  let worker: Awaited<ReturnType<typeof startWorkerProcess>> | undefined;
  let api: Awaited<ReturnType<typeof startApiProcess>> | undefined;
  try {
    await migrateToLatest(database.db);
    const db = database.db;
    api = await startApiProcess({
      DATABASE_URL: dbUrl.toString(),
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: prefix,
      MIGRATE_ON_START: 'false',
      LOG_LEVEL: 'error',
    });
    const { conventionId, tokens } = await benchConvention(db, api.url, manifest.kcv);
    for (const kind of extractKinds) {
      const res = await uploadExtract(
        { url: api.url, token: tokens[kind], conventionId, kind, month: manifest.month, kcv: manifest.kcv },
        createReadStream(path.join(dir, manifest.files[kind]!.extract), { highWaterMark: 1 << 20 }),
      );
      if (res.status !== 202) throw new Error(`upload of ${kind} answered ${res.status}`);
    }
    worker = await startWorkerProcess({
      DATABASE_URL: dbUrl.toString(),
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: prefix,
      WORKER_CONCURRENCY: '2',
    });
    const results: Record<string, unknown> = {};
    let otherRules: Set<string> | undefined;
    let otherRulesUnchanged = true;
    for (const method of values.methods.split(',')) {
      console.error(`running with linkage_method ${method}…`);
      const t0 = performance.now();
      const started = await fetch(`${api.url}/v1/conventions/${conventionId}/runs`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens.territory}`, 'content-type': 'application/json' },
        body: JSON.stringify({ linkage_method: method }),
      });
      if (started.status !== 202)
        throw new Error(`run start answered ${started.status} ${await started.text()}`);
      const runId = ((await started.json()) as { id: string }).id;
      let run: Run;
      for (;;) {
        run = (await (
          await fetch(`${api.url}/v1/conventions/${conventionId}/runs/${runId}`, {
            headers: { authorization: `Bearer ${tokens.territory}` },
          })
        ).json()) as Run;
        if (run.status !== 'queued' && run.status !== 'running') break;
        await new Promise((r) => setTimeout(r, 250));
      }
      if (run.status !== 'succeeded') throw new Error(`the ${method} run ended ${run.status}: ${run.error}`);
      const cases = await sql<{ rule: string; subject_pseudo: string }>`
        select rule, subject_pseudo from cases where run_id = ${runId}`.execute(db);
      const fired = new Set(cases.rows.filter((c) => c.rule === RULE).map((c) => c.subject_pseudo));
      const others = new Set(
        cases.rows.filter((c) => c.rule !== RULE).map((c) => `${c.rule}|${c.subject_pseudo}`),
      );
      if (otherRules === undefined) otherRules = others;
      else if (otherRules.size !== others.size || [...others].some((k) => !otherRules!.has(k)))
        otherRulesUnchanged = false;
      const truePositives = [...fired].filter((s) => truth.has(s)).length;
      const linkage = run.report.linkage as {
        tenants: number;
        tenants_linked: Record<string, number>;
        timings: { fuzzy_ms: number };
        fuzzy: { comparisons: number };
        probabilistic?: {
          threshold: number;
          threshold_source: string;
          lambda: number;
          links: number;
          candidate_pairs: number;
          curve: { weight: number; precision: number; recall: number }[];
        };
      };
      const p = linkage.probabilistic;
      results[method] = {
        run_s: round((performance.now() - t0) / 1000),
        link_fuzzy_s: round(linkage.timings.fuzzy_ms / 1000),
        tenants: linkage.tenants,
        tenants_linked: linkage.tenants_linked,
        comparisons: linkage.fuzzy.comparisons,
        ...(p
          ? {
              threshold: p.threshold,
              threshold_source: p.threshold_source,
              lambda: p.lambda,
              candidate_pairs: p.candidate_pairs,
              estimated_at_threshold: p.curve.find((c) => c.weight === p.threshold) ?? null,
            }
          : {}),
        [RULE]: {
          truth: truth.size,
          fired: fired.size,
          true_positives: truePositives,
          precision: fired.size ? round(truePositives / fired.size) : null,
          recall: truth.size ? round(truePositives / truth.size) : null,
        },
      };
    }
    const links: Record<string, unknown> = {};
    for (const method of values.methods.split(','))
      links[method] = await scoreLinks(db, conventionId, dir, method);
    return {
      households: manifest.households,
      persons: manifest.persons,
      noise_rate: manifest.noiseRate.realised,
      noise_rows: Object.fromEntries(Object.entries(manifest.noiseRate.byKind).map(([k, v]) => [k, v.rows])),
      clk_schema: values['clk-version'],
      other_rules_unchanged: otherRulesUnchanged,
      other_rule_cases: otherRules?.size ?? 0,
      methods: results,
      links,
    };
  } finally {
    await worker?.stop();
    await api?.stop();
    await database.close();
    await admin(`drop database if exists ${dbName} with (force)`);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The link stage on the convention's current extracts, each tenant's link against landlord-links.csv. */
async function scoreLinks(db: Db, conventionId: string, dir: string, method: string) {
  const runId = crypto.randomUUID();
  const extracts = await currentExtracts(db, conventionId);
  await linkStage(
    db,
    {
      id: runId,
      partitions: 1,
      diceThreshold: 0.85,
      linkageMethod: method as LinkageMethod,
      linkWeightThreshold: null,
    },
    extracts,
  );
  try {
    const tenants = await sql<{
      identity_pseudo: string;
      linked_person: string | null;
      link_method: string | null;
    }>`
      select identity_pseudo, linked_person, link_method from ${sql.table(runTables(runId).tenants)}`.execute(
      db,
    );
    const linked = new Map(tenants.rows.map((t) => [t.identity_pseudo, t]));
    const [header, ...lines] = readFileSync(path.join(dir, 'landlord-links.csv'), 'utf8').trim().split('\n');
    const columns = header!.split(';');
    const byKind: Record<string, Record<string, number>> = {};
    const total = {
      fuzzy_truth: 0,
      true_row: 0,
      other_row: 0,
      unlinked: 0,
      unlinkable: 0,
      falsely_linked: 0,
    };
    for (const line of lines) {
      const l = Object.fromEntries(line.split(';').map((v, i) => [columns[i], v]));
      if (l.link === 'exact') continue;
      const got = linked.get(l.identity_pseudo!);
      const kind = l.link === 'none' ? 'no family row' : l.noise || 'clean';
      const outcome =
        l.link === 'none'
          ? got?.linked_person
            ? 'falsely_linked'
            : 'unlinkable'
          : !got?.linked_person
            ? 'unlinked'
            : got.linked_person === l.linked_person_pseudo
              ? 'true_row'
              : 'other_row';
      if (l.link !== 'none') total.fuzzy_truth++;
      total[outcome]++;
      byKind[kind] ??= {};
      byKind[kind][outcome] = (byKind[kind][outcome] ?? 0) + 1;
    }
    const made = total.true_row + total.other_row + total.falsely_linked;
    return {
      ...total,
      precision: made ? round(total.true_row / made) : null,
      recall: total.fuzzy_truth ? round(total.true_row / total.fuzzy_truth) : null,
      by_kind: byKind,
    };
  } finally {
    await dropRunTables(db, runId);
  }
}

const report = [];
for (const households of values.households.split(',').map(Number)) report.push(await evaluate(households));
console.log(JSON.stringify(report, null, 2));
