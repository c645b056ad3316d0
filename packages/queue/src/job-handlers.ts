// Handlers: one async function per defined job. The boot check refuses a worker whose handlers do not
// match the definitions one to one; `runHandler` is the dispatch both adapters share, so validation,
// logging and the handler context are the same whichever adapter runs the job.
import { UnrecoverableError } from 'bullmq';
import type { Logger } from 'pino';
import type { JobDefinitions, JobPayload, JobSchemas } from './job-definitions.ts';
import { payloadToHandle } from './job-definitions.ts';
import { JobHandlersError } from './job-errors.ts';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JobProgress = number | { [key: string]: JsonValue };

export interface JobContext {
  readonly jobId: string;
  readonly jobName: string;
  /** 1 on the first try, 2 on the first retry, and so on. */
  readonly attempt: number;
  /** Tries in all: `attempt === maxAttempts` is the last one, after which the job fails for good. */
  readonly maxAttempts: number;
  /** A child logger carrying job name, id, attempt and correlation id. */
  readonly log: Logger;
  /**
   * Aborted (reason 'shutdown deadline') when the queue's close deadline passes with this job still
   * running. Stop promptly: with BullMQ the job runs again once its lock expires (in-process jobs are
   * simply lost), so handlers must be idempotent.
   */
  readonly signal: AbortSignal;
  updateProgress(value: JobProgress): Promise<void>;
}

/** Returns a JSON-serialisable result (it is stored and handed to `waitFor`), or nothing. */
export type JobHandler<P> = (payload: P, ctx: JobContext) => Promise<unknown>;

export type JobHandlers<T extends JobSchemas> = { readonly [N in keyof T]: JobHandler<JobPayload<T[N]>> };

/** The boot check: every defined job has exactly one handler and every handler a defined job. */
export function checkHandlers(
  definitions: JobDefinitions,
  handlers: Readonly<Record<string, unknown>>,
): void {
  const problems: string[] = [];
  for (const name of definitions.names) {
    if (!Object.hasOwn(handlers, name)) problems.push(`job '${name}' has no handler`);
    else if (typeof handlers[name] !== 'function')
      problems.push(`the handler of job '${name}' is not a function`);
  }
  for (const name of Object.keys(handlers)) {
    if (!definitions.names.includes(name)) problems.push(`handler '${name}' has no job definition`);
  }
  if (problems.length > 0) throw new JobHandlersError(problems);
}

export interface HandlerRun {
  jobId: string;
  jobName: string;
  data: unknown;
  attempt: number;
  maxAttempts: number;
  signal: AbortSignal;
  log: Logger;
  updateProgress(value: JobProgress): Promise<void>;
}

/**
 * Validates the stored payload and calls the job's handler. An unknown job or an invalid payload throws
 * `UnrecoverableError`: retrying cannot fix it. Handlers may throw it too, for the same reason.
 */
export async function runHandler(
  definitions: JobDefinitions,
  handlers: Readonly<Record<string, JobHandler<never>>>,
  run: HandlerRun,
): Promise<unknown> {
  const handler = Object.hasOwn(handlers, run.jobName) ? handlers[run.jobName] : undefined;
  if (!handler) throw new UnrecoverableError(`no handler for job '${run.jobName}'`);
  const checked = payloadToHandle(definitions, run.jobName, run.data);
  const correlationId = checked.ok
    ? (checked.payload as { correlationId?: string }).correlationId
    : undefined;
  const log = run.log.child({ jobName: run.jobName, jobId: run.jobId, attempt: run.attempt, correlationId });
  if (!checked.ok) {
    log.error({ problems: checked.problems }, 'job payload is invalid; failing without retry');
    throw new UnrecoverableError(`invalid payload: ${checked.problems.join('; ')}`);
  }
  const started = performance.now();
  const ctx: JobContext = {
    jobId: run.jobId,
    jobName: run.jobName,
    attempt: run.attempt,
    maxAttempts: run.maxAttempts,
    log,
    signal: run.signal,
    updateProgress: run.updateProgress,
  };
  try {
    // The payload passed the job's own schema, so it is the handler's parameter type.
    const result = await handler(checked.payload as never, ctx);
    log.debug({ ms: Math.round(performance.now() - started) }, 'job done');
    return result;
  } catch (err) {
    log.warn({ err, ms: Math.round(performance.now() - started) }, 'job attempt failed');
    throw err;
  }
}
