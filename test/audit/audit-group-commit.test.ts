// Accesses are recorded by group commit: concurrent events share transactions, each caller resumes
// with its own event once durable, the chain stays linear, each event keeps its own disclosures, and
// an event the database refuses fails alone.
import { randomBytes } from 'node:crypto';
import { type AuditEntry, recordAccess, verifyAuditChain } from '@nonrecours/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

const pseudonym = () => randomBytes(32).toString('base64url');
const entry = (n: number): AuditEntry => ({
  action: 'case.list',
  actor: `reader-${n}`,
  requestId: `group-${n}`,
  outcome: 'success',
  statusCode: 200,
});

describe('recording accesses by group commit', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.close());

  it('appends 300 concurrent events in few transactions, each with its own disclosures', async () => {
    const db = database.db;
    const disclosed = Array.from({ length: 300 }, () => [pseudonym(), pseudonym()]);
    const events = await Promise.all(
      disclosed.map((pseudonyms, n) =>
        recordAccess(db, { ...entry(n), disclosed: [...pseudonyms, pseudonyms[0]!] }),
      ),
    );

    expect(events.map((e) => e.request_id)).toEqual(disclosed.map((_, n) => `group-${n}`));
    const stored = await db
      .selectFrom('audit_events')
      .select(['seq', 'request_id', sql<string>`xmin::text`.as('transaction')])
      .where('request_id', 'like', 'group-%')
      .orderBy('seq')
      .execute();
    expect(stored.map((e) => e.seq)).toEqual(events.map((e) => e.seq));
    const transactions = new Set(stored.map((e) => e.transaction)).size;
    expect(transactions).toBeGreaterThan(1);
    expect(transactions).toBeLessThan(20);

    const rows = await db.selectFrom('audit_disclosures').select(['seq', 'pseudonyms']).execute();
    expect(rows).toHaveLength(300);
    const bySeq = new Map(events.map((e, n) => [e.seq, disclosed[n]!]));
    for (const row of rows) expect([...row.pseudonyms].sort()).toEqual([...bySeq.get(row.seq)!].sort());

    const chain = await verifyAuditChain(db);
    expect(chain.ok).toBe(true);
    expect(chain.checked).toBe(300);
  });

  it('fails only the event the database refuses, and records the others', async () => {
    const db = database.db;
    const refused = { ...entry(1000), action: null as unknown as string };
    const results = await Promise.allSettled([
      recordAccess(db, entry(1001)),
      recordAccess(db, entry(1002)),
      recordAccess(db, refused),
      recordAccess(db, entry(1003)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    const stored = await db
      .selectFrom('audit_events')
      .select('request_id')
      .where('request_id', 'in', ['group-1000', 'group-1001', 'group-1002', 'group-1003'])
      .execute();
    expect(stored.map((e) => e.request_id).sort()).toEqual(['group-1001', 'group-1002', 'group-1003']);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('refuses to record an access inside another transaction', async () => {
    await expect(database.db.transaction().execute((trx) => recordAccess(trx, entry(2000)))).rejects.toThrow(
      /transaction of its own/,
    );
  });
});
