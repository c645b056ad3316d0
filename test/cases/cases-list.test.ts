// The case list and its CSV export over the synthetic territory's published run: filters, both orders,
// pagination without duplicates or gaps (also when a page's scan budget runs out), cursors, and the
// record of which pseudonyms each request disclosed.
import { listCasePage } from '@nonrecours/core/cases/cases.repository.ts';
import { kindLabels, subjectKindLabels } from '@nonrecours/french';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, makeClient, makeConvention, makePartner, tokenFor } from '../support/factories.ts';
import {
  type CaseItem,
  disclosed,
  lastEvent,
  type PublishedTerritory,
  publishedTerritory,
  walk,
} from './published-territory.ts';

interface Row {
  id: string;
  benefit: string;
  rule: string;
  confidence: string;
  status: string;
  commune: string;
  estimated_amount: number | null;
  created_at: Date;
  pseudonyms: string[];
}

type Filter = Partial<
  Record<'benefit' | 'rule' | 'confidence' | 'status' | 'commune' | 'min_amount', string>
>;

const desc = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);

function expected(rows: Row[], filter: Filter, sort: 'amount' | 'date'): string[] {
  return rows
    .filter(
      (r) =>
        (filter.benefit === undefined || r.benefit === filter.benefit) &&
        (filter.rule === undefined || r.rule === filter.rule) &&
        (filter.confidence === undefined || r.confidence === filter.confidence) &&
        (filter.status === undefined || r.status === filter.status) &&
        (filter.commune === undefined || r.commune === filter.commune) &&
        (filter.min_amount === undefined || (r.estimated_amount ?? -1) >= Number(filter.min_amount)),
    )
    .sort((a, b) =>
      sort === 'amount'
        ? (b.estimated_amount ?? -1) - (a.estimated_amount ?? -1) || desc(a.id, b.id)
        : b.created_at.getTime() - a.created_at.getTime() || desc(a.id, b.id),
    )
    .map((r) => r.id);
}

describe('the case list', () => {
  let p: PublishedTerritory;
  let rows: Row[];
  let communes: string[];

  beforeAll(async () => {
    p = await publishedTerritory();
    rows = await p.t.database.db
      .selectFrom('cases')
      .select([
        'id',
        'benefit',
        'rule',
        'confidence',
        'status',
        'commune',
        'estimated_amount',
        'created_at',
        'pseudonyms',
      ])
      .where('run_id', '=', p.runId)
      .execute();
    const byCommune = new Map<string, number>();
    for (const r of rows) byCommune.set(r.commune, (byCommune.get(r.commune) ?? 0) + 1);
    communes = [...byCommune.entries()].sort((a, b) => b[1] - a[1]).map(([c]) => c);
  }, 120_000);
  afterAll(() => p.close());

  it('serves the latest published run by default, largest amounts first and cases without one last', async () => {
    const { items, pages } = await walk(p, 'limit=100');
    expect(items).toHaveLength(rows.length);
    expect(new Set(items.map((c) => c.id)).size).toBe(rows.length);
    expect(pages).toBe(Math.ceil(rows.length / 100) + (rows.length % 100 === 0 ? 1 : 0));
    expect(items.every((c) => c.run_id === p.runId)).toBe(true);
    const amounts = items.map((c) => c.estimated_amount ?? -1);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    expect(items.at(-1)!.estimated_amount).toBeNull();
    expect(items[0]!.estimated_amount).not.toBeNull();
  });

  it('pages through every filter and both orders without duplicates or gaps', async () => {
    const filters: Filter[] = [
      {},
      { benefit: 'c2s' },
      { benefit: 'rsa', confidence: 'low' },
      { rule: 'ASPA.PENSION' },
      { rule: 'C2S.RESOURCES', confidence: 'medium' },
      { benefit: 'c2s', commune: communes[2]! },
      { commune: communes[1]! },
      { commune: communes[0]!, benefit: 'ppa' },
      { min_amount: '250.5' },
      { status: 'to_contact', min_amount: '100' },
    ];
    for (const sort of ['amount', 'date'] as const)
      for (const filter of filters) {
        const query = new URLSearchParams({ ...filter, sort, limit: '37' }).toString();
        const { ids } = await walk(p, query);
        expect(ids, query).toEqual(expected(rows, filter, sort));
        expect(ids.length, query).toBeGreaterThan(0);
      }
  });

  it('ends a page early when its scan budget runs out, and the next page goes on from there', async () => {
    const filter = { confidence: 'low' as const };
    const ids: string[] = [];
    let after: { key: string; id: string } | undefined;
    let short = 0;
    for (;;) {
      const page = await listCasePage(p.t.database.db, {
        runId: p.runId,
        viewer: { role: 'territory' },
        filter,
        sort: 'amount',
        after,
        limit: 10,
        scanBudget: 25,
      });
      ids.push(...page.rows.map((r) => r.id));
      if (!page.next) break;
      if (page.rows.length < 10) short++;
      after = page.next;
    }
    expect(short).toBeGreaterThan(0);
    expect(ids).toEqual(expected(rows, filter, 'amount'));
  });

  it('reads an older published run when asked, and answers 404 for a run of no convention', async () => {
    const explicit = await walk(p, `run=${p.runId}&limit=500&benefit=aspa`);
    expect(explicit.ids).toEqual(expected(rows, { benefit: 'aspa' }, 'amount'));
    const missing = await p.get(`/cases?run=${crypto.randomUUID()}`);
    expect(missing.statusCode).toBe(404);
  });

  it('refuses cursors it did not issue, or issued for another order or run', async () => {
    const first = (await p.get('/cases?limit=2')).json<{ next_cursor: string }>();
    const bad = [
      `/cases?cursor=not-a-cursor`,
      `/cases?cursor=${Buffer.from('{"r":1}').toString('base64url')}`,
      `/cases?sort=date&cursor=${first.next_cursor}`,
      `/cases?run=${crypto.randomUUID()}&cursor=${first.next_cursor}`,
    ];
    for (const url of bad) {
      const res = await p.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().code, url).toBe('invalid_cursor');
    }
    for (const url of [
      '/cases?limit=0',
      '/cases?commune=Rennes',
      '/cases?min_amount=-1',
      '/cases?benefit=apl',
    ]) {
      expect((await p.get(url)).statusCode, url).toBe(400);
    }
  });

  it('answers an empty list for a convention without a published run', async () => {
    const db = p.t.database.db;
    const convention = await makeConvention(db);
    const team = await makePartner(db, 'territory');
    await addMember(db, convention.id, team.id, ['territory']);
    const token = await tokenFor(p.t.app, await makeClient(db, team.id, 'territory'));
    const headers = { authorization: `Bearer ${token}` };
    const list = await p.t.app.inject({ url: `/v1/conventions/${convention.id}/cases`, headers });
    expect(list.json()).toEqual({ run_id: null, items: [], next_cursor: null, total: null });
    const csv = await p.t.app.inject({ url: `/v1/conventions/${convention.id}/cases.csv`, headers });
    expect(csv.body.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('records which cases and pseudonyms a page disclosed, in its audit event', async () => {
    const res = await p.get('/cases?limit=20&benefit=c2s&sort=date');
    const items = res.json<{ items: CaseItem[] }>().items;
    const event = await lastEvent(p, 'case.list');
    expect(event.record_count).toBe(20);
    expect((event.details as { cases: string[] }).cases).toEqual(items.map((c) => c.id));
    const shown = new Set(items.map((c) => c.id));
    const pseudonyms = new Set(rows.filter((r) => shown.has(r.id)).flatMap((r) => r.pseudonyms));
    expect(await disclosed(p, event.seq)).toEqual([...pseudonyms].sort());
  });

  it('exports the filtered list as CSV, in list order, with a BOM, and records every pseudonym it holds', async () => {
    const filter = { benefit: 'rsa' };
    const res = await p.get(`/cases.csv?${new URLSearchParams(filter)}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [header, ...lines] = res.body.slice(1).trim().split('\n');
    expect(header).toBe(
      'case_id;person_pseudo;household_pseudo;Sujet;Prestation;Variante;Règle;Confiance;Montant estimé (€ par mois);' +
        'Commune;Suivi;Données de;code_sujet;code_prestation;code_variante;code_regle;code_confiance;code_commune;' +
        'code_suivi;code_donnees',
    );
    const ids = expected(rows, filter, 'amount');
    expect(lines.map((l) => l.split(';')[0])).toEqual(ids);
    expect(res.headers['x-case-count']).toBe(String(ids.length));
    const first = lines[0]!.split(';');
    const item = (await p.get(`/cases/${first[0]}`)).json<CaseItem & Record<string, string>>();
    expect(first.slice(1)).toEqual([
      item.subject_kind === 'tenancy' ? '' : item.subject_pseudo,
      item.household_pseudo ?? '',
      subjectKindLabels[item.subject_kind],
      'RSA',
      '',
      item.rule_label,
      item.confidence_label,
      item.estimated_amount!.toFixed(2).replace('.', ','),
      item.commune_label,
      item.status_label,
      item.rests_on.map((k) => kindLabels[k]).join(', '),
      item.subject_kind,
      'rsa',
      '',
      item.rule,
      item.confidence,
      item.commune,
      item.status,
      item.rests_on.join(','),
    ]);

    const event = await lastEvent(p, 'case.export');
    expect(event.record_count).toBe(ids.length);
    expect(event.details).toMatchObject({ run: p.runId, filter });
    const exported = new Set(ids);
    const pseudonyms = new Set(rows.filter((r) => exported.has(r.id)).flatMap((r) => r.pseudonyms));
    expect(await disclosed(p, event.seq)).toEqual([...pseudonyms].sort());
  });
});
