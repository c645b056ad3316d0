// Tokens from an external OpenID Connect issuer (ProConnect in production): accepted when signed by a
// key of its JWKS with a pinned algorithm, for its audience, naming a partner and a role; the JWKS
// server is the one true external edge here, served locally.
import { createServer, type Server } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { addMember, makeConvention, makePartner } from '../support/factories.ts';

describe('external OIDC issuers', () => {
  let t: TestApp;
  let jwks: Server;
  let conventionId: string;
  let partnerId: string;
  let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
  const issuer = 'https://idp.example.test';

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'idp-1', alg: 'RS256', use: 'sig' };
    jwks = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [publicJwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const { port } = jwks.address() as { port: number };
    t = await createTestApp({
      OIDC_ISSUERS: JSON.stringify([
        { issuer, audience: 'nonrecours', jwksUrl: `http://127.0.0.1:${port}/jwks`, algorithms: ['RS256'] },
        {
          issuer: 'https://down.example.test',
          audience: 'nonrecours',
          jwksUrl: 'http://127.0.0.1:9/jwks',
          algorithms: ['RS256'],
        },
      ]),
    });
    conventionId = (await makeConvention(t.database.db)).id;
    partnerId = (await makePartner(t.database.db, 'territory')).id;
    await addMember(t.database.db, conventionId, partnerId, ['territory']);
  });
  afterAll(async () => {
    await t.close();
    jwks.close();
  });

  const token = (claims: Record<string, unknown>, options: { audience?: string; iss?: string } = {}) =>
    new SignJWT({ nonrecours_partner: partnerId, nonrecours_role: 'territory', ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'idp-1' })
      .setIssuer(options.iss ?? issuer)
      .setAudience(options.audience ?? 'nonrecours')
      .setSubject('agent-42@idp')
      .setExpirationTime('5m')
      .sign(privateKey);

  const get = async (bearer: string) =>
    t.app.inject({ url: `/v1/conventions/${conventionId}`, headers: { authorization: `Bearer ${bearer}` } });

  it('accepts a token of the issuer and records its subject in the audit trail', async () => {
    const res = await get(await token({}));
    expect(res.statusCode, res.body).toBe(200);
    const event = await t.database.db
      .selectFrom('audit_events')
      .select(['actor', 'org', 'role'])
      .where('request_id', '=', res.headers['x-request-id'] as string)
      .executeTakeFirstOrThrow();
    expect(event).toEqual({ actor: 'agent-42@idp', org: partnerId, role: 'territory' });
  });

  it('refuses another audience, a missing role and a role the membership lacks', async () => {
    expect((await get(await token({}, { audience: 'someone-else' }))).statusCode).toBe(401);
    expect((await get(await token({ nonrecours_role: undefined }))).statusCode).toBe(401);
    expect((await get(await token({ nonrecours_role: 'dpo' }))).statusCode).toBe(403);
  });

  it('answers 503 when the issuer’s keys cannot be fetched', async () => {
    const res = await get(await token({}, { iss: 'https://down.example.test' }));
    expect(res.statusCode).toBe(503);
    expect(res.json().code).toBe('issuer_unavailable');
  });
});
