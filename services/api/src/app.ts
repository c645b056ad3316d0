// Builds the Fastify application from its dependencies; main.ts only adds config, listen and
// shutdown. Tests build it the same way and talk to it over inject or a real socket.
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { Config } from '@nonrecours/config';
import {
  type AppQueue,
  type AuditSigner,
  createTokenVerifier,
  httpRequestDuration,
  missingSchedules,
  observeProcess,
  type SigningKey,
} from '@nonrecours/core';
import type { Db } from '@nonrecours/db';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { JWK } from 'jose';
import type pg from 'pg';
import { adminRoutes } from './admin/admin.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { tokenRoutes } from './auth/token.routes.ts';
import { campaignsRoutes } from './campaigns/campaigns.routes.ts';
import { casesRoutes } from './cases/cases.routes.ts';
import { consolePlugin } from './console/console.plugin.ts';
import { conventionsRoutes } from './conventions/conventions.routes.ts';
import { dpoRoutes } from './dpo/dpo.routes.ts';
import { extractsRoutes } from './extracts/extracts.routes.ts';
import { healthRoutes } from './health/health.routes.ts';
import { oppositionsRoutes } from './oppositions/oppositions.routes.ts';
import { accessPlugin } from './plugins/access.plugin.ts';
import { errorsPlugin } from './plugins/errors.plugin.ts';
import { inFlightRequests } from './plugins/in-flight.ts';
import { openapiPlugin } from './plugins/openapi.plugin.ts';
import { queueDashboardPlugin } from './plugins/queue-dashboard.plugin.ts';
import { slowBodyPlugin } from './plugins/slow-body.plugin.ts';
import { runsRoutes } from './runs/runs.routes.ts';
import { statsRoutes } from './stats/stats.routes.ts';

export interface AppDeps {
  config: Config;
  db: Db;
  pool: pg.Pool;
  log: FastifyBaseLogger;
  signingKey: SigningKey;
  /** The public keys the verification of audit checkpoints trusts. */
  checkpointKeys: JWK[];
  /** Signs audit checkpoints (after exports, on demand) and receipts, with the checkpoint key. */
  auditSigner: AuditSigner;
  queue: Pick<AppQueue, 'add' | 'ping' | 'kind' | 'listSchedules' | 'stats' | 'bullmq'>;
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, db } = deps;
  const app = Fastify({
    loggerInstance: deps.log,
    trustProxy: config.TRUST_PROXY,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    // A URL the router cannot take (bad percent-encoding, a parameter too long) answers like a
    // request that fails its schema.
    frameworkErrors: (error, _request, reply) =>
      (reply as unknown as FastifyReply)
        .status(400)
        .send({ code: 'invalid_request', message: `the URL cannot be read (${error.code})` }),
    // Bytes that are not HTTP (a body longer than its Content-Length, a broken head) get the error
    // shape of every other answer.
    clientErrorHandler: (error, socket) => {
      if (!socket.writable) return socket.destroy(error);
      const body = JSON.stringify({
        code: 'invalid_request',
        message: 'the request could not be read as HTTP',
      });
      socket.end(
        `HTTP/1.1 400 Bad Request\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
      );
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const inFlight = inFlightRequests();
  app.addHook('onRequest', inFlight.started);
  app.addHook('preValidation', inFlight.parsed);
  app.addHook('onRequestAbort', inFlight.aborted);
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id);
    return payload;
  });
  // Latency by route template (never the URL itself: it may hold ids).
  app.addHook('onResponse', async (request, reply) => {
    httpRequestDuration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status_code: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });
  const stopObserving = observeProcess({ db, pool: deps.pool, queue: deps.queue });
  app.addHook('onClose', async () => stopObserving());

  await app.register(errorsPlugin);
  await app.register(slowBodyPlugin, {
    idleMs: config.UPLOAD_IDLE_TIMEOUT_MS,
    minBytesPerSecond: config.UPLOAD_MIN_BYTES_PER_SECOND,
  });
  await app.register(helmet, {
    // Swagger UI at /docs needs its inline script and styles.
    contentSecurityPolicy: {
      directives: { 'script-src': ["'self'", "'unsafe-inline'"], 'style-src': ["'self'", "'unsafe-inline'"] },
    },
  });
  await app.register(rateLimit, { global: false });
  await app.register(openapiPlugin);
  const settings = {
    issuer: config.TOKEN_ISSUER,
    audience: config.TOKEN_AUDIENCE,
    ttlSeconds: config.TOKEN_TTL_SECONDS,
  };
  const verifyToken = createTokenVerifier({
    key: deps.signingKey,
    settings,
    oidcIssuers: config.OIDC_ISSUERS,
  });
  await app.register(accessPlugin, { db, verifyToken, signReceipt: deps.auditSigner.receipt });
  // An export is vouched for by a checkpoint as soon as it is sent, not a period later.
  app.addHook('onResponse', async (request) => {
    if (!request.routeOptions.config.checkpointAfter || request.audit?.written !== true) return;
    await deps.auditSigner.checkpoint('export', request.log).catch((error: unknown) => {
      request.log.error({ err: error }, 'audit checkpoint after an export failed');
    });
  });
  app.addHook('onSend', inFlight.replied);
  app.addHook('onResponse', inFlight.responded);
  app.addHook('onClose', inFlight.settled);

  await app.register(healthRoutes, {
    db,
    pingQueue: () => deps.queue.ping(),
    missingSchedules: deps.queue.kind === 'bullmq' ? () => missingSchedules(deps.queue) : undefined,
  });
  await app.register(tokenRoutes, {
    db,
    key: deps.signingKey,
    settings,
    rateLimitPerMinute: config.TOKEN_RATE_LIMIT_PER_MINUTE,
  });
  await app.register(adminRoutes, { db });
  await app.register(conventionsRoutes, { db });
  await app.register(auditRoutes, {
    db,
    checkpointKeys: deps.checkpointKeys,
    auditSigner: deps.auditSigner,
    checkpointPeriodSeconds: config.AUDIT_CHECKPOINT_PERIOD_SECONDS,
  });
  await app.register(dpoRoutes, { db, tokenTtlSeconds: config.TOKEN_TTL_SECONDS });
  await app.register(runsRoutes, { db, queue: deps.queue });
  await app.register(casesRoutes, { db, pool: deps.pool });
  await app.register(statsRoutes, { db });
  await app.register(campaignsRoutes, { db });
  await app.register(oppositionsRoutes, { db });
  await app.register(extractsRoutes, {
    db,
    pool: deps.pool,
    maxUploadBytes: config.MAX_UPLOAD_BYTES,
    slowBody: {
      idleMs: config.UPLOAD_IDLE_TIMEOUT_MS,
      minBytesPerSecond: config.UPLOAD_MIN_BYTES_PER_SECOND,
    },
    maxConcurrentUploads:
      config.UPLOAD_MAX_CONCURRENT ?? Math.max(1, Math.floor(config.DATABASE_POOL_SIZE / 2)),
  });
  if (deps.queue.bullmq)
    await app.register(queueDashboardPlugin, {
      db,
      queue: deps.queue.bullmq,
      verifyToken,
      writable: config.QUEUE_DASHBOARD_WRITE,
    });
  await app.register(consolePlugin, { db, config, signingKey: deps.signingKey, prefix: '/console' });
  await app.ready();
  return app;
}
