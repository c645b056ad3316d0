// One handler per job, shared by the worker service and the in-process development queue.
import type { Db } from '@nonrecours/db';
import type { JobContext } from '@nonrecours/queue';
import type pg from 'pg';
import { appendAuditEvent, verifyAuditChain } from '../audit/audit.repository.ts';
import { abandonRun, prepareRun, publishRun, runPartition } from '../runs/runs.service.ts';
import type { AppJobHandlers, AppQueue } from './jobs.ts';

/** A run whose step fails for the last time is marked failed, so nobody waits for it. */
async function runStep<T>(db: Db, runId: string, ctx: JobContext, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (ctx.attempt >= ctx.maxAttempts)
      await abandonRun(
        db,
        runId,
        `${ctx.jobName} failed: ${error instanceof Error ? error.message : 'error'}`,
      );
    throw error;
  }
}

export function createJobHandlers(deps: {
  db: Db;
  pool: pg.Pool;
  queue: Pick<AppQueue, 'addFlow'>;
}): AppJobHandlers {
  const { db } = deps;
  return {
    'run.prepare': ({ runId }, ctx) => runStep(db, runId, ctx, () => prepareRun(deps, runId)),
    'run.partition': ({ runId, part }, ctx) => runStep(db, runId, ctx, () => runPartition(deps, runId, part)),
    'run.finalise': ({ runId }, ctx) => runStep(db, runId, ctx, () => publishRun(deps, runId)),
    'audit.verify': async (_payload, ctx) => {
      const result = await verifyAuditChain(db);
      if (!result.ok) ctx.log.error({ firstBroken: result.firstBroken }, 'the audit chain is broken');
      await appendAuditEvent(db, {
        actor: 'worker',
        role: 'system',
        action: 'audit.verify',
        purpose: 'audit',
        requestId: ctx.jobId,
        outcome: result.ok ? 'success' : 'failed',
        recordCount: result.checked,
        details: { first_broken: result.firstBroken },
      });
      return { ok: result.ok, checked: result.checked };
    },
  };
}
