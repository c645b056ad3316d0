// The console in a real browser: sign-in, the pages of each role, sign-out; a screenshot of each.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { addMember, makeConvention, makePartner } from '../support/factories.ts';
import { launchBrowser, listen, screenshot, signIn } from './browser.ts';
import { makeAccount, type TestAccount } from './support.ts';

describe('console in a browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let territory: TestAccount;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const convention = await makeConvention(db);
    const team = await makePartner(db, 'territory', 'Projet TZNR de Rennes');
    await addMember(db, convention.id, team.id, ['territory']);
    territory = await makeAccount(db, team.id, 'territory');
    [browser, base] = await Promise.all([launchBrowser(), listen(t.app)]);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
    return { context, page: await context.newPage() };
  }

  it('signs in and out', async () => {
    const { context, page } = await newPage();
    await page.goto(`${base}/console`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Connexion à la console');
    await screenshot(page, '01-connexion');
    await signIn(page, base, territory);
    await screenshot(page, '02-conventions');
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL(/deconnecte=1/);
    expect(await page.getByText('Vous êtes déconnecté').count()).toBe(1);
    await screenshot(page, '03-deconnecte');
    await context.close();
  });
});
