// The « Nouvelle campagne » form of the console: the territory team creates a campaign over the list
// filters (the commune by name), is led to the campaign's page with its frozen cohort and comparison
// group, sees the API's refusals in French with what it typed kept; partners and DPOs see no form.
import type { Db } from '@nonrecours/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { insertCases, insertRun, some } from '../support/crafted-runs.ts';
import { addMember, makeConvention, makePartner } from '../support/factories.ts';
import { makeAccount, type TestAccount, Visitor } from './support.ts';

describe('the console’s new campaign form', () => {
  let t: TestApp;
  let db: Db;
  let cid: string;
  let caf: string;
  let base: string;
  const accounts: Record<'territory' | 'partner' | 'dpo', TestAccount> = {} as never;

  const fields = (over: Record<string, string> = {}) => ({
    name: 'Courrier RSA de décembre',
    benefit: 'rsa',
    rule: '',
    status: '',
    confidence: '',
    commune: 'Rennes',
    min_amount: '',
    channel: 'courrier',
    contacting_partner_id: caf,
    starts_on: '2026-12-07',
    ends_on: '2027-02-26',
    comparison_share: '20',
    comparison_until: '15/03/2027',
    ...over,
  });

  async function signedIn(role: keyof typeof accounts) {
    const v = new Visitor(t.app);
    await v.signIn(accounts[role]);
    return v;
  }

  const campaignCount = async () =>
    Number(
      (
        await db
          .selectFrom('campaigns')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('convention_id', '=', cid)
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await createTestApp();
    db = t.database.db;
    cid = (await makeConvention(db)).id;
    base = `/console/conventions/${cid}/campagnes`;
    const team = await makePartner(db, 'territory', 'Équipe territoriale de Rennes');
    await addMember(db, cid, team.id, ['territory']);
    accounts.territory = await makeAccount(db, team.id, 'territory');
    caf = (await makePartner(db, 'caf', 'CAF d’Ille-et-Vilaine')).id;
    await addMember(db, cid, caf, ['partner'], ['caf']);
    accounts.partner = await makeAccount(db, caf, 'partner');
    const office = await makePartner(db, 'other', 'Délégué à la protection des données');
    await addMember(db, cid, office.id, ['dpo']);
    accounts.dpo = await makeAccount(db, office.id, 'dpo');
    const run = await insertRun(db, cid, '2026-11-01', '2026-11-05T10:00:00Z');
    await insertCases(db, cid, run, [
      ...some(40, { benefit: 'rsa', commune: '35238' }),
      ...some(12, { benefit: 'rsa', commune: '35051' }),
      ...some(10, { benefit: 'ppa', commune: '35238' }),
    ]);
  }, 60_000);
  afterAll(() => t?.close());

  it('offers the form to the territory team, with the convention’s partners to contact', async () => {
    const v = await signedIn('territory');
    const list = await v.get(base);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`href="${base}/nouvelle"`);
    const form = await v.get(`${base}/nouvelle`);
    expect(form.statusCode, form.body).toBe(200);
    expect(form.body).toContain('<h1>Nouvelle campagne</h1>');
    expect(form.body).toContain(`<option value="${caf}" >CAF d’Ille-et-Vilaine (CAF)</option>`);
    expect(form.body).not.toContain('Équipe territoriale de Rennes (');
    expect(form.body).toContain('>Porte-à-porte</option>');
    expect(form.body).toMatch(/name="_csrf" value="[^"]+"/);
  });

  it('creates the campaign and shows its frozen cohort and comparison group', async () => {
    const v = await signedIn('territory');
    await v.get(`${base}/nouvelle`);
    const res = await v.post(base, fields());
    expect(res.statusCode, res.body).toBe(303);
    const created = await db
      .selectFrom('campaigns')
      .selectAll()
      .where('convention_id', '=', cid)
      .executeTakeFirstOrThrow();
    expect(res.headers.location).toBe(`${base}/${created.id}?creee=1`);
    expect(created).toMatchObject({
      name: 'Courrier RSA de décembre',
      benefit: 'rsa',
      channel: 'courrier',
      contacting_partner_id: caf,
      cohort_size: 40,
      comparison_share: 0.2,
    });
    expect(created.filter).toEqual({ commune: '35238' });
    const comparison = await db
      .selectFrom('campaign_members')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('campaign_id', '=', created.id)
      .where('arm', '=', 'comparison')
      .executeTakeFirstOrThrow();
    expect(Number(comparison.n)).toBe(8);
    const page = await v.get(res.headers.location as string);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.body).toContain('Campagne créée');
    expect(page.body).toContain(
      'La cohorte a figé 40 situations du traitement de novembre 2026, dont 8 tirées au sort dans le groupe témoin.',
    );
    expect(page.body).toContain('non contacté avant le 15 mars 2027');
  });

  it('shows the API’s refusal in French and keeps what was typed', async () => {
    const v = await signedIn('territory');
    await v.get(`${base}/nouvelle`);
    const before = await campaignCount();
    // The same cases are now in an open campaign of the benefit: the cohort would be empty.
    const taken = await v.post(base, fields({ name: 'Relance RSA', min_amount: '150' }));
    expect(taken.statusCode).toBe(409);
    expect(taken.body).toContain('La campagne n’a pas été créée');
    expect(taken.body).toContain('ou tous sont déjà dans une campagne en cours de la prestation');
    expect(taken.body).toContain('value="Relance RSA"');
    expect(taken.body).toContain('value="Rennes"');
    expect(taken.body).toContain('value="150"');
    expect(taken.body).toContain('value="20"');
    expect(taken.body).toMatch(/<option value="courrier" selected>/);
    // A share the API refuses goes beside its field.
    const share = await v.post(base, fields({ benefit: 'ppa', comparison_share: '60' }));
    expect(share.statusCode).toBe(400);
    expect(share.body).toMatch(
      /id="champ-comparison_share-messages"[^>]*><p class="fr-message fr-message--error">Le groupe témoin représente de 5 % à 50 % de chaque strate.<\/p>/,
    );
    expect(share.body).toContain('value="60"');
    expect(share.body).toMatch(/<option value="ppa" selected>/);
    // A commune that names none is found out before the API is asked, as on the cases list.
    const commune = await v.post(base, fields({ benefit: 'ppa', commune: 'Nulle-Part', ends_on: '' }));
    expect(commune.statusCode).toBe(400);
    expect(commune.body).toContain('Aucune commune ne s’appelle « Nulle-Part »');
    expect(commune.body).toContain('Des champs sont à corriger');
    expect(commune.body).toMatch(/id="champ-ends_on-messages"[^>]*><p class="fr-message fr-message--error">/);
    expect(commune.body).toContain('value="Nulle-Part"');
    // Contacts ending before they start.
    const dates = await v.post(base, fields({ benefit: 'ppa', ends_on: '2026-11-30' }));
    expect(dates.statusCode).toBe(400);
    expect(dates.body).toContain('La fin des contacts vient après leur début.');
    expect(await campaignCount()).toBe(before);
  });

  it('refuses a form sent without its CSRF field', async () => {
    const v = await signedIn('territory');
    await v.get(`${base}/nouvelle`);
    const res = await v.post(base, fields({ benefit: 'ppa' }), { csrf: null });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Formulaire expiré');
  });

  it('shows partners and DPOs no form, and refuses theirs', async () => {
    for (const role of ['partner', 'dpo'] as const) {
      const v = await signedIn(role);
      const list = await v.get(base);
      expect(list.statusCode, `${role}: ${list.body}`).toBe(200);
      expect(list.body).not.toContain('Nouvelle campagne');
      const form = await v.get(`${base}/nouvelle`);
      expect(form.statusCode).toBe(403);
      expect(form.body).not.toContain('Créer la campagne');
      const sent = await v.post(base, fields({ benefit: 'ppa' }));
      expect(sent.statusCode).toBe(403);
    }
    expect(await campaignCount()).toBe(1);
  });
});
