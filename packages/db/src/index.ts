export { type ConnectedDatabase, connectDatabase } from './connect.ts';
export {
  createDatabase,
  type DatabaseHandle,
  type Db,
  isDatabaseUnavailable,
  typeParsers,
} from './database.ts';
export { withDedicatedConnection } from './dedicated-connection.ts';
export { EmbeddedPostgresUnavailable, runningServerOf } from './embedded-pid-file.ts';
export { type EmbeddedServer, startEmbeddedPostgres } from './embedded-postgres.ts';
export { migrateToLatest, migrationsFolder } from './migrate.ts';
export * from './schema.ts';
