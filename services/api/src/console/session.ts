// The console session: a cookie (HttpOnly, SameSite=Lax, Secure and `__Host-` outside development)
// whose token names a session stored in PostgreSQL. Every console request resumes it; pages that
// need a signed-in account send the others to the sign-in page, saying when a session has expired.
import {
  type Account,
  closeSession,
  openSession,
  resumeSession,
  type SessionLifetime,
} from '@nonrecours/core';
import type { Db } from '@nonrecours/db';
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface ConsoleSession {
  account: Account;
  token: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    consoleSession: ConsoleSession | null;
    /** A session cookie came with the request but its session is over (idle, expired, signed out). */
    consoleSessionEnded: boolean;
  }
}

export interface CookieSettings {
  secure: boolean;
  session: string;
  csrf: string;
  oidc: string;
}

/** `__Host-` cookies cannot be set by a sibling domain nor scoped to a path: only over https. */
export function cookieSettings(secure: boolean): CookieSettings {
  const prefix = secure ? '__Host-' : '';
  return {
    secure,
    session: `${prefix}nonrecours_session`,
    csrf: `${prefix}nonrecours_csrf`,
    oidc: `${prefix}nonrecours_oidc`,
  };
}

export function createSessions(db: Db, cookies: CookieSettings, lifetime: SessionLifetime) {
  const options = { path: '/', httpOnly: true, sameSite: 'lax', secure: cookies.secure } as const;
  return {
    lifetime,
    async resume(request: FastifyRequest, reply: FastifyReply): Promise<void> {
      request.consoleSession = null;
      request.consoleSessionEnded = false;
      const token = request.cookies[cookies.session];
      if (!token) return;
      const live = await resumeSession(db, token, lifetime);
      if (live) request.consoleSession = { account: live.account, token };
      else {
        request.consoleSessionEnded = true;
        reply.clearCookie(cookies.session, options);
      }
    },
    async open(reply: FastifyReply, account: Account): Promise<void> {
      const token = await openSession(db, account.id, lifetime);
      reply.setCookie(cookies.session, token, options);
    },
    async close(request: FastifyRequest, reply: FastifyReply): Promise<void> {
      const token = request.cookies[cookies.session];
      if (token) await closeSession(db, token);
      reply.clearCookie(cookies.session, options);
    },
  };
}

export type Sessions = ReturnType<typeof createSessions>;

/** Where to go back after signing in: a console page of this origin, nothing else. */
export function safeReturnPath(value: unknown): string {
  return typeof value === 'string' && /^\/console(\/[\w\-./?=&%]*)?$/.test(value) && !value.includes('//')
    ? value
    : '/console/conventions';
}
