// One handler per job, shared by the worker service and the in-process development queue.
import type { Db } from '@nonrecours/db';
import { appendAuditEvent, verifyAuditChain } from '../audit/audit.repository.ts';
import type { AppJobHandlers } from './jobs.ts';

export function createJobHandlers(deps: { db: Db }): AppJobHandlers {
  const { db } = deps;
  return {
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
