// The partner toolkit against the real API: a clear file pseudonymised locally, uploaded with
// `nonrecours upload`, matched, and the returned cases re-identified locally with `nonrecours
// reidentify` — the contacts are exactly the partner's people behind those cases.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { jobId } from '@nonrecours/queue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApiProcess } from '../support/api-process.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { addMember, makeClient, makePartner, type TestClient } from '../support/factories.ts';
import { loadTerritory, territoryDir } from '../support/territory.ts';

const run = promisify(execFile);
const cli = new URL('../../packages/cli/src/main.ts', import.meta.url).pathname;
const fixture = (name: string) => new URL(name, territoryDir).pathname;

describe('the partner toolkit against the API', () => {
  let t: TestApp;
  let api: ApiProcess;
  let territory: Awaited<ReturnType<typeof loadTerritory>>;
  let cpam: TestClient;
  const dir = mkdtempSync(path.join(tmpdir(), 'nonrecours-toolkit-'));

  beforeAll(async () => {
    t = await createTestApp();
    await t.startWorkers();
    territory = await loadTerritory(t.app, t.database.db);
    // A second CPAM office joins the convention and sends its extract with the toolkit.
    const org = await makePartner(t.database.db, 'cpam');
    await addMember(t.database.db, territory.conventionId, org.id, ['partner'], ['cpam']);
    cpam = await makeClient(t.database.db, org.id, 'partner');
    api = await startApiProcess({
      DATABASE_URL: t.database.url,
      REDIS_URL: t.config.REDIS_URL!,
      QUEUE_PREFIX: t.config.QUEUE_PREFIX,
      MIGRATE_ON_START: 'false',
    });
  }, 60_000);
  afterAll(async () => {
    await api.stop();
    await t.close();
  });

  it('pseudonymises, uploads and re-identifies', async () => {
    const extract = path.join(dir, 'cpam.csv');
    await run(process.execPath, [
      cli,
      'pseudonymise',
      '--kind',
      'cpam',
      '--key-file',
      fixture('key'),
      '--in',
      fixture('cpam.clear.csv'),
      '--out',
      extract,
    ]);
    expect(readFileSync(extract, 'utf8')).toBe(readFileSync(fixture('cpam.extract.csv'), 'utf8'));

    const upload = await run(
      process.execPath,
      [
        cli,
        '--lang',
        'en',
        'upload',
        '--api',
        api.url,
        '--convention',
        territory.conventionId,
        '--kind',
        'cpam',
        '--month',
        territory.manifest.month,
        '--key-file',
        fixture('key'),
        '--in',
        extract,
      ],
      { env: { ...process.env, NONRECOURS_CLIENT_ID: cpam.id, NONRECOURS_CLIENT_SECRET: cpam.secret } },
    );
    expect(upload.stdout + upload.stderr).toMatch(/accepted/);

    // The run's C2S cases concern persons of the CPAM file: map them back to the clear file.
    const started = await t.app.inject({
      method: 'POST',
      url: `/v1/conventions/${territory.conventionId}/runs`,
      headers: { authorization: `Bearer ${territory.tokens.territory}` },
      payload: {},
    });
    const runId = started.json().id;
    const cpamPersons = new Set(
      readFileSync(fixture('cpam.extract.csv'), 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.split(';')[0]),
    );
    await t.queue.waitFor(jobId('run-prepare', runId), 60_000);
    await t.queue.waitFor(jobId('run-finalise', runId), 60_000);
    const cases = await t.database.db
      .selectFrom('cases')
      .select(['id', 'subject_pseudo', 'rule'])
      .where('run_id', '=', runId)
      .where('subject_kind', '=', 'person')
      .where('benefit', '=', 'c2s')
      .orderBy('id')
      .execute()
      // Only the people of the CPAM file: C2S cases may also rest on an MSA health record.
      .then((rows) => rows.filter((c) => cpamPersons.has(c.subject_pseudo)).slice(0, 25));
    expect(cases.length).toBe(25);
    const casesFile = path.join(dir, 'cases.csv');
    writeFileSync(
      casesFile,
      `case_id;person_pseudo;rule\n${cases.map((c) => `${c.id};${c.subject_pseudo};${c.rule}`).join('\n')}\n`,
    );
    const contactsFile = path.join(dir, 'contacts.csv');
    await run(process.execPath, [
      cli,
      'reidentify',
      '--kind',
      'cpam',
      '--cases',
      casesFile,
      '--clear',
      fixture('cpam.clear.csv'),
      '--key-file',
      fixture('key'),
      '--out',
      contactsFile,
    ]);

    const [header, ...contacts] = readFileSync(contactsFile, 'utf8').trim().split('\n');
    const columns = header!.split(';');
    const nir = columns.indexOf('nir');
    expect(nir).toBeGreaterThan(-1);
    expect(contacts).toHaveLength(25);
    // Each contact is the clear row whose NIR pseudonymises to the case's person.
    const clear = readFileSync(fixture('cpam.clear.csv'), 'utf8').trim().split('\n');
    const extractRows = readFileSync(fixture('cpam.extract.csv'), 'utf8').trim().split('\n');
    const pseudoOfNir = new Map(
      clear.slice(1).map((line, i) => [line.split(';')[0], extractRows[i + 1]!.split(';')[0]]),
    );
    for (const line of contacts) {
      const values = line.split(';');
      expect(pseudoOfNir.get(values[nir]!)).toBe(values[columns.indexOf('person_pseudo')]);
    }
  }, 120_000);
});
