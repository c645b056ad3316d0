// Two partners uploading at once while a territory team reads: every request behaves.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { extractStream } from '../support/extract-files.ts';
import { addMember, makeClient, makeConvention, makePartner, tokenFor } from '../support/factories.ts';

describe('concurrent uploads', () => {
  let t: TestApp;
  let url: string;
  let conventionId: string;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    conventionId = (await makeConvention(db)).id;
    for (const [name, kind, roles, provides] of [
      ['caf', 'caf', ['partner'], ['caf']],
      ['cpam', 'cpam', ['partner'], ['cpam']],
      ['team', 'territory', ['territory'], []],
    ] as const) {
      const org = await makePartner(db, kind);
      await addMember(db, conventionId, org.id, [...roles], [...provides]);
      tokens[name] = await tokenFor(t.app, await makeClient(db, org.id, roles[0]));
    }
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => t.close());

  const upload = (who: 'caf' | 'cpam', rows: number) =>
    fetch(
      `${url}/v1/conventions/${conventionId}/extracts?kind=${who}&schema=${who}.v1&reference_month=2026-09`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${tokens[who]}`,
          'content-type': 'text/csv',
          'x-key-check': '4b087fe7a2945f10',
        },
        body: extractStream(who, rows) as unknown as ReadableStream,
        duplex: 'half',
      } as RequestInit,
    );

  it('accepts both uploads and answers the reader throughout', async () => {
    let uploading = true;
    const reads: number[] = [];
    const reader = (async () => {
      while (uploading) {
        const res = await fetch(`${url}/v1/conventions/${conventionId}/extracts`, {
          headers: { authorization: `Bearer ${tokens.team}` },
        });
        reads.push(res.status);
        await res.arrayBuffer();
      }
    })();
    const [caf, cpam] = await Promise.all([upload('caf', 40_000), upload('cpam', 60_000)]);
    uploading = false;
    await reader;
    expect(caf.status).toBe(202);
    expect(cpam.status).toBe(202);
    expect(reads.length).toBeGreaterThan(1);
    expect(reads.every((s) => s === 200)).toBe(true);
    const counts = await sql<{ caf: number; cpam: number }>`
      select (select count(*)::int from extract_rows_caf) as caf, (select count(*)::int from extract_rows_cpam) as cpam`.execute(
      t.database.db,
    );
    expect(counts.rows[0]).toEqual({ caf: 40_000, cpam: 60_000 });
  }, 60_000);
});
