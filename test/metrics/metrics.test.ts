// /metrics scraped over HTTP before, during and after the uploads of a territory and a matching run:
// every metric the operators' dashboard charts is there and moves.
import { startMetricsServer } from '@nonrecours/core';
import { jobId } from '@nonrecours/queue';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { loadTerritory } from '../support/territory.ts';

type Samples = { name: string; labels: Record<string, string>; value: number }[];

function parse(text: string): Samples {
  const samples: Samples = [];
  for (const line of text.split('\n')) {
    const m = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) continue;
    const labels = Object.fromEntries(
      [...(m[2] ?? '').matchAll(/([a-z_]+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1]!, l[2]!]),
    );
    samples.push({ name: m[1]!, labels, value: Number(m[3]) });
  }
  return samples;
}

/** The sum of the samples of `name` whose labels include `labels`; undefined when there is none. */
function value(samples: Samples, name: string, labels: Record<string, string> = {}): number | undefined {
  const matching = samples.filter(
    (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
  );
  return matching.length ? matching.reduce((sum, s) => sum + s.value, 0) : undefined;
}

describe('/metrics', () => {
  let t: TestApp;
  let scrape: () => Promise<Samples>;
  let close: () => Promise<void>;

  beforeAll(async () => {
    t = await createTestApp();
    await t.startWorkers();
    const server = await startMetricsServer({ host: '127.0.0.1', port: 0, log: pino({ level: 'silent' }) });
    close = server.close;
    scrape = async () => {
      const res = await fetch(`http://127.0.0.1:${server.port}/metrics`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      return parse(await res.text());
    };
  });
  afterAll(async () => {
    await close();
    await t.close();
  });

  it('counts uploads, run stages, published cases, the audit writer, the queue and the pool', {
    timeout: 240_000,
  }, async () => {
    const before = await scrape();
    const territory = await loadTerritory(t.app, t.database.db);
    const afterUpload = await scrape();
    const rows = Object.values(territory.manifest.files).reduce((sum, f) => sum + f.rows, 0);
    const uploaded = (s: Samples) =>
      value(s, 'nonrecours_extract_upload_rows_total', { outcome: 'accepted' }) ?? 0;
    expect(uploaded(afterUpload) - uploaded(before)).toBe(rows);
    const bytes = (s: Samples) =>
      value(s, 'nonrecours_extract_upload_bytes_total', { outcome: 'accepted' }) ?? 0;
    expect(bytes(afterUpload) - bytes(before)).toBeGreaterThan(rows * 50);
    const uploads = (s: Samples) =>
      value(s, 'nonrecours_http_request_duration_seconds_count', {
        method: 'POST',
        route: '/v1/conventions/:cid/extracts',
        status_code: '202',
      }) ?? 0;
    expect(uploads(afterUpload) - uploads(before)).toBe(Object.keys(territory.manifest.files).length);

    const started = await t.app.inject({
      method: 'POST',
      url: `/v1/conventions/${territory.conventionId}/runs`,
      headers: { authorization: `Bearer ${territory.tokens.territory}` },
      payload: {},
    });
    expect(started.statusCode, started.body).toBe(202);
    const runId = started.json().id as string;
    // While the run goes on, the queue holds its jobs.
    const during = await scrape();
    expect(value(during, 'nonrecours_queue_jobs', { queue: 'jobs' })).toBeGreaterThan(0);
    await t.queue.waitFor(jobId('run-prepare', runId), 120_000);
    await t.queue.waitFor(jobId('run-finalise', runId), 120_000);
    // A job whose payload cannot be read fails for good, in the worker: both failure counts move.
    const broken = await t.queue.bullmq!.add('run.prepare', { runId: 'not a run id' });
    await expect(t.queue.waitFor(broken.id!, 30_000)).rejects.toThrow(/invalid payload/);
    // The worker counts the failed attempt on its own event, which may come after the queue's.
    const attempts = (s: Samples) =>
      value(s, 'nonrecours_job_attempt_failures_total', { job: 'run.prepare' }) ?? 0;
    let after = await scrape();
    for (let i = 0; i < 50 && attempts(after) === attempts(during); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = await scrape();
    }

    const run = await t.database.db
      .selectFrom('runs')
      .select('report')
      .where('id', '=', runId)
      .executeTakeFirstOrThrow();
    const cases = (run.report as { cases: { total: number } }).cases.total;
    expect(cases).toBeGreaterThan(0);
    const published = (s: Samples) => value(s, 'nonrecours_cases_published_total') ?? 0;
    expect(published(after) - published(afterUpload)).toBe(cases);
    for (const stage of ['prepare', 'evaluate', 'finalise']) {
      const count = (s: Samples) =>
        value(s, 'nonrecours_run_stage_duration_seconds_count', { stage, outcome: 'done' }) ?? 0;
      expect(count(after) - count(afterUpload), stage).toBeGreaterThan(0);
    }
    const finished = (s: Samples, outcome: string) =>
      value(s, 'nonrecours_queue_jobs_finished_total', { queue: 'jobs', outcome }) ?? 0;
    expect(finished(after, 'completed') - finished(during, 'completed')).toBeGreaterThan(2);
    expect(finished(after, 'failed') - finished(during, 'failed')).toBe(1);
    expect(attempts(after) - attempts(during)).toBe(1);
    expect(value(after, 'nonrecours_queue_jobs', { queue: 'jobs', state: 'failed' })).toBeGreaterThanOrEqual(
      1,
    );

    // Every request and token is audited: the chain grows, through the group-commit writer.
    const chain = (s: Samples) => value(s, 'nonrecours_audit_chain_length') ?? 0;
    expect(chain(after)).toBeGreaterThan(chain(before));
    const lag = (s: Samples) => value(s, 'nonrecours_audit_writer_lag_seconds_count') ?? 0;
    expect(lag(after)).toBeGreaterThan(lag(before));
    expect(value(after, 'nonrecours_audit_writer_pending')).toBeGreaterThanOrEqual(0);

    expect(value(after, 'nonrecours_pg_pool_connections', { state: 'max' })).toBe(10);
    expect(value(after, 'nonrecours_pg_pool_connections', { state: 'idle' })).toBeGreaterThan(0);
    expect(value(after, 'nonrecours_pg_pool_waiting')).toBe(0);
    expect(value(after, 'nonrecours_process_cpu_seconds_total')).toBeGreaterThan(0);
  });

  it('answers the liveness probe, and nothing else but GET', async () => {
    const server = await startMetricsServer({
      host: '127.0.0.1',
      port: 0,
      log: pino({ level: 'silent' }),
      live: async () => {
        throw new Error('Redis has not answered for 61000 ms');
      },
    });
    try {
      const live = await fetch(`http://127.0.0.1:${server.port}/health/live`);
      expect(live.status).toBe(503);
      expect(await live.json()).toEqual({
        status: 'unavailable',
        reason: 'Redis has not answered for 61000 ms',
      });
      expect((await fetch(`http://127.0.0.1:${server.port}/metrics`, { method: 'POST' })).status).toBe(405);
      expect((await fetch(`http://127.0.0.1:${server.port}/other`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
