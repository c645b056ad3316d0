// The authorisation matrix: every declared route × every role × own, foreign and suspended
// conventions, and every kind of bad token; each refusal must be found in the audit trail.

import type { DeclaredRoute } from '@nonrecours/api/plugins/access.plugin.ts';
import { generateSigningJwk, importSigningJwk } from '@nonrecours/core';
import type { ClientRole } from '@nonrecours/db';
import { SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import {
  addMember,
  makeClient,
  makeConvention,
  makePartner,
  type TestClient,
  tokenFor,
} from '../support/factories.ts';

const roles: ClientRole[] = ['admin', 'partner', 'territory', 'dpo'];
const someId = '00000000-0000-4000-8000-000000000000';

type Conventions = { own: string; suspended: string; foreign: string };

function urlFor(route: DeclaredRoute, cid: string): string {
  return route.url.replace(':cid', cid).replace(/:[A-Za-z]+/g, someId);
}

/** What a caller of this role should get, as a predicate on the status and body. */
function expectation(
  route: DeclaredRoute,
  role: ClientRole,
  where: keyof Conventions,
): { denied: number | null } {
  const a = route.access;
  if (a.scope === 'admin') return { denied: role === 'admin' ? null : 403 };
  if (a.scope === 'dpo') return { denied: role === 'dpo' ? null : 403 };
  if (a.scope === 'audit') return { denied: role === 'dpo' || role === 'admin' ? null : 403 };
  if (a.scope === 'member') return { denied: null };
  if (role === 'admin' || where === 'foreign') return { denied: 404 };
  if (!a.roles.includes(role)) return { denied: 403 };
  if (where === 'suspended' && (a.requireActive ?? true)) return { denied: 403 };
  return { denied: null };
}

describe('authorisation matrix', () => {
  let t: TestApp;
  const tokens = new Map<ClientRole, string>();
  const clients = new Map<ClientRole, TestClient>();
  let conventions: Conventions;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const own = await makeConvention(db);
    const suspended = await makeConvention(db, { status: 'suspended' });
    const foreign = await makeConvention(db);
    conventions = { own: own.id, suspended: suspended.id, foreign: foreign.id };
    for (const role of roles) {
      const partner = await makePartner(
        db,
        role === 'admin' ? 'operator' : role === 'territory' ? 'territory' : 'caf',
      );
      if (role !== 'admin') {
        await addMember(db, own.id, partner.id, [role], role === 'partner' ? ['caf'] : []);
        await addMember(db, suspended.id, partner.id, [role], role === 'partner' ? ['caf'] : []);
        // A member of the foreign convention in another role only: membership alone is not enough.
        const other = await makePartner(db);
        await addMember(db, foreign.id, other.id, ['partner', 'territory', 'dpo']);
      }
      const client = await makeClient(db, partner.id, role);
      clients.set(role, client);
      tokens.set(role, await tokenFor(t.app, client));
    }
  });
  afterAll(() => t.close());

  async function refusalAudited(requestId: string, status: number) {
    const event = await t.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('request_id', '=', requestId)
      .executeTakeFirst();
    expect(event, `audit event for ${requestId}`).toBeDefined();
    expect(event!.outcome).toBe('denied');
    expect(event!.status_code).toBe(status);
  }

  it('covers the routes of every scope', () => {
    const scopes = new Set(t.app.declaredRoutes.map((r) => r.access.scope));
    expect([...scopes].sort()).toEqual(['admin', 'audit', 'convention', 'dpo', 'member']);
  });

  it('gives each role on each convention the expected answer, and audits every refusal', async () => {
    const failures: string[] = [];
    for (const route of t.app.declaredRoutes) {
      for (const role of roles) {
        for (const where of ['own', 'suspended', 'foreign'] as const) {
          if (route.access.scope !== 'convention' && where !== 'own') continue;
          const res = await t.app.inject({
            method: route.method as 'GET',
            url: urlFor(route, conventions[where]),
            headers: { authorization: `Bearer ${tokens.get(role)}` },
          });
          const { denied } = expectation(route, role, where);
          const label = `${route.method} ${route.url} as ${role} on ${where}: ${res.statusCode} ${res.body.slice(0, 120)}`;
          if (denied === null) {
            const refusedByScope =
              res.statusCode === 401 ||
              res.statusCode === 403 ||
              (route.access.scope === 'convention' &&
                res.statusCode === 404 &&
                res.json().message === 'convention not found');
            if (refusedByScope || res.statusCode >= 500) failures.push(`expected access, got ${label}`);
          } else {
            if (res.statusCode !== denied) failures.push(`expected ${denied}, got ${label}`);
            else await refusalAudited(res.headers['x-request-id'] as string, denied);
            if (denied === 404)
              expect(res.json()).toEqual({ code: 'not_found', message: 'convention not found' });
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers a missing and a foreign convention identically', async () => {
    const token = tokens.get('territory');
    const foreign = await t.app.inject({
      url: `/v1/conventions/${conventions.foreign}`,
      headers: { authorization: `Bearer ${token}` },
    });
    const missing = await t.app.inject({
      url: `/v1/conventions/${someId}`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(foreign.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(foreign.body).toBe(missing.body);
  });

  describe('bad tokens', () => {
    const claims = (client: TestClient) => ({ org: client.partnerId, role: client.role });

    const badTokens: Record<string, () => Promise<string>> = {
      expired: async () => {
        const c = clients.get('territory')!;
        return new SignJWT(claims(c))
          .setProtectedHeader({ alg: 'ES256', kid: t.signingKey.kid })
          .setIssuer('nonrecours')
          .setAudience('nonrecours-api')
          .setSubject(c.id)
          .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
          .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
          .sign(t.signingKey.privateKey);
      },
      'wrongly signed': async () => {
        const c = clients.get('territory')!;
        const other = await importSigningJwk({ ...(await generateSigningJwk()), kid: t.signingKey.kid });
        return new SignJWT(claims(c))
          .setProtectedHeader({ alg: 'ES256', kid: t.signingKey.kid })
          .setIssuer('nonrecours')
          .setAudience('nonrecours-api')
          .setSubject(c.id)
          .setExpirationTime('5m')
          .sign(other.privateKey);
      },
      'wrong audience': async () => {
        const c = clients.get('territory')!;
        return new SignJWT(claims(c))
          .setProtectedHeader({ alg: 'ES256', kid: t.signingKey.kid })
          .setIssuer('nonrecours')
          .setAudience('another-api')
          .setSubject(c.id)
          .setExpirationTime('5m')
          .sign(t.signingKey.privateKey);
      },
      'alg none': async () => {
        const c = clients.get('territory')!;
        return new UnsecuredJWT(claims(c))
          .setIssuer('nonrecours')
          .setAudience('nonrecours-api')
          .setSubject(c.id)
          .setExpirationTime('5m')
          .encode();
      },
      'unknown issuer': async () => {
        const c = clients.get('territory')!;
        return new SignJWT(claims(c))
          .setProtectedHeader({ alg: 'ES256', kid: t.signingKey.kid })
          .setIssuer('https://elsewhere.example')
          .setAudience('nonrecours-api')
          .setSubject(c.id)
          .setExpirationTime('5m')
          .sign(t.signingKey.privateKey);
      },
      'not a JWT': async () => 'garbage',
    };

    it.each(Object.keys(badTokens))(
      'refuses a token that is %s on every route, and audits it',
      async (kind) => {
        const token = await badTokens[kind]!();
        for (const route of t.app.declaredRoutes) {
          const res = await t.app.inject({
            method: route.method as 'GET',
            url: urlFor(route, conventions.own),
            headers: { authorization: `Bearer ${token}` },
          });
          expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
          expect(res.json().code).toBe('unauthorized');
          await refusalAudited(res.headers['x-request-id'] as string, 401);
        }
      },
    );

    it('refuses a request without a token, and a revoked client’s token', async () => {
      const none = await t.app.inject({ url: `/v1/conventions/${conventions.own}` });
      expect(none.statusCode).toBe(401);
      await refusalAudited(none.headers['x-request-id'] as string, 401);

      const db = t.database.db;
      const partner = await makePartner(db, 'territory');
      await addMember(db, conventions.own, partner.id, ['territory']);
      const client = await makeClient(db, partner.id, 'territory');
      const token = await tokenFor(t.app, client);
      const ok = await t.app.inject({
        url: `/v1/conventions/${conventions.own}`,
        headers: { authorization: `Bearer ${token}` },
      });
      expect(ok.statusCode).toBe(200);
      const admin = tokens.get('admin');
      const revoke = await t.app.inject({
        method: 'POST',
        url: `/v1/admin/clients/${client.id}/revoke`,
        headers: { authorization: `Bearer ${admin}` },
      });
      expect(revoke.statusCode).toBe(200);
      const after = await t.app.inject({
        url: `/v1/conventions/${conventions.own}`,
        headers: { authorization: `Bearer ${token}` },
      });
      expect(after.statusCode).toBe(401);
      const again = await t.app.inject({
        method: 'POST',
        url: '/v1/token',
        payload: { grant_type: 'client_credentials', client_id: client.id, client_secret: client.secret },
      });
      expect(again.statusCode).toBe(401);
      expect(again.json().code).toBe('invalid_client');
    });
  });
});
