// Prometheus metrics of a process (API or worker). Events are counted where they happen (an upload
// accepted, a run's step done, cases published, an audit event committed); the state of the
// database pool, the audit chain and the queue is read when Prometheus scrapes, from the sources the
// process registers with `observeMetrics`. Nothing personal is ever a label: routes are templates.
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'nonrecours_' });

const registers = [metricsRegistry];

export const httpRequestDuration = new Histogram({
  name: 'nonrecours_http_request_duration_seconds',
  help: 'HTTP requests by method, route template and status code',
  labelNames: ['method', 'route', 'status_code'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 120],
  registers,
});

export const uploadRows = new Counter({
  name: 'nonrecours_extract_upload_rows_total',
  help: 'Rows of the uploaded extracts, by kind and outcome (accepted, rejected)',
  labelNames: ['kind', 'outcome'] as const,
  registers,
});

export const uploadBytes = new Counter({
  name: 'nonrecours_extract_upload_bytes_total',
  help: 'Bytes of the uploaded extracts as received, by kind and outcome',
  labelNames: ['kind', 'outcome'] as const,
  registers,
});

export const runStageDuration = new Histogram({
  name: 'nonrecours_run_stage_duration_seconds',
  help: 'Duration of a run’s steps: prepare (select and link), evaluate (one partition), finalise (publication)',
  labelNames: ['stage', 'outcome'] as const,
  buckets: [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800],
  registers,
});

export const casesPublished = new Counter({
  name: 'nonrecours_cases_published_total',
  help: 'Presumed cases published by the runs',
  registers,
});

export const auditWriteLag = new Histogram({
  name: 'nonrecours_audit_writer_lag_seconds',
  help: 'From an access to the commit of its audit event (group commit)',
  buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers,
});

export const auditWriterPending = new Gauge({
  name: 'nonrecours_audit_writer_pending',
  help: 'Access events waiting for the audit writer',
  registers,
});

/** What the scrape-time metrics read. The latest registration wins (one per process in practice). */
export interface MetricsSources {
  pool?: { totalCount: number; idleCount: number; waitingCount: number; options: { max?: number } };
  /** The audit chain's last sequence number. */
  chainLength?: () => Promise<number>;
  queue?: () => Promise<{
    queue: string;
    counts: Record<string, number>;
    completed: number;
    failed: number;
  }>;
}

let sources: MetricsSources = {};

export function observeMetrics(next: MetricsSources): () => void {
  sources = next;
  return () => {
    if (sources === next) sources = {};
  };
}

new Gauge({
  name: 'nonrecours_pg_pool_connections',
  help: 'PostgreSQL pool connections by state (idle, active), and its size (max)',
  labelNames: ['state'] as const,
  registers,
  collect() {
    this.reset();
    const pool = sources.pool;
    if (!pool) return;
    this.set({ state: 'idle' }, pool.idleCount);
    this.set({ state: 'active' }, pool.totalCount - pool.idleCount);
    this.set({ state: 'max' }, pool.options.max ?? 10);
  },
});

new Gauge({
  name: 'nonrecours_pg_pool_waiting',
  help: 'Queries waiting for a PostgreSQL pool connection',
  registers,
  collect() {
    this.set(sources.pool?.waitingCount ?? 0);
  },
});

new Gauge({
  name: 'nonrecours_audit_chain_length',
  help: 'Events in the hash-chained audit trail (last sequence number)',
  registers,
  async collect() {
    this.reset();
    const length = await sources.chainLength?.().catch(() => undefined);
    if (length !== undefined) this.set(length);
  },
});

// One read of the queue per scrape, shared by the queue metrics: they are collected together.
let queueRead: ReturnType<NonNullable<MetricsSources['queue']>> | undefined;
function queueStats() {
  if (!sources.queue) return Promise.resolve(undefined);
  queueRead ??= sources.queue().finally(() => {
    queueRead = undefined;
  });
  return queueRead.catch(() => undefined);
}

new Gauge({
  name: 'nonrecours_queue_jobs',
  help: 'Jobs held by the queue, by state (waiting is the depth)',
  labelNames: ['queue', 'state'] as const,
  registers,
  async collect() {
    this.reset();
    const stats = await queueStats();
    if (stats)
      for (const [state, count] of Object.entries(stats.counts))
        this.set({ queue: stats.queue, state }, count);
  },
});

// Counters kept by BullMQ in Redis, so shared by every process: exposed as gauges of their total.
new Gauge({
  name: 'nonrecours_queue_jobs_finished_total',
  help: 'Jobs finished since the queue was created, by outcome (completed, failed for good): BullMQ’s metrics',
  labelNames: ['queue', 'outcome'] as const,
  registers,
  async collect() {
    this.reset();
    const stats = await queueStats();
    if (!stats) return;
    this.set({ queue: stats.queue, outcome: 'completed' }, stats.completed);
    this.set({ queue: stats.queue, outcome: 'failed' }, stats.failed);
  },
});

const jobAttemptFailures = new Counter({
  name: 'nonrecours_job_attempt_failures_total',
  help: 'Job attempts that failed in this process, by job name (retried or not)',
  labelNames: ['job'] as const,
  registers,
});

/** WorkerHooks.onAttemptFailed of every process that runs jobs. */
export function countFailedAttempt(jobName: string): void {
  jobAttemptFailures.inc({ job: jobName });
}

/** The text Prometheus scrapes. */
export async function metricsText(): Promise<{ contentType: string; body: string }> {
  return { contentType: metricsRegistry.contentType, body: await metricsRegistry.metrics() };
}
