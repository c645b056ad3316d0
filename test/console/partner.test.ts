// The partner's console pages: upload through the console (streamed on to the API, audited as the
// API upload of the account), the extract's status and row errors, and the isolation between
// partners: one never sees another's extracts.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { loadTerritory, manifest, territoryDir } from '../support/territory.ts';
import { csrfOf, makeAccount, type TestAccount, Visitor } from './support.ts';

describe('partner console pages', () => {
  let t: TestApp;
  let conventionId: string;
  let caf: TestAccount;
  let cpam: TestAccount;
  let cpamExtractId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const territory = await loadTerritory(t.app, t.database.db);
    conventionId = territory.conventionId;
    caf = await makeAccount(t.database.db, territory.partners.caf!, 'partner');
    cpam = await makeAccount(t.database.db, territory.partners.cpam!, 'partner');
    const extracts = await t.database.db
      .selectFrom('extracts')
      .select(['id', 'kind'])
      .where('convention_id', '=', conventionId)
      .execute();
    cpamExtractId = extracts.find((e) => e.kind === 'cpam')!.id;
  }, 120_000);
  afterAll(() => t.close());

  async function upload(
    v: Visitor,
    body: Buffer,
    headers: Record<string, string>,
    schema?: string,
    dryRun = false,
  ) {
    const page = await v.get(`/console/conventions/${conventionId}`);
    const m = manifest();
    return t.app.inject({
      method: 'POST',
      url: `/console/conventions/${conventionId}/extractions?kind=caf&reference_month=${m.month}${schema ? `&schema=${schema}` : ''}${dryRun ? '&dry_run=true' : ''}`,
      headers: {
        cookie: [...v.cookies].map(([k, val]) => `${k}=${val}`).join('; '),
        'content-type': 'text/csv',
        'x-csrf-token': csrfOf(page.body),
        'x-key-check': m.kcv,
        ...headers,
      },
      payload: body,
    });
  }

  it('shows a partner its own extracts only, with the upload form', async () => {
    const v = new Visitor(t.app);
    await v.signIn(caf);
    const page = await v.get(`/console/conventions/${conventionId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Déposer une extraction');
    expect(page.body).toContain('data-key-file');
    expect(page.body).toContain('>CAF<');
    expect(page.body).not.toContain('>CPAM<');
  });

  it('uploads an extract through the console, audited as the account’s API upload', async () => {
    const v = new Visitor(t.app);
    await v.signIn(caf);
    const body = readFileSync(new URL(manifest().files.caf!.extract, territoryDir));
    const res = await upload(v, body, { 'idempotency-key': 'console-upload-0001' });
    expect(res.statusCode).toBe(202);
    const { location } = res.json<{ location: string }>();
    expect(location).toMatch(new RegExp(`^/console/conventions/${conventionId}/extractions/[0-9a-f-]{36}$`));
    const detail = await v.get(location);
    expect(detail.body).toContain('Acceptée');
    const event = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'actor', 'outcome'])
      .where('action', '=', 'extract.upload')
      .where('actor', '=', caf.id)
      .executeTakeFirstOrThrow();
    expect(event.outcome).toBe('success');
  });

  it('uploads a caf.v2 extract when the browser names its schema, and refuses it sent as caf.v1', async () => {
    const v = new Visitor(t.app);
    await v.signIn(caf);
    const [header, ...rows] = readFileSync(new URL(manifest().files.caf!.extract, territoryDir), 'utf8')
      .trimEnd()
      .split('\n');
    const v2 = Buffer.from(
      `${[`${header};c2s_resources`, ...rows.map((r) => `${r};12000.00`)].join('\n')}\n`,
    );
    const asV1 = await upload(v, v2, {});
    expect(asV1.statusCode).toBe(422);
    const accepted = await upload(v, v2, {}, 'caf.v2');
    expect(accepted.statusCode, accepted.body).toBe(202);
    const schema = await t.database.db
      .selectFrom('extracts')
      .select('schema')
      .where('convention_id', '=', conventionId)
      .where('schema', '=', 'caf.v2')
      .executeTakeFirst();
    expect(schema?.schema).toBe('caf.v2');
  });

  it('refuses an upload without the CSRF token, and one with another key, in French', async () => {
    const v = new Visitor(t.app);
    await v.signIn(caf);
    const body = readFileSync(new URL(manifest().files.caf!.extract, territoryDir));
    const noCsrf = await upload(v, body, { 'x-csrf-token': '' });
    expect(noCsrf.statusCode).toBe(403);
    const wrongKey = await upload(v, body, { 'x-key-check': '0000000000000000' });
    expect(wrongKey.statusCode).toBe(400);
    expect(wrongKey.json().message).toContain('La clé choisie n’est pas celle de la convention');
  });

  it('lists the row errors of an extract by line and column, never by value', async () => {
    const v = new Visitor(t.app);
    await v.signIn(caf);
    const lines = readFileSync(new URL(manifest().files.caf!.extract, territoryDir), 'utf8').split('\n');
    const header = lines[0]!.split(';');
    const month = header.indexOf('birth_ym');
    const bad = lines[1]!.split(';');
    bad[month] = '1970-13';
    const body = Buffer.from([lines[0], bad.join(';'), ...lines.slice(2)].join('\n'));
    const res = await upload(v, body, {});
    expect(res.statusCode).toBe(202);
    const detail = await v.get(res.json<{ location: string }>().location);
    expect(detail.body).toContain('Lignes en erreur');
    expect(detail.body).toContain('mois invalide');
    expect(detail.body).toContain('<code>birth_ym</code>');
    expect(detail.body).not.toContain('1970-13');
  });

  it('pages through the row errors of a file refused for too many, forward and back', async () => {
    const v = new Visitor(t.app);
    await v.signIn(caf);
    const lines = readFileSync(new URL(manifest().files.caf!.extract, territoryDir), 'utf8').split('\n');
    const month = lines[0]!.split(';').indexOf('birth_ym');
    for (let i = 1; i <= 120; i++) {
      const cells = lines[i]!.split(';');
      cells[month] = 'mai 1970';
      lines[i] = cells.join(';');
    }
    const res = await upload(v, Buffer.from(lines.join('\n')), {});
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toMatch(
      /^120 lignes sur .* sont en erreur, plus que la convention n’en admet/,
    );
    const rows = (body: string) => (body.match(/<code>birth_ym<\/code>/g) ?? []).length;
    const first = await v.get(res.json<{ location: string }>().location);
    expect(first.body).toContain('Extraction refusée');
    expect(rows(first.body)).toBe(100);
    const next = /href="([^"]+)">Page suivante/.exec(first.body)![1]!.replaceAll('&amp;', '&');
    const second = await v.get(next);
    expect(second.body).toContain('page 2');
    expect(rows(second.body)).toBe(20);
    const back = /href="([^"]+)">Page précédente/.exec(second.body)![1]!;
    expect(rows((await v.get(back)).body)).toBe(100);
  });

  it('answers another partner’s extract like a missing page', async () => {
    const v = new Visitor(t.app);
    await v.signIn(caf);
    const foreign = await v.get(`/console/conventions/${conventionId}/extractions/${cpamExtractId}`);
    const missing = await v.get(
      `/console/conventions/${conventionId}/extractions/00000000-0000-4000-8000-000000000000`,
    );
    expect(foreign.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(foreign.body).toContain('Page introuvable');
    const owner = new Visitor(t.app);
    await owner.signIn(cpam);
    expect(
      (await owner.get(`/console/conventions/${conventionId}/extractions/${cpamExtractId}`)).statusCode,
    ).toBe(200);
  });

  const extractCount = async () =>
    (
      await t.database.db
        .selectFrom('extracts')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('convention_id', '=', conventionId)
        .executeTakeFirstOrThrow()
    ).n;

  it('checks a file without storing anything, and says what an upload would answer', async () => {
    const v = new Visitor(t.app);
    await v.signIn(caf);
    const before = await extractCount();
    const good = readFileSync(new URL(manifest().files.caf!.extract, territoryDir));
    const ok = await upload(v, good, {}, undefined, true);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().verdict).toBe('accepted');
    expect(ok.json().message).toMatch(/^Vérification terminée : ce fichier serait accepté \(.* lignes lues/);
    expect(ok.json().message).toContain('Rien n’a été enregistré.');

    const lines = good.toString('utf8').split('\n');
    const header = lines[0]!.split(';');
    const month = header.indexOf('birth_ym');
    const cells = lines[2]!.split(';');
    cells[month] = '05/1968';
    lines[2] = cells.join(';');
    const withError = await upload(v, Buffer.from(lines.join('\n')), {}, undefined, true);
    expect(withError.json().points).toContain(
      'Ligne 3, colonne « birth_ym » : mois invalide (AAAA-MM attendu).',
    );

    const clear = await upload(v, Buffer.from('nom;prenom;nir\nDupont;Marie;1\n'), {}, undefined, true);
    expect(clear.statusCode).toBe(200);
    expect(clear.json().verdict).toBe('rejected');
    expect(clear.json().points[0]).toBe(
      'Colonne inattendue « nom » (1re colonne) : ce fichier contient des données en clair, pseudonymisez-le d’abord avec nonrecours pseudonymise.',
    );
    expect(await extractCount()).toBe(before);
    const checks = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'extract.check')
      .where('actor', '=', caf.id)
      .execute();
    expect(checks).toHaveLength(3);
  });

  it('names the column, the line and the likely cause of a refusal, then and on the extract’s page', async () => {
    const v = new Visitor(t.app);
    await v.signIn(caf);
    const refused = await upload(v, Buffer.from('nom;household_pseudo\nDupont;x\n'), {});
    expect(refused.statusCode).toBe(422);
    const answer = refused.json<{ message: string; points: string[]; location: string }>();
    const explained =
      'Colonne inattendue « nom » (1re colonne) : ce fichier contient des données en clair, pseudonymisez-le d’abord avec nonrecours pseudonymise.';
    expect(answer.message).toBe(explained);
    const page = await v.get(answer.location);
    expect(page.body).toContain(explained);

    const m = manifest();
    const good = readFileSync(new URL(m.files.caf!.extract, territoryDir), 'utf8').split('\n');
    const cells = good[4]!.split(';');
    cells[0] = '1 84 12 75 123 456 78';
    good[4] = cells.join(';');
    const identifier = await upload(v, Buffer.from(good.join('\n')), {});
    expect(identifier.statusCode).toBe(422);
    expect(identifier.json().message).toMatch(
      /^Ligne 5, colonne « [a-z_]+ » : une valeur ressemble à un identifiant en clair .* pseudonymisez-le d’abord avec nonrecours pseudonymise\./,
    );
  });
});
