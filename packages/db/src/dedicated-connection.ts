// One pooled connection used both through Kysely and directly (COPY streams need the raw client),
// so a COPY and the statements around it share one transaction.
import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import type { Db } from './database.ts';
import type { Database } from './schema.ts';

export async function withDedicatedConnection<T>(
  pool: pg.Pool,
  fn: (connection: { db: Db; client: pg.PoolClient }) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({
      pool: {
        connect: async () => ({ query: client.query.bind(client), release: () => {} }),
        end: async () => {},
      } as unknown as pg.Pool,
    }),
  });
  let failed: Error | undefined;
  try {
    return await fn({ db, client });
  } catch (error) {
    failed = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    await db.destroy();
    // A connection that failed mid-COPY may be in any state: discard it rather than reuse it.
    client.release(failed);
  }
}
