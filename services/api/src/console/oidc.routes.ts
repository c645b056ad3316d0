// The two steps of an OpenID Connect sign-in: leave for the issuer, come back with a code. Failures
// lead back to the sign-in page with a French message; every outcome is audited.
import { accountOfOidcIdentity } from '@nonrecours/core';
import type { Db } from '@nonrecours/db';
import type { FastifyInstance } from 'fastify';
import { type Oidc, PENDING_SECONDS, type PendingSignIn } from './oidc.ts';
import type { CookieSettings, Sessions } from './session.ts';
import { safeReturnPath } from './session.ts';
import { auditSignIn, completeSignIn } from './sign-in.routes.ts';

function readPending(value: string | undefined): PendingSignIn | null {
  if (!value) return null;
  try {
    const pending = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as PendingSignIn;
    return typeof pending.verifier === 'string' && typeof pending.state === 'string' ? pending : null;
  } catch {
    return null;
  }
}

export async function oidcRoutes(
  app: FastifyInstance,
  options: { db: Db; sessions: Sessions; cookies: CookieSettings; oidc: Oidc },
) {
  const { db, oidc, cookies } = options;
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax', secure: cookies.secure } as const;

  app.get(
    '/connexion/oidc',
    { config: { consolePublic: true }, schema: { hide: true } },
    async (request, reply) => {
      const suite = safeReturnPath((request.query as { suite?: string }).suite);
      try {
        const { url, pending } = await oidc.start(suite);
        reply.setCookie(cookies.oidc, Buffer.from(JSON.stringify(pending)).toString('base64url'), {
          ...cookieOptions,
          maxAge: PENDING_SECONDS,
        });
        return reply.redirect(url.href, 303);
      } catch (error) {
        request.log.warn({ err: error }, 'the OpenID Connect issuer could not be reached');
        return reply.redirect('/console/connexion?oidc=erreur', 303);
      }
    },
  );

  app.get(
    '/connexion/oidc/retour',
    { config: { consolePublic: true }, schema: { hide: true } },
    async (request, reply) => {
      const pending = readPending(request.cookies[cookies.oidc]);
      reply.clearCookie(cookies.oidc, cookieOptions);
      const query = new URL(request.url, 'http://console').search;
      if (!pending) return reply.redirect('/console/connexion?oidc=erreur', 303);
      let identity: Awaited<ReturnType<Oidc['finish']>>;
      try {
        identity = await oidc.finish(query, pending);
      } catch (error) {
        request.log.warn({ err: error }, 'an OpenID Connect sign-in failed');
        await auditSignIn(db, request, null, 'console.sign_in', 'oidc');
        return reply.redirect('/console/connexion?oidc=erreur', 303);
      }
      const account = await accountOfOidcIdentity(db, identity);
      if (!account) {
        await auditSignIn(db, request, null, 'console.sign_in', 'oidc');
        return reply.redirect('/console/connexion?oidc=inconnu', 303);
      }
      return completeSignIn(options, request, reply, account, 'oidc', pending.suite);
    },
  );
}
