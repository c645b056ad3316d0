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

export function createDatabase(options: { connectionString: string; poolSize?: number }): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.poolSize ?? 10,
    types: { getTypeParser } as pg.CustomTypesConfig,
    application_name: 'nonrecours',
  });
  // An idle client's error (server restart) must not crash the process; the next query reports it.
  pool.on('error', () => {});
  // A client in use whose connection breaks (the server ends it, a protocol fault) emits 'error' with
  // no listener of the pool's own: the query in flight reports it, and the pool drops the client when
  // it is released, so the event itself must not reach the process as an uncaught exception.
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, pool, close: () => db.destroy() };
}
