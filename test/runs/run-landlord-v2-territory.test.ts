// A run over a synthetic territory whose landlord file is landlord.v2 (`nonrecours synth --landlord-v2`):
// every APL.LANDLORD case of the ground truth is presumed, and no other, with the amount the
// generator's own reading of APL.md gives (packages/cli/src/synth/housing-aid.ts, written from APL.md's
// formula and tables apart from packages/rules) within 0.01 €, and the evidence of every step; the
// next month, a case closes as taken up when the landlord receives the APL, or as no longer presumed.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseMonth } from '@nonrecours/cli/synth/months.ts';
import { synthesise } from '@nonrecours/cli/synth/synthesise.ts';
import { jobId } from '@nonrecours/queue';
import type { Evidence } from '@nonrecours/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { nextMonth } from '../support/next-month.ts';
import { groundTruth, loadTerritory } from '../support/territory.ts';

// LANDLORD_V2_PERSONS sizes the territory (6,000 persons by default; 40,000 and 100,000 give about
// 20,000 and 50,000 households).
const persons = Number(process.env.LANDLORD_V2_PERSONS ?? 6000);

describe('a run over a landlord.v2 territory at as_of 2026-01', () => {
  let t: TestApp;
  const dir = mkdtempSync(join(tmpdir(), 'territory-landlord-v2-'));
  const url = pathToFileURL(`${dir}/`);
  let conventionId: string;
  let territoryToken: string;
  let territory: Awaited<ReturnType<typeof loadTerritory>>;
  let firstRun: string;
  let cases: {
    id: string;
    subject_pseudo: string;
    rule: string;
    benefit: string;
    confidence: string;
    estimated_amount: number | string | null;
    evidence: unknown;
  }[];

  beforeAll(async () => {
    const manifest = await synthesise({
      persons,
      seed: 'housing-aid',
      asOf: parseMonth('2026-01')!,
      out: dir,
      landlordV2: true,
    });
    expect(manifest.files.landlord.schema).toBe('landlord.v2');
    t = await createTestApp();
    await t.startWorkers();
    territory = await loadTerritory(t.app, t.database.db, url);
    conventionId = territory.conventionId;
    territoryToken = territory.tokens.territory!;
    const started = await t.app.inject({
      method: 'POST',
      url: `/v1/conventions/${conventionId}/runs`,
      headers: { authorization: `Bearer ${territoryToken}` },
      payload: {},
    });
    expect(started.statusCode, started.body).toBe(202);
    const id = started.json().id;
    firstRun = id;
    await t.queue.waitFor(jobId('run-prepare', id), 600_000);
    await t.queue.waitFor(jobId('run-finalise', id), 600_000);
    cases = await t.database.db
      .selectFrom('cases')
      .select(['id', 'subject_pseudo', 'rule', 'benefit', 'confidence', 'estimated_amount', 'evidence'])
      .where('run_id', '=', id)
      .execute();
  }, 900_000);
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('presumes exactly the APL.LANDLORD cases of the ground truth, each amount within 0.01 €', () => {
    const expected = new Map(
      groundTruth(url)
        .filter((g) => g.rule === 'APL.LANDLORD')
        .map((g) => [g.subject_pseudo, Number(g.amount)]),
    );
    expect(expected.size).toBeGreaterThan(20);
    const found = new Map(
      cases
        .filter((c) => c.rule === 'APL.LANDLORD')
        .map((c) => [c.subject_pseudo, Number(c.estimated_amount)]),
    );
    expect([...found.keys()].sort()).toEqual([...expected.keys()].sort());
    const off = [...expected].filter(
      ([subject, amount]) => !(Math.abs(found.get(subject)! - amount) <= 0.01),
    );
    expect(off).toEqual([]);
    const gap = Math.max(
      0,
      ...[...expected].map(([subject, amount]) => Math.abs(found.get(subject)! - amount)),
    );
    console.log(
      `${persons} persons: APL.LANDLORD ${found.size} cases (truth ${expected.size}), ` +
        `${[...found.values()].reduce((a, b) => a + b, 0).toFixed(2)} € a month, largest gap ${gap.toFixed(4)} €`,
    );
  });

  it('files them as housing_aid cases of medium confidence, every step and parameter in the evidence', () => {
    const apl = cases.filter((c) => c.rule === 'APL.LANDLORD');
    expect(new Set(apl.map((c) => `${c.benefit}/${c.confidence}`))).toEqual(new Set(['housing_aid/medium']));
    const evidence = apl[0]!.evidence as Evidence;
    expect(evidence.computation.map((s) => s.name)).toEqual(
      expect.arrayContaining([
        'zone',
        'rent_taken_l',
        'charges_c',
        'resources_r',
        'p0',
        'r0',
        'tf',
        'rl',
        'tl',
        'tp',
        'participation_pp',
        'aid_due_a1',
        'degressivity_coefficient',
        'aid_after_minoration_a3',
        'rls',
        'aid_after_rls_a4',
        'housing_aid',
      ]),
    );
    const names = evidence.parameters.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['apl.charges.base', 'apl.p0.minimum', 'crds.rate']));
    for (const p of evidence.parameters) expect(p.effective_from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(evidence.inputs.every((i) => i.kind === 'landlord')).toBe(true);
    expect(evidence.explanation).toMatch(/hors outre-mer/);
    // Some tenancies state their RFR, the others are approximated from 12 × household_resources.
    const from = new Set(
      apl.map((c) =>
        (c.evidence as Evidence).inputs.some((i) => i.column === 'annual_resources')
          ? 'annual_resources'
          : 'household_resources',
      ),
    );
    expect(from).toEqual(new Set(['annual_resources', 'household_resources']));
  });

  it('serves a case with its amount and evidence, each parameter with its legal reference', async () => {
    const c = cases.find((x) => x.rule === 'APL.LANDLORD')!;
    const res = await t.app.inject({
      url: `/v1/conventions/${conventionId}/cases/${c.id}`,
      headers: { authorization: `Bearer ${territoryToken}` },
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ benefit: 'housing_aid', rule: 'APL.LANDLORD' });
    expect(Number(body.estimated_amount ?? body.amount)).toBe(Number(c.estimated_amount));
    const parameters = body.evidence.parameters as Evidence['parameters'];
    expect(parameters.length).toBeGreaterThan(15);
    for (const p of parameters) expect(p.reference.title, p.name).not.toBe('');
    expect(parameters.find((p) => p.name.startsWith('apl.r0.'))).toMatchObject({
      effective_from: '2025-01-01',
      unit: 'eur_per_year',
    });
  });

  it('closes a case as taken up when the landlord receives the APL the next month, as no longer presumed when the RFR rises', async () => {
    const [takesUp, earnsMore] = cases.filter((c) => c.rule === 'APL.LANDLORD').map((c) => c.subject_pseudo);
    const [header, ...rows] = readFileSync(join(dir, 'landlord.extract.csv'), 'utf8').trim().split('\n');
    const columns = header!.split(';');
    const at = (name: string) => columns.indexOf(name);
    const next = rows.map((line) => {
      const v = line.split(';');
      if (v[at('household_pseudo')] === takesUp) {
        v[at('apl')] = '1';
        v[at('apl_amount')] = '150.00';
      }
      if (v[at('household_pseudo')] === earnsMore) v[at('annual_resources')] = '90000.00';
      return v.join(';');
    });
    const m = territory.manifest;
    const month = nextMonth(m.month);
    const upload = await t.app.inject({
      method: 'POST',
      url: `/v1/conventions/${conventionId}/extracts?kind=landlord&schema=landlord.v2&reference_month=${month}`,
      headers: {
        authorization: `Bearer ${territory.tokens.landlord}`,
        'content-type': 'text/csv',
        'x-key-check': m.kcv,
      },
      payload: `${[header, ...next].join('\n')}\n`,
    });
    expect(upload.statusCode, upload.body).toBe(202);
    const started = await t.app.inject({
      method: 'POST',
      url: `/v1/conventions/${conventionId}/runs`,
      headers: { authorization: `Bearer ${territoryToken}` },
      payload: {},
    });
    expect(started.statusCode, started.body).toBe(202);
    const second = started.json().id;
    await t.queue.waitFor(jobId('run-prepare', second), 600_000);
    await t.queue.waitFor(jobId('run-finalise', second), 600_000);
    const outcome = async (subject: string) =>
      (
        await t.database.db
          .selectFrom('case_observations as o')
          .innerJoin('cases as c', 'c.id', 'o.case_id')
          .select(['o.outcome', 'o.run_id'])
          .where('c.run_id', '=', firstRun)
          .where('c.subject_pseudo', '=', subject!)
          .where('c.benefit', '=', 'housing_aid')
          .executeTakeFirst()
      )?.outcome;
    expect(await outcome(takesUp!)).toBe('taken_up');
    expect(await outcome(earnsMore!)).toBe('no_longer_presumed');
    const again = await t.database.db
      .selectFrom('cases')
      .select(['subject_pseudo'])
      .where('run_id', '=', second)
      .where('rule', '=', 'APL.LANDLORD')
      .execute();
    expect(again.map((c) => c.subject_pseudo)).not.toContain(takesUp);
    expect(again).toHaveLength(cases.filter((c) => c.rule === 'APL.LANDLORD').length - 2);
  }, 900_000);
});
