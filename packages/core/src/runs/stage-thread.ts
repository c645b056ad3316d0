// The body of a stage thread (stage-threads.ts): the link of a run, or one partition's evaluation, on
// the thread's own connections to the run's database. Its errors come back as values, their SQLSTATE
// or driver code kept, so that the job's retry policy reads them as it would in the calling thread.
import { createDatabase, type DatabaseHandle } from '@nonrecours/db';
import { type EvaluateRun, evaluatePartition } from './run-evaluate.stage.ts';
import { type LinkReport, type LinkRun, linkStage } from './run-link.stage.ts';
import type { RunExtract } from './run-select.stage.ts';

export type StageTask = { connectionString: string } & (
  | { stage: 'link'; run: LinkRun; extracts: readonly RunExtract[] }
  | { stage: 'evaluate'; run: EvaluateRun; part: number }
);

export interface StageResults {
  link: LinkReport;
  evaluate: { profiles: number; results: number };
}

export type StageOutcome =
  | { ok: StageResults[keyof StageResults] }
  | { error: { name: string; message: string; code?: string } };

/** A cursor, a COPY and the oppositions' read: three connections at most per partition. */
const CONNECTIONS = 3;
const databases = new Map<string, DatabaseHandle>();

export default async function stageTask(task: StageTask): Promise<StageOutcome> {
  let database = databases.get(task.connectionString);
  if (!database) {
    database = createDatabase({ connectionString: task.connectionString, poolSize: CONNECTIONS });
    databases.set(task.connectionString, database);
  }
  try {
    return {
      ok:
        task.stage === 'link'
          ? await linkStage(database.db, task.run, task.extracts)
          : await evaluatePartition(database, task.run, task.part),
    };
  } catch (error) {
    const { name, message, code } = error as Error & { code?: unknown };
    return { error: { name, message, ...(typeof code === 'string' ? { code } : {}) } };
  }
}
