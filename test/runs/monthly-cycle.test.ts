// A territory over three months (`synth --months 3`): each month the partners upload their fresh
// extracts, the team records the contacts it made from the month before (through the API), and a
// run is published. Every case's state — open, observed taken up, no longer presumed — must equal
// the generator's truth, and so must the monthly statistics wherever they are shown.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseMonth } from '@nonrecours/cli/synth/months.ts';
import { synthesiseMonths } from '@nonrecours/cli/synth/synthesise-months.ts';
import { cliActor, registerConventionKey } from '@nonrecours/core';
import { extractKinds } from '@nonrecours/pseudo';
import { jobId } from '@nonrecours/queue';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import {
  type CaseState,
  caseKey,
  compareCaseStates,
  csvRecords,
  type StateComparison,
  serviceCaseStates,
  truthCaseStates,
} from '../support/case-states.ts';
import { addMember, makeClient, makeConvention, makePartner, tokenFor } from '../support/factories.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'nonrecours-months-'));

interface SeriesMonth {
  month: string;
  by_benefit: { benefit: string; [figure: string]: unknown }[];
}
type Cell = { value: number | null; suppressed: boolean };

describe('the monthly cycle over three synthetic months', () => {
  let t: TestApp;
  const months: { month: string; folder: string; runId: string; comparison: StateComparison | null }[] = [];
  let series: SeriesMonth[];

  beforeAll(async () => {
    const manifest = await synthesiseMonths({
      persons: 6000,
      seed: 'cycle',
      firstMonth: parseMonth('2026-08')!,
      months: 3,
      out: dir,
    });
    t = await createTestApp();
    await t.startWorkers();
    const db = t.database.db;
    const first = JSON.parse(
      readFileSync(path.join(dir, manifest.byMonth[0]!.folder, 'manifest.json'), 'utf8'),
    );
    const convention = await makeConvention(db);
    await registerConventionKey(db, cliActor(), convention.id, first.kcv);
    const tokens: Record<string, string> = {};
    for (const kind of extractKinds) {
      const org = await makePartner(db, kind);
      await addMember(db, convention.id, org.id, ['partner'], [kind]);
      tokens[kind] = await tokenFor(t.app, await makeClient(db, org.id, 'partner'));
    }
    const team = await makePartner(db, 'territory');
    await addMember(db, convention.id, team.id, ['territory']);
    tokens.territory = await tokenFor(t.app, await makeClient(db, team.id, 'territory'));
    const base = `/v1/conventions/${convention.id}`;
    const auth = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });

    for (const [i, { month, folder }] of manifest.byMonth.entries()) {
      const m = JSON.parse(readFileSync(path.join(dir, folder, 'manifest.json'), 'utf8'));
      for (const kind of extractKinds) {
        const res = await t.app.inject({
          method: 'POST',
          url: `${base}/extracts?kind=${kind}&schema=${m.files[kind].schema}&reference_month=${month}`,
          headers: { ...auth(kind), 'content-type': 'text/csv', 'x-key-check': m.kcv },
          payload: readFileSync(path.join(dir, folder, m.files[kind].extract)),
        });
        expect(res.statusCode, `${month} ${kind}: ${res.body}`).toBe(202);
      }
      if (i > 0) await recordContacts(months[i - 1]!, auth('territory'), base);
      const started = await t.app.inject({
        method: 'POST',
        url: `${base}/runs`,
        headers: auth('territory'),
        payload: {},
      });
      expect(started.statusCode).toBe(202);
      const runId: string = started.json().id;
      await t.queue.waitFor(jobId('run-prepare', runId), 60_000);
      await t.queue.waitFor(jobId('run-finalise', runId), 60_000);
      const run = (await t.app.inject({ url: `${base}/runs/${runId}`, headers: auth('territory') })).json();
      expect(run.status, run.error).toBe('succeeded');
      const truthFile = path.join(dir, folder, 'case-states.csv');
      months.push({
        month,
        folder,
        runId,
        comparison:
          i === 0 ? null : compareCaseStates(truthCaseStates(truthFile), await serviceCaseStates(db, runId)),
      });
    }
    series = (await t.app.inject({ url: `${base}/stats`, headers: auth('territory') })).json().series;

    /** The team records, case by case, the contacts of the month before (contacts.csv) on that month's cases. */
    async function recordContacts(
      previous: (typeof months)[number],
      headers: Record<string, string>,
      base: string,
    ) {
      const contacts = csvRecords(path.join(dir, previous.folder, 'contacts.csv'));
      const { rows } = await sql<{
        id: string;
        status: string;
        subject_kind: string;
        subject_pseudo: string;
        benefit: string;
      }>`
        select id, status, subject_kind, subject_pseudo, benefit
        from cases where run_id = ${previous.runId}`.execute(db);
      const cases = new Map(rows.map((r) => [caseKey(r), r]));
      for (const c of contacts) {
        const found = cases.get(caseKey(c));
        expect(found, 'a contact of the truth is a case of the service').toBeDefined();
        // Contacted again: the case already says so.
        if (found!.status === 'contacted') continue;
        const id = found!.id;
        const res = await t.app.inject({
          method: 'PATCH',
          url: `${base}/cases/${id}`,
          headers,
          payload: { status: 'contacted' },
        });
        expect(res.statusCode).toBe(200);
      }
    }
  }, 600_000);

  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives every case the state the truth gives it, month after month', () => {
    for (const m of months.slice(1)) {
      const c = m.comparison!;
      expect(c.disagree, m.month).toEqual({});
      expect(c.agree).toBe(c.cases);
      // The months are not trivial: cases are taken up, others no longer presumed, most stay open.
      expect(c.truth.taken_up).toBeGreaterThan(20);
      expect(c.truth.no_longer_presumed).toBeGreaterThan(0);
      expect(c.truth.open).toBeGreaterThan(c.truth.taken_up);
    }
  });

  it('counts in the monthly series what the truth counts, wherever a figure is shown', () => {
    expect(series.map((s) => s.month)).toEqual(months.map((m) => m.month));
    let compared = 0;
    // A case counts as contacted once any month's contacts held it while it stayed open.
    const contactedEver = new Set<string>();
    for (const [i, m] of months.entries()) {
      if (i === 0) {
        for (const r of csvRecords(path.join(dir, m.folder, 'contacts.csv'))) contactedEver.add(caseKey(r));
        continue;
      }
      const truth = csvRecords(path.join(dir, m.folder, 'case-states.csv')).map(
        (r): Record<string, string> => ({
          ...r,
          contacted: contactedEver.has(caseKey(r)) ? '1' : '0',
        }),
      );
      for (const r of truth) if (r.state !== 'open') contactedEver.delete(caseKey(r));
      for (const r of csvRecords(path.join(dir, m.folder, 'contacts.csv'))) contactedEver.add(caseKey(r));
      const presumed = new Set(csvRecords(path.join(dir, m.folder, 'ground-truth.csv')).map(caseKey));
      const month = series.find((s) => s.month === m.month)!;
      for (const b of month.by_benefit) {
        const of = truth.filter((r) => r.benefit === b.benefit);
        const count = (state: CaseState, contacted?: string) =>
          of.filter((r) => r.state === state && (contacted === undefined || r.contacted === contacted))
            .length;
        const expected: Record<string, number> = {
          presumed: [...presumed].filter((k) => k.endsWith(`|${b.benefit}`)).length,
          taken_up: count('taken_up'),
          taken_up_contacted: count('taken_up', '1'),
          taken_up_not_contacted: count('taken_up', '0'),
        };
        for (const [figure, value] of Object.entries(expected)) {
          const cell = b[figure] as Cell;
          if (cell.suppressed) continue;
          expect(cell.value, `${m.month} ${b.benefit} ${figure}`).toBe(value);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(10);
  });
});
