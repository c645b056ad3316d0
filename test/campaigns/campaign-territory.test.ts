// End to end over a synthetic territory where contact works: the first month is uploaded and run,
// the team creates a campaign per benefit with a comparison group, the territory's next three months
// are synthesised with the service's own assignment (`synth --campaign-effect 0.15 --campaign-arms`),
// the contacting partner records its contacts through the API, and each month is uploaded and run.
// The service's take-up per arm must be the truth's, its uplift interval must hold the true uplift,
// and no one of a comparison group may ever be contacted.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseCampaignArms } from '@nonrecours/cli/synth/campaign.ts';
import { parseMonth } from '@nonrecours/cli/synth/months.ts';
import { synthesiseMonths } from '@nonrecours/cli/synth/synthesise-months.ts';
import { cliActor, newcombeDifference, registerConventionKey } from '@nonrecours/core';
import type { CampaignArm } from '@nonrecours/db';
import { extractKinds } from '@nonrecours/pseudo';
import { jobId } from '@nonrecours/queue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { csvRecords } from '../support/case-states.ts';
import { addMember, makeClient, makeConvention, makePartner, tokenFor } from '../support/factories.ts';

const first = mkdtempSync(path.join(tmpdir(), 'nonrecours-campaign-first-'));
const months = mkdtempSync(path.join(tmpdir(), 'nonrecours-campaign-months-'));
const key = (r: { subject_kind?: string; subject_pseudo?: string; benefit?: string }) =>
  `${r.subject_kind}|${r.subject_pseudo}|${r.benefit}`;

interface Impact {
  arms: {
    arm: string;
    members: number;
    take_up: { months: number; observed: boolean; taken_up: { value: number | null } }[];
  }[];
  uplift: { months: number; estimate: number | null; low: number | null; high: number | null }[];
}

describe('a campaign over a synthetic territory where contact works', () => {
  let t: TestApp;
  let truth: { true_uplift: number; cohort: number; assignment: string };
  let members: {
    case_id: string;
    subject_pseudo: string;
    subject_kind: string;
    benefit: string;
    arm: CampaignArm;
    contact: string | null;
    campaign_id: string;
  }[];
  const impacts: Record<string, Impact> = {};
  const takenUpTruth = new Set<string>();
  const contactedTruth = new Set<string>();

  beforeAll(async () => {
    const options = { persons: 15000, seed: 'campaign-territory', firstMonth: parseMonth('2026-08')! };
    await synthesiseMonths({ ...options, months: 1, out: first });
    t = await createTestApp();
    await t.startWorkers();
    const db = t.database.db;
    const kcv = readFileSync(path.join(first, '2026-08', 'kcv'), 'utf8').trim();
    const convention = await makeConvention(db);
    await registerConventionKey(db, cliActor(), convention.id, kcv);
    const tokens: Record<string, string> = {};
    const partners: Record<string, string> = {};
    for (const kind of extractKinds) {
      const org = await makePartner(db, kind);
      partners[kind] = org.id;
      await addMember(db, convention.id, org.id, ['partner'], [kind]);
      tokens[kind] = await tokenFor(t.app, await makeClient(db, org.id, 'partner'));
    }
    const team = await makePartner(db, 'territory');
    await addMember(db, convention.id, team.id, ['territory']);
    tokens.territory = await tokenFor(t.app, await makeClient(db, team.id, 'territory'));
    const base = `/v1/conventions/${convention.id}`;
    const auth = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });

    const runMonth = async (dir: string, month: string) => {
      const m = JSON.parse(readFileSync(path.join(dir, month, 'manifest.json'), 'utf8'));
      for (const kind of extractKinds) {
        const res = await t.app.inject({
          method: 'POST',
          url: `${base}/extracts?kind=${kind}&schema=${m.files[kind].schema}&reference_month=${month}`,
          headers: { ...auth(kind), 'content-type': 'text/csv', 'x-key-check': m.kcv },
          payload: readFileSync(path.join(dir, month, m.files[kind].extract)),
        });
        expect(res.statusCode, `${month} ${kind}: ${res.body}`).toBe(202);
      }
      const started = await t.app.inject({
        method: 'POST',
        url: `${base}/runs`,
        headers: auth('territory'),
        payload: {},
      });
      expect(started.statusCode).toBe(202);
      const runId: string = started.json().id;
      await t.queue.waitFor(jobId('run-prepare', runId), 120_000);
      await t.queue.waitFor(jobId('run-finalise', runId), 120_000);
      const run = (await t.app.inject({ url: `${base}/runs/${runId}`, headers: auth('territory') })).json();
      expect(run.status, run.error).toBe('succeeded');
    };

    await runMonth(first, '2026-08');
    const campaigns: Record<string, string> = {};
    for (const benefit of ['rsa', 'ppa']) {
      const res = await t.app.inject({
        method: 'POST',
        url: `${base}/campaigns`,
        headers: auth('territory'),
        payload: {
          name: `Courrier ${benefit}`,
          benefit,
          channel: 'courrier',
          contacting_partner_id: partners.caf,
          starts_on: '2026-09-01',
          ends_on: '2026-12-31',
          comparison: { share: 0.2, until: '2027-06-30', seed: `territory-${benefit}` },
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      campaigns[benefit] = res.json().id;
    }
    const readMembers = () =>
      db
        .selectFrom('campaign_members')
        .select(['case_id', 'subject_pseudo', 'subject_kind', 'benefit', 'arm', 'contact', 'campaign_id'])
        .orderBy('case_id')
        .execute();
    const assignment = await readMembers();
    const armsFile = path.join(months, 'arms.csv');
    writeFileSync(
      armsFile,
      [
        'subject_pseudo;subject_kind;benefit;arm',
        ...assignment.map((m) => `${m.subject_pseudo};${m.subject_kind};${m.benefit};${m.arm}`),
      ].join('\n'),
    );
    const manifest = await synthesiseMonths({
      ...options,
      months: 4,
      out: months,
      campaign: {
        effect: 0.15,
        share: 0.2,
        seed: 'unused',
        arms: parseCampaignArms(readFileSync(armsFile, 'utf8')),
      },
    });
    truth = manifest.campaign as typeof truth;
    // The first month is the one the service ran.
    expect(
      readFileSync(path.join(months, '2026-08', 'caf.extract.csv')).equals(
        readFileSync(path.join(first, '2026-08', 'caf.extract.csv')),
      ),
    ).toBe(true);

    // The contacting partner records the contacts of the contacted arms, in bulk, by case reference.
    for (const [benefit, id] of Object.entries(campaigns)) {
      const contacted = assignment.filter((m) => m.benefit === benefit && m.arm === 'contact');
      const res = await t.app.inject({
        method: 'POST',
        url: `${base}/campaigns/${id}/contacts`,
        headers: auth('caf'),
        payload: { contacts: contacted.map((m) => ({ case_id: m.case_id, outcome: 'contacted' })) },
      });
      expect(res.statusCode, res.body).toBe(200);
      const early = assignment.find((m) => m.benefit === benefit && m.arm === 'comparison')!;
      const refused = await t.app.inject({
        method: 'POST',
        url: `${base}/campaigns/${id}/contacts`,
        headers: auth('caf'),
        payload: { contacts: [{ case_id: early.case_id, outcome: 'contacted' }] },
      });
      expect(refused.json().code).toBe('not_to_contact_yet');
    }
    for (const m of manifest.byMonth.slice(1)) {
      await runMonth(months, m.folder);
      for (const r of csvRecords(path.join(months, m.folder, 'case-states.csv')))
        if (r.state === 'taken_up') takenUpTruth.add(key(r));
    }
    for (const m of manifest.byMonth)
      for (const r of csvRecords(path.join(months, m.folder, 'contacts.csv'))) contactedTruth.add(key(r));
    for (const [benefit, id] of Object.entries(campaigns)) {
      const res = await t.app.inject({ url: `${base}/campaigns/${id}/impact`, headers: auth('territory') });
      expect(res.statusCode, res.body).toBe(200);
      impacts[benefit] = res.json();
    }
    members = await readMembers();
  }, 1_200_000);

  afterAll(async () => {
    await t?.close();
    rmSync(first, { recursive: true, force: true });
    rmSync(months, { recursive: true, force: true });
  });

  it('uses the service’s assignment, and never contacts a comparison group', () => {
    expect(truth.assignment).toBe('given');
    expect(truth.cohort).toBe(members.length);
    const comparison = members.filter((m) => m.arm === 'comparison');
    expect(comparison.length).toBeGreaterThan(20);
    expect(comparison.filter((m) => m.contact !== null)).toEqual([]);
    expect(comparison.filter((m) => contactedTruth.has(key(m)))).toEqual([]);
  });

  it('counts each arm’s take-up at 1, 2 and 3 months as the truth does', () => {
    for (const [benefit, impact] of Object.entries(impacts)) {
      for (const arm of impact.arms) {
        const of = members.filter((m) => m.benefit === benefit && m.arm === arm.arm);
        expect(arm.members).toBe(of.length);
        const three = arm.take_up.find((u) => u.months === 3)!;
        expect(three.observed).toBe(true);
        if (three.taken_up.value !== null)
          expect(three.taken_up.value, `${benefit} ${arm.arm}`).toBe(
            of.filter((m) => takenUpTruth.has(key(m))).length,
          );
      }
      expect(
        impact.arms.find((a) => a.arm === 'contact')!.take_up.find((u) => u.months === 6)!.observed,
      ).toBe(false);
    }
  });

  it('measures an uplift whose 95 % interval holds the true uplift', () => {
    const tally = { contact: { successes: 0, n: 0 }, comparison: { successes: 0, n: 0 } };
    for (const impact of Object.values(impacts))
      for (const arm of impact.arms) {
        const t3 = arm.take_up.find((u) => u.months === 3)!.taken_up.value;
        expect(t3).not.toBeNull();
        tally[arm.arm as CampaignArm].successes += t3!;
        tally[arm.arm as CampaignArm].n += arm.members;
      }
    const d = newcombeDifference(tally.contact, tally.comparison);
    expect(d.low).toBeLessThanOrEqual(truth.true_uplift);
    expect(d.high).toBeGreaterThanOrEqual(truth.true_uplift);
    expect(d.estimate).toBeGreaterThan(0);
    for (const impact of Object.values(impacts))
      expect(impact.uplift.find((u) => u.months === 3)!.estimate).not.toBeNull();
  });
});
