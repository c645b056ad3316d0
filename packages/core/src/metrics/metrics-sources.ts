// What a process's scrape-time metrics read: its database pool, the audit chain's head and the queue.
import type { Db } from '@nonrecours/db';
import type pg from 'pg';
import type { AppQueue } from '../jobs/jobs.ts';
import { observeMetrics } from './metrics.ts';

export function observeProcess(deps: { db: Db; pool: pg.Pool; queue: Pick<AppQueue, 'stats'> }): () => void {
  return observeMetrics({
    pool: deps.pool,
    chainLength: async () => {
      // The head row is read without its lock: a scrape never waits for an append.
      const head = await deps.db.selectFrom('audit_chain_head').select('seq').executeTakeFirst();
      return Number(head?.seq ?? 0);
    },
    queue: () => deps.queue.stats(),
  });
}
