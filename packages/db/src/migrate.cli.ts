// `pnpm migrate`: brings the configured (or embedded) database to the latest migration.
import { loadConfig } from '@nonrecours/config';
import { connectDatabase } from './connect.ts';
import { migrateToLatest } from './migrate.ts';

const log = { info: (m: string) => console.error(m), warn: (m: string) => console.error(m) };
const database = await connectDatabase(loadConfig(), log);
try {
  const applied = await migrateToLatest(database.db);
  console.error(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
} finally {
  await database.close();
}
