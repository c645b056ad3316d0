// The fault campaign: PostgreSQL stopped `-m fast` and `-m immediate` during the link, evaluate and
// finalise stages of a run and during an upload; Redis killed and started again without persistence
// and with its append-only file during evaluate. The API and the worker run as processes of their own.
// After each fault: no process exited, /health/live answered throughout, /health/ready is back to 200
// by itself, the job schedulers are back, and the run either published exactly the cases of an
// undisturbed run or is failed with a reason — never anything else — and the next run starts.
import { execFileSync } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { cliActor, registerConventionKey } from '@nonrecours/core';
import { extractKinds } from '@nonrecours/pseudo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApiProcess, startWorkerProcess } from '../support/api-process.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { addMember, makeClient, makeConvention, makePartner } from '../support/factories.ts';
import { clientToken, uploadExtract } from '../support/http-client.ts';
import { testQueuePrefix, testRedisUrl } from '../support/redis.ts';
import { type Manifest, manifest, territoryDir } from '../support/territory.ts';
import {
  killRedis,
  postgresAnswers,
  redisAnswers,
  setRedisPersistence,
  startPostgres,
  startRedis,
  stopPostgres,
} from './private-services.ts';

const RUN_END_WITHIN_MS = 5 * 60_000;
const READY_WITHIN_MS = 10_000;
const DOWN_MS = 2000;

/**
 * The committed 10,000-person territory, or with FAULT_PERSONS one synthesised for the campaign
 * (`FAULT_PERSONS=100000 pnpm test:faults`).
 */
function territory(): { dir: URL; manifest: Manifest; remove(): void } {
  const persons = process.env.FAULT_PERSONS;
  if (!persons) return { dir: territoryDir, manifest: manifest(), remove: () => {} };
  const dir = mkdtempSync(path.join(tmpdir(), 'nonrecours-faults-territory-'));
  const cli = new URL('../../packages/cli/src/main.ts', import.meta.url).pathname;
  execFileSync(process.execPath, [cli, 'synth', '--persons', persons, '--seed', '7', '--out', dir], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return {
    dir: pathToFileURL(`${dir}/`),
    manifest: JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

interface Outcome {
  scenario: string;
  hit: string;
  outcome: string;
  endMs: number;
  readyMs: number;
  liveFailures: number;
  schedulesMs: number | null;
}

describe('PostgreSQL and Redis restarts', () => {
  let database: TestDatabase;
  let api: ApiProcess;
  let worker: Awaited<ReturnType<typeof startWorkerProcess>>;
  let conventionId: string;
  let teamToken: string;
  const partnerTokens: Record<string, string> = {};
  let baseline: string[];
  const outcomes: Outcome[] = [];
  const source = territory();
  const m = source.manifest;
  const exits: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.db;
    const prefix = testQueuePrefix();
    const env = { DATABASE_URL: database.url, REDIS_URL: testRedisUrl(), QUEUE_PREFIX: prefix };
    api = await startApiProcess({
      ...env,
      MIGRATE_ON_START: 'false',
      LOG_LEVEL: 'fatal',
      TOKEN_TTL_SECONDS: '3600',
    });
    worker = await startWorkerProcess({
      ...env,
      RUN_WATCHDOG_MS: '1000',
      SCHEDULE_CHECK_MS: '2000',
      WORKER_CONCURRENCY: '2',
    });
    api.child.on('exit', (code, signal) => exits.push(`api ${code ?? signal}`));
    worker.child.on('exit', (code, signal) => exits.push(`worker ${code ?? signal}`));

    const convention = await makeConvention(db);
    conventionId = convention.id;
    await registerConventionKey(db, cliActor(), convention.id, m.kcv);
    for (const kind of extractKinds) {
      const org = await makePartner(db, kind);
      await addMember(db, convention.id, org.id, ['partner'], [kind]);
      partnerTokens[kind] = await clientToken(api.url, await makeClient(db, org.id, 'partner'));
      const res = await upload(kind, createReadStream(new URL(m.files[kind]!.extract, source.dir)));
      expect(res.status, res.body).toBe(202);
    }
    const team = await makePartner(db, 'territory');
    await addMember(db, convention.id, team.id, ['territory']);
    teamToken = await clientToken(api.url, await makeClient(db, team.id, 'territory'));
    await extractsSettled();

    const first = await startRun();
    const end = await runEnd(first);
    expect(end.status).toBe('succeeded');
    baseline = await casesOf(first);
    expect(baseline.length).toBeGreaterThan(1000);
  }, 900_000);

  afterAll(async () => {
    const table = [
      '| scenario | stage hit | outcome | time to end (s) | /health/ready back (s) | /health/live failures | schedulers back (s) |',
      '|---|---|---|---|---|---|---|',
      ...outcomes.map(
        (o) =>
          `| ${o.scenario} | ${o.hit} | ${o.outcome} | ${(o.endMs / 1000).toFixed(1)} | ${(o.readyMs / 1000).toFixed(1)} | ${o.liveFailures} | ${o.schedulesMs === null ? '–' : (o.schedulesMs / 1000).toFixed(1)} |`,
      ),
    ].join('\n');
    console.log(`\n${table}\n`);
    if (process.env.FAULT_REPORT) writeFileSync(process.env.FAULT_REPORT, `${table}\n`);
    await worker?.stop();
    await api?.stop();
    await database?.close();
    source.remove();
  });

  const upload = (kind: string, body: Readable) =>
    uploadExtract(
      { url: api.url, token: partnerTokens[kind]!, conventionId, kind, month: m.month, kcv: m.kcv },
      body,
    );

  /** Our own reads ride out the restarts too: a failed read is tried again. */
  async function retrying<T>(read: () => Promise<T>): Promise<T> {
    for (;;) {
      try {
        return await read();
      } catch {
        await sleep(100);
      }
    }
  }

  /** Waits until the given extracts (all of the convention's by default) are no longer being received. */
  async function extractsSettled(ids?: string[]): Promise<void> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      let query = database.db
        .selectFrom('extracts')
        .select('id')
        .where('convention_id', '=', conventionId)
        .where('status', '=', 'receiving');
      if (ids) query = query.where('id', 'in', ids);
      const pending = await retrying(() => query.execute());
      if (pending.length === 0) return;
      if (Date.now() > deadline) throw new Error('extracts still being received after 60 s');
      await sleep(100);
    }
  }

  async function startRun(): Promise<string> {
    const res = await fetch(`${api.url}/v1/conventions/${conventionId}/runs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${teamToken}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status, await res.clone().text()).toBe(202);
    return ((await res.json()) as { id: string }).id;
  }

  const runRow = (id: string) =>
    retrying(() =>
      database.db
        .selectFrom('runs')
        .select(['status', 'stage', 'error', 'report'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow(),
    );

  async function runEnd(id: string) {
    const deadline = Date.now() + RUN_END_WITHIN_MS;
    for (;;) {
      const run = await runRow(id);
      if (run.status !== 'queued' && run.status !== 'running') return run;
      if (Date.now() > deadline) return run;
      await sleep(100);
    }
  }

  /** Resolves once the run is in the stage (true), or has ended before it (false). */
  async function reached(id: string, stage: string): Promise<boolean> {
    for (;;) {
      const run = await runRow(id);
      if (run.status !== 'queued' && run.status !== 'running') return false;
      if (run.stage === stage) return true;
      await sleep(5);
    }
  }

  async function casesOf(runId: string): Promise<string[]> {
    const rows = await retrying(() =>
      database.db
        .selectFrom('cases')
        .select(['subject_kind', 'subject_pseudo', 'benefit', 'rule', 'confidence', 'estimated_amount'])
        .where('run_id', '=', runId)
        .execute(),
    );
    return rows
      .map(
        (c) =>
          `${c.subject_kind}|${c.subject_pseudo}|${c.benefit}|${c.rule}|${c.confidence}|${c.estimated_amount}`,
      )
      .sort();
  }

  /** Probes /health/live and /health/ready every 100 ms while a fault lasts. */
  function probe() {
    let liveFailures = 0;
    const ready: { at: number; ok: boolean; schedules?: string }[] = [];
    let stopped = false;
    const loop = (async () => {
      while (!stopped) {
        const [live, readiness] = await Promise.allSettled([
          fetch(`${api.url}/health/live`, { signal: AbortSignal.timeout(1000) }),
          fetch(`${api.url}/health/ready`, { signal: AbortSignal.timeout(3000) }),
        ]);
        if (live.status !== 'fulfilled' || live.value.status !== 200) liveFailures++;
        if (readiness.status === 'fulfilled') {
          const body = (await readiness.value.json().catch(() => ({}))) as { schedules?: string };
          ready.push({ at: Date.now(), ok: readiness.value.status === 200, schedules: body.schedules });
        } else ready.push({ at: Date.now(), ok: false });
        await sleep(100);
      }
    })();
    return {
      /** Time from `since` to the first 200 of /health/ready, waiting for it at most READY_WITHIN_MS. */
      async readyAfter(since: number): Promise<number> {
        const deadline = since + READY_WITHIN_MS + 5000;
        for (;;) {
          const first = ready.find((r) => r.at >= since && r.ok);
          if (first) return first.at - since;
          if (Date.now() > deadline) return Number.POSITIVE_INFINITY;
          await sleep(50);
        }
      },
      async schedulesAfter(since: number): Promise<number> {
        const deadline = since + 30_000;
        for (;;) {
          const first = ready.find((r) => r.at >= since && r.schedules === 'ok');
          if (first) return first.at - since;
          if (Date.now() > deadline) return Number.POSITIVE_INFINITY;
          await sleep(50);
        }
      },
      async stop() {
        stopped = true;
        await loop;
        return liveFailures;
      },
    };
  }

  async function restartPostgres(mode: 'fast' | 'immediate'): Promise<number> {
    stopPostgres(mode);
    await sleep(DOWN_MS);
    startPostgres();
    await postgresAnswers();
    return Date.now();
  }

  async function restartRedis(persistence: boolean): Promise<number> {
    await killRedis();
    await sleep(DOWN_MS);
    startRedis({ persistence });
    await redisAnswers();
    return Date.now();
  }

  /** A run, the fault once it reaches `stage`, and the checks; returns the outcome row. */
  async function duringRun(scenario: string, stage: string, fault: () => Promise<number>, redis = false) {
    const id = await startRun();
    const hit = await reached(id, stage);
    const probes = probe();
    const faultAt = Date.now();
    const returnedAt = await fault();
    const readyMs = await probes.readyAfter(returnedAt);
    const schedulesMs = redis ? await probes.schedulesAfter(returnedAt) : null;
    const end = await runEnd(id);
    const endMs = Date.now() - faultAt;
    const liveFailures = await probes.stop();
    const cases = await casesOf(id);
    const resumes = (end.report as { resumes?: number }).resumes;
    const outcome =
      (end.status === 'succeeded'
        ? cases.length === baseline.length && cases.every((c, i) => c === baseline[i])
          ? `succeeded, same ${cases.length} cases`
          : `succeeded with DIFFERENT cases (${cases.length} vs ${baseline.length})`
        : `${end.status}: ${end.error}`) + (resumes ? ` (taken up again by the watchdog ×${resumes})` : '');
    outcomes.push({
      scenario,
      hit: hit ? stage : 'missed',
      outcome,
      endMs,
      readyMs,
      liveFailures,
      schedulesMs,
    });

    expect(exits).toEqual([]);
    expect(liveFailures).toBe(0);
    expect(readyMs).toBeLessThanOrEqual(READY_WITHIN_MS);
    if (redis) expect(schedulesMs).toBeLessThanOrEqual(30_000);
    expect(['succeeded', 'failed']).toContain(end.status);
    if (end.status === 'succeeded') expect(cases).toEqual(baseline);
    else {
      expect(end.error).toBeTruthy();
      expect(cases).toEqual([]);
    }
  }

  for (const stage of ['link', 'evaluate', 'finalise']) {
    for (const mode of ['fast', 'immediate'] as const) {
      it(`PostgreSQL -m ${mode} during ${stage}`, () =>
        duringRun(`PostgreSQL -m ${mode} during ${stage}`, stage, () => restartPostgres(mode)));
    }
  }

  for (const mode of ['fast', 'immediate'] as const) {
    it(`PostgreSQL -m ${mode} during an upload`, async () => {
      const file = readFileSync(new URL(m.files.cpam!.extract, source.dir));
      const chunk = Math.ceil(file.length / 40);
      // A slow sender: the upload lasts about 2 s, and the database goes in its middle.
      const slow = Readable.from(
        (async function* () {
          for (let i = 0; i < file.length; i += chunk) {
            yield file.subarray(i, i + chunk);
            await sleep(50);
          }
        })(),
      );
      const probes = probe();
      const faultAt = Date.now();
      const interrupted = upload('cpam', slow).catch((error: Error) => ({ status: 0, body: error.message }));
      await sleep(500);
      const returnedAt = await restartPostgres(mode);
      const first = await interrupted;
      const readyMs = await probes.readyAfter(returnedAt);
      // The partner sends it again until it is taken.
      let again = { status: 0, body: '' };
      for (let i = 0; i < 60 && again.status !== 202; i++) {
        again = await upload('cpam', createReadStream(new URL(m.files.cpam!.extract, source.dir)));
        if (again.status !== 202) await sleep(1000);
      }
      const uploadMs = Date.now() - faultAt;
      expect(again.status, again.body).toBe(202);
      await extractsSettled([(JSON.parse(again.body) as { id: string }).id]);
      const left = await retrying(() =>
        database.db
          .selectFrom('extracts')
          .select('status')
          .where('convention_id', '=', conventionId)
          .where('kind', '=', 'cpam')
          .where('status', '=', 'receiving')
          .execute(),
      );
      const liveFailures = await probes.stop();
      const id = await startRun();
      const end = await runEnd(id);
      const cases = await casesOf(id);
      outcomes.push({
        scenario: `PostgreSQL -m ${mode} during an upload`,
        hit: `upload answered ${first.status}${left.length ? `, ${left.length} left 'receiving'` : ''}`,
        outcome:
          end.status === 'succeeded' && cases.join() === baseline.join()
            ? `upload retried and taken; next run same ${cases.length} cases`
            : `next run ${end.status}: ${end.error ?? `${cases.length} cases`}`,
        endMs: uploadMs,
        readyMs,
        liveFailures,
        schedulesMs: null,
      });
      expect(exits).toEqual([]);
      expect(liveFailures).toBe(0);
      expect(readyMs).toBeLessThanOrEqual(READY_WITHIN_MS);
      expect(end.status).toBe('succeeded');
      expect(cases).toEqual(baseline);
    });
  }

  it('Redis restarted without persistence during evaluate', () =>
    duringRun('Redis without persistence during evaluate', 'evaluate', () => restartRedis(false), true));

  it('Redis restarted with its append-only file during evaluate', async () => {
    await setRedisPersistence(true);
    await duringRun('Redis with AOF during evaluate', 'evaluate', () => restartRedis(true), true);
  });

  it('runs again, undisturbed, with the same cases', async () => {
    const id = await startRun();
    expect((await runEnd(id)).status).toBe('succeeded');
    expect(await casesOf(id)).toEqual(baseline);
    expect(exits).toEqual([]);
  });
});
