// Liveness (the process answers) and readiness (database and queue reachable).

import type { Db } from '@nonrecours/db';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';

export async function healthRoutes(
  app: FastifyInstance,
  options: { db: Db; pingQueue: () => Promise<void> },
) {
  app.get('/health/live', { schema: { tags: ['health'], summary: 'The process is alive' } }, async () => ({
    status: 'ok',
  }));
  app.get(
    '/health/ready',
    { schema: { tags: ['health'], summary: 'Database and queue are reachable' } },
    async (_req, reply) => {
      const checks = await Promise.allSettled([sql`select 1`.execute(options.db), options.pingQueue()]);
      const [database, queue] = checks.map((c) => (c.status === 'fulfilled' ? 'ok' : 'unavailable'));
      const ready = database === 'ok' && queue === 'ok';
      return reply.status(ready ? 200 : 503).send({ status: ready ? 'ok' : 'unavailable', database, queue });
    },
  );
}
