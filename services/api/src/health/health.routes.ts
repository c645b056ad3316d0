// Liveness (the process answers, whatever the state of its services) and readiness (database and
// queue reachable, each check bounded in time so a probe never hangs on a service that is down). The
// readiness details also name the job schedulers missing from Redis, without failing the probe: the
// API serves requests without them, and the worker repairs them.
import type { Db } from '@nonrecours/db';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';

const CHECK_TIMEOUT_MS = 2000;

const live = z.object({ status: z.literal('ok') });
const service = z.enum(['ok', 'unavailable']);
const readiness = z.object({
  status: service,
  database: service,
  queue: service,
  schedules: z.enum(['ok', 'missing', 'unknown', 'not_applicable']),
  missing_schedules: z.array(z.string()).optional(),
});

function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export async function healthRoutes(
  app: FastifyInstance,
  options: {
    db: Db;
    pingQueue: () => Promise<void>;
    /** The ids of the schedulers Redis should hold and does not; absent when schedules do not run. */
    missingSchedules?: (() => Promise<string[]>) | undefined;
  },
) {
  app.get(
    '/health/live',
    {
      schema: {
        tags: ['health'],
        operationId: 'getLiveness',
        summary: 'The process is alive',
        description:
          'Liveness: answers as long as the process does, whatever the state of its services. No token.',
        response: { 200: live.describe('The process answers') },
      },
    },
    async () => ({
      status: 'ok',
    }),
  );
  app.get(
    '/health/ready',
    {
      schema: {
        tags: ['health'],
        operationId: 'getReadiness',
        summary: 'Database and queue are reachable',
        description:
          'Readiness: PostgreSQL and the queue each answer within 2 s (503 otherwise). Names the job schedulers missing from Redis without failing. No token.',
        response: {
          200: readiness.describe('Ready: database and queue answer'),
          503: readiness.describe('Not ready: the database or the queue does not answer'),
        },
      },
    },
    async (_req, reply) => {
      const [databaseCheck, queueCheck, schedulesCheck] = await Promise.allSettled([
        within(sql`select 1`.execute(options.db), CHECK_TIMEOUT_MS),
        within(options.pingQueue(), CHECK_TIMEOUT_MS),
        options.missingSchedules ? within(options.missingSchedules(), CHECK_TIMEOUT_MS) : Promise.resolve([]),
      ]);
      const database = databaseCheck.status === 'fulfilled' ? 'ok' : 'unavailable';
      const queue = queueCheck.status === 'fulfilled' ? 'ok' : 'unavailable';
      const ready = database === 'ok' && queue === 'ok';
      const missing = schedulesCheck.status === 'fulfilled' ? schedulesCheck.value : undefined;
      return reply.status(ready ? 200 : 503).send({
        status: ready ? 'ok' : 'unavailable',
        database,
        queue,
        schedules: !options.missingSchedules
          ? 'not_applicable'
          : missing === undefined
            ? 'unknown'
            : missing.length
              ? 'missing'
              : 'ok',
        ...(missing?.length ? { missing_schedules: missing } : {}),
      });
    },
  );
}
