// The partner toolkit as a partner gets it: bundled and packed (packages/cli/src/build), installed
// with npm from the tarball into an empty folder (offline: it has no dependency), and run from
// another folder with paths relative to it, against a listening API: keys, pseudonymise, upload,
// reidentify (and its refusal with the wrong key), pseudonym and oppositions add — in French.
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { npmCommand, packToolkit } from '@nonrecours/cli/build/toolkit-bundle.ts';
import { cliActor, registerConventionKey } from '@nonrecours/core';
import { extractKinds, formatKey, generateKey } from '@nonrecours/pseudo';
import { jobId } from '@nonrecours/queue';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApiProcess } from '../support/api-process.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import {
  addMember,
  makeClient,
  makeConvention,
  makePartner,
  type TestClient,
  tokenFor,
} from '../support/factories.ts';

const checkoutCli = new URL('../../packages/cli/src/main.ts', import.meta.url).pathname;
type Result = { code: number; stdout: string; stderr: string };

describe('the packed partner toolkit, installed with npm', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'nonrecours-installed-'));
  const installDir = path.join(root, 'install');
  const work = path.join(root, 'partner');
  let bin: string;
  let t: TestApp;
  let api: ApiProcess;
  let conventionId: string;
  let month: string;
  const clients: Record<string, TestClient> = {};
  let territoryToken: string;

  /** The installed `nonrecours`, run in the partner's folder, in French. */
  const nonrecours = (args: string[], options: { client?: TestClient; input?: string } = {}) =>
    new Promise<Result>((resolve, reject) => {
      const child = spawn(bin, args, {
        cwd: work,
        env: {
          PATH: process.env.PATH,
          HOME: root,
          LANG: 'fr_FR.UTF-8',
          NONRECOURS_API_URL: api.url,
          ...(options.client
            ? { NONRECOURS_CLIENT_ID: options.client.id, NONRECOURS_CLIENT_SECRET: options.client.secret }
            : {}),
        },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
      child.stdin.end(options.input ?? '');
    });

  beforeAll(async () => {
    mkdirSync(installDir);
    mkdirSync(work);
    const tarball = await packToolkit(path.join(root, 'pack'));
    const npm = npmCommand();
    await promisify(execFile)(
      npm.file,
      ['install', '--offline', '--no-audit', '--no-fund', '--prefix', installDir, tarball],
      { cwd: installDir, env: npm.env },
    );
    bin = path.join(installDir, 'node_modules', '.bin', 'nonrecours');
    // A small synthetic territory: the partners' clear files.
    await promisify(execFile)(process.execPath, [
      checkoutCli,
      'synth',
      '--persons',
      '400',
      '--seed',
      '12',
      '--out',
      path.join(work, 'territoire'),
    ]);
    month = JSON.parse(readFileSync(path.join(work, 'territoire', 'manifest.json'), 'utf8')).month;

    t = await createTestApp();
    await t.startWorkers();
    conventionId = (await makeConvention(t.database.db)).id;
    for (const kind of extractKinds) {
      const org = await makePartner(t.database.db, kind);
      await addMember(t.database.db, conventionId, org.id, ['partner'], [kind]);
      clients[kind] = await makeClient(t.database.db, org.id, 'partner');
    }
    const team = await makePartner(t.database.db, 'territory');
    await addMember(t.database.db, conventionId, team.id, ['territory']);
    territoryToken = await tokenFor(t.app, await makeClient(t.database.db, team.id, 'territory'));
    api = await startApiProcess({
      DATABASE_URL: t.database.url,
      REDIS_URL: t.config.REDIS_URL!,
      QUEUE_PREFIX: t.config.QUEUE_PREFIX,
      MIGRATE_ON_START: 'false',
    });
  }, 180_000);
  afterAll(async () => {
    await api?.stop();
    await t?.close();
  });

  it('runs every partner command from the partner’s own folder', async () => {
    const keys = await nonrecours(['keys', 'generate', '--out', 'convention.key', '--json']);
    expect(keys.code, keys.stderr).toBe(0);
    const { kcv, key_file } = JSON.parse(keys.stdout);
    expect(key_file).toBe('convention.key');
    expect(keys.stderr).toMatch(/^clé écrite dans convention\.key/);
    readFileSync(path.join(work, 'convention.key')); // written where the partner is, not elsewhere
    await registerConventionKey(t.database.db, cliActor(), conventionId, kcv);

    for (const kind of extractKinds) {
      const made = await nonrecours([
        'pseudonymise',
        '--kind',
        kind,
        '--key-file',
        'convention.key',
        '--in',
        `territoire/${kind}.clear.csv`,
        '--out',
        `${kind}.csv`,
        ...(kind === 'landlord' ? ['--clk'] : []),
      ]);
      expect(made.code, made.stderr).toBe(0);
      expect(made.stderr).toMatch(new RegExp(`lignes écrites dans ${kind}\\.csv \\(schéma ${kind}\\.v1`));
      const sent = await nonrecours(
        [
          'upload',
          '--convention',
          conventionId,
          '--kind',
          kind,
          '--month',
          month,
          '--key-file',
          'convention.key',
          '--in',
          `${kind}.csv`,
          '--poll-interval',
          '0.2',
          '--json',
        ],
        { client: clients[kind] },
      );
      expect(sent.code, sent.stderr).toBe(0);
      expect(JSON.parse(sent.stdout)).toMatchObject({ status: 'accepted', kind });
      expect(sent.stderr).toMatch(/octets envoyés ; l’extrait .* est/);
    }

    const started = await t.app.inject({
      method: 'POST',
      url: `/v1/conventions/${conventionId}/runs`,
      headers: { authorization: `Bearer ${territoryToken}` },
      payload: {},
    });
    expect(started.statusCode, started.body).toBe(202);
    const runId = started.json().id;
    await t.queue.waitFor(jobId('run-prepare', runId), 120_000);
    await t.queue.waitFor(jobId('run-finalise', runId), 120_000);

    // The CAF's own cases, as it downloads them, mapped back to its people on its machine.
    const token = await fetch(`${api.url}/v1/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'client_credentials',
        client_id: clients.caf!.id,
        client_secret: clients.caf!.secret,
      }),
    }).then((r) => r.json() as Promise<{ access_token: string }>);
    const exported = await fetch(`${api.url}/v1/conventions/${conventionId}/cases.csv`, {
      headers: { authorization: `Bearer ${token.access_token}` },
    });
    expect(exported.status).toBe(200);
    writeFileSync(path.join(work, 'cas.csv'), Buffer.from(await exported.arrayBuffer()));
    const found = await nonrecours([
      'reidentify',
      '--kind',
      'caf',
      '--cases',
      'cas.csv',
      '--clear',
      'territoire/caf.clear.csv',
      '--key-file',
      'convention.key',
      '--out',
      'contacts.csv',
      '--json',
    ]);
    expect(found.code, found.stderr).toBe(0);
    const summary = JSON.parse(found.stdout);
    expect(summary.cases_found).toBeGreaterThan(0);
    expect(summary.cases_found).toBe(summary.cases);
    const contactsText = readFileSync(path.join(work, 'contacts.csv'), 'utf8');
    expect(contactsText.startsWith('\uFEFF')).toBe(true);
    const contacts = parse(contactsText, { delimiter: ';', columns: true, bom: true }) as Record<
      string,
      string
    >[];
    expect(contacts.length).toBe(summary.contacts_written);
    expect(contacts.some((c) => /^\d+,\d{2}$/.test(c.household_resources ?? ''))).toBe(true);

    // With another key nobody is found: exit 1, and the hint names the key.
    writeFileSync(path.join(work, 'autre.key'), `${formatKey(generateKey())}\n`, { mode: 0o600 });
    const wrong = await nonrecours([
      'reidentify',
      '--kind',
      'caf',
      '--cases',
      'cas.csv',
      '--clear',
      'territoire/caf.clear.csv',
      '--key-file',
      'autre.key',
      '--out',
      'autres-contacts.csv',
    ]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(
      /aucun des \d+ cas n’a été retrouvé : vérifiez que votre clé \(valeur de contrôle [0-9a-f]{16}\)/,
    );

    // One person objects: their pseudonym from their NIR (on stdin), then the opposition through the API.
    const person = contacts.find((c) => c.person_pseudo && c.nir)!;
    const pseudonym = await nonrecours(['pseudonym', '--kind', 'caf', '--key-file', 'convention.key'], {
      input: `${person.nir}\n`,
    });
    expect(pseudonym.code, pseudonym.stderr).toBe(0);
    expect(pseudonym.stdout).toBe(`${person.person_pseudo}\n`);
    const opposed = await nonrecours(
      ['oppositions', 'add', '--convention', conventionId, '--file', '-', '--json'],
      {
        client: clients.caf,
        input: pseudonym.stdout,
      },
    );
    expect(opposed.code, opposed.stderr).toBe(0);
    const outcome = JSON.parse(opposed.stdout);
    expect(outcome).toMatchObject({ submitted: 1, registered: 1 });
    expect(outcome.cases_deleted).toBeGreaterThan(0);
    const left = await t.database.db
      .selectFrom('cases')
      .select('id')
      .where('convention_id', '=', conventionId)
      .where('subject_pseudo', '=', person.person_pseudo!)
      .execute();
    expect(left).toEqual([]);

    // The operator's commands are not in the partner's package, and say where they are.
    const admin = await nonrecours(['admin', 'bootstrap']);
    expect(admin.code).toBe(2);
    expect(admin.stderr).toMatch(/réservée à l’exploitation du service/);
  }, 300_000);
});
