// The admin command works on the database directly (the operator's own machine), with the same
// configuration as the services: DATABASE_URL, or the embedded server of this checkout.
import { loadConfig } from '@nonrecours/config';
import { type ConnectedDatabase, connectDatabase, migrateToLatest } from '@nonrecours/db';
import { UsageError } from '../cli-error.ts';

export async function withAdminDatabase<T>(fn: (database: ConnectedDatabase) => Promise<T>): Promise<T> {
  const quiet = { info: () => {}, warn: (m: string) => console.error(m) };
  const database = await connectDatabase(loadConfig(), quiet).catch((error: unknown) => {
    // The embedded server of this checkout is unusable (its message says why, in one line).
    if (error instanceof Error && error.name === 'EmbeddedPostgresUnavailable')
      throw new UsageError(error.message);
    throw error;
  });
  try {
    await migrateToLatest(database.db);
    return await fn(database);
  } finally {
    await database.close();
  }
}
