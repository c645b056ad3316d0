// Starting, running and cancelling matching runs. A run is a BullMQ flow: `run.prepare` selects the
// extracts and links them (stages select and link), then adds one `run.partition` job per partition
// (stage evaluate) under a `run.finalise` parent that publishes the cases. Every job re-checks the
// run's state first, so a cancelled run stops at its next step and a retried job redoes its own step.
import type { Db, LinkageMethod, Run } from '@nonrecours/db';
import { jobId } from '@nonrecours/queue';
import { assertSupportedAsOf, parameterWarnings, RulesError } from '@nonrecours/rules';
import type pg from 'pg';
import { appendAuditEvent } from '../audit/audit.repository.ts';
import type { AuditActor } from '../audit/audit-actor.ts';
import type { ConventionAccess } from '../conventions/convention-access.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import type { AppQueue } from '../jobs/jobs.ts';
import { rulePacks } from './run-evaluate.stage.ts';
import { finaliseRun } from './run-finalise.stage.ts';
import { assertLinkIntact, isRunIntegrityError, recordLinkCounts } from './run-integrity.ts';
import { currentExtracts, type RunExtract, selectExtracts } from './run-select.stage.ts';
import { dropRunTables } from './run-tables.ts';
import { advanceRun, failRun, findRun, findRunById, isActive } from './runs.repository.ts';
import { onStageThread } from './stage-threads.ts';

const ROWS_PER_PARTITION = 75_000;
const MAX_PARTITIONS = 64;
export const systemActor: AuditActor = { actor: 'worker', org: null, role: 'system' };

export interface StartRunInput {
  asOf?: string | undefined;
  rulePack?: string | undefined;
  diceThreshold?: number | undefined;
  linkageMethod?: LinkageMethod | undefined;
  /** null: the run estimates it; undefined: the convention's. */
  linkWeightThreshold?: number | null | undefined;
}

export async function startRun(
  deps: { db: Db; queue: Pick<AppQueue, 'add'> },
  access: ConventionAccess,
  actor: AuditActor & { actor: string },
  input: StartRunInput,
): Promise<Run> {
  const { db } = deps;
  const convention = access.convention;
  const rulePack = input.rulePack ?? convention.rule_pack;
  if (!rulePacks[rulePack]) throw badRequest('unknown_rule_pack', `no rule pack named ${rulePack}`);
  if (input.asOf) {
    try {
      assertSupportedAsOf(input.asOf);
    } catch (error) {
      if (error instanceof RulesError) throw badRequest(error.code, error.message);
      throw error;
    }
  }
  if ((await currentExtracts(db, convention.id)).length === 0) {
    throw conflict('no_usable_extracts', 'the convention has no accepted extract made with its current key');
  }
  const run = await db
    .transaction()
    .execute(async (trx) => {
      const created = await trx
        .insertInto('runs')
        .values({
          convention_id: convention.id,
          rule_pack: rulePack,
          as_of: input.asOf ? `${input.asOf}-01` : null,
          dice_threshold: input.diceThreshold ?? convention.dice_threshold,
          linkage_method: input.linkageMethod ?? convention.linkage_method,
          link_weight_threshold:
            input.linkWeightThreshold === undefined
              ? convention.link_weight_threshold
              : input.linkWeightThreshold,
          partitions: 1,
          started_by: actor.actor,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await appendAuditEvent(trx, {
        ...actor,
        conventionId: convention.id,
        action: 'run.start',
        target: `run/${created.id}`,
        purpose: 'matching',
        outcome: 'success',
        statusCode: 202,
        details: {
          as_of: input.asOf ?? null,
          rule_pack: rulePack,
          dice_threshold: created.dice_threshold,
          linkage_method: created.linkage_method,
          link_weight_threshold: created.link_weight_threshold,
        },
      });
      return created;
    })
    .catch((error: unknown) => {
      if ((error as { code?: string }).code === '23505')
        throw conflict('run_in_progress', 'a run of this convention is in progress');
      throw error;
    });
  try {
    await deps.queue.add('run.prepare', { runId: run.id }, { jobId: jobId('run-prepare', run.id) });
  } catch (error) {
    await failRun(db, run.id, 'the run could not be queued');
    throw error;
  }
  return run;
}

/**
 * Cancels a queued or running run. Each of its jobs checks the run's state before its step, so the
 * run stops at its next step; its working tables go now if no stage holds them, else at that step.
 */
export async function cancelRun(db: Db, conventionId: string, id: string, actor: AuditActor): Promise<Run> {
  const cancelled = await db.transaction().execute(async (trx) => {
    // The row first, then the update: a publication attaching its cases holds the row and then locks
    // `runs` against updates; an update waiting for the row would hold that lock mode already.
    await trx.selectFrom('runs').select('id').where('id', '=', id).forUpdate().execute();
    const run = await findRun(trx, conventionId, id);
    if (!run) throw notFound('run');
    if (run.status !== 'queued' && run.status !== 'running')
      throw conflict('run_not_active', `a ${run.status} run cannot be cancelled`);
    const cancelled = await trx
      .updateTable('runs')
      .set({ status: 'cancelled', finished_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAuditEvent(trx, {
      ...actor,
      conventionId,
      action: 'run.cancel',
      target: `run/${id}`,
      purpose: 'matching',
      outcome: 'success',
      statusCode: 200,
    });
    return cancelled;
  });
  await dropRunTables(db, id, { waitMs: 2000 });
  return cancelled;
}

/** Job `run.prepare`: stages select and link, then the flow of partitions. */
export async function prepareRun(
  deps: { db: Db; pool: pg.Pool; queue: Pick<AppQueue, 'addFlow'> },
  runId: string,
): Promise<void> {
  const { db } = deps;
  const run = await findRunById(db, runId);
  if (!run || !(await isActive(db, runId))) return;
  // Taken up again once its flow was queued (a lost completion, or the watchdog after the queue lost
  // the run's jobs): the linked rows are kept, so the flow is queued again (a no-op if it exists).
  if (run.stage === 'evaluate' || run.stage === 'finalise') {
    try {
      await assertLinkIntact(db, runId);
    } catch (error) {
      if (!isRunIntegrityError(error)) throw error;
      await abandonRun(db, runId, error.message);
      return;
    }
    await queueEvaluation(deps, runId, run.partitions);
    return;
  }
  const selectStarted = Date.now();
  await advanceRun(db, runId, { status: 'running', stage: 'select' });
  const selection = selectExtracts(
    await currentExtracts(db, run.convention_id),
    run.as_of?.slice(0, 7) ?? null,
  );
  try {
    assertSupportedAsOf(selection.asOf);
  } catch (error) {
    await failRun(db, runId, error instanceof Error ? error.message : 'unsupported as_of');
    return;
  }
  if (selection.used.length === 0) {
    await failRun(db, runId, 'no extract of the convention is recent enough for this as_of');
    return;
  }
  const rows = selection.used.reduce((sum, e) => sum + e.rows, 0);
  const partitions = Math.min(MAX_PARTITIONS, Math.max(1, Math.ceil(rows / ROWS_PER_PARTITION)));
  const moved = await advanceRun(db, runId, {
    stage: 'link',
    as_of: `${selection.asOf}-01`,
    partitions,
    extracts: selection.used,
    warnings: parameterWarnings(selection.asOf),
    report: {
      left_out: selection.leftOut.map(({ id, kind, reference_month, reason }) => ({
        id,
        kind,
        reference_month,
        reason,
      })),
    },
  });
  if (!moved) return;
  const selectMs = Date.now() - selectStarted;
  const started = Date.now();
  const linkage = await onStageThread({
    stage: 'link',
    connectionString: connectionStringOf(deps.pool),
    run: {
      id: runId,
      partitions,
      diceThreshold: run.dice_threshold,
      linkageMethod: run.linkage_method,
      linkWeightThreshold: run.link_weight_threshold,
    },
    extracts: selection.used,
  });
  await recordLinkCounts(db, runId, linkage);
  // Emptied right after the link committed (a crash): the job's retry links again.
  await assertLinkIntact(db, runId);
  await db
    .insertInto('run_partitions')
    .values(Array.from({ length: partitions }, (_, part) => ({ run_id: runId, part })))
    .onConflict((oc) => oc.columns(['run_id', 'part']).doUpdateSet({ status: 'pending' }))
    .execute();
  if (
    !(await advanceRun(db, runId, {
      stage: 'evaluate',
      report: {
        linkage,
        timings: { select_ms: selectMs, link_ms: Date.now() - started },
        evaluate_started_at: Date.now(),
      },
    }))
  ) {
    await dropRunTables(db, runId);
    return;
  }
  await queueEvaluation(deps, runId, partitions);
}

function queueEvaluation(deps: { queue: Pick<AppQueue, 'addFlow'> }, runId: string, partitions: number) {
  return deps.queue.addFlow({
    name: 'run.finalise',
    payload: { runId },
    jobId: jobId('run-finalise', runId),
    children: Array.from({ length: partitions }, (_, part) => ({
      name: 'run.partition' as const,
      payload: { runId, part },
      jobId: jobId('run-partition', runId, `p${part}`),
    })),
  });
}

/**
 * Job `run.partition`. One execution at a time per partition (a job taken up again while its first
 * execution still runs waits for it, then finds the partition done); its inputs are checked before and
 * after it reads them: they only ever go from whole to empty, so whole afterwards means whole throughout.
 */
export async function runPartition(deps: { db: Db; pool: pg.Pool }, runId: string, part: number) {
  const { db } = deps;
  return withPartitionLock(deps.pool, runId, part, async () => {
    const run = await findRunById(db, runId);
    if (!run || !(await isActive(db, runId)) || !run.as_of) return { skipped: true };
    const done = await db
      .selectFrom('run_partitions')
      .select(['profiles', 'cases'])
      .where('run_id', '=', runId)
      .where('part', '=', part)
      .where('status', '=', 'done')
      .executeTakeFirst();
    if (done) return { profiles: done.profiles ?? 0, results: done.cases ?? 0, again: true };
    try {
      await assertLinkIntact(db, runId);
      const counts = await onStageThread({
        stage: 'evaluate',
        connectionString: connectionStringOf(deps.pool),
        run: {
          id: runId,
          conventionId: run.convention_id,
          asOf: run.as_of.slice(0, 7),
          rulePack: run.rule_pack,
          extracts: run.extracts as RunExtract[],
        },
        part,
      });
      await assertLinkIntact(db, runId);
      return counts;
    } catch (error) {
      if (!isRunIntegrityError(error)) throw error;
      await abandonRun(db, runId, error.message);
      return { failed: error.message };
    }
  });
}

/** Where a stage thread connects: the database of the calling thread's pool. */
function connectionStringOf(pool: pg.Pool): string {
  const { connectionString } = pool.options;
  if (!connectionString) throw new Error('the database pool has no connection string for its threads');
  return connectionString;
}

async function withPartitionLock<T>(pool: pg.Pool, runId: string, part: number, fn: () => Promise<T>) {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('select pg_advisory_lock(hashtext($1), $2)', [runId, part]);
    return await fn();
  } catch (error) {
    broken = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    // Releasing a broken connection closes it, and its session lock with it.
    if (!broken)
      await client.query('select pg_advisory_unlock(hashtext($1), $2)', [runId, part]).catch((error) => {
        broken = error instanceof Error ? error : new Error(String(error));
      });
    client.release(broken);
  }
}

/** Job `run.finalise`. */
export async function publishRun(deps: { db: Db }, runId: string) {
  const { db } = deps;
  const run = await findRunById(db, runId);
  if (!run || !(await isActive(db, runId)) || !run.as_of) return { skipped: true };
  const convention = await db
    .selectFrom('conventions')
    .select('retention_days')
    .where('id', '=', run.convention_id)
    .executeTakeFirstOrThrow();
  const report = run.report as { timings?: Record<string, number>; evaluate_started_at?: number };
  const finaliseStarted = Date.now();
  await advanceRun(db, runId, { stage: 'finalise' });
  let counts: Awaited<ReturnType<typeof finaliseRun>>;
  try {
    counts = await finaliseRun(
      db,
      {
        id: runId,
        conventionId: run.convention_id,
        retentionDays: convention.retention_days,
        asOf: run.as_of.slice(0, 7),
      },
      systemActor,
      {
        before: {
          ...report.timings,
          evaluate_ms: await evaluateMs(db, runId, report.evaluate_started_at ?? finaliseStarted),
        },
        startedAt: finaliseStarted,
      },
    );
  } catch (error) {
    if (!isRunIntegrityError(error)) throw error;
    await abandonRun(db, runId, error.message);
    return { failed: error.message };
  }
  return { cases: counts?.total ?? 0 };
}

/** From the start of evaluation to its last partition's end (not to the finaliser's start, which may wait). */
async function evaluateMs(db: Db, runId: string, startedAt: number): Promise<number> {
  const { last } = await db
    .selectFrom('run_partitions')
    .select((eb) => eb.fn.max('finished_at').as('last'))
    .where('run_id', '=', runId)
    .executeTakeFirstOrThrow();
  return last ? Math.max(0, new Date(last).getTime() - startedAt) : 0;
}

/** Called when a run's job has failed for the last time: the run is failed and its working tables go. */
export async function abandonRun(db: Db, runId: string, reason: string): Promise<void> {
  await failRun(db, runId, reason);
  await dropRunTables(db, runId);
}
