// The synthetic territory with a published run, and the requests the case tests make on it.
import { jobId } from '@nonrecours/queue';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../support/app.ts';
import { loadTerritory } from '../support/territory.ts';

export type Territory = Awaited<ReturnType<typeof loadTerritory>>;
export type Caller = 'territory' | 'caf' | 'cpam' | 'msa' | 'carsat' | 'landlord';

export interface PublishedTerritory {
  t: TestApp;
  territory: Territory;
  runId: string;
  get(path: string, who?: Caller): Promise<LightMyRequestResponse>;
  patch(caseId: string, status: string, who?: Caller): Promise<LightMyRequestResponse>;
  /** Starts a run and waits until it is published. */
  publishRun(): Promise<string>;
  close(): Promise<void>;
}

export async function publishedTerritory(): Promise<PublishedTerritory> {
  const t = await createTestApp();
  await t.startWorkers();
  const territory = await loadTerritory(t.app, t.database.db);
  const base = `/v1/conventions/${territory.conventionId}`;
  const auth = (who: Caller) => ({ authorization: `Bearer ${territory.tokens[who]}` });
  async function publishRun(): Promise<string> {
    const started = await t.app.inject({
      method: 'POST',
      url: `${base}/runs`,
      headers: auth('territory'),
      payload: {},
    });
    if (started.statusCode !== 202) throw new Error(`run: ${started.statusCode} ${started.body}`);
    const id: string = started.json().id;
    await t.queue.waitFor(jobId('run-prepare', id), 60_000);
    await t.queue.waitFor(jobId('run-finalise', id), 60_000);
    return id;
  }
  const runId = await publishRun();
  return {
    t,
    territory,
    runId,
    get: (path, who = 'territory') => t.app.inject({ url: `${base}${path}`, headers: auth(who) }),
    patch: (caseId, status, who = 'territory') =>
      t.app.inject({
        method: 'PATCH',
        url: `${base}/cases/${caseId}`,
        headers: auth(who),
        payload: { status },
      }),
    publishRun,
    close: () => t.close(),
  };
}

/** Every page of a list, following next_cursor. */
export async function walk(
  p: PublishedTerritory,
  query: string,
  who: Caller = 'territory',
): Promise<{ ids: string[]; pages: number; items: CaseItem[] }> {
  const items: CaseItem[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res = await p.get(`/cases?${query}${cursor ? `&cursor=${cursor}` : ''}`, who);
    if (res.statusCode !== 200) throw new Error(`list: ${res.statusCode} ${res.body}`);
    const page = res.json<{ items: CaseItem[]; next_cursor: string | null }>();
    items.push(...page.items);
    cursor = page.next_cursor;
    pages++;
  } while (cursor);
  return { ids: items.map((c) => c.id), pages, items };
}

export interface CaseItem {
  id: string;
  run_id: string;
  subject_kind: string;
  subject_pseudo: string;
  household_pseudo: string | null;
  benefit: string;
  rule: string;
  confidence: string;
  estimated_amount: number | null;
  commune: string | null;
  status: string;
  source_partners: string[];
  rests_on: string[];
  withheld: boolean;
  created_at: string;
}

/** The pseudonyms an audit event recorded as disclosed. */
export async function disclosed(p: PublishedTerritory, seq: number): Promise<string[]> {
  const { rows } = await sql<{ pseudonym: string }>`
    select unnest(pseudonyms) as pseudonym from audit_disclosures where seq = ${seq} order by pseudonym`.execute(
    p.t.database.db,
  );
  return rows.map((r) => r.pseudonym);
}

/** The latest audit event of an action. */
export async function lastEvent(p: PublishedTerritory, action: string) {
  return p.t.database.db
    .selectFrom('audit_events')
    .selectAll()
    .where('action', '=', action)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
}
