// The web console at /console: server-rendered French pages in the State design system (DSFR) for
// territory teams, partners and DPOs. Every page gets its data from the public API with a token the
// service signs for the signed-in account, so the console sees and may do exactly what the API
// allows that account, and each action is audited like the API call it makes.
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import type { Config } from '@nonrecours/config';
import type { SigningKey } from '@nonrecours/core';
import type { Db } from '@nonrecours/db';
import type { FastifyInstance } from 'fastify';
import { createApiClient } from './api-client.ts';
import { auditRoutes } from './audit.routes.ts';
import { campaignsRoutes } from './campaigns.routes.ts';
import { casesRoutes } from './cases.routes.ts';
import { conventionsRoutes } from './conventions.routes.ts';
import { dashboardRoutes } from './dashboard.routes.ts';
import { dsfrDist, dsfrFiles } from './dsfr-files.ts';
import { consoleNotFound, handleConsoleError, signInRedirect } from './errors.ts';
import { extractsRoutes } from './extracts.routes.ts';
import { refusePlainHttp } from './https-only.ts';
import { legalRoutes } from './legal.routes.ts';
import { oidcRoutes } from './oidc.routes.ts';
import { createOidc } from './oidc.ts';
import { recordRoutes } from './record.routes.ts';
import { runsRoutes } from './runs.routes.ts';
import { cookieSettings, createSessions } from './session.ts';
import { signInRoutes } from './sign-in.routes.ts';

export interface ConsoleOptions {
  db: Db;
  config: Config;
  signingKey: SigningKey;
}

const dsfrServed = dsfrFiles();
const assets = fileURLToPath(new URL('./assets/', import.meta.url));

export async function consolePlugin(app: FastifyInstance, options: ConsoleOptions) {
  const { db, config } = options;
  const cookies = cookieSettings(config.NODE_ENV !== 'development');
  const sessions = createSessions(db, cookies, {
    idleSeconds: config.CONSOLE_SESSION_IDLE_MINUTES * 60,
    maxSeconds: config.CONSOLE_SESSION_MAX_HOURS * 3600,
  });
  const oidc = createOidc(config);
  const api = createApiClient(app, options.signingKey, {
    issuer: config.TOKEN_ISSUER,
    audience: config.TOKEN_AUDIENCE,
    ttlSeconds: config.TOKEN_TTL_SECONDS,
  });

  if (config.NODE_ENV === 'production') app.addHook('onRequest', refusePlainHttp);
  await app.register(cookie);
  // The CSRF secret lives in its own strict cookie; every form and script request carries a token
  // made from it, checked on every method that is not a read.
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: cookies.csrf,
    cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true, secure: cookies.secure },
  });
  app.decorateRequest('consoleSession', null);
  app.decorateRequest('consoleSessionEnded', false);
  app.setErrorHandler(handleConsoleError);
  app.setNotFoundHandler(consoleNotFound);

  // The DSFR changes only with its package; the console's own files are revalidated (ETag) so that a
  // new version reaches browsers at once.
  const files = { decorateReply: false, schemaHide: true } as const;
  await app.register(fastifyStatic, {
    root: dsfrDist,
    prefix: '/dsfr/',
    maxAge: '1d',
    // Only what the image keeps (dsfr-files.ts), so that development serves what production has.
    allowedPath: (pathName) => dsfrServed.has(pathName.replace(/^\//, '')),
    ...files,
  });
  await app.register(fastifyStatic, { root: assets, prefix: '/assets/', maxAge: 0, ...files });

  await app.register(async (pages) => {
    await pages.register(formbody);
    pages.addHook('onRequest', sessions.resume);
    pages.addHook('preHandler', async (request, reply) => {
      const config = request.routeOptions.config;
      if (request.consoleSession || config.consolePublic) return;
      if (config.consoleJson)
        return reply.status(401).send({ message: 'Votre session a expiré. Reconnectez-vous.' });
      return signInRedirect(request, reply);
    });
    pages.addHook('preHandler', (request, reply, done) => {
      if (request.method === 'GET' || request.method === 'HEAD') return done();
      pages.csrfProtection(request, reply, done);
    });

    pages.get('/', { config: { consolePublic: true }, schema: { hide: true } }, async (request, reply) =>
      reply.redirect(request.consoleSession ? '/console/conventions' : '/console/connexion', 303),
    );
    await pages.register(signInRoutes, {
      db,
      sessions,
      oidcName: oidc?.name ?? null,
      attemptsPerMinute: 10,
    });
    await pages.register(legalRoutes);
    if (oidc) await pages.register(oidcRoutes, { db, sessions, cookies, oidc });
    await pages.register(conventionsRoutes, { api });
    await pages.register(extractsRoutes, { api });
    await pages.register(dashboardRoutes, { api });
    await pages.register(runsRoutes, { api });
    await pages.register(auditRoutes, { api });
    await pages.register(recordRoutes, { api });
    await pages.register(casesRoutes, { api });
    await pages.register(campaignsRoutes, { api });
  });
}
