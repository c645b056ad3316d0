// Signing in to the console through an OpenID Connect issuer (authorization code + PKCE): the
// account is found by the issuer's subject or, the first time, by e-mail, and then bound to that
// subject; unknown identities, replayed or forged answers are refused with a French message.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { addMember, makeConvention, makePartner } from '../support/factories.ts';
import { type FakeIssuer, startFakeIssuer } from './fake-issuer.ts';
import { makeAccount, type TestAccount, Visitor } from './support.ts';

describe('console sign-in with OpenID Connect', () => {
  let t: TestApp;
  let issuer: FakeIssuer;
  let account: TestAccount;

  beforeAll(async () => {
    issuer = await startFakeIssuer();
    t = await createTestApp({
      CONSOLE_OIDC_ISSUER: issuer.url,
      CONSOLE_OIDC_CLIENT_ID: issuer.clientId,
      CONSOLE_OIDC_REDIRECT_URI: 'http://127.0.0.1/console/connexion/oidc/retour',
    });
    const db = t.database.db;
    const convention = await makeConvention(db);
    const team = await makePartner(db, 'territory');
    await addMember(db, convention.id, team.id, ['territory']);
    account = await makeAccount(db, team.id, 'territory');
  });
  afterAll(async () => {
    await t.close();
    await issuer.close();
  });

  /** Goes to the issuer and back, as the browser would follow the redirects. */
  async function signInAtIssuer(v: Visitor, suite = '') {
    const start = await v.get(`/console/connexion/oidc${suite}`);
    expect(start.statusCode).toBe(303);
    const atIssuer = await fetch(start.headers.location as string, { redirect: 'manual' });
    const back = new URL(atIssuer.headers.get('location')!);
    return v.get(`${back.pathname}${back.search}`);
  }

  it('shows the issuer’s button on the sign-in page', async () => {
    const page = await new Visitor(t.app).get('/console/connexion');
    expect(page.body).toContain('S’identifier avec');
    expect(page.body).toContain('ProConnect');
  });

  it('signs in the account of the e-mail the first time, then by subject only', async () => {
    issuer.identity = { sub: 'agent-42', email: account.email.toUpperCase() };
    const v = new Visitor(t.app);
    const res = await signInAtIssuer(v, '?suite=%2Fconsole%2Fconventions');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/console/conventions');
    expect((await v.get('/console/conventions')).statusCode).toBe(200);

    issuer.identity = { sub: 'agent-42' };
    const again = new Visitor(t.app);
    expect((await signInAtIssuer(again)).headers.location).toBe('/console/conventions');
    const event = await t.database.db
      .selectFrom('audit_events')
      .select(['outcome', 'details'])
      .where('action', '=', 'console.sign_in')
      .where('actor', '=', account.id)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(event).toEqual({ outcome: 'success', details: { method: 'oidc' } });
  });

  it('refuses another subject with the e-mail of an account already bound', async () => {
    issuer.identity = { sub: 'someone-else', email: account.email };
    const v = new Visitor(t.app);
    const res = await signInAtIssuer(v);
    expect(res.headers.location).toBe('/console/connexion?oidc=inconnu');
    const page = await v.get(res.headers.location as string);
    expect(page.body).toContain('aucun compte actif de la console ne lui correspond');
    expect(v.cookies.has('__Host-nonrecours_session')).toBe(false);
  });

  it('refuses an answer that does not come back to the browser that left, or with another state', async () => {
    issuer.identity = { sub: 'agent-42' };
    const v = new Visitor(t.app);
    const start = await v.get('/console/connexion/oidc');
    const atIssuer = await fetch(start.headers.location as string, { redirect: 'manual' });
    const back = new URL(atIssuer.headers.get('location')!);
    const stranger = new Visitor(t.app);
    expect((await stranger.get(`${back.pathname}${back.search}`)).headers.location).toBe(
      '/console/connexion?oidc=erreur',
    );
    back.searchParams.set('state', 'forged');
    expect((await v.get(`${back.pathname}${back.search}`)).headers.location).toBe(
      '/console/connexion?oidc=erreur',
    );
  });
});
