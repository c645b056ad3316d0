// The presumed cases of a convention: the filtered list of its latest published run, one case with its
// evidence (structured and in plain French), the follow-up outcome, and the CSV export. Territory teams
// see every case; a partner the cases about its own people, with only what it needs to know of them:
// nothing computed from another partner's values (core cases/case-sight.ts).
// DPOs audit the access to cases through /v1/audit and see no case content.
import {
  type CaseFilter,
  caseBenefits,
  caseConfidences,
  caseSorts,
  caseStatuses,
  changeCaseStatus,
  correctionReasons,
  listCases,
  openCaseExport,
  readCase,
} from '@nonrecours/core';
import type { Db } from '@nonrecours/db';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type pg from 'pg';
import { z } from 'zod';
import { auditActorOf, requireConventionAccess, requirePrincipal } from '../plugins/access.plugin.ts';
import { errorResponses, timestamp } from '../schemas.ts';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

const caseSummarySchema = z
  .object({
    id: z.uuid(),
    run_id: z.uuid(),
    subject_kind: z.enum(['person', 'household', 'tenancy']),
    subject_pseudo: z.string().describe('the person, or for a tenancy the tenancy (household) pseudonym'),
    household_pseudo: z
      .string()
      .nullable()
      .describe('for a partner, only when the household comes from its own extract'),
    benefit: z.string(),
    variant: z.string().nullable().describe('null for a partner when `withheld`'),
    rule: z.string(),
    rule_version: z.string(),
    confidence: z.enum(caseConfidences),
    estimated_amount: z.number().nullable().describe('euros per month; null for a partner when `withheld`'),
    commune: z
      .string()
      .nullable()
      .describe('INSEE code; for a partner, only when the case’s profile comes from its own extract'),
    status: z.enum(caseStatuses),
    source_partners: z.array(z.uuid()).describe('for a partner, only itself'),
    rests_on: z
      .array(z.string())
      .describe('the kinds of partner (caf, cpam, …) whose data the case’s rules read'),
    withheld: z
      .boolean()
      .describe(
        'true for a partner when some value the case’s rules read is another partner’s: the amount, variant, ' +
          'parameters, computation, explanation and supporting results are then not shown, nor used to sort or filter',
      ),
    created_at: timestamp.describe(
      'when the presumption was first made: the case carries it over from run to run with its follow-up',
    ),
    expires_at: timestamp,
    benefit_label: z.string().describe('the benefit in French, for a person'),
    variant_label: z.string().nullable().describe('the variant in French; null when `variant` is'),
    rule_label: z.string().describe('what the rule presumes, in French'),
    confidence_label: z.string(),
    status_label: z.string().describe('the follow-up outcome in French'),
    commune_label: z
      .string()
      .nullable()
      .describe('« Rennes (35238) »: the commune’s name and code; null when `commune` is'),
  })
  .meta({ id: 'CaseSummary' });

const evidenceSchema = z.object({
  rule: z.object({ id: z.string(), version: z.string() }),
  as_of: month,
  parameters: z
    .array(
      z.object({
        name: z.string(),
        label: z.string(),
        unit: z.string(),
        value: z.number(),
        effective_from: z.string(),
        month,
        reference: z.object({ title: z.string(), href: z.string().nullable() }),
      }),
    )
    .describe('empty for a partner when `withheld`'),
  inputs: z.array(
    z.object({
      column: z.string(),
      value: z.union([z.string(), z.number(), z.boolean(), z.null()]),
      kind: z.string(),
      partner: z.uuid(),
      reference_month: month,
      pseudo: z.string().describe('the pseudonym of the row the value was read on'),
      link: z.string().describe('own_row, household_pseudo, or how another extract’s row was linked'),
    }),
  ),
  computation: z
    .array(z.object({ name: z.string(), value: z.number() }))
    .nullable()
    .describe('null for a partner when other partners’ values went into it'),
  explanation: z.string().nullable().describe('idem'),
  limits: z.string().nullable().describe('the presumption warning and the known limits of the rule'),
  inputs_withheld: z.boolean().describe('inputs from other partners’ extracts were used and are not shown'),
});

const caseDetailSchema = caseSummarySchema
  .extend({
    status_history: z
      .array(
        z.object({
          status: z.enum(caseStatuses),
          at: z.string(),
          actor: z.string().describe('the id of the account or API client (the token’s subject)'),
          actor_name: z
            .string()
            .nullable()
            .describe('the account’s e-mail address or the API client’s name; null for a command'),
          organisation: z.uuid(),
          organisation_name: z.string().nullable(),
          correction: z
            .object({ previous: z.enum(caseStatuses), reason: z.enum(correctionReasons) })
            .optional()
            .describe('present when this change corrected the outcome before it'),
        }),
      )
      .nullable()
      .describe('null for partners'),
    evidence: evidenceSchema
      .extend({
        supporting: z.array(
          z.object({
            rule: z.object({ id: z.string(), version: z.string() }),
            confidence: z.enum(caseConfidences).nullable(),
            amount: z.number().nullable(),
            variant: z.string().nullable(),
            evidence: evidenceSchema,
          }),
        ),
      })
      .meta({ id: 'CaseEvidence' }),
    plain_french: z.array(z.string()).describe('the case told in plain French, one sentence or item a line'),
    reidentification: z
      .array(
        z.object({
          partner_id: z.uuid(),
          partner_name: z.string(),
          kind: z.string(),
          extract_id: z.uuid(),
          reference_month: month,
          profile: z.boolean().describe('the case’s profile was built on this extract’s row'),
        }),
      )
      .describe(
        'the partners that can put a name on the case: each finds the person in the clear file its extract ' +
          'was pseudonymised from, with `nonrecours reidentify` and its cases export; a partner sees only itself',
      ),
  })
  .meta({ id: 'CaseDetail' });

const filterQuery = {
  run: z.uuid().optional().describe('a published run; default: the latest published run'),
  benefit: z.enum(caseBenefits).optional(),
  rule: z
    .string()
    .regex(/^[A-Z0-9_.]{1,64}$/)
    .optional(),
  confidence: z.enum(caseConfidences).optional(),
  status: z.enum(caseStatuses).optional(),
  commune: z
    .string()
    .regex(/^(\d{5}|2[AB]\d{3})$/, 'an INSEE commune code')
    .optional(),
  min_amount: z.coerce.number().min(0).max(1_000_000).optional().describe('euros per month'),
  sort: z
    .enum(caseSorts)
    .default('amount')
    .describe(
      'amount: largest estimated amount first, cases without one last; date: the most recently found first',
    ),
};

const filterOf = (q: {
  benefit?: string | undefined;
  rule?: string | undefined;
  confidence?: CaseFilter['confidence'];
  status?: CaseFilter['status'];
  commune?: string | undefined;
  min_amount?: number | undefined;
}): CaseFilter => ({
  benefit: q.benefit,
  rule: q.rule,
  confidence: q.confidence,
  status: q.status,
  commune: q.commune,
  minAmount: q.min_amount,
});

const actorOf = (request: FastifyRequest) => ({
  ...auditActorOf(request),
  actor: requirePrincipal(request).subject,
});

const tags = ['cases'];
const security = [{ bearer: [] }];
const readers = ['territory', 'partner'] as const;
const cidParams = z.object({ cid: z.uuid() });
const caseParams = z.object({ cid: z.uuid(), id: z.uuid() });

export async function casesRoutes(app: FastifyInstance, options: { db: Db; pool: pg.Pool }) {
  const { db } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/v1/conventions/:cid/cases', {
    config: { access: { scope: 'convention', roles: readers, action: 'case.list', purpose: 'follow_up' } },
    schema: {
      tags,
      security,
      operationId: 'listCases',
      summary: 'Presumed cases of the latest published run, filtered, a page at a time',
      description:
        'Pages follow `next_cursor` until it is null. A page examines a bounded number of cases: with ' +
        'filters that keep few of them it may hold fewer than `limit` items, even none, and still have a ' +
        '`next_cursor`. A cursor goes on with the run and the order of its first page.',
      params: cidParams,
      querystring: z.object({
        ...filterQuery,
        limit: z.coerce.number().int().min(1).max(500).default(50),
        cursor: z.string().max(400).optional().describe('the next_cursor of the previous page'),
        with_total: z
          .enum(['true', 'false'])
          .optional()
          .describe('also count every case of the filtered list, in `total`'),
      }),
      response: {
        200: z.object({
          run_id: z.uuid().nullable().describe('null when the convention has no published run'),
          items: z.array(caseSummarySchema),
          next_cursor: z.string().nullable(),
          total: z
            .number()
            .int()
            .nullable()
            .describe('with `with_total=true`: the cases of the filtered list'),
        }),
        ...errorResponses,
      },
    },
    handler: async (request) => {
      const q = request.query;
      const list = await listCases(db, requireConventionAccess(request), actorOf(request), {
        run: q.run,
        cursor: q.cursor,
        sort: q.sort,
        limit: q.limit,
        filter: filterOf(q),
        withTotal: q.with_total === 'true',
      });
      request.audit.written = true;
      return { run_id: list.runId, items: list.items, next_cursor: list.nextCursor, total: list.total };
    },
  });

  r.get('/v1/conventions/:cid/cases.csv', {
    config: {
      access: { scope: 'convention', roles: readers, action: 'case.export', purpose: 'follow_up' },
      checkpointAfter: true,
    },
    schema: {
      tags,
      security,
      operationId: 'exportCasesCsv',
      summary: 'Export the filtered cases as CSV, for a spreadsheet or `nonrecours reidentify`',
      description:
        'Semicolon-separated, UTF-8 with a byte order mark, a header row, decimal commas. For tools: case_id; ' +
        'person_pseudo (a person, or a household’s allocataire); household_pseudo (a household or tenancy, for ' +
        'its own partner). For people, in French (headers and values): Sujet; Prestation; Variante; Règle; ' +
        'Confiance; Montant estimé (€ par mois); Commune (« Rennes (35238) »); Suivi; Données de. The codes ' +
        'again, for filters and scripts: code_sujet; code_prestation; code_variante; code_regle; code_confiance; ' +
        'code_commune (INSEE); code_suivi; code_donnees (kinds of partner, comma-separated). Same filters, ' +
        'order, visibility and need to know as the list (a withheld value is empty); streamed.',
      params: cidParams,
      querystring: z.object(filterQuery),
      produces: ['text/csv'],
    },
    handler: async (request, reply) => {
      const q = request.query;
      const exported = await openCaseExport(options, requireConventionAccess(request), actorOf(request), {
        run: q.run,
        sort: q.sort,
        filter: filterOf(q),
      });
      request.audit.written = true;
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', `attachment; filename="cases-${exported.runId ?? 'none'}.csv"`);
      reply.header('x-case-count', String(exported.cases));
      return reply.send(exported.csv);
    },
  });

  r.get('/v1/conventions/:cid/cases/:id', {
    config: { access: { scope: 'convention', roles: readers, action: 'case.read', purpose: 'follow_up' } },
    schema: {
      tags,
      security,
      operationId: 'getCase',
      summary: 'One case with its evidence, structured and in plain French',
      params: caseParams,
      response: { 200: caseDetailSchema, ...errorResponses },
    },
    handler: async (request) => {
      const detail = await readCase(
        db,
        requireConventionAccess(request),
        actorOf(request),
        request.params.id,
      );
      request.audit.written = true;
      return detail;
    },
  });

  r.patch('/v1/conventions/:cid/cases/:id', {
    config: {
      access: { scope: 'convention', roles: ['territory'], action: 'case.update', purpose: 'follow_up' },
    },
    schema: {
      tags,
      security,
      operationId: 'recordCaseOutcome',
      summary: 'Record the follow-up outcome of a case of the latest published run',
      description:
        'Outcome codes only. to_contact → contacted, unreachable, refused, already_covered, not_eligible; ' +
        'contacted → rights_opened, already_covered, not_eligible, refused, unreachable; unreachable → ' +
        'contacted; the others are final. Another change answers 409 with the allowed outcomes. ' +
        'A `correction` (after a mis-click, a wrong entry, new information or a partner’s check) sets any ' +
        'other outcome once one was recorded (409 nothing_to_correct otherwise, correction_unchanged for the ' +
        'same outcome); the history keeps the corrected outcome and the reason, audited as case.correct.',
      params: caseParams,
      body: z.object({
        status: z.enum(caseStatuses),
        correction: z
          .object({
            reason: z
              .enum(correctionReasons)
              .describe(
                'entry_error: a mis-click or wrong entry; new_information: the person said otherwise since; ' +
                  'partner_check: a partner’s check showed otherwise',
              ),
          })
          .optional(),
      }),
      response: { 200: caseDetailSchema, ...errorResponses },
    },
    handler: async (request) => {
      const principal = requirePrincipal(request);
      const detail = await changeCaseStatus(
        db,
        requireConventionAccess(request),
        { ...auditActorOf(request), actor: principal.subject, org: principal.partnerId },
        request.params.id,
        request.body.status,
        request.body.correction,
      );
      request.audit.written = true;
      return detail;
    },
  });
}
