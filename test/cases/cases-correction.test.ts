// What a territory team acts on: an outcome corrected after a mis-click (kept in the history with its
// reason, audited as case.correct), the names of who did what, the partners that can re-identify the
// person, the total of a filtered list, and the team's own figures unmasked on request.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastEvent, type PublishedTerritory, publishedTerritory, walk } from './published-territory.ts';

interface Change {
  status: string;
  actor: string;
  actor_name: string | null;
  organisation: string;
  organisation_name: string | null;
  correction?: { previous: string; reason: string };
}

interface Detail {
  id: string;
  status: string;
  status_history: Change[] | null;
  reidentification: { partner_id: string; partner_name: string; kind: string; profile: boolean }[];
}

describe('correcting a follow-up, and what a case says of who can act on it', () => {
  let p: PublishedTerritory;
  const base = () => `/v1/conventions/${p.territory.conventionId}`;
  const correct = (id: string, status: string, reason: unknown, who: 'territory' | 'caf' = 'territory') =>
    p.t.app.inject({
      method: 'PATCH',
      url: `${base()}/cases/${id}`,
      headers: { authorization: `Bearer ${p.territory.tokens[who]}` },
      payload: { status, correction: { reason } },
    });
  const freshCase = async (offset: number) => {
    const { rows } = await sql<{ id: string }>`
      select id from cases where run_id = ${p.runId} and status = 'to_contact'
      and source_partners @> array[${p.territory.partners.caf!}]::uuid[]
      order by id offset ${offset} limit 1`.execute(p.t.database.db);
    return rows[0]!.id;
  };

  beforeAll(async () => {
    p = await publishedTerritory();
  }, 120_000);
  afterAll(() => p.close());

  it('corrects a final outcome, keeps the corrected one with its reason and audits it', async () => {
    const id = await freshCase(0);
    expect((await p.patch(id, 'contacted')).statusCode).toBe(200);
    expect((await p.patch(id, 'rights_opened')).statusCode).toBe(200);
    const refused = await p.patch(id, 'refused');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('invalid_status_transition');

    const corrected = await correct(id, 'refused', 'entry_error');
    expect(corrected.statusCode).toBe(200);
    const detail = corrected.json<Detail>();
    expect(detail.status).toBe('refused');
    expect(detail.status_history!.map((h) => h.status)).toEqual(['contacted', 'rights_opened', 'refused']);
    expect(detail.status_history!.at(-1)!.correction).toEqual({
      previous: 'rights_opened',
      reason: 'entry_error',
    });
    expect(detail.status_history![0]!.correction).toBeUndefined();

    const event = await lastEvent(p, 'case.correct');
    expect(event.target).toBe(`case/${id}`);
    expect(event.details).toMatchObject({ from: 'rights_opened', to: 'refused', reason: 'entry_error' });
    // Read again: the history is stored, not only answered.
    const read = (await p.get(`/cases/${id}`)).json<Detail>();
    expect(read.status_history!.at(-1)!.correction?.reason).toBe('entry_error');
  });

  it('names who recorded each change: the API client and its organisation', async () => {
    const id = await freshCase(1);
    const detail = (await p.patch(id, 'contacted')).json<Detail>();
    const change = detail.status_history!.at(-1)!;
    const client = await p.t.database.db
      .selectFrom('api_clients as c')
      .innerJoin('partners as o', 'o.id', 'c.partner_id')
      .select(['c.name', 'o.name as organisation'])
      .where('c.id', '=', change.actor)
      .executeTakeFirstOrThrow();
    expect(change.actor_name).toBe(client.name);
    expect(change.organisation_name).toBe(client.organisation);
  });

  it('refuses a correction with nothing to correct, the same outcome, a reason not in the list, or from a partner', async () => {
    const id = await freshCase(2);
    const nothing = await correct(id, 'contacted', 'entry_error');
    expect(nothing.statusCode).toBe(409);
    expect(nothing.json().code).toBe('nothing_to_correct');
    expect((await p.patch(id, 'contacted')).statusCode).toBe(200);
    const same = await correct(id, 'contacted', 'new_information');
    expect(same.statusCode).toBe(409);
    expect(same.json().code).toBe('correction_unchanged');
    const reason = await correct(id, 'to_contact', 'because');
    expect(reason.statusCode).toBe(400);
    expect((await correct(id, 'to_contact', 'entry_error', 'caf')).statusCode).toBe(403);
    const back = await correct(id, 'to_contact', 'new_information');
    expect(back.statusCode).toBe(200);
    expect(back.json<Detail>().status).toBe('to_contact');
  });

  it('says which partners can re-identify the person: all of them to the team, itself to a partner', async () => {
    const { rows } = await sql<{ id: string }>`
      select id from cases where run_id = ${p.runId} and cardinality(source_extracts) > 1
      and source_partners @> array[${p.territory.partners.caf!}]::uuid[] order by id limit 1`.execute(
      p.t.database.db,
    );
    const id = rows[0]!.id;
    const team = (await p.get(`/cases/${id}`)).json<Detail>();
    expect(team.reidentification.length).toBeGreaterThan(1);
    expect(team.reidentification.filter((r) => r.profile)).toHaveLength(1);
    const partners = await p.t.database.db.selectFrom('partners').select(['id', 'name']).execute();
    const names = new Map(partners.map((o) => [o.id, o.name]));
    for (const r of team.reidentification) expect(r.partner_name).toBe(names.get(r.partner_id));
    const caf = (await p.get(`/cases/${id}`, 'caf')).json<Detail>();
    expect(caf.reidentification.map((r) => r.partner_id)).toEqual([p.territory.partners.caf]);
    expect(caf.status_history).toBeNull();
  });

  it('counts a filtered list when asked', async () => {
    const all = await walk(p, 'benefit=rsa&limit=100');
    const page = (await p.get('/cases?benefit=rsa&limit=10&with_total=true')).json<{ total: number }>();
    expect(page.total).toBe(all.ids.length);
    expect((await p.get('/cases?benefit=rsa&limit=10')).json<{ total: null }>().total).toBeNull();
  });

  it('gives the team its own figures unmasked, and nobody else', async () => {
    type Cell = { value: number | null; suppressed: boolean };
    type Row = { presumed: Cell; outcomes: Record<string, Cell> };
    type Stats = { min_shown_count: number; disclosure: string; overall: Row; by_benefit: Row[] };
    const cells = (s: Stats) =>
      [s.overall, ...s.by_benefit].flatMap((r) => [r.presumed, ...Object.values(r.outcomes)]);
    // The tests above left a handful of cases contacted, refused or back to contact: small counts.
    const published = (await p.get('/stats')).json<Stats>();
    expect(published.min_shown_count).toBe(5);
    expect(published.disclosure).toBe('published');
    expect(cells(published).some((c) => c.suppressed)).toBe(true);
    const team = await p.get('/stats?disclosure=team');
    expect(team.statusCode).toBe(200);
    const own = team.json<Stats>();
    expect(own.disclosure).toBe('team');
    expect(own.min_shown_count).toBe(1);
    expect(cells(own).every((c) => !c.suppressed && c.value !== null)).toBe(true);
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from cases where run_id = ${p.runId} and status = 'contacted'`.execute(
      p.t.database.db,
    );
    expect(own.overall.outcomes.contacted!.value).toBe(rows[0]!.n);
    const partner = await p.get('/stats?disclosure=team', 'caf');
    expect(partner.statusCode).toBe(403);
    expect(partner.json().code).toBe('team_figures_only');
  });
});
