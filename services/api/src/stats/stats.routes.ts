// Statistics of a published run: presumed cases by benefit, rule, commune and follow-up outcome,
// verified share and amounts of the rights opened, with small counts suppressed so that the figures
// can leave the team. Territory teams and DPOs count every case; a partner the cases it may see, with
// the amounts and communes it may see of them (the need-to-know rule of the case lists).

import {
  type CaseViewer,
  caseViewerOf,
  type FollowUpOutcome,
  followUpOutcomes,
  forbidden,
  MIN_SHOWN_COUNT,
  readRunStats,
  TEAM_MIN_SHOWN_COUNT,
  UNDISCLOSED_COMMUNE,
  verifiedOutcomes,
} from '@nonrecours/core';
import type { Db } from '@nonrecours/db';
import { benefitLabels, communeLabel, label, ruleLabels } from '@nonrecours/french';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireConventionAccess } from '../plugins/access.plugin.ts';
import { errorResponses, timestamp } from '../schemas.ts';

const disclosures = ['published', 'team'] as const;

const statCell = z.object({ value: z.number().nullable(), suppressed: z.boolean() }).meta({
  id: 'StatCell',
  description:
    'A published figure. A suppressed one has `value: null` and `suppressed: true`, never a number; ' +
    'an amount may also be `null` unsuppressed when none of its cases carries an estimate.',
});

const outcomes = z
  .object(
    Object.fromEntries(followUpOutcomes.map((o) => [o, statCell])) as Record<
      FollowUpOutcome,
      typeof statCell
    >,
  )
  .describe('presumed cases by follow-up outcome');

const followUpRow = {
  presumed: statCell.describe('presumed non-take-up cases'),
  verified: statCell.describe(`cases whose follow-up reached a conclusion: ${verifiedOutcomes.join(', ')}`),
  verified_share: z
    .number()
    .nullable()
    .describe('verified / presumed, null when either is suppressed or zero'),
  outcomes,
};

const rightsOpenedAmount = statCell.describe(
  'sum of the estimated monthly amounts (euros) of the cases whose rights were opened; suppressed with ' +
    'their count or when fewer than 5 cases contribute; null unsuppressed when no case carries an estimate (C2S)',
);

const seriesFigures = {
  presumed: statCell.describe(
    'cases presumed in that month’s run (not those kept open while their subject was absent)',
  ),
  contacted: statCell.describe('cases of that month’s list whose follow-up went past to_contact'),
  declared_opened: statCell.describe('cases of that month’s list the team recorded as rights_opened'),
  taken_up: statCell.describe(
    'cases of the previous month that this month’s extracts show receiving the benefit',
  ),
  taken_up_contacted: statCell.describe('of those, the cases whose follow-up went past to_contact'),
  taken_up_not_contacted: statCell.describe('of those, the cases never contacted'),
  taken_up_amount: statCell.describe(
    'sum of the estimated monthly amounts (euros) of the cases taken up; suppressed with their count or when ' +
      'fewer than 5 cases contribute; null unsuppressed when none carries an estimate (C2S)',
  ),
  median_months_to_take_up: statCell.describe(
    'median months from the month a case was first presumed to the month it was seen taken up; suppressed with ' +
      `the count of cases taken up, or when it is under ${MIN_SHOWN_COUNT}`,
  ),
};

const seriesMonth = z
  .object({
    month: z.string().describe('YYYY-MM: the as_of of the month’s run (the latest published of that month)'),
    run_id: z.uuid(),
    overall: z.object(seriesFigures),
    by_benefit: z.array(z.object({ benefit: z.string(), ...seriesFigures })),
  })
  .meta({ id: 'StatsMonth' });

export const runStatsSchema = z
  .object({
    run: z.object({
      id: z.uuid(),
      rule_pack: z.string(),
      as_of: z.string().nullable().describe('the month the rules were applied at, YYYY-MM'),
      finished_at: timestamp.nullable(),
    }),
    disclosure: z.enum(disclosures),
    min_shown_count: z
      .number()
      .int()
      .describe(
        'counts from 1 to this value minus one are suppressed, and so is what would give them back; 1 for `team`',
      ),
    overall: z.object({ ...followUpRow, rights_opened_amount: rightsOpenedAmount }),
    by_benefit: z.array(
      z.object({
        benefit: z.string(),
        benefit_label: z.string().describe('the benefit in French'),
        ...followUpRow,
        rights_opened_amount: rightsOpenedAmount,
      }),
    ),
    by_rule: z.array(
      z.object({
        benefit: z.string(),
        rule: z.string(),
        rule_label: z.string().describe('what the rule presumes, in French'),
        presumed: statCell,
      }),
    ),
    by_commune: z.array(
      z.object({
        commune: z
          .string()
          .describe(
            `INSEE code; \`${UNDISCLOSED_COMMUNE}\` for a partner's cases whose commune comes from another partner's extract`,
          ),
        commune_label: z.string().describe('« Rennes (35238) », or « commune non communiquée »'),
        presumed: statCell,
      }),
    ),
    series: z
      .array(seriesMonth)
      .describe(
        'the convention’s months, oldest first, whatever run the other figures are of; empty for a partner',
      ),
  })
  .meta({ id: 'RunStats' });

/** A commune of the statistics in French: its name, or that a partner may not know it. */
export const statsCommuneLabel = (commune: string) =>
  commune === UNDISCLOSED_COMMUNE ? 'commune non communiquée' : communeLabel(commune);

export async function statsRoutes(app: FastifyInstance, options: { db: Db }) {
  const { db } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/v1/conventions/:cid/stats', {
    config: {
      access: {
        scope: 'convention',
        roles: ['territory', 'dpo', 'partner'],
        action: 'stats.read',
        purpose: 'evaluation',
        requireActive: false,
      },
    },
    schema: {
      tags: ['runs'],
      security: [{ bearer: [] }],
      operationId: 'getRunStatistics',
      summary: 'Statistics of a published run, with small counts suppressed',
      description:
        'Presumed cases of the latest published run (or `run`) by benefit, rule and commune, each benefit by ' +
        'follow-up outcome, the verified share and the monthly amounts of the rights opened. Every ' +
        `count from 1 to ${MIN_SHOWN_COUNT - 1} is suppressed, totals included, and so are enough other cells ` +
        'that no suppressed one can be recomputed from the rows, columns, subtotals or totals of these tables, ' +
        `nor a group of suppressed cells of one line be shown to hold fewer than ${MIN_SHOWN_COUNT} cases. ` +
        'Zeros are shown. The figures follow the follow-up as it is recorded. A partner gets the figures of ' +
        'the cases it may list, the amounts only of the cases whose every input is its own. `series` gives, ' +
        'month by month, the cases presumed, contacted and declared opened, and those the next extracts showed ' +
        'taken up (with and without a contact), protected month by month in the same way (territory teams and DPOs).',
      params: z.object({ cid: z.uuid() }),
      querystring: z.object({
        run: z.uuid().optional().describe('a published run; default: the latest'),
        disclosure: z
          .enum(disclosures)
          .default('published')
          .describe(
            'published: small counts suppressed, for figures that leave the team; team: the territory team’s own ' +
              'figures unmasked, for its own dashboard (territory teams only, 403 otherwise)',
          ),
      }),
      response: { 200: runStatsSchema, ...errorResponses },
    },
    handler: async (request) => {
      const access = requireConventionAccess(request);
      const { disclosure } = request.query;
      if (disclosure === 'team' && access.role !== 'territory')
        throw forbidden('team_figures_only', 'unmasked figures are for the convention’s territory team only');
      const viewer: CaseViewer =
        access.role === 'partner' ? await caseViewerOf(db, access) : { role: 'territory' };
      const minShown = disclosure === 'team' ? TEAM_MIN_SHOWN_COUNT : MIN_SHOWN_COUNT;
      const { run, stats, series } = await readRunStats(
        db,
        access.convention.id,
        request.query.run,
        viewer,
        minShown,
      );
      request.audit.details = { run: run.id, disclosure };
      return {
        run: {
          id: run.id,
          rule_pack: run.rule_pack,
          as_of: run.as_of?.slice(0, 7) ?? null,
          finished_at: run.finished_at,
        },
        disclosure,
        min_shown_count: minShown,
        ...stats,
        by_benefit: stats.by_benefit.map((b) => ({ ...b, benefit_label: label(benefitLabels, b.benefit) })),
        by_rule: stats.by_rule.map((r) => ({ ...r, rule_label: label(ruleLabels, r.rule) })),
        by_commune: stats.by_commune.map((c) => ({ ...c, commune_label: statsCommuneLabel(c.commune) })),
        series,
      };
    },
  });
}
