// The console in a real browser (Debian's Chromium, headless) against the app on a real socket, over
// the committed synthetic territory: sign-in, the partner's upload with the key check value computed
// in the page, and sign-out; a screenshot of every page under test-results/console/.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { addMember, makePartner } from '../support/factories.ts';
import { loadTerritory, manifest, territoryDir } from '../support/territory.ts';
import { launchBrowser, listen, screenshot, signIn } from './browser.ts';
import { makeAccount, type TestAccount } from './support.ts';

describe('console in a browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let conventionId: string;
  let partner: TestAccount;
  let territoryAccount: TestAccount;
  let dpo: TestAccount;

  beforeAll(async () => {
    t = await createTestApp();
    await t.startWorkers();
    const territory = await loadTerritory(t.app, t.database.db);
    conventionId = territory.conventionId;
    partner = await makeAccount(t.database.db, territory.partners.caf!, 'partner');
    const team = await t.database.db
      .selectFrom('convention_members')
      .select('partner_id')
      .where('convention_id', '=', conventionId)
      .where(sql<boolean>`'territory' = any(roles)`)
      .executeTakeFirstOrThrow();
    territoryAccount = await makeAccount(t.database.db, team.partner_id, 'territory');
    const office = await makePartner(t.database.db, 'other', 'Délégué à la protection des données');
    await addMember(t.database.db, conventionId, office.id, ['dpo']);
    dpo = await makeAccount(t.database.db, office.id, 'dpo');
    [browser, base] = await Promise.all([launchBrowser(), listen(t.app)]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** A fresh browser context (no cookies) per person. */
  async function open(): Promise<Page> {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
    return context.newPage();
  }

  it('lets a partner sign in, upload an extract with its progress, read its status, and sign out', async () => {
    const page = await open();
    await page.goto(`${base}/console`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Connexion à la console');
    await screenshot(page, 'connexion');
    await signIn(page, base, partner);
    await screenshot(page, 'partenaire-conventions');

    await page.getByRole('link', { name: /TZNR-/ }).click();
    await page.getByLabel(/Fichier de la clé/).setInputFiles(fileURLToPath(new URL('key', territoryDir)));
    await expect
      .poll(() => page.locator('[data-kcv-output]').textContent())
      .toBe(`Empreinte de la clé : ${manifest().kcv}`);
    await page.getByLabel('Mois de référence').fill(manifest().month);
    await page
      .getByLabel(/Fichier de l’extraction/)
      .setInputFiles(fileURLToPath(new URL(manifest().files.caf!.extract, territoryDir)));
    await screenshot(page, 'partenaire-depot');
    await page.getByRole('button', { name: 'Déposer l’extraction' }).click();
    await page.waitForURL(/\/extractions\/[0-9a-f-]{36}$/);
    expect(await page.getByText('Acceptée').count()).toBeGreaterThan(0);
    await screenshot(page, 'partenaire-extraction');

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL(/deconnecte=1/);
    expect(await page.getByText('Vous êtes déconnecté').count()).toBe(1);
    await screenshot(page, 'deconnexion');
    await page.goto(`${base}/console/conventions/${conventionId}`);
    await page.waitForURL(/connexion\?expiree=1/);
  });

  it('lets a territory team start a run, watch its stages progress and read the dashboard', async () => {
    const page = await open();
    await signIn(page, base, territoryAccount);
    await page.getByRole('link', { name: /TZNR-/ }).click();
    await screenshot(page, 'territoire-tableau-de-bord-vide');
    await page.getByRole('button', { name: 'Lancer un traitement' }).click();
    await page.waitForURL(/\/traitements\/[0-9a-f-]{36}$/);
    expect(await page.getByRole('heading', { name: 'Étapes' }).count()).toBe(1);
    await screenshot(page, 'territoire-traitement-en-cours');
    await page.getByText('cas présumés publiés').waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-stage="finalise"] [data-stage-status]').textContent()).toBe('terminée');
    await screenshot(page, 'territoire-traitement-termine');
    await page.getByRole('link', { name: 'Tableau de bord' }).click();
    expect(await page.getByText('Cas présumés par prestation', { exact: true }).count()).toBeGreaterThan(0);
    await screenshot(page, 'territoire-tableau-de-bord');
  });

  it('lets a territory team list the cases, open one, record its follow-up and export them', async () => {
    const page = await open();
    await signIn(page, base, territoryAccount);
    await page.goto(`${base}/console/conventions/${conventionId}/cas`);
    await page.getByLabel('Prestation').selectOption('rsa');
    await page.getByRole('button', { name: 'Appliquer' }).click();
    await page.waitForURL(/benefit=rsa/);
    await screenshot(page, 'territoire-cas');
    await page.getByRole('link', { name: 'RSA' }).first().click();
    await page.waitForURL(/\/cas\/[0-9a-f-]{36}$/);
    await screenshot(page, 'territoire-cas-detail');
    await page.getByRole('button', { name: 'Personne contactée' }).click();
    await page.waitForURL(/enregistre=1/);
    expect(await page.getByText('Suivi enregistré : Personne contactée').count()).toBe(1);
    await screenshot(page, 'territoire-cas-suivi');
    await page.goto(`${base}/console/conventions/${conventionId}/cas?benefit=rsa`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Exporter ces cas (CSV)' }).click(),
    ]);
    const csv = await readFile(await download.path(), 'utf8');
    const rows = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(rows[0]).toContain('case_id');
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.slice(1).every((r) => r.includes(';rsa;'))).toBe(true);
  });

  it('lets a DPO filter the audit log, verify the chain and read the record of processing', async () => {
    const page = await open();
    await signIn(page, base, dpo);
    await page.getByRole('link', { name: 'Journal d’audit' }).first().click();
    await page.getByLabel('Action').selectOption('run.start');
    await page.getByRole('button', { name: 'Filtrer' }).click();
    await page.waitForURL(/action=run.start/);
    expect(await page.locator('tbody code', { hasText: 'run.start' }).count()).toBeGreaterThan(0);
    await screenshot(page, 'dpd-journal');
    await page.getByRole('link', { name: 'Vérifier l’intégrité du journal' }).click();
    expect(await page.getByText('Le journal est intègre').count()).toBe(1);
    await screenshot(page, 'dpd-verification');
    await page.goto(`${base}/console/conventions/${conventionId}`);
    expect(await page.getByRole('heading', { name: /Registre des activités de traitement/ }).count()).toBe(1);
    await screenshot(page, 'dpd-registre');
  });

  it('lets a partner download the cases of its own people', async () => {
    const page = await open();
    await signIn(page, base, partner);
    await page.getByRole('link', { name: /TZNR-/ }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Télécharger mes cas (CSV)' }).click(),
    ]);
    const rows = (await readFile(await download.path(), 'utf8')).trim().split('\n');
    expect(rows.length).toBeGreaterThan(1);
  });

  it('answers an unknown page and an ended session in French', async () => {
    const page = await open();
    await page.goto(`${base}/console/nulle-part`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Page introuvable');
    await screenshot(page, 'erreur-page-introuvable');
    await page.goto(`${base}/console/connexion?expiree=1`);
    expect(await page.getByText('Votre session a expiré').count()).toBe(1);
    await screenshot(page, 'connexion-session-expiree');
  });
});
