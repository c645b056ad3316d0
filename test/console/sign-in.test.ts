// Signing in to the console: local accounts, server-side sessions with an idle timeout, sign-out,
// CSRF on every form, and the audit of each step; the pages are French and never show a stack.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { addMember, makeConvention, makePartner } from '../support/factories.ts';
import { makeAccount, type TestAccount, Visitor } from './support.ts';

describe('console sign-in', () => {
  let t: TestApp;
  let territory: TestAccount;
  let conventionReference: string;

  beforeAll(async () => {
    t = await createTestApp({ CONSOLE_SESSION_IDLE_MINUTES: '5' });
    const db = t.database.db;
    const convention = await makeConvention(db);
    conventionReference = convention.reference;
    const team = await makePartner(db, 'territory');
    await addMember(db, convention.id, team.id, ['territory']);
    territory = await makeAccount(db, team.id, 'territory');
  });
  afterAll(() => t.close());

  it('sends a visitor without a session to the sign-in page, in French', async () => {
    const v = new Visitor(t.app);
    const res = await v.get('/console/conventions');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/console/connexion?expiree=1&suite=%2Fconsole%2Fconventions');
    const page = await v.get('/console/connexion');
    expect(page.body).toContain('<html lang="fr"');
    expect(page.body).toContain('Connexion à la console');
    expect(page.headers['cache-control']).toBe('no-store');
  });

  it('signs in with a password, shows the conventions through the API, and audits both', async () => {
    const v = new Visitor(t.app);
    const res = await v.signIn(territory);
    expect(res.headers.location).toBe('/console/conventions');
    const session = res.cookies.find((c) => c.name.endsWith('nonrecours_session'))!;
    expect(session.name).toBe('__Host-nonrecours_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: true, path: '/' });
    const page = await v.get('/console/conventions');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(conventionReference);
    const events = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'outcome', 'role'])
      .where('actor', '=', territory.id)
      .orderBy('seq')
      .execute();
    expect(events).toEqual([
      { action: 'console.sign_in', outcome: 'success', role: 'territory' },
      { action: 'convention.list', outcome: 'success', role: 'territory' },
    ]);
  });

  it('refuses a wrong password with a French message and the same answer as an unknown address', async () => {
    const v = new Visitor(t.app);
    await v.get('/console/connexion');
    const wrong = await v.post('/console/connexion', {
      email: territory.email,
      password: 'not the password',
    });
    await v.get('/console/connexion');
    const unknown = await v.post('/console/connexion', {
      email: 'nobody@example.fr',
      password: 'whatever it is',
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    for (const res of [wrong, unknown])
      expect(res.body).toContain('Adresse électronique ou mot de passe incorrect');
    expect(v.cookies.has('__Host-nonrecours_session')).toBe(false);
  });

  it('refuses a form posted without its CSRF token or with a forged one', async () => {
    const v = new Visitor(t.app);
    await v.get('/console/connexion');
    for (const csrf of [null, 'forged-token']) {
      const res = await v.post(
        '/console/connexion',
        { email: territory.email, password: territory.password },
        { csrf },
      );
      expect(res.statusCode).toBe(403);
      expect(res.body).toContain('Formulaire expiré');
      expect(res.body).not.toContain('FST_CSRF');
    }
    await v.signIn(territory);
    const signOut = await v.post('/console/deconnexion', {}, { csrf: null });
    expect(signOut.statusCode).toBe(403);
    expect((await v.get('/console/conventions')).statusCode).toBe(200);
  });

  it('ends the session at sign-out: the cookie no longer opens anything', async () => {
    const v = new Visitor(t.app);
    await v.signIn(territory);
    const token = v.cookies.get('__Host-nonrecours_session')!;
    await v.get('/console/conventions');
    const out = await v.post('/console/deconnexion', {});
    expect(out.headers.location).toBe('/console/connexion?deconnecte=1');
    expect((await v.get(out.headers.location as string)).body).toContain('Vous êtes déconnecté');
    v.cookies.set('__Host-nonrecours_session', token);
    const again = await v.get('/console/conventions');
    expect(again.statusCode).toBe(303);
  });

  it('ends an idle session and says so on the sign-in page', async () => {
    const v = new Visitor(t.app);
    await v.signIn(territory);
    await t.database.db
      .withTables<{ console_sessions: { account_id: string; last_seen_at: Date } }>()
      .updateTable('console_sessions')
      .set({ last_seen_at: sql<Date>`now() - interval '6 minutes'` })
      .where('account_id', '=', territory.id)
      .execute();
    const res = await v.get('/console/conventions');
    expect(res.statusCode).toBe(303);
    const page = await v.get(res.headers.location as string);
    expect(page.body).toContain('Votre session a expiré');
  });

  it('answers unknown console pages with a French page', async () => {
    const v = new Visitor(t.app);
    const res = await v.get('/console/nulle-part');
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('Page introuvable');
  });
});
