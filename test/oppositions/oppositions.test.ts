// Oppositions over HTTP on the synthetic territory: a partner registers people from the ground truth,
// their cases go in the same transaction, the next run gives them none, the audit trail holds counts
// only, and only DPOs read the list back.
import { changeConventionStatus, cliActor } from '@nonrecours/core';
import { jobId } from '@nonrecours/queue';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { addMember, makeClient, makeConvention, makePartner, tokenFor } from '../support/factories.ts';
import { groundTruth, loadTerritory } from '../support/territory.ts';

describe('oppositions', () => {
  let t: TestApp;
  let territory: Awaited<ReturnType<typeof loadTerritory>>;
  let dpo: string;
  let firstRun: string;
  let opposed: string[];
  let dpoPartner: string;

  const url = () => `/v1/conventions/${territory.conventionId}/oppositions`;
  const register = (token: string, pseudonyms: unknown, cid = territory.conventionId) =>
    t.app.inject({
      method: 'POST',
      url: `/v1/conventions/${cid}/oppositions`,
      headers: { authorization: `Bearer ${token}` },
      payload: { pseudonyms },
    });

  async function runMatching(): Promise<string> {
    const res = await t.app.inject({
      method: 'POST',
      url: `/v1/conventions/${territory.conventionId}/runs`,
      headers: { authorization: `Bearer ${territory.tokens.territory}` },
      payload: {},
    });
    expect(res.statusCode, res.body).toBe(202);
    const id = res.json().id as string;
    await t.queue.waitFor(jobId('run-prepare', id), 60_000);
    await t.queue.waitFor(jobId('run-finalise', id), 60_000);
    return id;
  }

  /** Cases of a run that concern any of the pseudonyms. */
  async function casesConcerning(runId: string, pseudonyms: string[]): Promise<number> {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from cases where run_id = ${runId} and pseudonyms && ${pseudonyms}::text[]`.execute(
      t.database.db,
    );
    return rows[0]!.n;
  }

  const casesOf = async (runId: string) =>
    (
      await t.database.db
        .selectFrom('cases')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('run_id', '=', runId)
        .executeTakeFirstOrThrow()
    ).n;

  beforeAll(async () => {
    t = await createTestApp();
    await t.startWorkers();
    territory = await loadTerritory(t.app, t.database.db);
    const org = await makePartner(t.database.db, 'other');
    dpoPartner = org.id;
    await addMember(t.database.db, territory.conventionId, org.id, ['dpo']);
    dpo = await tokenFor(t.app, await makeClient(t.database.db, org.id, 'dpo'));
    firstRun = await runMatching();
    // A person with free C2S and a household owed the prime d'activité, both linked exactly.
    const truth = groundTruth();
    opposed = [
      truth.find((g) => g.rule === 'C2S.RESOURCES' && g.link === 'exact')!.subject_pseudo,
      truth.find((g) => g.rule === 'PPA.ACTIVITY' && g.subject_kind === 'household')!.subject_pseudo,
    ];
  }, 180_000);
  afterAll(() => t.close());

  it('registers the pseudonyms and deletes their existing cases in the same transaction', async () => {
    const before = await casesConcerning(firstRun, opposed);
    expect(before).toBeGreaterThanOrEqual(2);
    const res = await register(territory.tokens.caf!, [...opposed, opposed[0]]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      submitted: 2,
      registered: 2,
      already_registered: 0,
      cases_deleted: before,
      campaign_members_deleted: 0,
    });
    expect(await casesConcerning(firstRun, opposed)).toBe(0);

    const event = await t.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'opposition.register')
      .where('request_id', '=', res.headers['x-request-id'] as string)
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({
      convention_id: territory.conventionId,
      org: territory.partners.caf,
      role: 'partner',
      outcome: 'success',
      purpose: 'rights',
      record_count: 2,
      details: {
        submitted: 2,
        registered: 2,
        already_registered: 0,
        cases_deleted: before,
        campaign_members_deleted: 0,
      },
    });
    // One event for the request (the handler's own), and no pseudonym anywhere in the trail.
    const forRequest = await t.database.db
      .selectFrom('audit_events')
      .select('seq')
      .where('request_id', '=', res.headers['x-request-id'] as string)
      .execute();
    expect(forRequest).toHaveLength(1);
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from audit_events
      where details::text like any(${opposed.map((p) => `%${p}%`)}::text[])
         or target like any(${opposed.map((p) => `%${p}%`)}::text[])`.execute(t.database.db);
    expect(rows[0]!.n).toBe(0);
  });

  it('is idempotent', async () => {
    const res = await register(dpo, opposed);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      submitted: 2,
      registered: 0,
      already_registered: 2,
      cases_deleted: 0,
      campaign_members_deleted: 0,
    });
    const stored = await t.database.db
      .selectFrom('oppositions')
      .selectAll()
      .where('convention_id', '=', territory.conventionId)
      .execute();
    expect(stored).toHaveLength(2);
  });

  it('gives the opposed persons no case in later runs, and everyone else the same cases', async () => {
    const firstTotal = await casesOf(firstRun);
    const second = await runMatching();
    expect(await casesConcerning(second, opposed)).toBe(0);
    const subjects = await t.database.db
      .selectFrom('cases')
      .select('subject_pseudo')
      .where('run_id', '=', second)
      .where('subject_pseudo', 'in', opposed)
      .execute();
    expect(subjects).toEqual([]);
    // The first run's cases already lost the opposed ones: the second finds exactly the rest.
    expect(await casesOf(second)).toBe(firstTotal);
    expect(firstTotal).toBeGreaterThan(1000);

    const third = await runMatching();
    expect(await casesConcerning(third, opposed)).toBe(0);
    expect(await casesOf(third)).toBe(firstTotal);
  }, 180_000);

  it('refuses what is not a list of pseudonyms', async () => {
    for (const pseudonyms of [[], ['not-a-pseudonym'], [`${opposed[0]}=`], 'x'.repeat(43), [null]]) {
      const res = await register(territory.tokens.caf!, pseudonyms);
      expect(res.statusCode, JSON.stringify(pseudonyms)).toBe(400);
      expect(res.json().code).toBe('invalid_request');
    }
  });

  it('lets only DPOs read the list, page by page, with its count', async () => {
    const first = await t.app.inject({
      url: `${url()}?limit=1`,
      headers: { authorization: `Bearer ${dpo}` },
    });
    expect(first.statusCode, first.body).toBe(200);
    const page1 = first.json();
    expect(page1.total).toBe(2);
    expect(page1.items).toHaveLength(1);
    expect(page1.items[0]).toEqual({
      pseudonym: [...opposed].sort()[0],
      registered_at: expect.any(String),
      registered_by: expect.any(String),
    });
    const next = await t.app.inject({
      url: `${url()}?limit=1&cursor=${page1.next_cursor}`,
      headers: { authorization: `Bearer ${dpo}` },
    });
    expect(next.json()).toMatchObject({ total: 2, next_cursor: null });
    expect(next.json().items.map((o: { pseudonym: string }) => o.pseudonym)).toEqual([
      [...opposed].sort()[1],
    ]);

    for (const token of [territory.tokens.caf!, territory.tokens.territory!]) {
      const res = await t.app.inject({ url: url(), headers: { authorization: `Bearer ${token}` } });
      expect(res.statusCode).toBe(403);
    }
    const territoryRegisters = await register(territory.tokens.territory!, opposed);
    expect(territoryRegisters.statusCode).toBe(403);
  });

  it('is honoured on a suspended convention, refused on an ended one', async () => {
    const db = t.database.db;
    const someone = opposed[0]!;
    for (const status of ['suspended', 'ended'] as const) {
      const convention = await makeConvention(db);
      await addMember(db, convention.id, dpoPartner, ['dpo']);
      await changeConventionStatus(db, cliActor(), convention.id, status);
      const res = await register(dpo, [someone], convention.id);
      if (status === 'suspended') {
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json().registered).toBe(1);
      } else {
        expect(res.statusCode, res.body).toBe(409);
        expect(res.json().code).toBe('convention_ended');
      }
    }
  });
});
