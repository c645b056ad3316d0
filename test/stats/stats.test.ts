// The statistics route over crafted runs: which run it reads, who may read it, exact figures where
// they are shown, and no count from 1 to 4 to be read from its answer, directly or by subtraction.

import { openCasesPartition } from '@nonrecours/core/runs/run-cases-partition.ts';
import { type AuditedCase, auditFollowUpStats } from '@nonrecours/core/stats/testing/disclosure-audit.ts';
import type { Db } from '@nonrecours/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { addMember, makeClient, makeConvention, makePartner, tokenFor } from '../support/factories.ts';

async function insertRun(db: Db, conventionId: string, status: string, finishedAt: string) {
  const run = await db
    .insertInto('runs')
    .values({
      convention_id: conventionId,
      rule_pack: 'fr.v1',
      as_of: '2026-10-01',
      dice_threshold: 0.85,
      partitions: 1,
      status: status as 'succeeded',
      started_by: 'test',
      finished_at: new Date(finishedAt),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return run.id;
}

let subject = 0;
async function insertCases(db: Db, conventionId: string, runId: string, cases: AuditedCase[]) {
  await openCasesPartition(db, runId);
  await db
    .insertInto('cases')
    .values(
      cases.map((c) => ({
        run_id: runId,
        convention_id: conventionId,
        part: 0,
        subject_kind: 'person' as const,
        subject_pseudo: `subject-${subject++}`,
        pseudonyms: [],
        benefit: c.benefit,
        rule: c.rule,
        rule_version: '1',
        confidence: 'high' as const,
        estimated_amount: c.estimated_amount,
        commune: c.commune,
        source_partners: [],
        source_extracts: [],
        evidence: '{}',
        status: c.status,
        expires_at: '2099-01-01',
      })),
    )
    .execute();
}

const some = (n: number, c: AuditedCase): AuditedCase[] => Array.from({ length: n }, () => ({ ...c }));
const rsa = { benefit: 'rsa', rule: 'RSA.RESOURCES', commune: '35238', estimated_amount: 512.3 };
const ppa = { benefit: 'ppa', rule: 'PPA.ACTIVITY', commune: '35238', estimated_amount: 180.5 };
const c2s = { benefit: 'c2s', rule: 'C2S.RESOURCES', commune: '35051', estimated_amount: null };

// Small cells on purpose: 3 RSA refusals, 2 cases of a second RSA rule, a commune with one case.
const latest: AuditedCase[] = [
  ...some(20, { ...rsa, status: 'to_contact' }),
  ...some(3, { ...rsa, status: 'refused' }),
  ...some(6, { ...rsa, status: 'rights_opened', commune: '35051' }),
  ...some(2, { ...rsa, rule: 'RSA.UNKNOWN_TO_CAF', status: 'to_contact' }),
  ...some(25, { ...ppa, status: 'to_contact' }),
  ...some(7, { ...ppa, status: 'refused' }),
  ...some(8, { ...ppa, status: 'rights_opened' }),
  ...some(40, { ...c2s, status: 'to_contact' }),
  ...some(10, { ...c2s, status: 'already_covered', commune: '35281' }),
  ...some(1, { ...c2s, status: 'contacted', commune: '35999' }),
];

type Cell = { value: number | null; suppressed: boolean };

describe('GET /v1/conventions/{cid}/stats', () => {
  let t: TestApp;
  let cid: string;
  let runs: { older: string; latest: string; failed: string };
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    cid = (await makeConvention(db)).id;
    for (const role of ['territory', 'dpo', 'partner'] as const) {
      const org = await makePartner(db, role === 'territory' ? 'territory' : 'caf');
      await addMember(db, cid, org.id, [role], role === 'partner' ? ['caf'] : []);
      tokens[role] = await tokenFor(t.app, await makeClient(db, org.id, role));
    }
    runs = {
      older: await insertRun(db, cid, 'succeeded', '2026-10-02T10:00:00Z'),
      latest: await insertRun(db, cid, 'succeeded', '2026-11-02T10:00:00Z'),
      failed: await insertRun(db, cid, 'failed', '2026-11-20T10:00:00Z'),
    };
    await insertCases(db, cid, runs.older, some(12, { ...c2s, status: 'to_contact' }));
    await insertCases(db, cid, runs.latest, latest);
  });
  afterAll(() => t.close());

  const get = (query = '', role = 'territory', convention = cid) =>
    t.app.inject({
      url: `/v1/conventions/${convention}/stats${query}`,
      headers: { authorization: `Bearer ${tokens[role]}` },
    });

  it('reads the latest published run, with exact figures where shown and small ones suppressed', async () => {
    const res = await get();
    expect(res.statusCode, res.body).toBe(200);
    const stats = res.json();
    expect(stats.run).toMatchObject({ id: runs.latest, rule_pack: 'fr.v1', as_of: '2026-10' });
    expect(stats.min_shown_count).toBe(5);
    expect(stats.overall.presumed).toEqual({ value: 122, suppressed: false });
    expect(stats.overall.verified).toEqual({ value: 34, suppressed: false });
    expect(stats.overall.verified_share).toBe(0.279);
    // The one case 'contacted' makes that column's total 1: hidden, with complements in the overall row.
    expect(stats.overall.outcomes.contacted).toEqual({ value: null, suppressed: true });
    expect(stats.overall.outcomes.not_eligible).toEqual({ value: 0, suppressed: false });

    const benefit = (name: string) => stats.by_benefit.find((b: { benefit: string }) => b.benefit === name);
    expect(benefit('rsa').outcomes.refused).toEqual({ value: null, suppressed: true });
    expect(benefit('rsa').presumed).toEqual({ value: 31, suppressed: false });
    expect(benefit('c2s').rights_opened_amount).toEqual({ value: 0, suppressed: false });
    const rule = stats.by_rule.find((r: { rule: string }) => r.rule === 'RSA.UNKNOWN_TO_CAF');
    expect(rule.presumed).toEqual({ value: null, suppressed: true });
    const commune = stats.by_commune.find((c: { commune: string }) => c.commune === '35999');
    expect(commune.presumed).toEqual({ value: null, suppressed: true });
    expect(stats.by_commune.find((c: { commune: string }) => c.commune === '35238').presumed).toEqual({
      value: 65,
      suppressed: false,
    });

    expect(auditFollowUpStats(stats, latest)).toEqual([]);
  });

  it('never answers a count from 1 to 4, anywhere in the document', async () => {
    const counts: number[] = [];
    const walk = (node: unknown, key: string) => {
      if (node && typeof node === 'object') {
        const amount = ['rights_opened_amount', 'taken_up_amount', 'median_months_to_take_up'].includes(key);
        if ('suppressed' in node && !amount) counts.push((node as Cell).value ?? -1);
        for (const [k, v] of Object.entries(node)) walk(v, k);
      }
    };
    walk((await get()).json(), '');
    // 4 rows (overall and 3 benefits) × 9 figures, 4 rules, 4 communes; one month × 4 rows × 6 counts.
    expect(counts).toHaveLength(44 + 24);
    expect(counts.filter((n) => n >= 1 && n <= 4)).toEqual([]);
  });

  it('follows the follow-up as it is recorded', async () => {
    const db = t.database.db;
    const ids = await db
      .selectFrom('cases')
      .select('id')
      .where('run_id', '=', runs.latest)
      .where('benefit', '=', 'c2s')
      .where('status', '=', 'to_contact')
      .limit(5)
      .execute();
    await db
      .updateTable('cases')
      .set({ status: 'not_eligible' })
      .where(
        'id',
        'in',
        ids.map((c) => c.id),
      )
      .execute();
    const stats = (await get()).json();
    expect(stats.overall.verified).toEqual({ value: 39, suppressed: false });
    const now = latest.map((c) => ({ ...c }));
    for (const c of now.filter((k) => k.benefit === 'c2s' && k.status === 'to_contact').slice(0, 5))
      c.status = 'not_eligible';
    expect(auditFollowUpStats(stats, now)).toEqual([]);
  });

  it('reads an earlier published run when asked, and refuses an unpublished or unknown one', async () => {
    const older = (await get(`?run=${runs.older}`)).json();
    expect(older.run.id).toBe(runs.older);
    expect(older.overall.presumed).toEqual({ value: 12, suppressed: false });

    const failed = await get(`?run=${runs.failed}`);
    expect(failed.statusCode).toBe(409);
    expect(failed.json().code).toBe('run_not_published');
    expect((await get('?run=00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('answers 404 when the convention has no published run yet', async () => {
    const db = t.database.db;
    const empty = await makeConvention(db);
    const team = await makePartner(db, 'territory');
    await addMember(db, empty.id, team.id, ['territory']);
    tokens.empty = await tokenFor(t.app, await makeClient(db, team.id, 'territory'));
    const res = await get('', 'empty', empty.id);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ code: 'not_found', message: 'published run not found' });
  });

  it('counts for a partner only the cases it may see, and every read is audited with its run', async () => {
    expect((await get('', 'dpo')).statusCode).toBe(200);
    // This partner holds no extract: none of these cases concerns its people.
    const own = await get('', 'partner');
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().overall.presumed).toEqual({ value: 0, suppressed: false });
    expect(own.json().by_commune).toEqual([]);
    const refused = await get('', 'partner', '00000000-0000-4000-8000-000000000000');
    expect(refused.statusCode).toBe(404);
    const events = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'purpose', 'outcome', 'details'])
      .where('convention_id', '=', cid)
      .where('action', '=', 'stats.read')
      .orderBy('seq')
      .execute();
    expect(events.at(-2)).toMatchObject({
      purpose: 'evaluation',
      outcome: 'success',
      details: { run: runs.latest },
    });
    expect(events.at(-1)).toMatchObject({ outcome: 'success', details: { run: runs.latest } });
    const denied = await t.database.db
      .selectFrom('audit_events')
      .select(['outcome'])
      .where('convention_id', '=', '00000000-0000-4000-8000-000000000000')
      .execute();
    expect(denied).toEqual([{ outcome: 'denied' }]);
  });
});
