// Prepared once per test run: the migrated template database, and a check that Redis answers
// (under CI a missing service fails the run; it never turns tests into skips).
import { prepareTemplate } from './database.ts';

export default async function setup(): Promise<void> {
  await prepareTemplate();
}
