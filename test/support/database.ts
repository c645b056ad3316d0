// Test databases: the migrations run once into a template (global setup), then every test file
// clones it with CREATE DATABASE … TEMPLATE, so files run in parallel on isolated data. Names carry
// their creation time, so a run only drops its own databases and the leftovers of runs that died
// hours ago: several test runs may share one server.
import { randomBytes } from 'node:crypto';
import { createDatabase, type DatabaseHandle, migrateToLatest } from '@nonrecours/db';
import pg from 'pg';
import { inject } from 'vitest';

const TEST_PREFIX = 'nonrecours_t_';
const STALE_AFTER_MS = 6 * 3600 * 1000;
const stamp = () => `${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
const createdAt = (name: string) => Number.parseInt(name.slice(TEST_PREFIX.length).split('_')[0] ?? '', 36);

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

/** Creates and migrates this run's template; returns its name and a function that drops it. */
export async function prepareTemplate(): Promise<{ template: string; drop: () => Promise<void> }> {
  const template = `${TEST_PREFIX}${stamp()}_template`;
  await withAdmin(async (client) => {
    const all = await client.query<{ datname: string }>(
      'select datname from pg_database where datname like $1',
      [`${TEST_PREFIX}%`],
    );
    const stale = all.rows.filter(({ datname }) => !(Date.now() - createdAt(datname) < STALE_AFTER_MS));
    for (const { datname } of stale) await client.query(`drop database if exists "${datname}" with (force)`);
    await client.query(`create database "${template}"`);
  });
  const handle = createDatabase({ connectionString: serverUrl(template), poolSize: 1 });
  try {
    await migrateToLatest(handle.db);
  } finally {
    await handle.close();
  }
  const drop = async () => {
    await withAdmin((client) => client.query(`drop database if exists "${template}" with (force)`));
  };
  return { template, drop };
}

export interface TestDatabase extends DatabaseHandle {
  url: string;
  name: string;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `${TEST_PREFIX}${stamp()}`;
  await withAdmin((client) =>
    client.query(`create database "${name}" template "${inject('templateDatabase')}"`),
  );
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
