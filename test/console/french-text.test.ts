// The console in French, for people: every page as each role sees it, and every export a person
// opens, read as text and checked for the service's codes (column names, rule ids, outcome codes…)
// and for French typography (elision, « 1er », no ISO date or month in a sentence).
import { createReadStream } from 'node:fs';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { loadKey } from '@nonrecours/cli/toolkit/command-options.ts';
import { reidentifyStream } from '@nonrecours/cli/toolkit/reidentify-stream.ts';
import { findTypographyFaults } from '@nonrecours/french';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { addMember, makePartner } from '../support/factories.ts';
import { loadTerritory, runToTheEnd, territoryDir } from '../support/territory.ts';
import { makeAccount, type TestAccount, Visitor } from './support.ts';

/** What a person reads of a page: no markup, no script, no code shown as code (`<code>`). */
function textOf(page: string): string {
  return page
    .replace(/<(script|style|code)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/**
 * What a person may be shown as it is: UUIDs, pseudonyms, key check values, the names of extract
 * formats and rule packs (caf.v2, fr.v1: the partner chooses them), and the format hint of a month field.
 */
const identifiers =
  /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b|[A-Za-z0-9_-]{43}|\b[0-9a-f]{16}\b|\b[a-z]+\.v\d+\b|AAAA-MM, par exemple \d{4}-\d{2}/g;

/** The service's codes that must not reach a person. */
const codes = [
  /\b[a-z]+(_[a-z0-9]+)+\b/, // column and outcome codes: household_adults, to_contact, birth_ym
  /\b[A-Z0-9]{3,}\.[A-Z][A-Z_]+\b/, // rule ids: RSA.RESOURCES
  /\b(rsa|ppa|c2s|aspa|landlord|partner|territory|dpo|medium|high|low|succeeded|queued|running|accepted|rejected|household|tenancy|person)\b/,
];

function faultsOf(where: string, text: string): string[] {
  const readable = text.replace(identifiers, ' ');
  const found = findTypographyFaults(readable).map((f) => `${where}: ${f.fault} — « ${f.passage} »`);
  for (const code of codes) {
    const m = code.exec(readable);
    if (m)
      found.push(
        `${where}: code « ${m[0]} » — « ${readable.slice(Math.max(0, m.index - 40), m.index + 40)} »`,
      );
  }
  return found;
}

/** The cells a person reads in the cases export: every column but the identifiers and the code_… ones. */
function casesCsvText(csv: string): string {
  const [header, ...lines] = csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\n');
  const columns = header!.split(';');
  const forPeople = columns
    .map((c, i) => ({ c, i }))
    .filter(
      ({ c }) => !['case_id', 'person_pseudo', 'household_pseudo'].includes(c) && !c.startsWith('code_'),
    );
  return [
    forPeople.map(({ c }) => c).join(' ; '),
    ...lines.map((l) => {
      const cells = l.split(';');
      return forPeople.map(({ i }) => cells[i]).join(' ; ');
    }),
  ].join('\n');
}

describe('the console in French', () => {
  let t: TestApp;
  let cid: string;
  let runId: string;
  const accounts: Record<string, TestAccount> = {};

  beforeAll(async () => {
    t = await createTestApp();
    await t.startWorkers();
    const loaded = await loadTerritory(t.app, t.database.db);
    cid = loaded.conventionId;
    runId = await runToTheEnd(t, cid, loaded.tokens.territory!);
    const db = t.database.db;
    const team = await db
      .selectFrom('convention_members')
      .select('partner_id')
      .where('convention_id', '=', cid)
      .where(sql<boolean>`'territory' = any(roles)`)
      .executeTakeFirstOrThrow();
    accounts.territory = await makeAccount(db, team.partner_id, 'territory');
    accounts.caf = await makeAccount(db, loaded.partners.caf!, 'partner');
    accounts.landlord = await makeAccount(db, loaded.partners.landlord!, 'partner');
    const office = await makePartner(db, 'territory');
    await addMember(db, cid, office.id, ['dpo']);
    accounts.dpo = await makeAccount(db, office.id, 'dpo');
  }, 180_000);
  afterAll(() => t.close());

  /** One case of each rule the viewer can open. */
  async function caseIds(): Promise<string[]> {
    const rows = await t.database.db
      .selectFrom('cases')
      .select(['id', 'rule'])
      .where('run_id', '=', runId)
      .orderBy('id')
      .execute();
    return [...new Map(rows.map((r) => [r.rule, r.id])).values()];
  }

  async function pagesOf(v: Visitor, role: string): Promise<string[]> {
    const base = `/console/conventions/${cid}`;
    const urls = ['/console/conventions', base];
    if (role === 'territory' || role === 'partner') {
      urls.push(`${base}/cas`, `${base}/cas?commune=Rennes&sort=date`, `${base}/cas?commune=Nulle-Part`);
      const list = await v.get(`${base}/cas`);
      const listed = new Set([...list.body.matchAll(/\/cas\/([0-9a-f-]{36})"/g)].map((m) => m[1]!));
      for (const id of await caseIds())
        if (role === 'territory' || listed.has(id)) urls.push(`${base}/cas/${id}`);
    }
    if (role === 'territory')
      urls.push(`${base}/traitements/${runId}`, `${base}/campagnes`, `${base}/campagnes/nouvelle`);
    if (role === 'partner') {
      const home = await v.get(base);
      const extract = /\/extractions\/([0-9a-f-]{36})"/.exec(home.body)?.[1];
      if (extract) urls.push(`${base}/extractions/${extract}`);
    }
    if (role === 'dpo')
      urls.push('/console/audit', `/console/audit?convention_id=${cid}`, '/console/audit/verification');
    return urls;
  }

  it('shows no code and no typographic fault on any page, as any role', async () => {
    const faults: string[] = [];
    const signIn = await new Visitor(t.app).get('/console/connexion');
    faults.push(...faultsOf('/console/connexion', textOf(signIn.body)));
    let pages = 0;
    for (const [who, account] of Object.entries(accounts)) {
      const v = new Visitor(t.app);
      await v.signIn(account);
      for (const url of await pagesOf(v, account.role)) {
        const res = await v.get(url);
        expect(res.statusCode, `${who} ${url}`).toBe(200);
        faults.push(...faultsOf(`${who} ${url}`, textOf(res.body)));
        pages++;
      }
    }
    expect(pages).toBeGreaterThan(20);
    expect(faults).toEqual([]);
  }, 120_000);

  it('exports cases and the record of processing in French', async () => {
    const faults: string[] = [];
    for (const who of ['territory', 'caf', 'landlord'] as const) {
      const v = new Visitor(t.app);
      await v.signIn(accounts[who]!);
      const csv = await v.get(`/console/conventions/${cid}/cas.csv`);
      expect(csv.statusCode).toBe(200);
      const text = casesCsvText(csv.body);
      expect(text.split('\n').length).toBeGreaterThan(1);
      faults.push(...faultsOf(`${who} cas.csv`, text));
    }
    const v = new Visitor(t.app);
    await v.signIn(accounts.dpo!);
    const md = await v.get(`/console/conventions/${cid}/registre.md`);
    expect(md.statusCode).toBe(200);
    // A column keeps its name beside its meaning, in backquotes: it is what the partner's file carries.
    faults.push(...faultsOf('registre.md', md.body.replace(/`[^`]*`/g, ' ').replace(/\\/g, '')));
    expect(faults).toEqual([]);
  }, 60_000);

  it('exports a file `nonrecours reidentify` still reads, its French columns carried to the contacts', async () => {
    const v = new Visitor(t.app);
    await v.signIn(accounts.caf!);
    const csv = await v.get(`/console/conventions/${cid}/cas.csv`);
    const output = new PassThrough();
    const chunks: Buffer[] = [];
    output.on('data', (c: Buffer) => chunks.push(c));
    const summary = await reidentifyStream({
      kind: 'caf',
      key: await loadKey(fileURLToPath(new URL('key', territoryDir))),
      cases: csv.body,
      clear: createReadStream(new URL('caf.clear.csv', territoryDir)),
      output,
    });
    expect(summary.cases).toBeGreaterThan(0);
    expect(summary.casesMatched).toBe(summary.cases);
    const header = Buffer.concat(chunks).toString('utf8').split('\n')[0]!;
    expect(header).toContain('Prestation');
    expect(header).toContain('family_name');
  });

  it('filters the cases by a commune’s name as by its code', async () => {
    const v = new Visitor(t.app);
    await v.signIn(accounts.territory!);
    const base = `/console/conventions/${cid}/cas`;
    const byName = await v.get(`${base}?commune=${encodeURIComponent('rennes')}`);
    const byCode = await v.get(`${base}?commune=35238`);
    const ids = (page: string) => [...page.matchAll(/\/cas\/([0-9a-f-]{36})"/g)].map((m) => m[1]);
    expect(ids(byName.body).length).toBeGreaterThan(0);
    expect(ids(byName.body)).toEqual(ids(byCode.body));
    expect(byName.body).toContain('Rennes (35238)');
    const unknown = await v.get(`${base}?commune=Nulle-Part`);
    expect(unknown.body).toContain('Aucune commune ne s’appelle « Nulle-Part »');
    const csv = await v.get(`/console/conventions/${cid}/cas.csv?commune=rennes`);
    const communes = new Set(
      csv.body
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(';').at(-3)),
    );
    expect([...communes]).toEqual(['35238']);
  });
});
