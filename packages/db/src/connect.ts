// Opens the configured database, or the embedded one when no DATABASE_URL is set.
import type { Config } from '@nonrecours/config';
import { createDatabase, type DatabaseHandle } from './database.ts';
import { startEmbeddedPostgres } from './embedded-postgres.ts';

export interface ConnectedDatabase extends DatabaseHandle {
  embedded: boolean;
}

type Log = { info: (msg: string) => void; warn: (msg: string) => void };

export async function connectDatabase(
  config: Pick<Config, 'DATABASE_URL' | 'DATABASE_POOL_SIZE' | 'EMBEDDED_PG_DIR' | 'EMBEDDED_PG_PORT'>,
  log: Log,
): Promise<ConnectedDatabase> {
  if (config.DATABASE_URL) {
    return {
      ...createDatabase({ connectionString: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE }),
      embedded: false,
    };
  }
  log.info(
    `no DATABASE_URL: starting the embedded PostgreSQL in ${config.EMBEDDED_PG_DIR} (development only)`,
  );
  const server = await startEmbeddedPostgres({
    dir: config.EMBEDDED_PG_DIR,
    port: config.EMBEDDED_PG_PORT,
    log: (m) => log.warn(m),
  });
  const handle = createDatabase({ connectionString: server.url, poolSize: config.DATABASE_POOL_SIZE });
  return {
    ...handle,
    embedded: true,
    close: async () => {
      await handle.close();
      await server.stop();
    },
  };
}
