// The body of an evaluation thread (evaluate-threads.ts): one partition evaluated on the thread's own
// connections to the run's database. Its errors come back as values, their SQLSTATE or driver code
// kept, so that the job's retry policy reads them as it would in the calling thread.
import { createDatabase, type DatabaseHandle } from '@nonrecours/db';
import { type EvaluateRun, evaluatePartition } from './run-evaluate.stage.ts';

export interface EvaluateTask {
  connectionString: string;
  run: EvaluateRun;
  part: number;
}

export type EvaluateOutcome =
  | { ok: { profiles: number; results: number } }
  | { error: { name: string; message: string; code?: string } };

/** A cursor, a COPY and the oppositions' read: three connections at most per partition. */
const CONNECTIONS = 3;
const databases = new Map<string, DatabaseHandle>();

export default async function evaluateTask({
  connectionString,
  run,
  part,
}: EvaluateTask): Promise<EvaluateOutcome> {
  let database = databases.get(connectionString);
  if (!database) {
    database = createDatabase({ connectionString, poolSize: CONNECTIONS });
    databases.set(connectionString, database);
  }
  try {
    return { ok: await evaluatePartition(database, run, part) };
  } catch (error) {
    const { name, message, code } = error as Error & { code?: unknown };
    return { error: { name, message, ...(typeof code === 'string' ? { code } : {}) } };
  }
}
