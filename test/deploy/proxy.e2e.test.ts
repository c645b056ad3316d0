// The compose deployment's proxy as shipped (deploy/Caddyfile, Debian's caddy binary) in front of a
// production API listening on loopback, with TRUST_PROXY: headless Chromium resolves
// https://nonrecours.test to 127.0.0.1, signs in to the console through Caddy's local CA
// certificate, gets the `__Host-` Secure session cookie and every style and script over https. The
// API reached over plain HTTP shows the page that says why it refuses.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, listen, screenshot, signIn } from '../console/browser.ts';
import { makeAccount, type TestAccount } from '../console/support.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { addMember, makeConvention, makePartner } from '../support/factories.ts';

const caddyfile = fileURLToPath(new URL('../../deploy/Caddyfile', import.meta.url));
const HOST = 'nonrecours.test';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A TLS request to Caddy for HOST, whatever its certificate: resolves with the status once it answers. */
function probe(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/health/live',
        servername: HOST,
        headers: { host: HOST },
        rejectUnauthorized: false,
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('Caddy in front of the API, as the compose file ships it', () => {
  let t: TestApp;
  let caddy: ChildProcess;
  let caddyLog = '';
  let browser: Browser;
  let account: TestAccount;
  let apiBase: string;
  let httpsPort: number;
  let httpPort: number;
  const home = mkdtempSync(path.join(tmpdir(), 'nonrecours-caddy-'));

  beforeAll(async () => {
    t = await createTestApp({ NODE_ENV: 'production', TRUST_PROXY: 'true' });
    const db = t.database.db;
    const convention = await makeConvention(db);
    const team = await makePartner(db, 'territory');
    await addMember(db, convention.id, team.id, ['territory']);
    account = await makeAccount(db, team.id, 'territory');
    apiBase = await listen(t.app);
    [httpsPort, httpPort] = [await freePort(), await freePort()];
    caddy = spawn('caddy', ['run', '--config', caddyfile, '--adapter', 'caddyfile'], {
      env: {
        PATH: process.env.PATH,
        HOME: home,
        XDG_DATA_HOME: path.join(home, 'data'),
        XDG_CONFIG_HOME: path.join(home, 'config'),
        NONRECOURS_HOST: HOST,
        NONRECOURS_TLS: 'internal',
        NONRECOURS_UPSTREAM: new URL(apiBase).host,
        CADDY_ADMIN: 'off',
        CADDY_HTTP_PORT: String(httpPort),
        CADDY_HTTPS_PORT: String(httpsPort),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    caddy.stdout?.on('data', (chunk) => (caddyLog += chunk));
    caddy.stderr?.on('data', (chunk) => (caddyLog += chunk));
    caddy.on(
      'error',
      (error) => (caddyLog += `\ncannot start caddy (apt-get install caddy): ${error.message}`),
    );
    const until = Date.now() + 30_000;
    for (;;) {
      const status = await probe(httpsPort).catch(() => 0);
      if (status === 200) break;
      if (Date.now() > until || caddy.exitCode !== null)
        throw new Error(`Caddy did not come up:\n${caddyLog}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    browser = await launchBrowser([`--host-resolver-rules=MAP ${HOST} 127.0.0.1`]);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    caddy?.kill('SIGTERM');
    await t.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('signs in through https://nonrecours.test with a Secure __Host- cookie and every asset over https', async () => {
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    const page = await context.newPage();
    const failed: string[] = [];
    const plain: string[] = [];
    page.on('requestfailed', (req) => failed.push(`${req.url()} ${req.failure()?.errorText}`));
    page.on('request', (req) => {
      if (!req.url().startsWith('https:') && !req.url().startsWith('data:')) plain.push(req.url());
    });
    const base = `https://${HOST}:${httpsPort}`;
    await signIn(page, base, account);
    expect(new URL(page.url()).pathname).toBe('/console/conventions');
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
    await screenshot(page, 'proxy-signed-in');
    const cookies = await context.cookies(base);
    const session = cookies.find((c) => c.name === '__Host-nonrecours_session');
    expect(session).toMatchObject({ secure: true, httpOnly: true, path: '/', sameSite: 'Lax' });
    expect(cookies.find((c) => c.name === '__Host-nonrecours_csrf')).toMatchObject({ secure: true });
    // The DSFR's styles really applied: Marianne is the body's font.
    expect(await page.evaluate('getComputedStyle(document.body).fontFamily')).toMatch(/Marianne/);
    expect(failed).toEqual([]);
    expect(plain).toEqual([]);
    // The sign-in went through to the API and was audited.
    const signIns = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'outcome'])
      .where('action', 'like', 'console.sign_in%')
      .execute();
    expect(signIns.map((e) => e.outcome)).toContain('success');
    await context.close();
  });

  it('redirects plain HTTP at the proxy to HTTPS', async () => {
    const res = await new Promise<IncomingMessage>((resolve, reject) =>
      httpRequest(
        { host: '127.0.0.1', port: httpPort, path: '/console/connexion', headers: { host: HOST } },
        resolve,
      )
        .on('error', reject)
        .end(),
    );
    res.resume();
    expect(res.statusCode).toBe(308);
    expect(res.headers.location).toMatch(
      new RegExp(`^https://${HOST.replace('.', '\\.')}(:\\d+)?/console/connexion$`),
    );
  });

  it('says why it refuses when the API is reached over plain HTTP in production', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const res = await page.goto(`${apiBase}/console/connexion`);
    expect(res?.status()).toBe(403);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Cette console ne s’ouvre qu’en HTTPS',
    );
    expect(await page.getByText('TRUST_PROXY=true').count()).toBe(1);
    expect(await page.getByRole('link', { name: /https:\/\/127\.0\.0\.1\/console/ }).count()).toBe(1);
    await screenshot(page, 'proxy-plain-http');
    expect(await context.cookies()).toEqual([]);
    await context.close();
  });
});
