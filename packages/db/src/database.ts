// One pg pool shared by Kysely and the COPY paths, with type parsers that keep values exact.
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

const { types } = pg;

const TEXT_ARRAY = 1009;
const UUID_ARRAY = 2951;

// int8 counts and sequence numbers fit in a double here; numeric amounts are read as numbers and
// dates stay 'YYYY-MM-DD' strings (the default would shift them through the local time zone).
function getTypeParser(oid: number, format?: 'text' | 'binary') {
  if (oid === types.builtins.INT8) return (v: string) => Number(v);
  if (oid === types.builtins.NUMERIC) return (v: string) => Number(v);
  if (oid === types.builtins.DATE) return (v: string) => v;
  const parser = types.getTypeParser(oid, format);
  if (format !== 'binary' && (oid === TEXT_ARRAY || oid === UUID_ARRAY))
    return splitPlainArray(parser as (v: string) => unknown);
  return parser;
}

/** The pool's parsers, for what reads rows outside its queries (a cursor). */
export const typeParsers = { getTypeParser } as pg.CustomTypesConfig;

/**
 * A one-dimensional array none of whose elements is quoted (pseudonyms, ids, codes) is split at its
 * commas: a list page holds hundreds of them, and the general parser reads them a character at a
 * time. PostgreSQL quotes every element that holds a comma, a brace, a quote, a backslash or a space,
 * or is empty or the word NULL, so anything else goes to the general parser.
 */
export function splitPlainArray(general: (v: string) => unknown) {
  return (v: string): unknown => {
    if (v === '{}') return [];
    if (v[0] !== '{' || /["\\{]/.test(v.slice(1))) return general(v);
    return v
      .slice(1, -1)
      .split(',')
      .map((e) => (e === 'NULL' ? null : e));
  };
}

export type Db = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  pool: pg.Pool;
  close(): Promise<void>;
}

export function createDatabase(options: {
  connectionString: string;
  poolSize?: number;
  connectTimeoutMs?: number;
}): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.poolSize ?? 10,
    types: typeParsers,
    application_name: 'nonrecours',
    // While the server is unreachable a request fails after this, rather than waiting for ever.
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
  });
  // A server restart must not crash the process: an idle client's error reaches the pool's listener,
  // but a checked-out client between two queries (inside a transaction, during a COPY, while a job
  // computes) has none unless it is given one; its next query then fails, and the pool discards it.
  pool.on('error', () => {});
  pool.on('connect', (client) => {
    client.on('error', () => {});
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, pool, close: () => db.destroy() };
}

/** SQLSTATE classes and driver messages that say the server is down or restarting, not the query wrong. */
const unavailableStates = new Set(['57P01', '57P02', '57P03', '53300']);
const unavailableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const unavailableMessages = [
  'Connection terminated',
  'Client has encountered a connection error',
  'timeout exceeded when trying to connect',
  'Client was closed and is not queryable',
];

/** True when an error comes from the database being unreachable (a restart, a crash, a network cut). */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (
      typeof code === 'string' &&
      (unavailableStates.has(code) || code.startsWith('08') || unavailableCodes.has(code))
    )
      return true;
    if (typeof message === 'string' && unavailableMessages.some((m) => message.includes(m))) return true;
    if (e instanceof AggregateError && e.errors.some(isDatabaseUnavailable)) return true;
  }
  return false;
}
