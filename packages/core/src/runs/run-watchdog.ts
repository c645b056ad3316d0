// Runs that always end. A run's jobs carry it from stage to stage; when they are gone or finished while
// the run is still queued or running, nothing would ever move it again, and every new run of its
// convention would answer `run_in_progress`. The watchdog compares each active run with its jobs: a run
// whose jobs the queue lost (Redis restarted without persistence) is taken up again from its last
// completed stage, a few times at most; a run whose job failed or ended is failed with that reason.
// A run is acted on only when seen so twice in a row, so a job between two states is never mistaken.
// It also drops the working tables of runs that have ended (a stage stopped midway leaves them).
import type { Db } from '@nonrecours/db';
import { jobId } from '@nonrecours/queue';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { AppQueue } from '../jobs/jobs.ts';
import { dropRunTables } from './run-tables.ts';
import { abandonRun } from './runs.service.ts';

/** A run is taken up again at most this many times after the queue lost its jobs. */
export const MAX_RESUMES = 3;

const liveStates = new Set(['waiting', 'waiting-children', 'delayed', 'active']);

type Verdict = { kind: 'live' } | { kind: 'lost' } | { kind: 'ended'; reason: string };

export interface WatchdogReport {
  resumed: string[];
  failed: string[];
  droppedTables: number;
}

export function createRunWatchdog(deps: {
  db: Db;
  queue: Pick<AppQueue, 'getJob' | 'add'>;
  log: Pick<Logger, 'warn' | 'error'>;
}) {
  const { db, queue, log } = deps;
  /** Runs found without a live job at the last check, with the state they were in. */
  let suspects = new Map<string, string>();

  async function verdict(runId: string): Promise<Verdict> {
    const jobs = await Promise.all([
      queue.getJob(jobId('run-prepare', runId)),
      queue.getJob(jobId('run-finalise', runId)),
    ]);
    if (jobs.some((j) => j && liveStates.has(j.state))) return { kind: 'live' };
    const failed = jobs.find((j) => j?.state === 'failed');
    if (failed) return { kind: 'ended', reason: `${failed.name} failed: ${failed.failedReason ?? 'error'}` };
    if (jobs.some((j) => j))
      return { kind: 'ended', reason: 'the jobs of the run ended without finishing it' };
    return { kind: 'lost' };
  }

  async function check(): Promise<WatchdogReport> {
    const report: WatchdogReport = { resumed: [], failed: [], droppedTables: 0 };
    const active = await db
      .selectFrom('runs')
      .select(['id', 'status', 'stage', 'report'])
      .where('status', 'in', ['queued', 'running'])
      .execute();
    const seen = new Map<string, string>();
    for (const run of active) {
      const found = await verdict(run.id);
      if (found.kind === 'live') continue;
      const state = `${run.status}/${run.stage ?? ''}`;
      seen.set(run.id, state);
      if (suspects.get(run.id) !== state) continue;
      seen.delete(run.id);
      const resumes = (run.report as { resumes?: number }).resumes ?? 0;
      if (found.kind === 'lost' && resumes < MAX_RESUMES) {
        await db
          .updateTable('runs')
          .set({ report: sql`report || ${JSON.stringify({ resumes: resumes + 1 })}::jsonb` as never })
          .where('id', '=', run.id)
          .execute();
        await queue.add('run.prepare', { runId: run.id }, { jobId: jobId('run-prepare', run.id) });
        log.warn({ runId: run.id, stage: run.stage }, 'the queue lost the jobs of a run: taken up again');
        report.resumed.push(run.id);
      } else {
        const reason =
          found.kind === 'ended' ? found.reason : 'the queue lost the jobs of the run too many times';
        await abandonRun(db, run.id, reason);
        log.warn({ runId: run.id, stage: run.stage, reason }, 'a run without a live job was failed');
        report.failed.push(run.id);
      }
    }
    suspects = seen;
    report.droppedTables = await dropEndedRunTables(db);
    return report;
  }

  return { check };
}

/** Drops the working tables of every run that is no longer queued or running. */
export async function dropEndedRunTables(db: Db): Promise<number> {
  const { rows } = await sql<{ run_id: string }>`
    select distinct w.run_id from (
      select regexp_replace(substring(relname from '^run_([0-9a-f]{32})_'),
        '^(.{8})(.{4})(.{4})(.{4})(.{12})$', '\\1-\\2-\\3-\\4-\\5')::uuid as run_id
      from pg_class
      where relkind = 'r' and relnamespace = current_schema()::regnamespace
        and relname ~ '^run_[0-9a-f]{32}_(health|family|retirees|tenants|results)$'
    ) w
    where not exists (select 1 from runs r where r.id = w.run_id and r.status in ('queued', 'running'))`.execute(
    db,
  );
  for (const { run_id } of rows) await dropRunTables(db, run_id, { waitMs: 1000 });
  return rows.length;
}

/** Runs the watchdog every `intervalMs` until stopped; a failed check is logged and tried again. */
export function startRunWatchdog(
  deps: Parameters<typeof createRunWatchdog>[0],
  intervalMs: number,
): { stop(): Promise<void> } {
  const watchdog = createRunWatchdog(deps);
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(() =>
      watchdog.check().catch((err: unknown) => deps.log.error({ err }, 'run watchdog check failed')),
    );
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

/** The failed-job listener: a run's job that failed for good fails its run (idempotent). */
export function failRunOfFailedJob(db: Db, log: Pick<Logger, 'warn' | 'error'>) {
  return async (job: { name: string; data: unknown; failedReason: string }) => {
    if (!job.name.startsWith('run.')) return;
    const runId = (job.data as { runId?: unknown }).runId;
    if (typeof runId !== 'string') return;
    try {
      await abandonRun(db, runId, `${job.name} failed: ${job.failedReason}`);
    } catch (err) {
      log.error({ err, runId }, 'could not fail the run of a failed job; the watchdog will');
    }
  };
}
