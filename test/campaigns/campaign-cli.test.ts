// The contacting partner's commands against a listening API: `nonrecours campaign export` writes the
// cohort `reidentify` reads, and `nonrecours campaign contacts` records a CSV of case references
// back, refusing the whole file when one of them is not to be contacted yet.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '@nonrecours/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { insertCases, insertRun, some } from '../support/crafted-runs.ts';
import {
  addMember,
  makeClient,
  makeConvention,
  makePartner,
  type TestClient,
  tokenFor,
} from '../support/factories.ts';

const main = new URL('../../packages/cli/src/main.ts', import.meta.url).pathname;

describe('nonrecours campaign', () => {
  let t: TestApp;
  let db: Db;
  let dir: string;
  let api: string;
  let cid: string;
  let campaignId: string;
  let partner: TestClient;

  const cli = (...args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [main, 'campaign', ...args, '--api', api, '--convention', cid, '--campaign', campaignId],
        {
          env: { ...process.env, NONRECOURS_CLIENT_ID: partner.id, NONRECOURS_CLIENT_SECRET: partner.secret },
        },
        (error, stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, stdout, stderr }),
      );
    });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'nonrecours-campaign-cli-'));
    t = await createTestApp();
    db = t.database.db;
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    api = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    cid = (await makeConvention(db)).id;
    const team = await makePartner(db, 'territory');
    await addMember(db, cid, team.id, ['territory']);
    const caf = await makePartner(db, 'caf');
    await addMember(db, cid, caf.id, ['partner'], ['caf']);
    partner = await makeClient(db, caf.id, 'partner');
    const run = await insertRun(db, cid, '2026-09-01', '2026-09-05T10:00:00Z');
    await insertCases(db, cid, run, [
      ...some(30, { benefit: 'rsa', commune: '35238' }),
      ...some(20, { benefit: 'rsa', commune: '35051' }),
    ]);
    const res = await t.app.inject({
      method: 'POST',
      url: `/v1/conventions/${cid}/campaigns`,
      headers: {
        authorization: `Bearer ${await tokenFor(t.app, await makeClient(db, team.id, 'territory'))}`,
      },
      payload: {
        name: 'Courrier RSA',
        benefit: 'rsa',
        channel: 'courrier',
        contacting_partner_id: caf.id,
        starts_on: '2026-10-01',
        ends_on: '2026-12-31',
        comparison: { share: 0.2, until: '2099-01-31', seed: 'cli-seed-1' },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    campaignId = res.json().id;
  });
  afterAll(async () => {
    await t?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('exports the cohort, then records the contacts of a CSV, all or none', async () => {
    const exported = await cli('export', '--out', join(dir, 'cohort.csv'));
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stdout).toContain('50 people in the cohort');
    const rows = (await readFile(join(dir, 'cohort.csv'), 'utf8'))
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    const header = rows[0]!.split(';');
    const cells = rows.slice(1).map((r) => r.split(';'));
    const at = (name: string) => header.indexOf(name);
    const toContact = cells.filter((c) => c[at('not_before')] === '').map((c) => c[at('case_id')]!);
    const notYet = cells.filter((c) => c[at('not_before')] === '2099-01-31').map((c) => c[at('case_id')]!);
    expect(toContact.length + notYet.length).toBe(50);
    expect(notYet).toHaveLength(10);

    await writeFile(join(dir, 'early.csv'), `case_id\n${[...toContact, notYet[0]].join('\n')}\n`);
    const early = await cli('contacts', '--in', join(dir, 'early.csv'), '--outcome', 'contacted');
    expect(early.code).toBe(1);
    expect(early.stderr).toContain('not_to_contact_yet');

    await writeFile(
      join(dir, 'contacts.csv'),
      `case_id;outcome\n${toContact.map((id, i) => `${id};${i < 5 ? 'unreachable' : 'contacted'}`).join('\n')}\n`,
    );
    const done = await cli('contacts', '--in', join(dir, 'contacts.csv'));
    expect(done.code, done.stderr).toBe(0);
    expect(JSON.parse(done.stdout)).toEqual({ recorded: 40, cases_updated: 40 });
    const recorded = await db
      .selectFrom('campaign_members')
      .select(({ fn }) => ['contact', fn.countAll<number>().as('n')])
      .where('campaign_id', '=', campaignId)
      .groupBy('contact')
      .execute();
    expect(Object.fromEntries(recorded.map((r) => [String(r.contact), Number(r.n)]))).toEqual({
      contacted: 35,
      unreachable: 5,
      null: 10,
    });
  });
});
