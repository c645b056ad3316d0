// One handler per job, shared by the worker service and the in-process development queue.
import { type Db, isDatabaseUnavailable } from '@nonrecours/db';
import type { JobContext } from '@nonrecours/queue';
import { sql } from 'kysely';
import type pg from 'pg';
import { appendAuditEvent } from '../audit/audit.repository.ts';
import { createAuditCheckpoint } from '../audit/audit-checkpoint.service.ts';
import { createCheckpointVerifier } from '../audit/audit-checkpoint.ts';
import type { CheckpointKeys } from '../audit/audit-checkpoint-keys.ts';
import { verifyAuditTrail } from '../audit/audit-verification.ts';
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
}): AppJobHandlers {
  const { db } = deps;
  const verifyCheckpoint = createCheckpointVerifier(deps.checkpointKeys.trusted);
  return {
    'run.prepare': ({ runId }, ctx) => runStep(db, runId, ctx, () => prepareRun(deps, runId)),
    'run.partition': ({ runId, part }, ctx) => runStep(db, runId, ctx, () => runPartition(deps, runId, part)),
    'run.finalise': ({ runId }, ctx) => runStep(db, runId, ctx, () => publishRun(deps, runId)),
    'audit.verify': async (_payload, ctx) => {
      const { ok, chain, checkpoints } = await verifyAuditTrail(db, verifyCheckpoint);
      if (!chain.ok) ctx.log.error({ firstBroken: chain.firstBroken }, 'the audit chain is broken');
      if (!checkpoints.ok)
        ctx.log.error({ firstMismatch: checkpoints.firstMismatch }, 'an audit checkpoint no longer matches');
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
        },
      });
      return { ok, checked: chain.checked, checkpoints: checkpoints.checked };
    },
    'audit.checkpoint': async (_payload, ctx) => {
      const outcome = await createAuditCheckpoint(db, deps.checkpointKeys.signing, verifyCheckpoint);
      // The log line is a copy of each checkpoint outside the database, where its rewriter cannot reach.
      if (outcome.created) ctx.log.info({ checkpoint: outcome }, 'audit checkpoint signed');
      else if (outcome.reason === 'chain_broken' || outcome.reason === 'checkpoint_mismatch') {
        ctx.log.error({ checkpoint: outcome }, 'audit checkpoint refused: the trail no longer verifies');
        // Only a refusal goes into the chain: a signed checkpoint is its own record.
        await appendAuditEvent(db, {
          actor: 'worker',
          role: 'system',
          action: 'audit.checkpoint',
          purpose: 'audit',
          requestId: ctx.jobId,
          outcome: 'failed',
          details: { refused: outcome },
        });
      }
      return outcome;
    },
    'retention.purge': async (_payload, ctx) => {
      const report = await purgeRetention(db, { now: new Date(), requestId: ctx.jobId });
      ctx.log.info({ totals: report.totals }, 'retention purge done');
      return { conventions: report.conventions, purged: Object.keys(report.purged).length, ...report.totals };
    },
  };
}
