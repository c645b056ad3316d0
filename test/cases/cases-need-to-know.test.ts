// Need to know over a real run of the synthetic territory, through the API only, checked against the
// partners' own extracts: for each kind of partner, every case it can read — list, detail, CSV export,
// statistics — carries no amount, variant, parameter, computation, explanation or commune computed
// from another partner's values, and its order and filters do not tell them either.

import { communeLabel } from '@nonrecours/french';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, type PublishedTerritory, publishedTerritory, walk } from './published-territory.ts';

const partners = ['caf', 'cpam', 'msa', 'carsat', 'landlord'] as const;

interface Seen {
  id: string;
  benefit: string;
  variant: string | null;
  estimated_amount: number | null;
  commune: string | null;
  household_pseudo: string | null;
  rests_on: string[];
  withheld: boolean;
  plain_french?: string[];
  evidence?: {
    parameters: unknown[];
    inputs: { partner: string; value: unknown }[];
    computation: unknown[] | null;
    explanation: string | null;
    supporting: unknown[];
  };
}

/** What the case rests on, read from the extracts' side: the stored evidence's inputs. */
interface Truth {
  id: string;
  estimated_amount: string | null;
  variant: string | null;
  commune: string;
  household_pseudo: string | null;
  source_extracts: string[];
  input_partners: string[];
  input_kinds: string[];
  sole_input_partner: string | null;
  created_at: Date;
  evidence_partners: string[];
  evidence_kinds: string[];
}

describe('need to know, per partner', () => {
  let p: PublishedTerritory;
  const truth = new Map<string, Truth>();
  const listed: Record<string, Seen[]> = {};

  const mineOf = (who: Caller) => p.territory.partners[who as (typeof partners)[number]]!;
  /** Whether every input of the case is the partner's own: then, and only then, it sees its amount. */
  const allMine = (c: Truth, who: Caller) =>
    c.evidence_partners.length > 0 && c.evidence_partners.every((x) => x === mineOf(who));

  beforeAll(async () => {
    p = await publishedTerritory();
    const { rows } = await sql<Truth>`
      select c.id, c.estimated_amount::text, c.variant, c.commune, c.household_pseudo, c.source_extracts,
        c.input_partners, c.input_kinds, c.sole_input_partner, c.created_at,
        array(select distinct i ->> 'partner' from jsonb_path_query(c.evidence, '$.**.inputs[*]') i order by 1) as evidence_partners,
        array(select distinct i ->> 'kind' from jsonb_path_query(c.evidence, '$.**.inputs[*]') i order by 1) as evidence_kinds
      from cases c where c.run_id = ${p.runId}`.execute(p.t.database.db);
    for (const row of rows) truth.set(row.id, row);
    for (const who of partners) listed[who] = (await walk(p, 'limit=500', who)).items as unknown as Seen[];
  }, 180_000);
  afterAll(() => p.close());

  it('derives whose values each case rests on from its evidence, supporting results included', () => {
    for (const c of truth.values()) {
      expect(c.input_partners).toEqual(c.evidence_partners);
      expect(c.input_kinds).toEqual(c.evidence_kinds);
      expect(c.sole_input_partner).toBe(c.input_partners.length === 1 ? c.input_partners[0] : null);
    }
  });

  it('lists to each partner the amount, variant and commune only of what it needs to know', async () => {
    const ownExtracts = await p.t.database.db.selectFrom('extracts').select(['id', 'partner_id']).execute();
    let withheld = 0;
    for (const who of partners) {
      const extracts = new Set(ownExtracts.filter((e) => e.partner_id === mineOf(who)).map((e) => e.id));
      expect(listed[who]!.length, who).toBeGreaterThan(0);
      for (const c of listed[who]!) {
        const t = truth.get(c.id)!;
        expect(c.rests_on).toEqual(t.input_kinds);
        const mine = allMine(t, who);
        expect(c.withheld, `${who} ${c.id}`).toBe(!mine);
        expect(c.estimated_amount).toBe(
          mine && t.estimated_amount !== null ? Number(t.estimated_amount) : null,
        );
        expect(c.variant).toBe(mine ? t.variant : null);
        const placed = extracts.has(t.source_extracts[0]!);
        expect(c.commune).toBe(placed ? t.commune : null);
        expect(c.household_pseudo).toBe(placed ? t.household_pseudo : null);
        if (!mine) withheld++;
      }
    }
    expect(withheld).toBeGreaterThan(100);
    // The CPAM provides none of the inputs of the RSA, PPA and ASPA cases it sees: nothing of them.
    const cpamOthers = listed.cpam!.filter((c) => c.benefit !== 'c2s');
    expect(cpamOthers.length).toBeGreaterThan(0);
    expect(cpamOthers.every((c) => c.withheld && c.estimated_amount === null)).toBe(true);
  });

  it('shows in a detail no parameter, computation, explanation or supporting result resting on others', async () => {
    for (const who of partners) {
      const sample = listed[who]!.filter((_, i) => i % 7 === 0).slice(0, 25);
      for (const item of sample) {
        const res = await p.get(`/cases/${item.id}`, who);
        expect(res.statusCode, res.body).toBe(200);
        const c = res.json<Seen>();
        const e = c.evidence!;
        expect(e.inputs.every((i) => i.partner === mineOf(who))).toBe(true);
        if (c.withheld) {
          expect(c.estimated_amount).toBeNull();
          expect(e.parameters).toEqual([]);
          expect(e.computation).toBeNull();
          expect(e.explanation).toBeNull();
          expect(e.supporting).toEqual([]);
          expect(c.plain_french!.join('\n')).not.toMatch(/Montant estimé|Paramètre|€/);
        }
      }
    }
  });

  it('orders and filters a partner’s list by the amounts it may see only', async () => {
    for (const who of ['cpam', 'caf'] as const) {
      const amounts = listed[who]!.map((c) => c.estimated_amount ?? -1);
      expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
      // The cases without an amount it may see come after, newest first: nothing of their amounts.
      const rest = listed[who]!.filter((c) => c.estimated_amount === null).map((c) => truth.get(c.id)!);
      const times = rest.map((c) => c.created_at.getTime());
      expect(times).toEqual([...times].sort((a, b) => b - a));
      // Small pages follow the same order, without duplicates or gaps, across its two parts.
      const paged = await walk(p, 'limit=7', who);
      expect(paged.ids).toEqual(listed[who]!.map((c) => c.id));
      const filtered = (await walk(p, 'limit=500&min_amount=100', who)).items as unknown as Seen[];
      expect(filtered.every((c) => !c.withheld && (c.estimated_amount ?? 0) >= 100)).toBe(true);
      expect(filtered.length).toBe(listed[who]!.filter((c) => (c.estimated_amount ?? -1) >= 100).length);
    }
    const communes = listed.cpam!.filter((c) => c.commune !== null);
    const hidden = listed.cpam!.find((c) => c.commune === null);
    if (hidden) {
      const commune = truth.get(hidden.id)!.commune;
      const byCommune = (await walk(p, `limit=500&commune=${commune}`, 'cpam')).items as unknown as Seen[];
      expect(byCommune.map((c) => c.id)).not.toContain(hidden.id);
      expect(byCommune.every((c) => c.commune === commune)).toBe(true);
    }
    expect(communes.length + (hidden ? 1 : 0)).toBeGreaterThan(0);
  });

  it('takes a partner’s cursor past its amounts from partners only, and without a minimum amount', async () => {
    const cursor = Buffer.from(
      JSON.stringify({
        r: p.runId,
        s: 'amount',
        k: '9999-12-31T23:59:59.999999Z',
        i: 'ffffffff-ffff-ffff-ffff-ffffffffffff',
      }),
    ).toString('base64url');
    expect((await p.get(`/cases?cursor=${cursor}`, 'cpam')).statusCode).toBe(200);
    for (const [query, who] of [
      [`cursor=${cursor}`, 'territory'],
      [`cursor=${cursor}&min_amount=10`, 'cpam'],
    ] as const) {
      const res = await p.get(`/cases?${query}`, who);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().code).toBe('invalid_cursor');
    }
  });

  it('exports to a partner the same need to know as the list', async () => {
    for (const who of partners) {
      const res = await p.get('/cases.csv', who);
      expect(res.statusCode).toBe(200);
      const [header, ...lines] = res.body.slice(1).trim().split('\n');
      const columns = header!.split(';');
      const at = (name: string) => columns.indexOf(name);
      const byId = new Map(listed[who]!.map((c) => [c.id, c]));
      expect(lines.length).toBe(byId.size);
      expect(lines.map((l) => l.split(';')[at('case_id')])).toEqual(listed[who]!.map((c) => c.id));
      for (const line of lines) {
        const cells = line.split(';');
        const c = byId.get(cells[at('case_id')]!)!;
        const amount = cells[at('Montant estimé (€ par mois)')]!;
        expect(amount === '' ? null : Number(amount.replace(',', '.'))).toBe(c.estimated_amount);
        expect(cells[at('code_commune')] || null).toBe(c.commune);
        expect(cells[at('Commune')] || null).toBe(c.commune === null ? null : communeLabel(c.commune));
        expect(cells[at('code_variante')] || null).toBe(c.variant);
        expect(cells[at('code_donnees')]).toBe(c.rests_on.join(','));
      }
    }
  });

  it('counts for a partner its own cases, with the amounts it may see only', async () => {
    for (const who of partners) {
      const res = await p.get('/stats', who);
      expect(res.statusCode, res.body).toBe(200);
      const stats = res.json<{
        overall: { presumed: { value: number | null } };
        by_commune: { commune: string; presumed: { value: number | null } }[];
      }>();
      expect(stats.overall.presumed.value).toBe(listed[who]!.length);
      const shownCommunes = new Set(listed[who]!.map((c) => c.commune ?? 'undisclosed'));
      expect(stats.by_commune.every((c) => shownCommunes.has(c.commune))).toBe(true);
    }
  });
});
