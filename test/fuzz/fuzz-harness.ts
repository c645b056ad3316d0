// What every fuzz case runs against and checks afterwards: a real API on a real socket over its own
// database, tokens of every role, a raw HTTP client that can lie, cut and stall, and the invariants
// — no 5xx, a stable error code, the process alive, the pool idle again, no row or table left behind.
import { connect } from 'node:net';
import { extractKinds } from '@nonrecours/pseudo';
import { sql } from 'kysely';
import { expect } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { addMember, makeClient, makeConvention, makePartner, tokenFor } from '../support/factories.ts';

/** Cases per fuzz file: FUZZ_RUNS (set by `pnpm test:fuzz --runs N`), or the CI size. */
export const fuzzRuns = (ciSize: number) => Number(process.env.FUZZ_RUNS ?? ciSize);

/** fast-check's parameters: FUZZ_SEED and FUZZ_PATH replay a reported counterexample. */
export const fuzzParameters = (numRuns: number) => ({
  numRuns,
  endOnFailure: true,
  ...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {}),
  ...(process.env.FUZZ_PATH ? { path: process.env.FUZZ_PATH } : {}),
});

export const IDLE_TIMEOUT_MS = 100;
export const MAX_UPLOAD_BYTES = 1024 * 1024;
export const KCV = '4b087fe7a2945f10';

export interface FuzzTarget {
  t: TestApp;
  url: string;
  port: number;
  conventionId: string;
  tokens: Record<'partner' | 'territory' | 'dpo' | 'admin', string>;
  uncaught: unknown[];
  close(): Promise<void>;
}

export async function startFuzzTarget(): Promise<FuzzTarget> {
  const t = await createTestApp({
    UPLOAD_IDLE_TIMEOUT_MS: String(IDLE_TIMEOUT_MS),
    UPLOAD_MIN_BYTES_PER_SECOND: '16',
    MAX_UPLOAD_BYTES: String(MAX_UPLOAD_BYTES),
    TOKEN_RATE_LIMIT_PER_MINUTE: '100000',
  });
  const db = t.database.db;
  const conventionId = (await makeConvention(db)).id;
  const caf = await makePartner(db, 'caf');
  await addMember(db, conventionId, caf.id, ['partner'], ['caf', 'cpam', 'msa', 'carsat', 'landlord']);
  const team = await makePartner(db, 'territory');
  await addMember(db, conventionId, team.id, ['territory', 'dpo']);
  const tokens = {
    partner: await tokenFor(t.app, await makeClient(db, caf.id, 'partner')),
    territory: await tokenFor(t.app, await makeClient(db, team.id, 'territory')),
    dpo: await tokenFor(t.app, await makeClient(db, team.id, 'dpo')),
    admin: await tokenFor(t.app, await makeClient(db, team.id, 'admin')),
  };
  const url = await t.app.listen({ host: '127.0.0.1', port: 0 });
  const uncaught: unknown[] = [];
  const record = (error: unknown) => uncaught.push(error);
  process.on('uncaughtException', record);
  process.on('unhandledRejection', record);
  return {
    t,
    url,
    port: Number(new URL(url).port),
    conventionId,
    tokens,
    uncaught,
    close: async () => {
      process.off('uncaughtException', record);
      process.off('unhandledRejection', record);
      await t.close();
    },
  };
}

export interface RawAnswer {
  status: number | null;
  body: string;
}

export type Transport =
  | 'whole'
  | 'chunked'
  | 'chunked_cut'
  | 'length_longer_close'
  | 'length_longer_half_close'
  | 'length_shorter'
  | 'slow';

/**
 * Sends one request on its own socket as `transport` says, and resolves with the answer (status null
 * when the client itself went away first). Rejects when nothing ends it within `hungMs`: a hung request.
 */
export function rawRequest(
  port: number,
  head: { method: string; path: string; headers: Record<string, string> },
  body: Buffer,
  transport: Transport,
  hungMs = 10_000,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const parts: Buffer[] = [];
    let done = false;
    const finish = (status: number | null) => {
      if (done) return;
      done = true;
      clearTimeout(hung);
      socket.destroy();
      const text = Buffer.concat(parts).toString('utf8');
      const m = /^HTTP\/1\.1 (\d{3})/.exec(text);
      const split = text.indexOf('\r\n\r\n');
      resolve({ status: m ? Number(m[1]) : status, body: split >= 0 ? text.slice(split + 4) : '' });
    };
    const hung = setTimeout(() => {
      if (done) return;
      done = true;
      socket.destroy();
      reject(new Error(`hung request: ${head.method} ${head.path.slice(0, 80)} (${transport})`));
    }, hungMs);
    socket.on('data', (d: Buffer) => {
      parts.push(d);
      // The whole answer is there when its announced length has come.
      const text = Buffer.concat(parts).toString('latin1');
      const split = text.indexOf('\r\n\r\n');
      const length = /\r\ncontent-length: (\d+)/i.exec(text.slice(0, split));
      if (split >= 0 && length && text.length - split - 4 >= Number(length[1])) finish(null);
    });
    socket.on('error', () => finish(null));
    socket.on('close', () => finish(null));
    const headers: Record<string, string> = { host: 'fuzz', connection: 'close', ...head.headers };
    const chunked = transport === 'chunked' || transport === 'chunked_cut';
    if (chunked) headers['transfer-encoding'] = 'chunked';
    else if (!('content-length' in headers)) {
      const declared =
        transport === 'length_longer_close' || transport === 'length_longer_half_close'
          ? body.length + 1000
          : transport === 'length_shorter'
            ? Math.floor(body.length / 2)
            : body.length;
      headers['content-length'] = String(declared);
    }
    const headText = Object.entries(headers)
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('');
    socket.once('connect', () => {
      socket.write(`${head.method} ${head.path} HTTP/1.1\r\n${headText}\r\n`);
      switch (transport) {
        case 'whole':
        case 'length_shorter':
          socket.write(body);
          break;
        case 'chunked':
        case 'chunked_cut': {
          const cut = transport === 'chunked_cut' ? Math.floor(body.length / 2) : body.length;
          for (let p = 0; p < cut; p += 4096) {
            const piece = body.subarray(p, Math.min(cut, p + 4096));
            socket.write(`${piece.length.toString(16)}\r\n`);
            socket.write(piece);
            socket.write('\r\n');
          }
          if (transport === 'chunked') socket.write('0\r\n\r\n');
          else setTimeout(() => finish(null), 5);
          break;
        }
        case 'length_longer_close':
          socket.write(body);
          setTimeout(() => finish(null), 5);
          break;
        case 'length_longer_half_close':
          socket.end(body);
          break;
        case 'slow':
          // A few bytes, then silence: the server's idle timeout must end it.
          socket.write(body.subarray(0, Math.min(body.length, 64)));
          break;
      }
    });
  });
}

export const errorCodePattern = /^[a-z][a-z0-9_]*$/;

/** Every 4xx carries a code from `known`; no answer is a 5xx. */
export function expectStableAnswer(answer: RawAnswer, known: ReadonlySet<string>, what: string): void {
  if (answer.status === null) return;
  expect(answer.status, `${what}: ${answer.body.slice(0, 300)}`).toBeLessThan(500);
  if (answer.status < 400) return;
  let code: unknown;
  try {
    code = (JSON.parse(answer.body) as { code?: unknown }).code;
  } catch {
    code = undefined;
  }
  // Node's own parser answers a request it cannot read with a bare 400 and no body.
  if (answer.body === '' && answer.status === 400) return;
  expect(
    typeof code === 'string' && errorCodePattern.test(code),
    `${what}: ${answer.body.slice(0, 200)}`,
  ).toBe(true);
  expect(known.has(code as string), `${what}: unknown code ${String(code)}`).toBe(true);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Uploads still receiving, partitions not attached, rows of extracts not accepted: in one query. */
async function leftBehind(target: FuzzTarget) {
  const result = await sql<{ receiving: number; orphans: number; stray: number }>`
    select
      (select count(*)::int from extracts where status = 'receiving') as receiving,
      (select count(*)::int from pg_class
        where relkind = 'r' and relname ~ '^extract_rows_[a-z]+_[0-9a-f]{32}$' and not relispartition) as orphans,
      (select count(*)::int from (${sql.join(
        extractKinds.map(
          (kind) => sql`select extract_id from ${sql.table(`extract_rows_${kind}`)} where extract_id not in (
            select id from extracts where status = 'accepted')`,
        ),
        sql` union all `,
      )}) s) as stray`.execute(target.t.database.db);
  return result.rows[0]!;
}

/**
 * After a case: the process alive and answering, no uncaught error, every pool connection idle again,
 * no upload still receiving, no partition that is not attached, no row of an extract not accepted.
 */
export async function expectSettled(target: FuzzTarget): Promise<void> {
  const pool = target.t.database.pool;
  const deadline = Date.now() + 5000;
  const connections = () =>
    new Promise<number>((resolve) => target.t.app.server.getConnections((_e, n) => resolve(n)));
  const idle = () => pool.idleCount === pool.totalCount && pool.waitingCount === 0;
  // Settled: no socket open and every connection idle, seen in a row (a handler whose client went
  // away may still be recording its outcome), and nothing left behind.
  let left = { receiving: 0, orphans: 0, stray: 0 };
  for (let calm = 0; calm < 3 && Date.now() < deadline; ) {
    await sleep(calm === 0 ? 1 : 2);
    let quiet = (await connections()) === 0 && idle();
    if (quiet && calm === 2) {
      left = await leftBehind(target);
      quiet = left.receiving === 0 && idle();
    }
    calm = quiet ? calm + 1 : 0;
  }
  expect(target.uncaught).toEqual([]);
  if (!idle()) {
    const busy = await sql<{ state: string; wait_event: string | null; query: string }>`
      select state, wait_event, left(query, 120) as query from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid() and state <> 'idle'`.execute(
      target.t.database.db,
    );
    expect.soft(busy.rows).toEqual([]);
  }
  expect({ idle: pool.idleCount, waiting: pool.waitingCount }).toEqual({ idle: pool.totalCount, waiting: 0 });
  expect(left).toEqual({ receiving: 0, orphans: 0, stray: 0 });
  const live = await rawRequest(
    target.port,
    { method: 'GET', path: '/health/live', headers: {} },
    Buffer.alloc(0),
    'whole',
  );
  expect(live.status).toBe(200);
}
