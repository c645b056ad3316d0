// What each caller sees of the synthetic territory's cases: a partner only the cases about persons or
// households its own extracts hold, and none of the other partners' values; a DPO no case at all.
import { extractColumns } from '@nonrecours/pseudo';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, makeClient, makePartner, tokenFor } from '../support/factories.ts';
import {
  type Caller,
  type CaseItem,
  type PublishedTerritory,
  publishedTerritory,
  walk,
} from './published-territory.ts';

const partners = ['caf', 'cpam', 'msa', 'carsat', 'landlord'] as const;

interface Detail extends CaseItem {
  evidence: {
    inputs: { partner: string; kind: string; value: unknown }[];
    computation: unknown[] | null;
    explanation: string | null;
    limits: string | null;
    inputs_withheld: boolean;
    supporting: { evidence: { inputs: { partner: string }[] } }[];
  };
  status_history: unknown[] | null;
  plain_french: string[];
}

describe('who sees which cases', () => {
  let p: PublishedTerritory;
  const visible: Record<string, Set<string>> = {};

  /** The cases of the run about one of the pseudonyms held in the partner's extract rows. */
  async function casesAboutItsPeople(kind: (typeof partners)[number]): Promise<Set<string>> {
    const keys = ['person_pseudo', 'identity_pseudo', 'household_pseudo'].filter((k) =>
      extractColumns[kind].some((c) => c.name === k),
    );
    const { rows } = await sql<{ id: string }>`
      select c.id from cases c
      where c.run_id = ${p.runId} and exists (
        select 1 from ${sql.table(`extract_rows_${kind}`)} r
        join extracts e on e.id = r.extract_id and e.partner_id = ${p.territory.partners[kind]}
        where ${sql.join(
          keys.map((k) => sql`${sql.ref(`r.${k}`)} = any(c.pseudonyms)`),
          sql` or `,
        )})`.execute(p.t.database.db);
    return new Set(rows.map((r) => r.id));
  }

  const detail = async (id: string, who: Caller) => {
    const res = await p.get(`/cases/${id}`, who);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Detail>();
  };

  beforeAll(async () => {
    p = await publishedTerritory();
    for (const who of ['territory', ...partners] as const)
      visible[who] = new Set((await walk(p, 'limit=500', who)).ids);
  }, 120_000);
  afterAll(() => p.close());

  it('shows a partner only the cases about persons or households its own extracts hold', async () => {
    const all = visible.territory!;
    for (const kind of partners) {
      const seen = visible[kind]!;
      const about = await casesAboutItsPeople(kind);
      expect(
        [...seen].filter((id) => !about.has(id)),
        kind,
      ).toEqual([]);
      expect(seen.size, kind).toBeGreaterThan(0);
      expect(seen.size, kind).toBeLessThan(all.size);
    }
    const kinds = await p.t.database.db
      .selectFrom('cases')
      .select(['id', 'subject_kind'])
      .where('run_id', '=', p.runId)
      .execute();
    const tenancies = new Set(kinds.filter((c) => c.subject_kind === 'tenancy').map((c) => c.id));
    expect([...visible.landlord!].every((id) => tenancies.has(id))).toBe(true);
    expect([...visible.cpam!].some((id) => tenancies.has(id))).toBe(false);
    expect([...visible.caf!].some((id) => tenancies.has(id))).toBe(false);
  });

  it('answers 404 to a partner for a case about nobody it holds', async () => {
    const tenancy = [...visible.landlord!][0]!;
    expect((await p.get(`/cases/${tenancy}`, 'cpam')).statusCode).toBe(404);
    expect((await p.get(`/cases/${tenancy}`, 'landlord')).statusCode).toBe(200);
  });

  it('never shows the CPAM the CAF’s values on a case they share, nor the CAF the CPAM’s', async () => {
    const shared = [...visible.cpam!].filter((id) => visible.caf!.has(id));
    expect(shared.length).toBeGreaterThan(50);
    const cpam = p.territory.partners.cpam!;
    const caf = p.territory.partners.caf!;
    for (const id of shared.slice(0, 40)) {
      const full = await detail(id, 'territory');
      const forCpam = await detail(id, 'cpam');
      const forCaf = await detail(id, 'caf');
      for (const [view, own] of [
        [forCpam, cpam],
        [forCaf, caf],
      ] as const) {
        const inputs = [
          ...view.evidence.inputs,
          ...view.evidence.supporting.flatMap((s) => s.evidence.inputs),
        ];
        expect(inputs.every((i) => i.partner === own)).toBe(true);
        expect(view.source_partners).toEqual([own]);
        expect(view.status_history).toBeNull();
        if (view.evidence.inputs_withheld) {
          expect(view.evidence.explanation).toBeNull();
          expect(view.evidence.computation).toBeNull();
        }
      }
      expect(forCpam.household_pseudo).toBeNull();
      expect(forCaf.household_pseudo).toBe(full.household_pseudo);
      // Nothing the CAF sent reaches the CPAM's reading of the case, and the other way round.
      const cafValues = full.evidence.inputs.filter((i) => i.partner === caf).map((i) => i.value);
      expect(forCpam.plain_french.join('\n')).not.toMatch(/extrait CAF/);
      expect(JSON.stringify(forCpam.evidence)).not.toContain(full.evidence.explanation ?? '<none>');
      expect(forCaf.plain_french.join('\n')).not.toMatch(/extrait CPAM/);
      if (full.evidence.inputs.some((i) => i.partner === cpam) && cafValues.length > 0) {
        expect(forCpam.evidence.inputs_withheld).toBe(true);
        expect(forCpam.evidence.limits).toMatch(/^Présomption de droit non demandé/);
      }
      expect(full.source_partners.sort()).toEqual([caf, cpam].sort());
    }
  });

  it('exports to a partner the cases it sees, with only its own households’ pseudonyms', async () => {
    for (const who of ['cpam', 'caf'] as const) {
      const res = await p.get('/cases.csv', who);
      const [header, ...lines] = res.body.slice(1).trim().split('\n');
      const household = header!.split(';').indexOf('household_pseudo');
      expect(new Set(lines.map((l) => l.split(';')[0]))).toEqual(visible[who]);
      const households = lines.map((l) => l.split(';')[household]);
      if (who === 'cpam') expect(households.every((h) => h === '')).toBe(true);
      else expect(households.some((h) => h !== '')).toBe(true);
    }
  });

  it('gives DPOs no case content, and partners no follow-up', async () => {
    const db = p.t.database.db;
    const dpo = await makePartner(db, 'other');
    await addMember(db, p.territory.conventionId, dpo.id, ['dpo']);
    const token = await tokenFor(p.t.app, await makeClient(db, dpo.id, 'dpo'));
    const id = [...visible.caf!][0]!;
    for (const url of ['/cases', `/cases/${id}`, '/cases.csv']) {
      const res = await p.t.app.inject({
        url: `/v1/conventions/${p.territory.conventionId}${url}`,
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.statusCode, url).toBe(403);
    }
    expect((await p.patch(id, 'contacted', 'caf')).statusCode).toBe(403);
  });
});
