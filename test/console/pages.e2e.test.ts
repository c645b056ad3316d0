// Every console page, as each role, in Debian's Chromium: screenshots at 1280 and 375 px, axe-core
// with no violation, no sideways scrolling at 320 px and no error in the browser's console.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { addMember, makePartner } from '../support/factories.ts';
import { loadTerritory, manifest, runToTheEnd, territoryDir } from '../support/territory.ts';
import { launchBrowser, listen, screenshot, signIn } from './browser.ts';
import { axeViolations, checkPage, failing, type PageProblems, watchedPage } from './page-check.ts';
import { makeAccount, type TestAccount } from './support.ts';

describe('every console page in a browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let cid: string;
  let runId: string;
  let caseId: string;
  let partnerCaseId: string;
  let acceptedExtract: string;
  let refusedExtract: string;
  let rowErrorsExtract: string;
  let caf: string;
  const accounts: Record<'partner' | 'territory' | 'dpo', TestAccount> = {} as never;

  beforeAll(async () => {
    t = await createTestApp();
    await t.startWorkers();
    const loaded = await loadTerritory(t.app, t.database.db);
    cid = loaded.conventionId;
    runId = await runToTheEnd(t, cid, loaded.tokens.territory!);
    const refused = await t.app.inject({
      method: 'POST',
      url: `/v1/conventions/${cid}/extracts?kind=caf&schema=caf.v1&reference_month=${loaded.manifest.month}`,
      headers: {
        authorization: `Bearer ${loaded.tokens.caf}`,
        'content-type': 'text/csv',
        'x-key-check': loaded.manifest.kcv,
      },
      payload: 'nom;prenom\nDupont;Marie\n',
    });
    refusedExtract = refused.json<{ details?: { extract_id?: string }; id?: string }>().details
      ?.extract_id as string;
    const lines = readFileSync(new URL(loaded.manifest.files.caf!.extract, territoryDir), 'utf8').split('\n');
    const month = lines[0]!.split(';').indexOf('birth_ym');
    for (let i = 1; i <= 120; i++) {
      const cells = lines[i]!.split(';');
      cells[month] = 'mai 1970';
      lines[i] = cells.join(';');
    }
    const withErrors = await t.app.inject({
      method: 'POST',
      url: `/v1/conventions/${cid}/extracts?kind=caf&schema=caf.v1&reference_month=${loaded.manifest.month}`,
      headers: {
        authorization: `Bearer ${loaded.tokens.caf}`,
        'content-type': 'text/csv',
        'x-key-check': loaded.manifest.kcv,
      },
      payload: lines.join('\n'),
    });
    rowErrorsExtract = withErrors.json<{ details: { extract_id: string } }>().details.extract_id;
    const db = t.database.db;
    acceptedExtract = (
      await db
        .selectFrom('extracts')
        .select('id')
        .where('convention_id', '=', cid)
        .where('partner_id', '=', loaded.partners.caf!)
        .where('status', '=', 'accepted')
        .executeTakeFirstOrThrow()
    ).id;
    caseId = (
      await db
        .selectFrom('cases')
        .select('id')
        .where('run_id', '=', runId)
        .where('benefit', '=', 'rsa')
        .limit(1)
        .executeTakeFirstOrThrow()
    ).id;
    partnerCaseId = (
      await db
        .selectFrom('cases')
        .select('id')
        .where('run_id', '=', runId)
        .where(sql<boolean>`source_extracts[1] = ${acceptedExtract}::uuid`)
        .limit(1)
        .executeTakeFirstOrThrow()
    ).id;
    const team = await db
      .selectFrom('convention_members')
      .select('partner_id')
      .where('convention_id', '=', cid)
      .where(sql<boolean>`'territory' = any(roles)`)
      .executeTakeFirstOrThrow();
    accounts.territory = await makeAccount(db, team.partner_id, 'territory');
    caf = loaded.partners.caf!;
    accounts.partner = await makeAccount(db, caf, 'partner');
    const office = await makePartner(db, 'other', 'Délégué à la protection des données');
    await addMember(db, cid, office.id, ['dpo']);
    accounts.dpo = await makeAccount(db, office.id, 'dpo');
    [browser, base] = await Promise.all([launchBrowser(), listen(t.app)]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function visitAll(role: keyof typeof accounts | null, pages: [string, string][]) {
    const tab = await watchedPage(browser);
    if (role) await signIn(tab.page, base, accounts[role]);
    const found: PageProblems[] = [];
    for (const [path, name] of pages) found.push(...(await checkPage(tab, `${base}${path}`, name)));
    await tab.page.context().close();
    expect(failing(found)).toEqual([]);
    return found;
  }

  it('checks the public pages', async () => {
    const visited = await visitAll(null, [
      ['/console/connexion', 'public-connexion'],
      ['/console/connexion?expiree=1', 'public-connexion-expiree'],
      ['/console/nulle-part', 'public-page-introuvable'],
      ['/console/accessibilite', 'public-accessibilite'],
      ['/console/mentions-legales', 'public-mentions-legales'],
      ['/console/donnees-personnelles', 'public-donnees-personnelles'],
    ]);
    expect(visited.length).toBe(18);
  }, 180_000);

  it('checks the partner’s pages', async () => {
    await visitAll('partner', [
      ['/console/conventions', 'partenaire-conventions'],
      [`/console/conventions/${cid}`, 'partenaire-convention'],
      [`/console/conventions/${cid}/extractions/${acceptedExtract}`, 'partenaire-extraction'],
      [`/console/conventions/${cid}/extractions/${refusedExtract}`, 'partenaire-extraction-refusee'],
      [
        `/console/conventions/${cid}/extractions/${rowErrorsExtract}`,
        'partenaire-extraction-lignes-en-erreur',
      ],
      [`/console/conventions/${cid}/cas`, 'partenaire-cas'],
      [`/console/conventions/${cid}/cas/${partnerCaseId}`, 'partenaire-cas-detail'],
    ]);
  }, 180_000);

  it('checks the territory team’s pages', async () => {
    await visitAll('territory', [
      ['/console/conventions', 'territoire-conventions'],
      [`/console/conventions/${cid}`, 'territoire-tableau-de-bord'],
      [`/console/conventions/${cid}/traitements/${runId}`, 'territoire-traitement'],
      [`/console/conventions/${cid}/cas`, 'territoire-cas'],
      [`/console/conventions/${cid}/cas?commune=Rennes&min_amount=-3`, 'territoire-cas-filtre-invalide'],
      [`/console/conventions/${cid}/cas/${caseId}`, 'territoire-cas-detail'],
      [`/console/conventions/${cid}/campagnes`, 'territoire-campagnes'],
      [`/console/conventions/${cid}/campagnes/nouvelle`, 'territoire-campagne-nouvelle'],
    ]);
  }, 240_000);

  it('checks the DPO’s pages', async () => {
    await visitAll('dpo', [
      ['/console/conventions', 'dpd-conventions'],
      [`/console/conventions/${cid}`, 'dpd-registre'],
      ['/console/audit', 'dpd-journal'],
      ['/console/audit?du=2026-13-45&pseudonym=court', 'dpd-journal-filtre-invalide'],
      ['/console/audit/verification', 'dpd-verification'],
    ]);
  }, 240_000);

  it('lets a partner check a file without storing it, and shows the result', async () => {
    const tab = await watchedPage(browser);
    const { page } = tab;
    await signIn(page, base, accounts.partner);
    await page.goto(`${base}/console/conventions/${cid}`);
    const before = await t.database.db
      .selectFrom('extracts')
      .select('id')
      .where('convention_id', '=', cid)
      .execute();
    await page.getByLabel(/Fichier de la clé/).setInputFiles(fileURLToPath(new URL('key', territoryDir)));
    await page.getByText(`Empreinte de la clé : ${manifest().kcv}`).waitFor();
    await page.getByLabel('Mois de référence').fill(manifest().month);
    await page
      .getByLabel(/Fichier de l’extraction/)
      .setInputFiles(fileURLToPath(new URL(manifest().files.caf!.extract, territoryDir)));
    // The DSFR draws its own box over the input: a person clicks the label.
    await page.locator('label[for="verifier-seulement"]').click();
    expect(await page.getByLabel(/Vérifier seulement/).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
    await page.getByText(/ce fichier serait accepté/).waitFor({ timeout: 30_000 });
    expect(page.url()).toBe(`${base}/console/conventions/${cid}`);
    await screenshot(page, 'partenaire-verification-acceptee');

    await page.getByLabel(/Fichier de l’extraction/).setInputFiles({
      name: 'clair.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('nom;prenom\nDupont;Marie\n'),
    });
    await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
    await page.getByText(/ce fichier serait refusé/).waitFor({ timeout: 30_000 });
    expect(
      await page
        .getByText('Colonne inattendue « nom » (1re colonne) : ce fichier contient des données en clair')
        .count(),
    ).toBe(1);
    await screenshot(page, 'partenaire-verification-refusee');
    expect(await axeViolations(page)).toEqual([]);
    expect(tab.errors).toEqual([]);
    const after = await t.database.db
      .selectFrom('extracts')
      .select('id')
      .where('convention_id', '=', cid)
      .execute();
    expect(after.length).toBe(before.length);
    await page.context().close();
  }, 120_000);

  it('lets a territory team correct an outcome recorded by mistake, and shows who did what', async () => {
    const tab = await watchedPage(browser);
    const { page } = tab;
    await signIn(page, base, accounts.territory);
    const url = `${base}/console/conventions/${cid}/cas/${caseId}`;
    await page.goto(url);
    await page.getByRole('button', { name: 'Personne contactée' }).click();
    await page.waitForURL(/enregistre=1/);
    await page.getByRole('button', { name: 'Droit ouvert' }).click();
    await page.waitForURL(/enregistre=1/);
    await page.getByText(/Corriger le suivi « Droit ouvert »/).click();
    await page.getByLabel('Suivi correct').selectOption('contacted');
    await page.getByLabel('Raison de la correction').selectOption('entry_error');
    await page.getByRole('button', { name: 'Corriger le suivi' }).click();
    await page.waitForURL(/corrige=1/);
    expect(await page.getByText('Suivi corrigé : Personne contactée.').count()).toBe(1);
    const history = page.getByRole('table', { name: 'Historique du suivi' });
    expect(await history.getByText('corrige « Droit ouvert » : erreur de saisie').count()).toBe(1);
    expect(await history.getByText(accounts.territory.email).count()).toBe(3);
    const event = await t.database.db
      .selectFrom('audit_events')
      .select(['details'])
      .where('action', '=', 'case.correct')
      .where('actor', '=', accounts.territory.id)
      .executeTakeFirstOrThrow();
    expect(event.details).toMatchObject({ from: 'rights_opened', to: 'contacted', reason: 'entry_error' });
    expect(failing(await checkPage(tab, url, 'territoire-cas-corrige'))).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('lets a territory team create a campaign, its refusals shown beside the fields', async () => {
    const tab = await watchedPage(browser);
    const { page } = tab;
    await signIn(page, base, accounts.territory);
    await page.goto(`${base}/console/conventions/${cid}/campagnes`);
    await page.getByRole('link', { name: 'Nouvelle campagne' }).click();
    await page.getByLabel(/Nom de la campagne/).fill('Courrier RSA de décembre');
    await page.getByLabel(/Prestation/).selectOption('rsa');
    await page.getByLabel(/Canal de contact/).selectOption('courrier');
    await page.getByLabel(/Organisme qui contacte/).selectOption(caf);
    await page.getByLabel(/Début des contacts/).fill('2026-12-07');
    await page.getByLabel(/Fin des contacts/).fill('2027-02-26');
    await page.getByLabel(/^Commune/).fill('Nulle-Part');
    await page.getByLabel(/Part du groupe témoin/).fill('20');
    await page.getByLabel(/Non contacté avant le/).fill('2027-03-15');
    await page.getByRole('button', { name: 'Créer la campagne' }).click();
    await page.getByText(/Aucune commune ne s’appelle « Nulle-Part »/).waitFor();
    expect(await page.getByLabel(/Nom de la campagne/).inputValue()).toBe('Courrier RSA de décembre');
    await screenshot(page, 'territoire-campagne-a-corriger');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel(/^Commune/).fill('');
    await page.getByRole('button', { name: 'Créer la campagne' }).click();
    await page.waitForURL(/creee=1/);
    expect(await page.getByText(/La cohorte a figé \d+ situations? du traitement de/).count()).toBe(1);
    expect(tab.errors).toEqual([]);
    expect(failing(await checkPage(tab, page.url(), 'territoire-campagne-creee'))).toEqual([]);
    await page.context().close();
  }, 120_000);
});
