// The cases in the console: the territory team's list (sorted by estimated amount, filtered), a case
// with its evidence in French and its follow-up buttons, the outcome recorded through the API with
// its CSRF token, the CSV export; a partner sees only the cases of its own people.
import { jobId } from '@nonrecours/queue';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { loadTerritory } from '../support/territory.ts';
import { makeAccount, type TestAccount, Visitor } from './support.ts';

describe('cases in the console', () => {
  let t: TestApp;
  let conventionId: string;
  let territory: TestAccount;
  let caf: TestAccount;
  let cafPartner: string;
  let teamToken: string;

  beforeAll(async () => {
    t = await createTestApp();
    await t.startWorkers();
    const loaded = await loadTerritory(t.app, t.database.db);
    conventionId = loaded.conventionId;
    cafPartner = loaded.partners.caf!;
    teamToken = loaded.tokens.territory!;
    const started = await t.app.inject({
      method: 'POST',
      url: `/v1/conventions/${conventionId}/runs`,
      headers: { authorization: `Bearer ${loaded.tokens.territory}` },
      payload: {},
    });
    const runId = started.json<{ id: string }>().id;
    await t.queue.waitFor(jobId('run-prepare', runId), 60_000);
    await t.queue.waitFor(jobId('run-finalise', runId), 60_000);
    const team = await t.database.db
      .selectFrom('convention_members')
      .select('partner_id')
      .where('convention_id', '=', conventionId)
      .where(sql<boolean>`'territory' = any(roles)`)
      .executeTakeFirstOrThrow();
    territory = await makeAccount(t.database.db, team.partner_id, 'territory');
    caf = await makeAccount(t.database.db, cafPartner, 'partner');
  }, 120_000);
  afterAll(() => t.close());

  const amounts = (page: string) =>
    [...page.matchAll(/<td class="console-num">([\d\s,]+?)\s€<\/td>/g)].map((m) =>
      Number(m[1]!.replace(/\s/g, '').replace(',', '.')),
    );

  it('lists the cases by estimated amount, largest first, and filters them', async () => {
    const v = new Visitor(t.app);
    await v.signIn(territory);
    const page = await v.get(`/console/conventions/${conventionId}/cas`);
    expect(page.statusCode).toBe(200);
    const listed = amounts(page.body);
    expect(listed.length).toBeGreaterThan(10);
    expect(listed).toEqual([...listed].sort((a, b) => b - a));
    const rsa = await v.get(`/console/conventions/${conventionId}/cas?benefit=rsa&sort=amount`);
    expect(rsa.body).toContain('<option value="rsa" selected>');
    expect(rsa.body).not.toContain('>Prime d’activité</a>');
  });

  it('says how many cases the filters keep, and goes to the next page and back', async () => {
    const v = new Visitor(t.app);
    await v.signIn(territory);
    const total = (
      await t.database.db
        .selectFrom('cases')
        .innerJoin('runs', 'runs.id', 'cases.run_id')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('cases.convention_id', '=', conventionId)
        .where('runs.status', '=', 'succeeded')
        .executeTakeFirstOrThrow()
    ).n;
    const first = await v.get(`/console/conventions/${conventionId}/cas?sort=amount`);
    expect(first.body).toContain(
      `${new Intl.NumberFormat('fr-FR').format(Number(total))} cas correspondent à ces filtres.`,
    );
    expect(first.body).toContain('Page 1');
    expect(first.body).toContain('aria-disabled="true" role="link">Page précédente');
    const next = /href="([^"]+)">Page suivante/.exec(first.body)![1]!.replaceAll('&amp;', '&');
    const second = await v.get(next);
    expect(second.body).toContain('Page 2');
    const back = /href="([^"]+)">Page précédente/.exec(second.body)![1]!.replaceAll('&amp;', '&');
    expect(back).toBe(`/console/conventions/${conventionId}/cas?sort=amount`);
    const third = await v.get(/href="([^"]+)">Page suivante/.exec(second.body)![1]!.replaceAll('&amp;', '&'));
    expect(third.body).toContain('Page 3');
    const toSecond = /href="([^"]+)">Page précédente/.exec(third.body)![1]!.replaceAll('&amp;', '&');
    expect((await v.get(toSecond)).body).toContain('Page 2');
    const ids = (body: string) => [...body.matchAll(/\/cas\/([0-9a-f-]{36})"/g)].map((m) => m[1]);
    expect(ids((await v.get(toSecond)).body)).toEqual(ids(second.body));
  });

  it('keeps an invalid filter as typed with its error beside the field, and shows no unfiltered list', async () => {
    const v = new Visitor(t.app);
    await v.signIn(territory);
    const page = await v.get(
      `/console/conventions/${conventionId}/cas?benefit=rsa&commune=Renne&min_amount=beaucoup`,
    );
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Des filtres sont à corriger');
    expect(page.body).toContain('value="Renne"');
    expect(page.body).toContain('value="beaucoup"');
    expect(page.body).toMatch(
      /id="champ-commune-messages"[^>]*><p class="fr-message fr-message--error">Aucune commune ne s’appelle « Renne »/,
    );
    expect(page.body).toMatch(
      /id="champ-min_amount-messages"[^>]*><p class="fr-message fr-message--error">Indiquez un montant/,
    );
    expect(page.body).toContain('<option value="rsa" selected>');
    expect(page.body).not.toContain('<table>');
    const csv = await v.get(`/console/conventions/${conventionId}/cas.csv?commune=Renne`);
    expect(csv.statusCode).toBe(303);
  });

  it('shows a case in French and records its follow-up through the API', async () => {
    const v = new Visitor(t.app);
    await v.signIn(territory);
    const list = await v.get(`/console/conventions/${conventionId}/cas?status=to_contact`);
    const id = /\/cas\/([0-9a-f-]{36})"/.exec(list.body)![1]!;
    const page = await v.get(`/console/conventions/${conventionId}/cas/${id}`);
    expect(page.body).toContain('Ce que dit le cas');
    expect(page.body).toContain('Paramètres légaux appliqués');
    expect(page.body).toContain('value="contacted"');

    const noCsrf = await v.post(
      `/console/conventions/${conventionId}/cas/${id}/suivi`,
      { status: 'contacted' },
      { csrf: null },
    );
    expect(noCsrf.statusCode).toBe(403);

    const done = await v.post(`/console/conventions/${conventionId}/cas/${id}/suivi`, {
      status: 'contacted',
    });
    expect(done.statusCode).toBe(303);
    const after = await v.get(done.headers.location as string);
    expect(after.body).toContain('Suivi enregistré : Personne contactée');
    expect(after.body).toContain('value="rights_opened"');
    const event = await t.database.db
      .selectFrom('audit_events')
      .select(['outcome'])
      .where('action', '=', 'case.update')
      .where('actor', '=', territory.id)
      .executeTakeFirstOrThrow();
    expect(event.outcome).toBe('success');

    const wrong = await v.post(`/console/conventions/${conventionId}/cas/${id}/suivi`, {
      status: 'to_contact',
    });
    const refused = await v.get(wrong.headers.location as string);
    expect(refused.body).toContain('Le suivi n’a pas été enregistré');
  });

  it('shows the team its own figures unmasked on its dashboard, while the statistics API masks them by default', async () => {
    const v = new Visitor(t.app);
    await v.signIn(territory);
    // A single case refused: a count of one, masked wherever figures leave the team.
    const list = await v.get(`/console/conventions/${conventionId}/cas?status=to_contact`);
    const id = /\/cas\/([0-9a-f-]{36})"/.exec(list.body)![1]!;
    await v.get(`/console/conventions/${conventionId}/cas/${id}`);
    await v.post(`/console/conventions/${conventionId}/cas/${id}/suivi`, { status: 'refused' });
    const dashboard = await v.get(`/console/conventions/${conventionId}`);
    expect(dashboard.body).toContain('sans masquage');
    expect(dashboard.body).not.toContain('secret (moins de 5)');
    const published = await t.app.inject({
      url: `/v1/conventions/${conventionId}/stats`,
      headers: { authorization: `Bearer ${teamToken}` },
    });
    const refused = published.json<{ overall: { outcomes: { refused: { suppressed: boolean } } } }>();
    expect(refused.overall.outcomes.refused.suppressed).toBe(true);
  });

  it('exports the filtered cases as CSV', async () => {
    const v = new Visitor(t.app);
    await v.signIn(territory);
    const res = await v.get(`/console/conventions/${conventionId}/cas.csv?benefit=rsa`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const rows = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(rows[0]).toContain('case_id');
    expect(rows.slice(1).every((r) => r.includes(';rsa;'))).toBe(true);
  });

  it('gives a partner the cases of its own people only', async () => {
    const v = new Visitor(t.app);
    await v.signIn(caf);
    const csv = await v.get(`/console/conventions/${conventionId}/cas.csv`);
    expect(csv.statusCode).toBe(200);
    const ids = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n')
      .slice(1)
      .map((r) => r.split(';')[0]!);
    const all = await t.database.db
      .selectFrom('cases')
      .select(['id', 'source_partners'])
      .where('convention_id', '=', conventionId)
      .execute();
    const own = new Set(all.filter((c) => c.source_partners.includes(cafPartner)).map((c) => c.id));
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => own.has(id))).toBe(true);
    const foreign = all.find((c) => !c.source_partners.includes(cafPartner))!;
    const page = await v.get(`/console/conventions/${conventionId}/cas/${foreign.id}`);
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('Page introuvable');
  });
});
