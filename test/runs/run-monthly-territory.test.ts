// A run over a synthetic territory written in caf.v2 / msa.v2 (`nonrecours synth --monthly`), at an
// as_of before "solidarité à la source" (PPA reads as_of − 3 … − 1): every ground-truth case is found,
// with its amount to the cent, through the monthly columns.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseMonth } from '@nonrecours/cli/synth/months.ts';
import { synthesise } from '@nonrecours/cli/synth/synthesise.ts';
import { jobId } from '@nonrecours/queue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { groundTruth, loadTerritory } from '../support/territory.ts';

describe('a run over a caf.v2 / msa.v2 territory at as_of 2025-02', () => {
  let t: TestApp;
  const dir = mkdtempSync(join(tmpdir(), 'territory-v2-'));
  const url = pathToFileURL(`${dir}/`);
  let cases: {
    subject_pseudo: string;
    rule: string;
    estimated_amount: number | string | null;
    evidence: unknown;
  }[];

  beforeAll(async () => {
    const manifest = await synthesise({
      persons: 4000,
      seed: 'monthly',
      asOf: parseMonth('2025-02')!,
      out: dir,
      monthly: true,
    });
    expect(manifest.files.caf.schema).toBe('caf.v2');
    t = await createTestApp();
    await t.startWorkers();
    const territory = await loadTerritory(t.app, t.database.db, url);
    const started = await t.app.inject({
      method: 'POST',
      url: `/v1/conventions/${territory.conventionId}/runs`,
      headers: { authorization: `Bearer ${territory.tokens.territory}` },
      payload: {},
    });
    expect(started.statusCode, started.body).toBe(202);
    const id = started.json().id;
    await t.queue.waitFor(jobId('run-prepare', id), 60_000);
    await t.queue.waitFor(jobId('run-finalise', id), 60_000);
    cases = await t.database.db
      .selectFrom('cases')
      .select(['subject_pseudo', 'rule', 'estimated_amount', 'evidence'])
      .where('run_id', '=', id)
      .execute();
  }, 180_000);
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds every exactly linked ground-truth case with its amount, and no other', () => {
    const found = new Map<string, number | null>();
    for (const c of cases) {
      found.set(
        `${c.subject_pseudo}|${c.rule}`,
        c.estimated_amount === null ? null : Number(c.estimated_amount),
      );
      for (const s of (c.evidence as { supporting?: { rule: { id: string }; amount: number | null }[] })
        .supporting ?? [])
        found.set(`${c.subject_pseudo}|${s.rule.id}`, s.amount);
    }
    const truth = groundTruth(url).filter((g) => g.link !== 'absent');
    expect(truth.some((g) => g.rule === 'PPA.ACTIVITY')).toBe(true);
    const missing = truth.filter(
      (g) =>
        !found.has(`${g.subject_pseudo}|${g.rule}`) ||
        found.get(`${g.subject_pseudo}|${g.rule}`) !== (g.amount === '' ? null : Number(g.amount)),
    );
    expect(missing).toEqual([]);
    const expected = new Set(truth.map((g) => `${g.subject_pseudo}|${g.rule}`));
    const extra = [...found.keys()].filter((k) => !expected.has(k) && !k.endsWith('|RSA.UNKNOWN_TO_CAF'));
    expect(extra).toEqual([]);
  });

  it('computes PPA from the monthly columns of the old reference months', () => {
    const ppa = cases.find((c) => c.rule === 'PPA.ACTIVITY')!;
    const evidence = ppa.evidence as { inputs: { column: string }[]; explanation: string };
    expect(evidence.inputs.map((i) => i.column)).toEqual(
      expect.arrayContaining(['household_resources_m3', 'household_resources_m2', 'household_resources_m1']),
    );
    expect(evidence.explanation).toContain('M−3 à M−1, règle applicable avant mars 2025');
  });
});
