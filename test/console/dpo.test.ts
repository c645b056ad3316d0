// The DPO's console pages: the audit log of its conventions with filters, the chain verification,
// the exports streamed from the API, and the record of processing; other roles are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { addMember, makeConvention, makePartner } from '../support/factories.ts';
import { makeAccount, type TestAccount, Visitor } from './support.ts';

describe('DPO console pages', () => {
  let t: TestApp;
  let conventionId: string;
  let dpo: TestAccount;
  let territory: TestAccount;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    conventionId = (await makeConvention(db)).id;
    const office = await makePartner(db, 'territory');
    await addMember(db, conventionId, office.id, ['territory', 'dpo']);
    dpo = await makeAccount(db, office.id, 'dpo');
    territory = await makeAccount(db, office.id, 'territory');
    const v = new Visitor(t.app);
    await v.signIn(territory);
    await v.get(`/console/conventions/${conventionId}`);
  });
  afterAll(() => t.close());

  it('lists the audit events of its conventions, the console’s own calls among them', async () => {
    const v = new Visitor(t.app);
    await v.signIn(dpo);
    const page = await v.get(`/console/audit?convention_id=${conventionId}&action=extract.list`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Liste des extractions<br><code class="fr-text--xs">extract.list</code>');
    // The actor by its name (the account's e-mail address), not its id.
    expect(page.body).toContain(territory.email);
    expect(page.body).not.toContain(`<span class="console-code">${territory.id}</span>`);
    expect(page.body).not.toContain('>run.list</code>');
    expect(page.body).toMatch(/\d+ événements? correspond/);
  });

  it('says in French when a filter is wrong, and keeps the page', async () => {
    const v = new Visitor(t.app);
    await v.signIn(dpo);
    const page = await v.get('/console/audit?pseudonym=trop-court&du=2026-13-45');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Des filtres sont à corriger');
    expect(page.body).toContain('Un pseudonyme compte 43 caractères');
    expect(page.body).toContain('Date invalide');
    // What was typed stays in the fields, and the unfiltered journal is not shown instead.
    expect(page.body).toContain('value="trop-court"');
    expect(page.body).toContain('value="2026-13-45"');
    expect(page.body).not.toContain('<table>');
  });

  it('verifies the chain and says it is intact', async () => {
    const v = new Visitor(t.app);
    await v.signIn(dpo);
    const page = await v.get('/console/audit/verification');
    expect(page.body).toContain('Le journal est intègre');
    const event = await t.database.db
      .selectFrom('audit_events')
      .select(['outcome'])
      .where('action', '=', 'audit.verify')
      .where('actor', '=', dpo.id)
      .executeTakeFirstOrThrow();
    expect(event.outcome).toBe('success');
  });

  it('streams the CSV export of the API with the page’s filters', async () => {
    const v = new Visitor(t.app);
    await v.signIn(dpo);
    const res = await v.get(`/console/audit/export.csv?convention_id=${conventionId}&action=extract.list`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="audit.csv"');
    const lines = res.body.trim().split('\n');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((l) => l.includes('extract.list'))).toBe(true);
  });

  it('shows the record of processing of a convention', async () => {
    const v = new Visitor(t.app);
    await v.signIn(dpo);
    const page = await v.get(`/console/conventions/${conventionId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Registre des activités de traitement');
    const md = await v.get(`/console/conventions/${conventionId}/registre.md`);
    expect(md.headers['content-type']).toContain('text/markdown');
  });

  it('refuses the audit pages to a territory team, in French', async () => {
    const v = new Visitor(t.app);
    await v.signIn(territory);
    const page = await v.get('/console/audit');
    expect(page.statusCode).toBe(403);
    expect(page.body).toContain('Accès refusé');
  });
});
