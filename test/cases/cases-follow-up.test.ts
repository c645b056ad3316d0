// One case read with its evidence (structured and in plain French), its follow-up outcomes recorded
// through the transition table, and the follow-up carried over to the next published run.
import { euros } from '@nonrecours/french';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CaseItem,
  disclosed,
  lastEvent,
  type PublishedTerritory,
  publishedTerritory,
} from './published-territory.ts';

interface Detail extends CaseItem {
  status_history: { status: string; at: string; actor: string; organisation: string }[];
  evidence: {
    rule: { id: string };
    parameters: { label: string; reference: { title: string } }[];
    inputs: { kind: string }[];
    supporting: { rule: { id: string }; variant: string | null; evidence: { inputs: unknown[] } }[];
  };
  plain_french: string[];
}

describe('a case and its follow-up', () => {
  let p: PublishedTerritory;
  const caseOf = async (where: string) => {
    const { rows } = await sql<{ id: string; subject_kind: string; subject_pseudo: string; benefit: string }>`
      select id, subject_kind, subject_pseudo, benefit from cases
      where run_id = ${p.runId} and ${sql.raw(where)} order by id limit 1`.execute(p.t.database.db);
    return rows[0]!;
  };

  beforeAll(async () => {
    p = await publishedTerritory();
  }, 120_000);
  afterAll(() => p.close());

  it('reads a case with its evidence and its plain French rendering, and records what it disclosed', async () => {
    const c = await caseOf(`rule = 'RSA.RESOURCES'`);
    const res = await p.get(`/cases/${c.id}`);
    expect(res.statusCode).toBe(200);
    const detail = res.json<Detail>();
    expect(detail.evidence.rule.id).toBe('RSA.RESOURCES');
    expect(detail.evidence.parameters[0]!.label).toBeTruthy();
    expect(detail.evidence.parameters[0]!.reference.title).toBeTruthy();
    const text = detail.plain_french.join('\n');
    expect(text).toContain('Présomption de non-recours au revenu de solidarité active (RSA) pour un foyer');
    expect(text).toContain('« RSA : ressources sous le montant forfaitaire » (version 1.1.0)');
    expect(text).toContain(`Montant estimé : ${euros(detail.estimated_amount!)} par mois.`);
    expect(text).toMatch(
      /Montant forfaitaire du RSA, une personne : .*\s€ par mois, en vigueur depuis le (1er|\d+) \p{L}+ \d{4}/u,
    );
    expect(text).toMatch(
      /Ressources du foyer : .*\s€ par mois \(extrait CAF d(e |’)\p{L}+ \d{4}, ligne de la personne ou du foyer\)/u,
    );
    expect(text).toMatch(/Limites : /);
    expect(text).toMatch(
      /^Le foyer compte \d+ adultes? et (aucun enfant|\d+ enfants?) et ne perçoit pas le RSA selon l’extrait CAF/mu,
    );
    expect(text).not.toMatch(/household_|RSA\.RESOURCES|birth_ym|\b\d{4}-\d{2}\b/);

    const event = await lastEvent(p, 'case.read');
    expect(event.target).toBe(`case/${c.id}`);
    const { pseudonyms } = await p.t.database.db
      .selectFrom('cases')
      .select('pseudonyms')
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(await disclosed(p, event.seq)).toEqual([...new Set(pseudonyms)].sort());
  });

  it('reads a case that the run merged from several profiles, with their results as supporting evidence', async () => {
    // A retiree's rule (C2S.ASPA) and a family member's rule in one case: two profiles merged by the run.
    const merged = await caseOf(
      `exists (select 1 from jsonb_array_elements(evidence -> 'supporting') s
        where (s -> 'rule' ->> 'id' = 'C2S.ASPA') <> (rule = 'C2S.ASPA'))`,
    );
    const detail = (await p.get(`/cases/${merged.id}`)).json<Detail>();
    expect(detail.evidence.supporting.length).toBeGreaterThan(0);
    expect(detail.evidence.supporting.every((s) => s.rule.id && s.evidence.inputs.length > 0)).toBe(true);
    // Each supporting result keeps its own variant, even when the run merged it from another profile.
    expect(
      detail.evidence.supporting.every((s) => s.variant === 'free' || s.variant === 'participation'),
    ).toBe(true);
    expect(
      detail.plain_french.some((l) =>
        /^La règle « .+ » \(version .+\) aboutit à la même présomption/.test(l),
      ),
    ).toBe(true);
  });

  it('records outcomes along the transition table, with their history, and refuses the others', async () => {
    const c = await caseOf(`status = 'to_contact'`);
    const skipped = await p.patch(c.id, 'rights_opened');
    expect(skipped.statusCode).toBe(409);
    expect(skipped.json()).toMatchObject({
      code: 'invalid_status_transition',
      details: { from: 'to_contact', to: 'rights_opened' },
    });
    expect(skipped.json().details.allowed).toEqual(
      expect.arrayContaining(['contacted', 'unreachable', 'refused', 'already_covered', 'not_eligible']),
    );
    const denied = await lastEvent(p, 'case.update');
    expect([denied.outcome, denied.status_code]).toEqual(['denied', 409]);

    expect((await p.patch(c.id, 'contacted')).statusCode).toBe(200);
    const opened = await p.patch(c.id, 'rights_opened');
    expect(opened.statusCode).toBe(200);
    const detail = opened.json<Detail>();
    expect(detail.status).toBe('rights_opened');
    expect(detail.status_history.map((h) => h.status)).toEqual(['contacted', 'rights_opened']);
    for (const h of detail.status_history) {
      expect(Date.parse(h.at)).not.toBeNaN();
      expect(h.organisation).toBe(
        (
          await p.t.database.db
            .selectFrom('api_clients')
            .select('partner_id')
            .where('id', '=', h.actor)
            .executeTakeFirstOrThrow()
        ).partner_id,
      );
    }

    const event = await lastEvent(p, 'case.update');
    expect(event).toMatchObject({ outcome: 'success', target: `case/${c.id}` });
    expect(event.details).toMatchObject({ from: 'contacted', to: 'rights_opened' });
    expect((await disclosed(p, event.seq)).length).toBeGreaterThan(0);

    const final = await p.patch(c.id, 'contacted');
    expect(final.statusCode).toBe(409);
    expect(final.json().details).toEqual({ from: 'rights_opened', to: 'contacted', allowed: [] });
    expect((await p.patch(c.id, 'done')).statusCode).toBe(400);
    expect((await p.patch(crypto.randomUUID(), 'contacted')).statusCode).toBe(404);
  });

  it('carries the follow-up over to the next run, whose cases are then the ones to follow up', async () => {
    const opened = await caseOf(`status = 'rights_opened'`);
    const other = await caseOf(`status = 'to_contact' and benefit = 'aspa'`);
    expect((await p.patch(other.id, 'unreachable')).statusCode).toBe(200);
    const firstPage = (await p.get('/cases?limit=5')).json<{ next_cursor: string }>();

    const second = await p.publishRun();
    expect(second).not.toBe(p.runId);
    const successor = async (c: { subject_kind: string; subject_pseudo: string; benefit: string }) =>
      p.t.database.db
        .selectFrom('cases')
        .select(['id', 'status', 'status_history', 'created_at'])
        .where('run_id', '=', second)
        .where('subject_kind', '=', c.subject_kind as 'person')
        .where('subject_pseudo', '=', c.subject_pseudo)
        .where('benefit', '=', c.benefit)
        .executeTakeFirstOrThrow();
    const next = await successor(opened);
    expect(next.status).toBe('rights_opened');
    expect((next.status_history as { status: string }[]).map((h) => h.status)).toEqual([
      'contacted',
      'rights_opened',
    ]);
    expect((await successor(other)).status).toBe('unreachable');
    // The presumption keeps the date it was first made: the date order shows what is new.
    const first = await p.t.database.db
      .selectFrom('cases')
      .select('created_at')
      .where('id', '=', opened.id)
      .executeTakeFirstOrThrow();
    const secondRun = await p.t.database.db
      .selectFrom('runs')
      .select('finished_at')
      .where('id', '=', second)
      .executeTakeFirstOrThrow();
    expect(next.created_at).toEqual(first.created_at);
    expect(secondRun.finished_at!.getTime()).toBeGreaterThan(first.created_at.getTime());

    const latest = (await p.get('/cases?limit=1')).json<{ run_id: string }>();
    expect(latest.run_id).toBe(second);
    // The first run's cases are history: readable, but followed up through the new run's.
    expect((await p.get(`/cases/${opened.id}`)).statusCode).toBe(200);
    // A change sent from a page opened before the publication lands on the case that is current.
    const stale = await p.patch(other.id, 'contacted');
    expect(stale.statusCode).toBe(200);
    expect(stale.json().id).toBe((await successor(other)).id);
    expect((await successor(other)).status).toBe('contacted');
    const before = await p.t.database.db
      .selectFrom('cases')
      .select('status')
      .where('id', '=', other.id)
      .executeTakeFirstOrThrow();
    expect(before.status).toBe('unreachable');
    // A cursor goes on with the run of its first page.
    const more = (await p.get(`/cases?limit=5&cursor=${firstPage.next_cursor}`)).json<{
      items: CaseItem[];
    }>();
    expect(more.items.map((c) => c.run_id)).toEqual(Array(5).fill(p.runId));
  });

  it('carries over a follow-up that commits while the next run is being published', async () => {
    const db = p.t.database.db;
    const { run_id: current } = (await p.get('/cases?limit=1')).json<{ run_id: string }>();
    const { rows } = await sql<{ id: string; subject_kind: string; subject_pseudo: string; benefit: string }>`
      select id, subject_kind, subject_pseudo, benefit from cases
      where run_id = ${current} and status = 'to_contact' order by id limit 1`.execute(db);
    const c = rows[0]!;
    // A follow-up in flight, as the service makes it: it holds its run, changes the case, and commits
    // only once the next run's finaliser is waiting for it.
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const followUp = db.transaction().execute(async (trx) => {
      await sql`select id from runs where id = ${current} for share`.execute(trx);
      await sql`update cases set status = 'contacted', status_changed_at = now() where id = ${c.id}`.execute(
        trx,
      );
      await released;
    });
    const next = p.publishRun();
    for (let waited = 0; ; waited += 50) {
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock'`.execute(db);
      if (rows[0]!.n > 0) break;
      if (waited > 30_000) throw new Error('the finaliser never waited for the follow-up');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    release();
    await followUp;
    const second = await next;
    const successor = await db
      .selectFrom('cases')
      .select('status')
      .where('run_id', '=', second)
      .where('subject_kind', '=', c.subject_kind as 'person')
      .where('subject_pseudo', '=', c.subject_pseudo)
      .where('benefit', '=', c.benefit)
      .executeTakeFirstOrThrow();
    expect(successor.status).toBe('contacted');
  });
});
