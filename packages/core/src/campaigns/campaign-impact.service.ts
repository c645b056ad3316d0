// Reads a campaign's impact from its members and the published runs after it, and writes it as the
// CSV the evaluators take away: one row per arm and figure, with the suppressed figures marked.
import type { Campaign, CampaignArm, Db } from '@nonrecours/db';
import { sql } from 'kysely';
import type { AuditActor } from '../audit/audit-actor.ts';
import { recordAccess } from '../audit/audit-writer.ts';
import { caseStatuses } from '../cases/case-status.ts';
import type { ConventionAccess } from '../conventions/convention-access.ts';
import { latestPublishedRun } from '../runs/published-run.ts';
import type { StatCell } from '../stats/follow-up-stats.ts';
import { type ArmGroup, type CampaignImpact, campaignImpact, impactHorizons } from './campaign-impact.ts';
import { requireCampaign } from './campaigns.service.ts';

const monthsBetween = (from: string, to: string) =>
  (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
  Number(to.slice(5, 7)) -
  Number(from.slice(5, 7));

async function armGroups(db: Db, campaign: Campaign, latestRunId: string | null): Promise<ArmGroup[]> {
  const within = (months: number) =>
    sql`count(*) filter (where observed_outcome = 'taken_up'
      and observed_month <= (${campaign.as_of}::date + make_interval(months => ${months})))::int`;
  const { rows } = await sql<Omit<ArmGroup, 'taken_up' | 'declared'> & Record<`tu${number}`, number>>`
    select arm, count(*)::int as members,
      count(*) filter (where contact = 'contacted')::int as contacted,
      count(*) filter (where contact = 'unreachable')::int as unreachable,
      count(*) filter (where observed_outcome = 'no_longer_presumed')::int as no_longer_presumed,
      ${sql.join(impactHorizons.map((k) => sql`${within(k)} as ${sql.ref(`tu${k}`)}`))},
      coalesce(sum(estimated_amount) filter (where observed_outcome = 'taken_up'), 0)::float8 as taken_up_amount,
      count(estimated_amount) filter (where observed_outcome = 'taken_up')::int as taken_up_estimated
    from campaign_members where campaign_id = ${campaign.id} group by arm`.execute(db);
  // A member's declared outcome is its current case's: the latest run's, or the case a run closed.
  const { rows: declared } = await sql<{ arm: CampaignArm; status: string; n: number }>`
    select m.arm, coalesce(cur.status, closed.status, m.status) as status, count(*)::int as n
    from campaign_members m
    left join cases cur on cur.run_id = ${latestRunId}::uuid and cur.subject_kind = m.subject_kind
      and cur.subject_pseudo = m.subject_pseudo and cur.benefit = m.benefit
    left join cases closed on closed.id = m.observed_case_id
    where m.campaign_id = ${campaign.id} group by 1, 2`.execute(db);
  return rows.map((r) => ({
    arm: r.arm,
    members: r.members,
    contacted: r.contacted,
    unreachable: r.unreachable,
    no_longer_presumed: r.no_longer_presumed,
    taken_up: impactHorizons.map((k) => r[`tu${k}`]!),
    taken_up_amount: r.taken_up_amount,
    taken_up_estimated: r.taken_up_estimated,
    declared: Object.fromEntries(declared.filter((d) => d.arm === r.arm).map((d) => [d.status, d.n])),
  }));
}

/** The benefit's cases of the run before the campaign's, and how many the campaign's run showed taken up. */
async function beforeCampaign(db: Db, campaign: Campaign) {
  if (!campaign.run_id) return null;
  const { rows } = await sql<{ cases: number; taken_up: number }>`
    with previous as (
      select id from runs where convention_id = ${campaign.convention_id} and status = 'succeeded'
        and as_of < ${campaign.as_of}::date order by as_of desc, finished_at desc limit 1
    )
    select count(*)::int as cases,
      count(*) filter (where exists (select 1 from case_observations o
        where o.case_id = p.id and o.run_id = ${campaign.run_id} and o.outcome = 'taken_up'))::int as taken_up
    from cases p where p.run_id = (select id from previous) and p.benefit = ${campaign.benefit} and not p.subject_absent`.execute(
    db,
  );
  return rows[0]!.cases > 0 ? rows[0]! : null;
}

export interface CampaignImpactReport extends CampaignImpact {
  campaign_id: string;
  as_of: string;
}

export async function readCampaignImpact(
  db: Db,
  access: ConventionAccess,
  actor: AuditActor,
  id: string,
  action = 'campaign.impact',
): Promise<CampaignImpactReport> {
  const campaign = await requireCampaign(db, access, id);
  const latest = await latestPublishedRun(db, access.convention.id);
  const monthsObserved = latest?.as_of ? Math.max(0, monthsBetween(campaign.as_of, latest.as_of)) : 0;
  const arms = await armGroups(db, campaign, latest?.id ?? null);
  const randomised = campaign.comparison_share !== null;
  const impact = campaignImpact(
    { arms, monthsObserved, before: randomised ? null : await beforeCampaign(db, campaign) },
    caseStatuses,
  );
  await recordAccess(db, {
    ...actor,
    conventionId: access.convention.id,
    action,
    target: `campaign/${id}`,
    purpose: 'statistics',
    outcome: 'success',
    statusCode: 200,
  });
  return { campaign_id: id, as_of: campaign.as_of.slice(0, 7), ...impact };
}

const figureOf = (c: StatCell) => (c.suppressed ? 'secret' : c.value === null ? '' : String(c.value));
const decimal = (n: number | null | undefined) =>
  n === null || n === undefined ? '' : String(n).replace('.', ',');

/** One row per arm, figure and horizon: `campaign;as_of;design;arm;figure;months;value;share;low;high`. */
export function campaignImpactCsv(report: CampaignImpactReport): string {
  const rows: string[][] = [
    ['campaign', 'as_of', 'design', 'arm', 'figure', 'months', 'value', 'share', 'low', 'high', 'note'],
  ];
  const row = (
    arm: string,
    figure: string,
    months: number | '',
    value: string,
    share = '',
    low = '',
    high = '',
  ) =>
    rows.push([
      report.campaign_id,
      report.as_of,
      report.design,
      arm,
      figure,
      String(months),
      value,
      share,
      low,
      high,
      report.warning ?? '',
    ]);
  for (const a of report.arms) {
    row(a.arm, 'members', '', String(a.members));
    row(a.arm, 'contacted', '', figureOf(a.contacted));
    row(a.arm, 'unreachable', '', figureOf(a.unreachable));
    row(a.arm, 'no_longer_presumed', '', figureOf(a.no_longer_presumed));
    for (const t of a.take_up)
      if (t.observed)
        row(
          a.arm,
          'taken_up',
          t.months,
          figureOf(t.taken_up),
          decimal(t.share),
          decimal(t.interval?.low),
          decimal(t.interval?.high),
        );
    row(a.arm, 'amount_monthly', '', figureOf(a.amount_monthly));
    row(a.arm, 'amount_annual', '', figureOf(a.amount_annual));
    for (const [status, c] of Object.entries(a.declared)) row(a.arm, `declared_${status}`, '', figureOf(c));
  }
  if (report.before) {
    row('before', 'cases', '', figureOf(report.before.cases));
    row('before', 'taken_up', 1, figureOf(report.before.taken_up), decimal(report.before.share));
  }
  for (const u of report.uplift)
    if (u.observed)
      row(
        'uplift',
        'uplift',
        u.months,
        u.suppressed ? 'secret' : '',
        decimal(u.estimate),
        decimal(u.low),
        decimal(u.high),
      );
  return `\uFEFF${rows.map((r) => r.join(';')).join('\r\n')}\r\n`;
}
