// Test databases: the migrations run once into a template (global setup), then every test file
// clones it with CREATE DATABASE … TEMPLATE, so files run in parallel on isolated data.
import { randomBytes } from 'node:crypto';
import { createDatabase, type DatabaseHandle, migrateToLatest } from '@nonrecours/db';
import pg from 'pg';

export const TEMPLATE_DATABASE = 'nonrecours_test_template';
const TEST_PREFIX = 'nonrecours_t_';

/** The server used by the tests: TEST_DATABASE_URL, else the local PostgreSQL. */
export function serverUrl(database = 'postgres'): string {
  const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function prepareTemplate(): Promise<void> {
  await withAdmin(async (client) => {
    const stale = await client.query<{ datname: string }>(
      `select datname from pg_database where datname like $1 or datname = $2`,
      [`${TEST_PREFIX}%`, TEMPLATE_DATABASE],
    );
    for (const { datname } of stale.rows)
      await client.query(`drop database if exists "${datname}" with (force)`);
    await client.query(`create database "${TEMPLATE_DATABASE}"`);
  });
  const handle = createDatabase({ connectionString: serverUrl(TEMPLATE_DATABASE), poolSize: 1 });
  try {
    await migrateToLatest(handle.db);
  } finally {
    await handle.close();
  }
}

export interface TestDatabase extends DatabaseHandle {
  url: string;
  name: string;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `${TEST_PREFIX}${randomBytes(6).toString('hex')}`;
  await withAdmin((client) => client.query(`create database "${name}" template "${TEMPLATE_DATABASE}"`));
  const url = serverUrl(name);
  const handle = createDatabase({ connectionString: url, poolSize: 10 });
  return {
    ...handle,
    url,
    name,
    close: async () => {
      await handle.close();
      await withAdmin((client) => client.query(`drop database if exists "${name}" with (force)`));
    },
  };
}
