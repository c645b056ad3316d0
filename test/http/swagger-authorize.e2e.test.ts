// Swagger UI's "Authorize" gets a token through the document's oauth2 client credentials scheme
// (tokenUrl /v1/token), and "Try it out" then calls a protected route with it.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, listen, screenshot } from '../console/browser.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { makeClient, makePartner, type TestClient } from '../support/factories.ts';

describe('Swagger UI', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let admin: TestClient;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await makeClient(t.database.db, (await makePartner(t.database.db, 'operator')).id, 'admin');
    base = await listen(t.app);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  it('authorizes with an API client’s credentials and calls a protected route', {
    timeout: 60_000,
  }, async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/docs`);
    await page.getByRole('button', { name: 'Authorize' }).first().click();
    const dialog = page.locator('.modal-ux');
    await dialog.waitFor();
    await dialog.locator('input#client_id_clientCredentials').fill(admin.id);
    await dialog.locator('input#client_secret_clientCredentials').fill(admin.secret);
    const token = page.waitForResponse((res) => res.url().endsWith('/v1/token'));
    await dialog.getByRole('button', { name: 'Apply given OAuth2 credentials' }).click();
    expect((await token).status()).toBe(200);
    await dialog.getByRole('button', { name: 'Remove authorization' }).first().waitFor();
    await screenshot(page, 'swagger-authorized');
    await dialog.locator('button.close-modal').click();

    const operation = page.locator('#operations-admin-listPartners');
    await operation.locator('.opblock-summary').click();
    await operation.getByRole('button', { name: 'Try it out' }).click();
    const call = page.waitForResponse((res) => res.url().endsWith('/v1/admin/partners'));
    await operation.getByRole('button', { name: 'Execute' }).click();
    const answer = await call;
    expect(answer.status()).toBe(200);
    expect(answer.request().headers().authorization).toMatch(/^Bearer ey/);
  });
});
