// One handler per job, shared by the worker service and the in-process development queue.
import { type Db, isDatabaseUnavailable } from '@nonrecours/db';
import type { JobContext } from '@nonrecours/queue';
import { sql } from 'kysely';
import type pg from 'pg';
import { appendAuditEvent } from '../audit/audit.repository.ts';
import { createCheckpointVerifier } from '../audit/audit-checkpoint.ts';
import type { CheckpointKeys } from '../audit/audit-checkpoint-keys.ts';
import { type AuditSigner, createAuditSigner } from '../audit/audit-signer.ts';
import { verifyAuditTrail } from '../audit/audit-verification.ts';
import { casesPublished, runStageDuration } from '../metrics/metrics.ts';
import { purgeRetention } from '../retention/retention.service.ts';
import { abandonRun, prepareRun, publishRun, runPartition } from '../runs/runs.service.ts';
import type { AppJobHandlers, AppQueue } from './jobs.ts';

/** How long a run's step that lost the database waits for it before its attempt fails. */
const DATABASE_WAIT_MS = 60_000;

/**
 * A run whose step fails for the last time is marked failed, so nobody waits for it. A step that lost
 * the database waits for it to answer again before failing its attempt, so that a restart does not
 * spend the job's attempts in a few seconds of backoff.
 */
async function runStep<T>(db: Db, runId: string, ctx: JobContext, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (isDatabaseUnavailable(error)) await databaseAnswers(db, DATABASE_WAIT_MS, ctx.signal);
    if (ctx.attempt >= ctx.maxAttempts)
      await abandonRun(
        db,
        runId,
        `${ctx.jobName} failed: ${error instanceof Error ? error.message : 'error'}`,
      );
    throw error;
  }
}

/** Times a run's step for /metrics. */
async function timed<T>(stage: 'prepare' | 'evaluate' | 'finalise', step: () => Promise<T>): Promise<T> {
  const end = runStageDuration.startTimer({ stage });
  try {
    const result = await step();
    end({ outcome: 'done' });
    return result;
  } catch (error) {
    end({ outcome: 'failed' });
    throw error;
  }
}

async function databaseAnswers(db: Db, withinMs: number, signal: AbortSignal): Promise<boolean> {
  const end = Date.now() + withinMs;
  for (let wait = 250; Date.now() < end && !signal.aborted; wait = Math.min(wait * 2, 4000)) {
    try {
      await sql`select 1`.execute(db);
      return true;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
  return false;
}

export function createJobHandlers(deps: {
  db: Db;
  pool: pg.Pool;
  queue: Pick<AppQueue, 'addFlow'>;
  /** Signs the audit checkpoints, and verifies the earlier ones. */
  checkpointKeys: CheckpointKeys;
  /** Signs them with the process's sinks (default: the log only). */
  auditSigner?: AuditSigner;
  /** How often a checkpoint is signed while events are appended: `verify` expects one that recent. */
  checkpointPeriodSeconds?: number;
}): AppJobHandlers {
  const { db } = deps;
  const verifyCheckpoint = createCheckpointVerifier(deps.checkpointKeys.trusted);
  const signer = deps.auditSigner ?? createAuditSigner({ db, keys: deps.checkpointKeys });
  return {
    'run.prepare': ({ runId }, ctx) =>
      timed('prepare', () => runStep(db, runId, ctx, () => prepareRun(deps, runId))),
    'run.partition': ({ runId, part }, ctx) =>
      timed('evaluate', () => runStep(db, runId, ctx, () => runPartition(deps, runId, part))),
    'run.finalise': async ({ runId }, ctx) => {
      const published = await timed('finalise', () => runStep(db, runId, ctx, () => publishRun(deps, runId)));
      if ('cases' in published && typeof published.cases === 'number') casesPublished.inc(published.cases);
      // The publication and the follow-up it carried over are vouched for at once, not a period later.
      await signer.checkpoint('run_published', ctx.log).catch((error: unknown) => {
        ctx.log.error({ err: error }, 'audit checkpoint after the run’s publication failed');
      });
      return published;
    },
    'audit.verify': async (_payload, ctx) => {
      const { ok, chain, checkpoints, freshness } = await verifyAuditTrail(db, verifyCheckpoint, {
        periodSeconds: deps.checkpointPeriodSeconds,
      });
      if (!chain.ok) ctx.log.error({ firstBroken: chain.firstBroken }, 'the audit chain is broken');
      if (!checkpoints.ok)
        ctx.log.error({ firstMismatch: checkpoints.firstMismatch }, 'an audit checkpoint no longer matches');
      if (!freshness.ok) ctx.log.error({ freshness }, 'the audit checkpoints are overdue');
      await appendAuditEvent(db, {
        actor: 'worker',
        role: 'system',
        action: 'audit.verify',
        purpose: 'audit',
        requestId: ctx.jobId,
        outcome: ok ? 'success' : 'failed',
        recordCount: chain.checked,
        details: {
          first_broken: chain.firstBroken,
          checkpoints: { checked: checkpoints.checked, first_mismatch: checkpoints.firstMismatch },
          freshness: { reason: freshness.reason, unvouched: freshness.unvouched },
        },
      });
      return { ok, checked: chain.checked, checkpoints: checkpoints.checked };
    },
    'audit.checkpoint': (_payload, ctx) =>
      signer.checkpoint('period', ctx.log, {
        actor: 'worker',
        org: null,
        role: 'system',
        requestId: ctx.jobId,
      }),
    'retention.purge': async (_payload, ctx) => {
      const report = await purgeRetention(db, { now: new Date(), requestId: ctx.jobId });
      ctx.log.info({ totals: report.totals }, 'retention purge done');
      return { conventions: report.conventions, purged: Object.keys(report.purged).length, ...report.totals };
    },
  };
}
