// Matching runs under a convention: start one (territory teams), follow its stages, cancel it, and
// read the presumed cases of a published run.

import {
  type AppQueue,
  cancelRun,
  findRun,
  listRunCases,
  listRuns,
  notFound,
  partitionProgress,
  presentedEvidence,
  requirePublishedRun,
  startRun,
} from '@nonrecours/core';
import { type Db, linkageMethods, type Run } from '@nonrecours/db';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditActorOf, requireConventionAccess, requirePrincipal } from '../plugins/access.plugin.ts';
import { errorResponses, timestamp } from '../schemas.ts';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM');
const stages = ['select', 'link', 'evaluate', 'finalise'] as const;

const stageSchema = z.object({
  stage: z.enum(stages),
  status: z.enum(['pending', 'running', 'done', 'failed', 'cancelled']),
  done: z.number().int().optional(),
  total: z.number().int().optional(),
});

export const runSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']),
    rule_pack: z.string(),
    as_of: month.nullable(),
    dice_threshold: z.number(),
    linkage_method: z.enum(linkageMethods),
    link_weight_threshold: z.number().nullable(),
    partitions: z.number().int(),
    stages: z.array(stageSchema),
    extracts: z.array(
      z.object({
        id: z.uuid(),
        kind: z.string(),
        partner_id: z.uuid(),
        reference_month: month,
        rows: z.number().int(),
      }),
    ),
    report: z
      .record(z.string(), z.unknown())
      .describe('linkage counts and Dice histogram, cases per rule, benefit and confidence, timings'),
    warnings: z.array(z.unknown()),
    error: z.string().nullable(),
    started_by: z.string(),
    created_at: timestamp,
    started_at: timestamp.nullable(),
    finished_at: timestamp.nullable(),
  })
  .meta({ id: 'Run' });

type StageView = z.output<typeof stageSchema>;

function stagesOf(run: Run, partitions: { done: number; total: number }): StageView[] {
  const current = run.stage ? stages.indexOf(run.stage) : -1;
  return stages.map((stage, i) => {
    const status: StageView['status'] =
      run.status === 'succeeded' || i < current
        ? 'done'
        : i > current || run.status === 'queued'
          ? 'pending'
          : run.status === 'running'
            ? 'running'
            : run.status === 'failed'
              ? 'failed'
              : 'cancelled';
    return stage === 'evaluate' && partitions.total > 0
      ? { stage, status, ...partitions }
      : { stage, status };
  });
}

async function presentRun(db: Db, run: Run): Promise<z.output<typeof runSchema>> {
  const progress = await partitionProgress(db, run.id);
  return {
    id: run.id,
    status: run.status,
    rule_pack: run.rule_pack,
    as_of: run.as_of?.slice(0, 7) ?? null,
    dice_threshold: run.dice_threshold,
    linkage_method: run.linkage_method,
    link_weight_threshold: run.link_weight_threshold,
    partitions: run.partitions,
    stages: stagesOf(run, { done: progress.done, total: progress.total }),
    extracts: run.extracts as z.output<typeof runSchema>['extracts'],
    report: run.report as Record<string, unknown>,
    warnings: run.warnings as unknown[],
    error: run.error,
    started_by: run.started_by,
    created_at: run.created_at,
    started_at: run.started_at,
    finished_at: run.finished_at,
  };
}

export const caseSchema = z
  .object({
    id: z.uuid(),
    run_id: z.uuid(),
    subject_kind: z.enum(['person', 'household', 'tenancy']),
    subject_pseudo: z.string(),
    household_pseudo: z.string().nullable(),
    benefit: z.string(),
    variant: z.string().nullable(),
    rule: z.string(),
    rule_version: z.string(),
    confidence: z.enum(['high', 'medium', 'low']),
    estimated_amount: z.number().nullable(),
    commune: z.string(),
    source_partners: z.array(z.uuid()),
    status: z.string(),
    evidence: z.unknown(),
    created_at: timestamp,
    expires_at: timestamp,
  })
  .meta({ id: 'Case' });

const tags = ['runs'];
const security = [{ bearer: [] }];
const runParams = z.object({ cid: z.uuid(), id: z.uuid() });

export async function runsRoutes(app: FastifyInstance, options: { db: Db; queue: Pick<AppQueue, 'add'> }) {
  const { db } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/v1/conventions/:cid/runs', {
    config: {
      access: { scope: 'convention', roles: ['territory'], action: 'run.start', purpose: 'matching' },
    },
    schema: {
      tags,
      security,
      operationId: 'startRun',
      summary: 'Start a matching run',
      description:
        'Links the current extracts and applies the rule pack; answers at once, the run goes on in the workers.',
      params: z.object({ cid: z.uuid() }),
      body: z
        .object({
          as_of: month.optional().describe('default: the latest reference month of the extracts used'),
          rule_pack: z.string().optional(),
          dice_threshold: z.number().gt(0).max(1).optional(),
          linkage_method: z.enum(linkageMethods).optional().describe("default: the convention's"),
          link_weight_threshold: z
            .number()
            .min(-50)
            .max(100)
            .nullable()
            .optional()
            .describe("default: the convention's (null: estimated by the run)"),
        })
        .default({}),
      response: { 202: runSchema, ...errorResponses },
    },
    handler: async (request, reply) => {
      const access = requireConventionAccess(request);
      const run = await startRun(
        { db, queue: options.queue },
        access,
        { ...auditActorOf(request), actor: requirePrincipal(request).subject },
        {
          asOf: request.body.as_of,
          rulePack: request.body.rule_pack,
          diceThreshold: request.body.dice_threshold,
          linkageMethod: request.body.linkage_method,
          linkWeightThreshold: request.body.link_weight_threshold,
        },
      );
      request.audit.written = true;
      return reply
        .status(202)
        .header('location', `/v1/conventions/${access.convention.id}/runs/${run.id}`)
        .send(await presentRun(db, run));
    },
  });

  r.get('/v1/conventions/:cid/runs', {
    config: {
      access: {
        scope: 'convention',
        roles: ['territory', 'dpo'],
        action: 'run.list',
        purpose: 'matching',
        requireActive: false,
      },
    },
    schema: {
      tags,
      security,
      operationId: 'listRuns',
      summary: 'Runs of the convention, newest first',
      params: z.object({ cid: z.uuid() }),
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
      response: { 200: z.object({ items: z.array(runSchema) }), ...errorResponses },
    },
    handler: async (request) => {
      const runs = await listRuns(db, requireConventionAccess(request).convention.id, request.query.limit);
      return { items: await Promise.all(runs.map((run) => presentRun(db, run))) };
    },
  });

  r.get('/v1/conventions/:cid/runs/:id', {
    config: {
      access: {
        scope: 'convention',
        roles: ['territory', 'dpo'],
        action: 'run.read',
        purpose: 'matching',
        requireActive: false,
      },
    },
    schema: {
      tags,
      security,
      operationId: 'getRun',
      summary: 'A run: status, progress per stage, counts, linkage report',
      params: runParams,
      response: { 200: runSchema, ...errorResponses },
    },
    handler: async (request) => {
      const run = await findRun(db, requireConventionAccess(request).convention.id, request.params.id);
      if (!run) throw notFound('run');
      return presentRun(db, run);
    },
  });

  r.post('/v1/conventions/:cid/runs/:id/cancel', {
    config: {
      access: { scope: 'convention', roles: ['territory'], action: 'run.cancel', purpose: 'matching' },
    },
    schema: {
      tags,
      security,
      operationId: 'cancelRun',
      summary: 'Cancel a queued or running run',
      params: runParams,
      response: { 200: runSchema, ...errorResponses },
    },
    handler: async (request) => {
      const run = await cancelRun(
        db,
        requireConventionAccess(request).convention.id,
        request.params.id,
        auditActorOf(request),
      );
      request.audit.written = true;
      return presentRun(db, run);
    },
  });

  r.get('/v1/conventions/:cid/runs/:id/cases', {
    config: {
      access: { scope: 'convention', roles: ['territory'], action: 'run.cases', purpose: 'follow_up' },
    },
    schema: {
      tags,
      security,
      operationId: 'listRunCases',
      summary: 'The presumed cases of a published run, page by page',
      params: runParams,
      querystring: z.object({
        limit: z.coerce.number().int().min(1).max(1000).default(100),
        cursor: z.uuid().optional().describe('the next_cursor of the previous page'),
      }),
      response: {
        200: z.object({ items: z.array(caseSchema), next_cursor: z.uuid().nullable() }),
        ...errorResponses,
      },
    },
    handler: async (request) => {
      const { convention } = requireConventionAccess(request);
      const run = await requirePublishedRun(db, convention.id, request.params.id);
      const rows = await listRunCases(db, convention.id, run.id, {
        after: request.query.cursor,
        limit: request.query.limit + 1,
      });
      const items = rows.slice(0, request.query.limit);
      request.audit.recordCount = items.length;
      request.audit.details = { run: run.id, cases: items.map((c) => c.id) };
      request.audit.disclosed = items.flatMap((c) => c.pseudonyms);
      return {
        items: items.map(({ pseudonyms: _, ...c }) => ({ ...c, evidence: presentedEvidence(c.evidence) })),
        next_cursor: rows.length > request.query.limit ? (items.at(-1)?.id ?? null) : null,
      };
    },
  });
}
