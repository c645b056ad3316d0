// A caf.v2 extract through the whole service: uploaded over HTTP with its monthly columns, ingested,
// linked and evaluated, its PPA case computes each reference month from that month's own values;
// the same household in caf.v1 gets the quarterly simplification. An msa couple's partner is found
// in its household for the ASPA of the couple.
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

type Found = {
  benefit: string;
  subject_pseudo: string;
  amount: number | null;
  evidence: Record<string, unknown>;
};

/** Uploads the files under a fresh convention, runs it, and returns its cases. */
async function runOver(
  t: TestApp,
  files: { kind: 'caf' | 'msa'; schema: string; body: string }[],
): Promise<{ cases: Found[]; report: Record<string, unknown> }> {
  const db = t.database.db;
  const convention = await makeConvention(db);
  const team = await makePartner(db, 'territory');
  await addMember(db, convention.id, team.id, ['territory']);
  const teamToken = await tokenFor(t.app, await makeClient(db, team.id, 'territory'));
  for (const file of files) {
    const partner = await makePartner(db, file.kind);
    await addMember(db, convention.id, partner.id, ['partner'], [file.kind]);
    const token = await tokenFor(t.app, await makeClient(db, partner.id, 'partner'));
    const upload = await t.app.inject({
      method: 'POST',
      url: `/v1/conventions/${convention.id}/extracts?kind=${file.kind}&schema=${file.schema}&reference_month=2025-06`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv', 'x-key-check': KCV },
      payload: file.body,
    });
    expect(upload.statusCode, upload.body).toBe(202);
  }
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
  const cases = await db
    .selectFrom('cases')
    .select(['benefit', 'subject_pseudo', 'estimated_amount', 'evidence'])
    .where('run_id', '=', id)
    .execute();
  const run = await t.app.inject({
    url: `/v1/conventions/${convention.id}/runs/${id}`,
    headers: { authorization: `Bearer ${teamToken}` },
  });
  const found: Found[] = cases.map((c) => ({
    benefit: c.benefit,
    subject_pseudo: c.subject_pseudo,
    amount: c.estimated_amount === null ? null : Number(c.estimated_amount),
    evidence: c.evidence as Record<string, unknown>,
  }));
  return { cases: found, report: run.json().report };
}

/** An msa retired couple: Ernest, 70, and Odette, 63; household resources 1 000 € a month. */
function msaCouple(ernest: string, odette: string, household: string): string {
  const common = {
    commune: '35238',
    household_pseudo: household,
    household_adults: '2',
    household_children: '0',
    single_parent: '0',
    household_resources: '1000.00',
    activity_income: '0',
    housing: 'locataire',
    rsa: '0',
    ppa: '0',
    housing_aid: '0',
    aah: '0',
    c2s: 'free',
    aspa: '0',
  };
  const rows = [
    { ...common, person_pseudo: ernest, birth_ym: '1955-01', role: 'allocataire', pension: '600.00' },
    { ...common, person_pseudo: odette, birth_ym: '1962-01', role: 'conjoint', pension: '400.00' },
  ];
  const columns = Object.keys(rows[0]!);
  return `${columns.join(';')}\n${rows.map((r) => columns.map((c) => r[c as keyof typeof r]).join(';')).join('\n')}\n`;
}

describe('a run over a caf.v2 extract', () => {
  let t: TestApp;
  const ppa: Record<'v1' | 'v2', Found> = {} as never;
  let msa: Found[] = [];
  let mayotte: Awaited<ReturnType<typeof runOver>>;
  const [ernest, odette] = [pseudo(), pseudo()];

  beforeAll(async () => {
    t = await createTestApp();
    await t.startWorkers();
    for (const schema of ['v1', 'v2'] as const) {
      const { cases } = await runOver(t, [
        { kind: 'caf', schema: `caf.${schema}`, body: cafFile(pseudo(), pseudo(), schema === 'v2') },
      ]);
      ppa[schema] = cases.find((c) => c.benefit === 'ppa')!;
    }
    // The same household in Mayotte: outside fr.v1.
    mayotte = await runOver(t, [
      {
        kind: 'caf',
        schema: 'caf.v2',
        body: cafFile(pseudo(), pseudo(), true).replaceAll(';35238;', ';97611;'),
      },
    ]);
    ({ cases: msa } = await runOver(t, [
      { kind: 'msa', schema: 'msa.v1', body: msaCouple(ernest, odette, pseudo()) },
    ]));
  }, 180_000);
  afterAll(() => t.close());

  it('computes each reference month from its own columns', () => {
    // (307.41 + 247.68 + 14.48) / 3, as packages/rules' unit test of the same months.
    expect(ppa.v2.amount).toBe(189.86);
    const inputs = ppa.v2.evidence.inputs as { column: string; value: unknown }[];
    expect(inputs).toContainEqual(expect.objectContaining({ column: 'household_resources_m4', value: 1000 }));
    expect(inputs).toContainEqual(expect.objectContaining({ column: 'activity_income_m2', value: 2000 }));
    expect(ppa.v2.evidence.explanation).toContain('Chaque mois de référence est calculé avec ses propres');
  });

  it('keeps the quarterly simplification for the same household sent as caf.v1', () => {
    expect(ppa.v1.amount).not.toBe(ppa.v2.amount);
    expect(ppa.v1.evidence.explanation).toContain(
      'Simplification : l’extrait ne donne qu’une moyenne trimestrielle',
    );
  });

  it('reads an msa couple’s partner from its household: the only eligible partner gets min(D, single amount)', () => {
    // 2025: D = 19 268.80 / 12 − 1 000 = 605.73, under 12 411.44 / 12; Odette, 63, has no ASPA case.
    const aspa = msa.filter((c) => c.benefit === 'aspa');
    expect(aspa.map((c) => [c.subject_pseudo, c.amount])).toEqual([[ernest, 605.73]]);
    expect(aspa[0]!.evidence.inputs).toContainEqual(
      expect.objectContaining({ column: 'partner_birth_ym', value: '1962-01', link: 'household_pseudo' }),
    );
  });

  it('makes no presumption in Mayotte and counts its rows as not covered', () => {
    expect(mayotte.cases).toEqual([]);
    expect((mayotte.report.linkage as { not_covered: unknown }).not_covered).toEqual({
      mayotte: { family_rows: 1, retirees: 0, tenants: 0 },
    });
  });
});
