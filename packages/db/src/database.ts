// One pg pool shared by Kysely and the COPY paths, with type parsers that keep values exact.
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

const { types } = pg;

// int8 counts and sequence numbers fit in a double here; numeric amounts are read as numbers and
// dates stay 'YYYY-MM-DD' strings (the default would shift them through the local time zone).
function getTypeParser(oid: number, format?: 'text' | 'binary') {
  if (oid === types.builtins.INT8) return (v: string) => Number(v);
  if (oid === types.builtins.NUMERIC) return (v: string) => Number(v);
  if (oid === types.builtins.DATE) return (v: string) => v;
  return types.getTypeParser(oid, format);
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
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, pool, close: () => db.destroy() };
}
