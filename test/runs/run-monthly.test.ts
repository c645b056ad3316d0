// A caf.v2 extract through the whole service: uploaded over HTTP with its monthly columns, ingested,
// linked and evaluated, its PPA case computes each reference month from that month's own values;
// the same household in caf.v1 gets the quarterly simplification.
import { jobId } from '@nonrecours/queue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { pseudo } from '../support/extract-files.ts';
import { addMember, makeClient, makeConvention, makePartner, tokenFor } from '../support/factories.ts';

const KCV = '4b087fe7a2945f10';

// One single tenant without aid; reference month 2025-06, so m4, m3, m2 = 2025-02, -03, -04.
const pay = { m0: 1426, m1: 1426, m2: 2000, m3: 1426, m4: 1000 };

function cafFile(person: string, household: string, monthly: boolean): string {
  const row: Record<string, string> = {
    person_pseudo: person,
    birth_ym: '1985-03',
    commune: '35238',
    household_pseudo: household,
    role: 'allocataire',
    household_adults: '1',
    household_children: '0',
    single_parent: '0',
    household_resources: '1475.33',
    activity_income: '1475.33',
    housing: 'locataire',
    rsa: '0',
    ppa: '0',
    housing_aid: '0',
    aah: '0',
  };
  if (monthly) {
    for (const [m, amount] of Object.entries(pay)) {
      row[`activity_income_${m}`] = amount.toFixed(2);
      row[`household_resources_${m}`] = amount.toFixed(2);
      row[`household_adults_${m}`] = '1';
      row[`household_children_${m}`] = '0';
      row[`single_parent_increase_${m}`] = '0';
      row[`housing_aid_amount_${m}`] = '0';
    }
    row.c2s_resources = '17704.00';
  }
  const columns = Object.keys(row);
  return `${columns.join(';')}\n${columns.map((c) => row[c]).join(';')}\n`;
}

describe('a run over a caf.v2 extract', () => {
  let t: TestApp;
  const runs: Record<'v1' | 'v2', { amount: number | null; evidence: Record<string, unknown> }> = {} as never;

  beforeAll(async () => {
    t = await createTestApp();
    await t.startWorkers();
    for (const schema of ['v1', 'v2'] as const) {
      const convention = await makeConvention(t.database.db);
      const caf = await makePartner(t.database.db, 'caf');
      await addMember(t.database.db, convention.id, caf.id, ['partner'], ['caf']);
      const team = await makePartner(t.database.db, 'territory');
      await addMember(t.database.db, convention.id, team.id, ['territory']);
      const cafToken = await tokenFor(t.app, await makeClient(t.database.db, caf.id, 'partner'));
      const teamToken = await tokenFor(t.app, await makeClient(t.database.db, team.id, 'territory'));
      const person = pseudo();
      const upload = await t.app.inject({
        method: 'POST',
        url: `/v1/conventions/${convention.id}/extracts?kind=caf&schema=caf.${schema}&reference_month=2025-06`,
        headers: { authorization: `Bearer ${cafToken}`, 'content-type': 'text/csv', 'x-key-check': KCV },
        payload: cafFile(person, pseudo(), schema === 'v2'),
      });
      expect(upload.statusCode, upload.body).toBe(202);
      const started = await t.app.inject({
        method: 'POST',
        url: `/v1/conventions/${convention.id}/runs`,
        headers: { authorization: `Bearer ${teamToken}` },
        payload: {},
      });
      expect(started.statusCode, started.body).toBe(202);
      const id = started.json().id;
      await t.queue.waitFor(jobId('run-prepare', id), 60_000);
      await t.queue.waitFor(jobId('run-finalise', id), 60_000);
      const ppa = await t.database.db
        .selectFrom('cases')
        .select(['estimated_amount', 'evidence'])
        .where('run_id', '=', id)
        .where('benefit', '=', 'ppa')
        .executeTakeFirstOrThrow();
      runs[schema] = {
        amount: ppa.estimated_amount === null ? null : Number(ppa.estimated_amount),
        evidence: ppa.evidence as Record<string, unknown>,
      };
    }
  }, 180_000);
  afterAll(() => t.close());

  it('computes each reference month from its own columns', () => {
    // (307.41 + 247.68 + 14.48) / 3, as packages/rules' unit test of the same months.
    expect(runs.v2.amount).toBe(189.86);
    const inputs = runs.v2.evidence.inputs as { column: string; value: unknown }[];
    expect(inputs).toContainEqual(expect.objectContaining({ column: 'household_resources_m4', value: 1000 }));
    expect(inputs).toContainEqual(expect.objectContaining({ column: 'activity_income_m2', value: 2000 }));
    expect(runs.v2.evidence.explanation).toContain('Chaque mois de référence est calculé avec ses propres');
  });

  it('keeps the quarterly simplification for the same household sent as caf.v1', () => {
    expect(runs.v1.amount).not.toBe(runs.v2.amount);
    expect(runs.v1.evidence.explanation).toContain(
      'Simplification : l’extrait ne donne qu’une moyenne trimestrielle',
    );
  });
});
