// Hostile and broken uploads over a real socket: bounded parsing, gzip faults, clients that go away
// or crawl, more uploads than the pool can hold. Each one answers a 4xx with a stable code, and the
// pool, the other routes and the database are left as they were.
import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import { copyIn } from '@nonrecours/core/extracts/copy-in.ts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { extractFile } from '../support/extract-files.ts';
import {
  addMember,
  makeClient,
  makeConvention,
  makePartner,
  type TestClient,
  tokenFor,
} from '../support/factories.ts';

const KCV = '4b087fe7a2945f10';

describe('hostile uploads', () => {
  let t: TestApp;
  let url: string;
  let port: number;
  let token: string;
  let client: TestClient;
  let conventionId: string;

  beforeAll(async () => {
    t = await createTestApp({ UPLOAD_IDLE_TIMEOUT_MS: '600', UPLOAD_MIN_BYTES_PER_SECOND: '64' });
    const db = t.database.db;
    conventionId = (await makeConvention(db)).id;
    const org = await makePartner(db, 'caf');
    await addMember(db, conventionId, org.id, ['partner'], ['caf']);
    client = await makeClient(db, org.id, 'partner');
    token = await tokenFor(t.app, client);
    url = await t.app.listen({ host: '127.0.0.1', port: 0 });
    port = Number(new URL(url).port);
  });
  afterAll(() => t.close());

  const path = (query = 'kind=caf&schema=caf.v1&reference_month=2026-09') =>
    `/v1/conventions/${conventionId}/extracts?${query}`;

  async function post(body: string | Buffer, headers: Record<string, string> = {}, query?: string) {
    const res = await fetch(url + path(query), {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'text/csv',
        'x-key-check': KCV,
        ...headers,
      },
      body,
    });
    return {
      status: res.status,
      json: (await res.json()) as { code?: string; message?: string; details?: unknown },
    };
  }

  /** The pool holds only idle connections, no upload is left receiving, no partition is left over. */
  async function expectClean() {
    const pool = t.database.pool;
    for (let i = 0; i < 100 && (pool.idleCount !== pool.totalCount || pool.waitingCount > 0); i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(pool.idleCount).toBe(pool.totalCount);
    const receiving = await t.database.db
      .selectFrom('extracts')
      .select('id')
      .where('status', '=', 'receiving')
      .execute();
    expect(receiving).toEqual([]);
    const orphans = await sql<{ relname: string }>`
      select c.relname from pg_class c
      where c.relkind = 'r' and c.relname ~ '^extract_rows_[a-z]+_[0-9a-f]{32}$' and not c.relispartition`.execute(
      t.database.db,
    );
    expect(orphans.rows).toEqual([]);
    expect((await fetch(`${url}/health/ready`)).status).toBe(200);
  }

  const validLines = extractFile('caf', 2).split('\n');

  it.each([
    ['2,000 empty column names', `${';'.repeat(2_000)}\n`, 'invalid_header'],
    ['21,000 empty column names', `${';'.repeat(21_000)}\n`, 'invalid_header'],
    ['64,000 commas', `${','.repeat(64_000)}\n`, 'invalid_header'],
    [
      'a row with 100,000 extra fields',
      `${validLines[0]}\n${validLines[1]}${';'.repeat(100_000)}\n`,
      'too_many_fields',
    ],
    ['a line of 200 kB', `${validLines[0]}\n${'x'.repeat(200_000)}\n`, 'line_too_long'],
    ['NUL bytes', `${validLines[0]}\n\0\0\0;\0\n`, 'too_many_row_errors'],
  ])('%s: a 422 with its code and line, never the value', async (_name, body, code) => {
    const res = await post(body);
    expect(res.status).toBe(422);
    expect(res.json.code).toBe(code);
    expect(res.json.message!.length).toBeLessThan(300);
    await expectClean();
  });

  it('a truncated gzip body is malformed, a corrupt one is not gzip', async () => {
    const gz = gzipSync(extractFile('caf', 2000));
    const cut = await post(gz.subarray(0, Math.floor(gz.length / 2)), { 'content-encoding': 'gzip' });
    expect(cut).toMatchObject({ status: 422, json: { code: 'malformed_csv' } });
    const corrupt = Buffer.from(gz);
    corrupt.fill(0x41, 10, 200);
    const bad = await post(corrupt, { 'content-encoding': 'gzip' });
    expect(bad.status).toBe(415);
    expect(bad.json.code).toBe('unsupported_encoding');
    const notGzip = await post('person_pseudo;x\n', { 'content-encoding': 'gzip' });
    expect(notGzip).toMatchObject({ status: 415, json: { code: 'unsupported_encoding' } });
    await expectClean();
  });

  it('a COPY aborted with a long reason leaves its connection usable', async () => {
    const pg = await t.database.pool.connect();
    try {
      await pg.query('create temp table copy_probe (v text)');
      const copy = copyIn(pg, 'copy copy_probe (v) from stdin');
      copy.write('a\n');
      const ended = new Promise((resolve) => copy.on('error', resolve).on('close', resolve));
      copy.destroy(new Error('x'.repeat(100_000)));
      await ended;
      expect((await pg.query('select count(*)::int as n from copy_probe')).rows).toEqual([{ n: 0 }]);
    } finally {
      pg.release();
    }
  });

  /** Sends the head of an upload and part of its body on a raw socket, then what `then` does. */
  function rawUpload(bodyPart: string, then: (socket: ReturnType<typeof connect>) => void, length = 100_000) {
    return new Promise<string>((resolve) => {
      let answer = '';
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(
          `POST ${path()} HTTP/1.1\r\nhost: x\r\nauthorization: Bearer ${token}\r\ncontent-type: text/csv\r\n` +
            `x-key-check: ${KCV}\r\ncontent-length: ${length}\r\n\r\n${bodyPart}`,
        );
        then(socket);
      });
      socket.on('data', (d) => {
        answer += d;
      });
      socket.on('error', () => {});
      socket.on('close', () => resolve(answer));
    });
  }

  it('clients that go away mid-body, at once or later, leave failed extracts and a free pool', async () => {
    const body = extractFile('caf', 50);
    const aborts = Array.from({ length: 12 }, (_, i) =>
      rawUpload(body.slice(0, 200 + i * 300), (socket) => {
        if (i % 2 === 0) socket.destroy();
        else setTimeout(() => socket.destroy(), 100);
      }),
    );
    await Promise.all(aborts);
    await expectClean();
    const statuses = await t.database.db
      .selectFrom('extracts')
      .select(['status', 'refusal_code'])
      .where('refusal_code', '=', 'interrupted')
      .execute();
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((s) => s.status === 'failed')).toBe(true);
    const tokenRes = await fetch(`${url}/v1/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'client_credentials',
        client_id: client.id,
        client_secret: client.secret,
      }),
    });
    expect(tokenRes.status).toBe(200);
  });

  it('a body that stops coming is ended by the idle timeout with 408', async () => {
    const answer = await rawUpload(extractFile('caf', 5).slice(0, 300), () => {});
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(answer).toContain('"upload_too_slow"');
    await expectClean();
  });

  it('uploads beyond the slots are told to come back, and the slots are given back', async () => {
    const held = Array.from({ length: 5 }, () => {
      let socket: ReturnType<typeof connect> | undefined;
      const done = rawUpload(extractFile('caf', 5).slice(0, 300), (s) => {
        socket = s;
      });
      return { done, stop: () => socket?.destroy() };
    });
    await new Promise((r) => setTimeout(r, 150));
    const refused = await post(extractFile('caf', 2));
    expect(refused).toMatchObject({ status: 429, json: { code: 'too_many_uploads' } });
    expect((await fetch(`${url}/health/ready`)).status).toBe(200);
    for (const h of held) h.stop();
    await Promise.all(held.map((h) => h.done));
    await expectClean();
    expect((await post(extractFile('caf', 2))).status).toBe(202);
  });

  it('Basic credentials with malformed percent-encoding are a 400', async () => {
    const res = await fetch(`${url}/v1/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from('%zz:%E0%A4%A').toString('base64')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ grant_type: 'client_credentials' }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { code: string }).code).toBe('invalid_request');
  });

  it('reference_month is bounded by the convention start and the current month', async () => {
    const now = new Date();
    const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString().slice(0, 7);
    for (const month of ['9999-12', next, '2023-12']) {
      const res = await post(extractFile('caf', 2), {}, `kind=caf&schema=caf.v1&reference_month=${month}`);
      expect(res.status, month).toBe(400);
      expect(res.json).toMatchObject({
        code: 'reference_month_out_of_range',
        details: { earliest: '2024-01' },
      });
    }
    const current = now.toISOString().slice(0, 7);
    const ok = await post(extractFile('caf', 2), {}, `kind=caf&schema=caf.v1&reference_month=${current}`);
    expect(ok.status).toBe(202);
  });

  it('a charset other than UTF-8 is refused with 415 unsupported_encoding', async () => {
    for (const type of [
      'text/csv; charset=latin1',
      'text/csv;charset="ISO-8859-1"',
      'text/csv; charset=utf-16',
    ]) {
      const res = await post(extractFile('caf', 2), { 'content-type': type });
      expect(res, type).toMatchObject({ status: 415, json: { code: 'unsupported_encoding' } });
    }
    for (const type of ['text/csv; charset=utf-8', 'text/csv; charset="UTF-8"', 'text/csv;charset=utf8']) {
      expect((await post(extractFile('caf', 2), { 'content-type': type })).status, type).toBe(202);
    }
    await expectClean();
  });
});
