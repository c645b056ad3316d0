// Prepared once per test run: the migrated template database, and a check that Redis answers.
// A missing service fails the run: tests that need one never turn into skips.
import type { TestProject } from 'vitest/node';
import { prepareTemplate } from './database.ts';
import { assertRedisAnswers } from './redis.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [{ template, drop }] = await Promise.all([prepareTemplate(), assertRedisAnswers()]);
  project.provide('templateDatabase', template);
  return drop;
}
