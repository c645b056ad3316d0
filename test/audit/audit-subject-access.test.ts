// "Who saw what about this person" (GDPR art. 15): the events whose request returned something about
// a pseudonym, from the record the cases routes keep (audit_disclosures), within the DPO's
// conventions only — and the lookup itself is audited without the pseudonym. The first part writes
// that record by hand to place events precisely; the second lets the cases routes write it.
import { randomBytes } from 'node:crypto';
import { AUDIT_CSV_COLUMNS } from '@nonrecours/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CaseItem, type PublishedTerritory, publishedTerritory } from '../cases/published-territory.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { addMember, makeClient, makeConvention, makePartner, tokenFor } from '../support/factories.ts';

const pseudonym = () => randomBytes(32).toString('base64url');

describe('audit events by pseudonym', () => {
  let t: TestApp;
  let dpoToken: string;
  const person = pseudonym();
  const neighbour = pseudonym();
  /** The seqs of the events that disclosed `person` in the DPO's convention, in chain order. */
  let disclosed: number[];

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const own = (await makeConvention(db)).id;
    const other = (await makeConvention(db)).id;
    const team = await makePartner(db, 'territory');
    await addMember(db, own, team.id, ['dpo', 'territory']);
    dpoToken = await tokenFor(t.app, await makeClient(db, team.id, 'dpo'));
    const teamToken = await tokenFor(t.app, await makeClient(db, team.id, 'territory'));
    const stranger = await makePartner(db, 'territory');
    await addMember(db, other, stranger.id, ['territory']);
    const strangerToken = await tokenFor(t.app, await makeClient(db, stranger.id, 'territory'));

    const seqOf = async (cid: string, token: string) => {
      const res = await t.app.inject({
        url: `/v1/conventions/${cid}`,
        headers: { authorization: `Bearer ${token}` },
      });
      const event = await db
        .selectFrom('audit_events')
        .select('seq')
        .where('request_id', '=', res.headers['x-request-id'] as string)
        .executeTakeFirstOrThrow();
      return event.seq;
    };
    const [a, b, c] = [await seqOf(own, teamToken), await seqOf(own, teamToken), await seqOf(own, teamToken)];
    const foreign = await seqOf(other, strangerToken);
    // What the cases routes write for each request that returned cases about these persons.
    for (const [seq, pseudonyms] of [
      [a, [person]],
      [b, [neighbour]],
      [c, [person, neighbour]],
      [foreign, [person]],
    ] as const)
      await db
        .insertInto('audit_disclosures')
        .values({ seq: seq!, pseudonyms: [...pseudonyms] })
        .execute();
    disclosed = [a!, c!];
  });
  afterAll(() => t.close());

  const get = (url: string) => t.app.inject({ url, headers: { authorization: `Bearer ${dpoToken}` } });

  it('lists the events that disclosed the person, in the DPO’s conventions only', async () => {
    const res = await get(`/v1/audit?pseudonym=${person}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((e: { seq: number }) => e.seq)).toEqual([...disclosed].reverse());

    const paged = (await get(`/v1/audit?pseudonym=${person}&limit=1`)).json();
    expect(paged.items.map((e: { seq: number }) => e.seq)).toEqual([disclosed[1]]);
    const next = (await get(`/v1/audit?pseudonym=${person}&limit=1&cursor=${paged.next_cursor}`)).json();
    expect(next.items.map((e: { seq: number }) => e.seq)).toEqual([disclosed[0]]);

    const nobody = (await get(`/v1/audit?pseudonym=${pseudonym()}`)).json();
    expect(nobody.items).toEqual([]);
  });

  it('applies the same filter to both exports', async () => {
    const jsonl = (await get(`/v1/audit/export?pseudonym=${person}`)).body.trim().split('\n');
    expect(jsonl.map((l) => JSON.parse(l).seq)).toEqual(disclosed);
    const csv = (await get(`/v1/audit/export.csv?pseudonym=${person}`)).body.trim().split('\r\n');
    const seq = AUDIT_CSV_COLUMNS.indexOf('seq');
    expect(csv.slice(1).map((l) => Number(l.split(';')[seq]))).toEqual(disclosed);
  });

  it('refuses what is not a pseudonym', async () => {
    const res = await get('/v1/audit?pseudonym=not-a-pseudonym');
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toContain('not-a-pseudonym');
  });

  it('audits the lookup, but not whom it was about', async () => {
    const res = await get(`/v1/audit?pseudonym=${person}`);
    const event = await t.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('request_id', '=', res.headers['x-request-id'] as string)
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({
      action: 'audit.query',
      target: '/v1/audit',
      details: { by_pseudonym: true },
    });
    expect(JSON.stringify(event)).not.toContain(person);
  });
});

describe('audit events by pseudonym, recorded by the cases routes', () => {
  let p: PublishedTerritory;
  let dpoToken: string;

  beforeAll(async () => {
    p = await publishedTerritory();
    const db = p.t.database.db;
    const dpo = await makePartner(db, 'territory');
    await addMember(db, p.territory.conventionId, dpo.id, ['dpo']);
    dpoToken = await tokenFor(p.t.app, await makeClient(db, dpo.id, 'dpo'));
  }, 120_000);
  afterAll(() => p.close());

  const seqOf = async (requestId: unknown) =>
    (
      await p.t.database.db
        .selectFrom('audit_events')
        .select('seq')
        .where('request_id', '=', requestId as string)
        .executeTakeFirstOrThrow()
    ).seq;

  it('finds the list and the case that showed a person, and not the case about someone else', async () => {
    const list = await p.get('/cases?limit=5');
    expect(list.statusCode).toBe(200);
    const [shown, other] = list.json<{ items: CaseItem[] }>().items;
    const person = shown!.subject_pseudo;
    const read = await p.get(`/cases/${shown!.id}`);
    expect(read.statusCode).toBe(200);
    const { pseudonyms } = await p.t.database.db
      .selectFrom('cases')
      .select('pseudonyms')
      .where('id', '=', other!.id)
      .executeTakeFirstOrThrow();
    expect(pseudonyms).not.toContain(person);
    expect((await p.get(`/cases/${other!.id}`)).statusCode).toBe(200);

    const res = await p.t.app.inject({
      url: `/v1/audit?pseudonym=${person}`,
      headers: { authorization: `Bearer ${dpoToken}` },
    });
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: { seq: number; action: string }[] }>().items;
    expect(items.map((e) => [e.seq, e.action])).toEqual([
      [await seqOf(read.headers['x-request-id']), 'case.read'],
      [await seqOf(list.headers['x-request-id']), 'case.list'],
    ]);
  });

  it('finds the page of a run’s cases that showed a person', async () => {
    const page = await p.get(`/runs/${p.runId}/cases?limit=3`);
    expect(page.statusCode).toBe(200);
    const [first] = page.json<{ items: { subject_pseudo: string }[] }>().items;
    const res = await p.t.app.inject({
      url: `/v1/audit?pseudonym=${first!.subject_pseudo}`,
      headers: { authorization: `Bearer ${dpoToken}` },
    });
    const items = res.json<{ items: { seq: number; action: string }[] }>().items;
    expect(items[0]).toEqual(
      expect.objectContaining({ seq: await seqOf(page.headers['x-request-id']), action: 'run.cases' }),
    );
  });
});
