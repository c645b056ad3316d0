// Campaigns over crafted runs: the frozen cohort (never a refusal or an objection, one open campaign
// per benefit, a database constraint behind it), the comparison group reproducible from its seed and
// balanced in every stratum, what the contacting partner sees of it, the contacts recorded back, the
// impact per arm with its uplift, the before/after comparison without a group, and the record of
// processing.
import {
  assignArms,
  assignmentDigest,
  changeConventionStatus,
  cliActor,
  newcombeDifference,
  purgeConvention,
  recordCampaignObservations,
} from '@nonrecours/core';
import type { Db } from '@nonrecours/db';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, Visitor } from '../console/support.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { insertCases, insertRun, some } from '../support/crafted-runs.ts';
import { addMember, makeClient, makeConvention, makePartner, tokenFor } from '../support/factories.ts';

describe('campaigns', () => {
  let t: TestApp;
  let db: Db;
  let cid: string;
  let caf: string;
  let cpam: string;
  const tokens: Record<string, string> = {};
  const runs: Record<string, string> = {};
  let rsaCases: Awaited<ReturnType<typeof insertCases>>;
  let campaignId: string;
  let teamId: string;

  const call = (role: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    t.app.inject({
      method,
      url: `/v1/conventions/${cid}${url}`,
      headers: { authorization: `Bearer ${tokens[role]}` },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  const newCampaign = (over: Record<string, unknown> = {}) => ({
    name: 'Courrier RSA automne',
    benefit: 'rsa',
    channel: 'courrier',
    contacting_partner_id: caf,
    starts_on: '2026-10-05',
    ends_on: '2026-12-31',
    comparison: { share: 0.2, until: '2027-01-31', seed: 'seed-abc-123' },
    ...over,
  });

  beforeAll(async () => {
    t = await createTestApp();
    db = t.database.db;
    cid = (await makeConvention(db)).id;
    const team = await makePartner(db, 'territory');
    await addMember(db, cid, team.id, ['territory']);
    tokens.territory = await tokenFor(t.app, await makeClient(db, team.id, 'territory'));
    teamId = team.id;
    const dpo = await makePartner(db, 'other');
    await addMember(db, cid, dpo.id, ['dpo']);
    tokens.dpo = await tokenFor(t.app, await makeClient(db, dpo.id, 'dpo'));
    caf = (await makePartner(db, 'caf')).id;
    await addMember(db, cid, caf, ['partner'], ['caf']);
    tokens.caf = await tokenFor(t.app, await makeClient(db, caf, 'partner'));
    cpam = (await makePartner(db, 'cpam')).id;
    await addMember(db, cid, cpam, ['partner'], ['cpam']);
    tokens.cpam = await tokenFor(t.app, await makeClient(db, cpam, 'partner'));

    // August: the PPA cases before any campaign, 6 of 20 taken up by September.
    runs.august = await insertRun(db, cid, '2026-08-01', '2026-08-05T10:00:00Z');
    const augustPpa = await insertCases(db, cid, runs.august, some(20, { benefit: 'ppa', commune: '35238' }));
    runs.september = await insertRun(db, cid, '2026-09-01', '2026-09-05T10:00:00Z');
    await db
      .insertInto('case_observations')
      .values(
        augustPpa.slice(0, 6).map((c) => ({
          case_id: c.id,
          case_run_id: runs.august!,
          run_id: runs.september!,
          convention_id: cid,
          outcome: 'taken_up' as const,
          month: '2026-09-01',
        })),
      )
      .execute();
    rsaCases = await insertCases(db, cid, runs.september, [
      ...some(40, { benefit: 'rsa', commune: '35238' }),
      ...some(31, { benefit: 'rsa', commune: '35051' }),
      ...some(9, { benefit: 'rsa', commune: '35047', status: 'unreachable' }),
    ]);
    await insertCases(db, cid, runs.september, [
      ...some(3, { benefit: 'rsa', commune: '35238', status: 'refused' }),
      ...some(4, { benefit: 'rsa', commune: '35238', status: 'rights_opened' }),
      ...some(30, { benefit: 'ppa', commune: '35238' }),
    ]);
    // An objection whose case a late partition still published: the cohort leaves it out all the same.
    const objector = await insertCases(db, cid, runs.september, [{ benefit: 'rsa', commune: '35238' }]);
    await db
      .insertInto('oppositions')
      .values({ convention_id: cid, pseudonym: objector[0]!.subject_pseudo, registered_by: 'test' })
      .execute();
  }, 60_000);
  afterAll(() => t?.close());

  it('refuses what it cannot do, with a code', async () => {
    const cases = [
      [newCampaign({ channel: 'pigeon' }), 400, 'validation_error'],
      [newCampaign({ filter: { status: 'refused' } }), 400, 'refused_not_contacted'],
      [
        newCampaign({ contacting_partner_id: (await makePartner(db, 'msa')).id }),
        400,
        'contacting_partner_not_member',
      ],
      [newCampaign({ ends_on: '2026-01-01' }), 400, 'invalid_dates'],
      [newCampaign({ comparison: { share: 0.9, until: '2027-01-31' } }), 400, 'invalid_share'],
      [newCampaign({ filter: { commune: '99999' } }), 409, 'empty_cohort'],
    ] as const;
    for (const [body, status, code] of cases) {
      const res = await call('territory', 'POST', '/campaigns', body);
      expect(res.statusCode, res.body).toBe(status);
      if (code !== 'validation_error') expect(res.json().code).toBe(code);
    }
    expect((await call('caf', 'POST', '/campaigns', newCampaign())).statusCode).toBe(403);
  });

  it('freezes a cohort without refusals, objections or closed follow-ups, its comparison group drawn from the seed', async () => {
    const res = await call('territory', 'POST', '/campaigns', newCampaign());
    expect(res.statusCode, res.body).toBe(201);
    const campaign = res.json();
    campaignId = campaign.id;
    expect(campaign).toMatchObject({
      cohort_size: 80,
      run_id: runs.september,
      as_of: '2026-09-01',
      seed: 'seed-abc-123',
    });
    const members = await db
      .selectFrom('campaign_members')
      .select(['case_id', 'subject_kind', 'subject_pseudo', 'benefit', 'commune', 'arm', 'status'])
      .where('campaign_id', '=', campaignId)
      .execute();
    expect(new Set(members.map((m) => m.case_id))).toEqual(new Set(rsaCases.map((c) => c.id)));

    // Reproducible: the same seed over the same subjects gives the same arms, and the audited digest.
    const subjectOf = (m: { subject_kind: string; subject_pseudo: string }) =>
      `${m.subject_kind}/${m.subject_pseudo}`;
    const again = assignArms(
      members.map((m) => ({ ref: subjectOf(m), benefit: m.benefit, commune: m.commune })),
      { share: 0.2, seed: 'seed-abc-123' },
    );
    for (const m of members) expect(again.get(subjectOf(m))).toBe(m.arm);
    const event = await db
      .selectFrom('audit_events')
      .select(['details', 'record_count', 'outcome'])
      .where('action', '=', 'campaign.create')
      .where('convention_id', '=', cid)
      .where('outcome', '=', 'success')
      .executeTakeFirstOrThrow();
    expect(event.record_count).toBe(80);
    const details = event.details as { randomisation: Record<string, unknown>; comparison: number };
    expect(details.randomisation).toMatchObject({
      share: 0.2,
      until: '2027-01-31',
      seed: 'seed-abc-123',
      strata: 3,
      assignment_sha256: assignmentDigest(again),
    });
    // Balanced within each stratum, within one case.
    for (const [commune, list] of Map.groupBy(members, (m) => m.commune)) {
      const kept = list.filter((m) => m.arm === 'comparison').length;
      expect(Math.abs(kept - list.length * 0.2), commune).toBeLessThanOrEqual(1);
    }
    expect(details.comparison).toBe(members.filter((m) => m.arm === 'comparison').length);
  });

  it('puts a case in at most one open campaign per benefit, by a constraint of the database', async () => {
    const second = await call('territory', 'POST', '/campaigns', newCampaign({ name: 'Appels RSA' }));
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe('empty_cohort');
    const ppa = await call(
      'territory',
      'POST',
      '/campaigns',
      newCampaign({ benefit: 'ppa', comparison: undefined }),
    );
    expect(ppa.statusCode, ppa.body).toBe(201);
    expect(ppa.json().cohort_size).toBe(30);
    const other = await db
      .insertInto('campaigns')
      .values({
        convention_id: cid,
        name: 'parallèle',
        benefit: 'rsa',
        filter: '{}',
        channel: 'sms',
        contacting_partner_id: caf,
        starts_on: '2026-10-01',
        ends_on: '2026-10-31',
        as_of: '2026-09-01',
        cohort_size: 1,
        created_by: 'test',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const taken = rsaCases[0]!;
    await expect(
      sql`insert into campaign_members (campaign_id, convention_id, case_id, subject_kind, subject_pseudo, pseudonyms,
          benefit, rule, confidence, commune, status, arm)
        values (${other.id}, ${cid}, ${taken.id}, 'person', ${taken.subject_pseudo}, array[]::text[], 'rsa', 'RSA.RESOURCES',
          'high', '35238', 'to_contact', 'contact')`.execute(db),
    ).rejects.toMatchObject({ code: '23505' });
    await db.deleteFrom('campaigns').where('id', '=', other.id).execute();
  });

  it('shows the contacting partner its campaign and cohort, a comparison member only as a date', async () => {
    const list = await call('caf', 'GET', '/campaigns');
    expect(list.statusCode).toBe(200);
    const mine = list.json().items.find((c: { id: string }) => c.id === campaignId);
    expect(mine).toMatchObject({
      seed: null,
      comparison_share: null,
      arms: [{ arm: 'contact', members: 80 }],
    });
    expect((await call('cpam', 'GET', '/campaigns')).json().items).toEqual([]);
    expect((await call('cpam', 'GET', `/campaigns/${campaignId}`)).statusCode).toBe(404);
    expect((await call('cpam', 'GET', `/campaigns/${campaignId}/cohort.csv`)).statusCode).toBe(404);

    const csv = await call('caf', 'GET', `/campaigns/${campaignId}/cohort.csv`);
    expect(csv.statusCode).toBe(200);
    const [header, ...rows] = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(header).toBe(
      'case_id;subject_kind;person_pseudo;household_pseudo;benefit;rule;estimated_amount;commune;not_before;contact',
    );
    expect(header).not.toContain('arm');
    expect(rows).toHaveLength(80);
    // Other partners' values went into these amounts (none is the caf's alone): the partner sees none,
    // the team every one.
    expect(rows.filter((r) => r.split(';')[6] !== '')).toEqual([]);
    const team = await call('territory', 'GET', `/campaigns/${campaignId}/cohort.csv`);
    expect(
      team.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n')
        .slice(1)
        .every((r) => r.split(';')[6] === '300'),
    ).toBe(true);
    const comparison = await db
      .selectFrom('campaign_members')
      .select('case_id')
      .where('campaign_id', '=', campaignId)
      .where('arm', '=', 'comparison')
      .execute();
    const notBefore = rows.filter((r) => r.split(';')[8] === '2027-01-31').map((r) => r.split(';')[0]);
    expect(new Set(notBefore)).toEqual(new Set(comparison.map((c) => c.case_id)));
    // The disclosure is recorded: who saw what about a person.
    const disclosed = await sql<{ n: number }>`
      select count(*)::int as n from audit_disclosures d join audit_events e on e.seq = d.seq
      where e.action = 'campaign.export' and e.org = ${caf} and ${rsaCases[0]!.subject_pseudo} = any(d.pseudonyms)`.execute(
      db,
    );
    expect(disclosed.rows[0]!.n).toBe(1);
  });

  it('records contacts in bulk, never a comparison member before its date, all or nothing', async () => {
    const members = await db
      .selectFrom('campaign_members')
      .select(['case_id', 'arm'])
      .where('campaign_id', '=', campaignId)
      .orderBy('case_id')
      .execute();
    const contact = members.filter((m) => m.arm === 'contact');
    const comparison = members.filter((m) => m.arm === 'comparison');
    const post = (role: string, contacts: { case_id: string; outcome: string }[]) =>
      call(role, 'POST', `/campaigns/${campaignId}/contacts`, { contacts });
    const early = await post('caf', [
      { case_id: contact[0]!.case_id, outcome: 'contacted' },
      { case_id: comparison[0]!.case_id, outcome: 'contacted' },
    ]);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({
      code: 'not_to_contact_yet',
      details: { not_before: '2027-01-31', count: 1 },
    });
    const unknown = await post('caf', [
      { case_id: '00000000-0000-4000-8000-000000000000', outcome: 'contacted' },
    ]);
    expect(unknown.json().code).toBe('unknown_case_reference');
    const recorded = await db
      .selectFrom('campaign_members')
      .select('case_id')
      .where('campaign_id', '=', campaignId)
      .where('contact', 'is not', null)
      .execute();
    expect(recorded).toEqual([]);

    const ok = await post(
      'caf',
      contact.map((m, i) => ({ case_id: m.case_id, outcome: i % 10 === 0 ? 'unreachable' : 'contacted' })),
    );
    expect(ok.statusCode, ok.body).toBe(200);
    // A case already unreachable that is unreachable again has nothing to change.
    const wasUnreachable = new Set(rsaCases.filter((c) => c.status === 'unreachable').map((c) => c.id));
    const unchanged = contact.filter((m, i) => i % 10 === 0 && wasUnreachable.has(m.case_id)).length;
    expect(ok.json()).toEqual({ recorded: contact.length, cases_updated: contact.length - unchanged });
    const statuses = await sql<{ status: string; n: number }>`
      select status, count(*)::int as n from cases where id = any(${contact.map((m) => m.case_id)}::uuid[]) group by 1`.execute(
      db,
    );
    expect(Object.fromEntries(statuses.rows.map((r) => [r.status, r.n]))).toEqual({
      contacted: contact.filter((_, i) => i % 10 !== 0).length,
      unreachable: contact.filter((_, i) => i % 10 === 0).length,
    });
    const untouched = await sql<{ n: number }>`
      select count(*)::int as n from cases where id = any(${comparison.map((m) => m.case_id)}::uuid[]) and status <> 'to_contact'
        and status <> 'unreachable'`.execute(db);
    expect(untouched.rows[0]!.n).toBe(0);
  });

  it('measures take-up per arm as the next run observed it, and the uplift with its interval', async () => {
    runs.october = await insertRun(db, cid, '2026-10-01', '2026-10-05T10:00:00Z');
    const members = await db
      .selectFrom('campaign_members')
      .select(['case_id', 'arm'])
      .where('campaign_id', '=', campaignId)
      .orderBy('case_id')
      .execute();
    const contact = members.filter((m) => m.arm === 'contact');
    const comparison = members.filter((m) => m.arm === 'comparison');
    const takenUp = [...contact.slice(0, 40), ...comparison.slice(0, 5)];
    await db
      .insertInto('case_observations')
      .values(
        takenUp.map((m) => ({
          case_id: m.case_id,
          case_run_id: runs.september!,
          run_id: runs.october!,
          convention_id: cid,
          outcome: 'taken_up' as const,
          month: '2026-10-01',
        })),
      )
      .execute();
    // The others are presumed again in October, their follow-up carried over.
    const carried = await sql<{ subject_pseudo: string; status: string }>`
      select c.subject_pseudo, c.status from cases c join campaign_members m on m.case_id = c.id
      where m.campaign_id = ${campaignId} and not (c.id = any(${takenUp.map((m) => m.case_id)}::uuid[]))`.execute(
      db,
    );
    await insertCases(
      db,
      cid,
      runs.october,
      carried.rows.map((c) => ({
        benefit: 'rsa',
        commune: '35238',
        subject: c.subject_pseudo,
        status: c.status,
      })),
    );
    expect(await recordCampaignObservations(db, runs.october)).toBe(45);
    // Recorded once: the next publication does not move a member's first observation.
    expect(await recordCampaignObservations(db, runs.october)).toBe(0);

    const res = await call('territory', 'GET', `/campaigns/${campaignId}/impact`);
    expect(res.statusCode, res.body).toBe(200);
    const impact = res.json();
    expect(impact).toMatchObject({
      design: 'randomised',
      warning: null,
      months_observed: 1,
      as_of: '2026-09',
    });
    const arm = (name: string) => impact.arms.find((a: { arm: string }) => a.arm === name);
    expect(arm('contact').members).toBe(contact.length);
    expect(arm('contact').take_up[0]).toMatchObject({
      months: 1,
      observed: true,
      taken_up: { value: 40, suppressed: false },
    });
    expect(arm('contact').take_up[1]).toMatchObject({ months: 2, observed: false, share: null });
    expect(arm('comparison').take_up[0].taken_up).toEqual({ value: 5, suppressed: false });
    expect(arm('contact').amount_monthly).toEqual({ value: 12_000, suppressed: false });
    expect(arm('contact').amount_annual).toEqual({ value: 144_000, suppressed: false });
    const expected = newcombeDifference(
      { successes: 40, n: contact.length },
      { successes: 5, n: comparison.length },
    );
    expect(impact.uplift[0].estimate).toBeCloseTo(expected.estimate, 4);
    expect(impact.uplift[0].low).toBeCloseTo(expected.low, 4);
    expect(impact.uplift[0].high).toBeCloseTo(expected.high, 4);
    // The comparison group was never contacted: its declared outcomes are all still to do.
    const declared = arm('comparison').declared;
    expect(declared.contacted).toEqual({ value: 0, suppressed: false });
    // The declared outcomes are the current cases': shown where no small count of the table needs
    // them hidden (the comparison group's few unreachable ones here take a complement with them).
    const declaredContacted = arm('contact').declared.contacted;
    if (!declaredContacted.suppressed)
      expect(declaredContacted.value).toBe(contact.filter((_, i) => i % 10 !== 0).length);
    // No count from 1 to 4 anywhere.
    const small: number[] = [];
    JSON.stringify(impact, (key, value) => {
      if (value && typeof value === 'object' && 'suppressed' in value && typeof value.value === 'number')
        if (value.value > 0 && value.value < 5 && !key.startsWith('amount')) small.push(value.value);
      return value;
    });
    expect(small).toEqual([]);

    const csv = await call('dpo', 'GET', `/campaigns/${campaignId}/impact.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain(`${campaignId};2026-09;randomised;contact;taken_up;1;40;`);
    expect(csv.body).toContain(';uplift;uplift;1;');
    expect((await call('caf', 'GET', `/campaigns/${campaignId}/impact`)).statusCode).toBe(403);
  });

  it('shows the impact in the console as a chart with its data table, and its CSV', async () => {
    const visitor = new Visitor(t.app);
    await visitor.signIn(await makeAccount(db, teamId, 'territory'));
    const list = await visitor.get(`/console/conventions/${cid}/campagnes`);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Courrier RSA automne');
    const page = await visitor.get(`/console/conventions/${cid}/campagnes/${campaignId}`);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.body).toContain('<svg class="console-chart"');
    expect(page.body).toContain('Données du graphique : recours par groupe et délai');
    expect(page.body).toContain('Groupe témoin');
    expect(page.body).toContain('Effet mesuré');
    const csv = await visitor.get(`/console/conventions/${cid}/campagnes/${campaignId}/impact.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain(';uplift;uplift;1;');
  });

  it('without a comparison group, compares with the month before and says it is not causal', async () => {
    const list = (await call('territory', 'GET', '/campaigns')).json().items;
    const ppa = list.find((c: { benefit: string }) => c.benefit === 'ppa');
    const impact = (await call('territory', 'GET', `/campaigns/${ppa.id}/impact`)).json();
    expect(impact).toMatchObject({
      design: 'before_after',
      warning: 'pas de groupe témoin : estimation non causale',
      before: {
        cases: { value: 20, suppressed: false },
        taken_up: { value: 6, suppressed: false },
        share: 0.3,
      },
    });
    expect(impact.arms.map((a: { arm: string }) => a.arm)).toEqual(['contact']);
    expect(impact.uplift[0]).toMatchObject({ months: 1, observed: true, estimate: -0.3 });
  });

  it('writes the campaigns and their design in the record of processing', async () => {
    const res = await call('dpo', 'GET', '/record-of-processing');
    expect(res.statusCode, res.body).toBe(200);
    const outreach = res.json().outreach;
    expect(outreach.safeguards.join(' ')).toContain('2022-101');
    expect(outreach.campaigns.find((c: { id: string }) => c.id === campaignId)).toMatchObject({
      channel: 'courrier',
      cohort_size: 80,
      comparison: {
        share: 0.2,
        until: '2027-01-31',
        seed: 'seed-abc-123',
        stratified_by: ['benefit', 'commune'],
      },
    });
    const md = await call('dpo', 'GET', '/record-of-processing.md');
    expect(md.body).toContain('## Campagnes de contact');
  });

  it('takes an objector out of every cohort at once', async () => {
    const member = rsaCases[5]!;
    const res = await call('caf', 'POST', '/oppositions', { pseudonyms: [member.subject_pseudo] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().campaign_members_deleted).toBe(1);
    const left = await db
      .selectFrom('campaign_members')
      .select('case_id')
      .where('subject_pseudo', '=', member.subject_pseudo)
      .execute();
    expect(left).toEqual([]);
  });

  it('frees the members of a closed campaign for another', async () => {
    const closed = await call('territory', 'POST', `/campaigns/${campaignId}/close`);
    expect(closed.statusCode).toBe(200);
    expect(closed.json().status).toBe('closed');
    expect((await call('territory', 'POST', `/campaigns/${campaignId}/close`)).json().code).toBe(
      'campaign_closed',
    );
    const next = await call(
      'territory',
      'POST',
      '/campaigns',
      newCampaign({ name: 'Relance RSA', comparison: undefined }),
    );
    expect(next.statusCode, next.body).toBe(201);
  });

  it('keeps no campaign of an ended convention', async () => {
    await changeConventionStatus(db, cliActor(), cid, 'ended');
    const counts = await purgeConvention(db, cid, { now: new Date() });
    expect(counts?.campaign_members_deleted).toBeGreaterThan(100);
    const left = await sql<{ n: number }>`
      select (select count(*) from campaign_members where convention_id = ${cid})
        + (select count(*) from campaigns where convention_id = ${cid}) as n`.execute(db);
    expect(Number(left.rows[0]!.n)).toBe(0);
  });
});
