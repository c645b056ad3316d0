// Outreach campaigns of a convention. A territory team creates one over the presumed cases of the
// latest published run (a benefit and the list filters): the cohort is frozen in the transaction that
// creates the campaign, with its optional randomised comparison group, and the creation is audited
// with the design (share, date, seed, strata) and a digest of the assignment that anyone holding the
// seed can recompute. The contacting partner receives the cohort to re-identify, where a comparison
// member only reads "not to contact before <date>", and records its contacts back; later runs record
// what their extracts show of each member (recordCampaignObservations), from which the impact is read.
import { createHash } from 'node:crypto';
import type { Campaign, CampaignChannel, CampaignContact, Db } from '@nonrecours/db';
import { sql } from 'kysely';
import { appendAuditEvent } from '../audit/audit.repository.ts';
import type { AuditActor } from '../audit/audit-actor.ts';
import { recordAccess } from '../audit/audit-writer.ts';
import type { CaseFilter } from '../cases/case-query.ts';
import { shareLockRun } from '../cases/cases.repository.ts';
import type { ConventionAccess } from '../conventions/convention-access.ts';
import { AppError, badRequest, conflict, notFound } from '../errors.ts';
import { latestPublishedRun } from '../runs/published-run.ts';
import { assignArms, newSeed, stratumOf } from './campaign-assignment.ts';
import {
  type ArmCount,
  armCounts,
  type CohortCandidate,
  cohortCandidates,
  cohortRows,
  findCampaignRow,
  insertMembers,
  listCampaignRows,
  membersByCase,
  recordContacts,
} from './campaigns.repository.ts';

const purpose = 'outreach';

/** The follow-up outcomes a cohort is drawn from unless the filter names one: people not yet reached. */
export const defaultCohortStatuses = ['to_contact', 'unreachable'] as const;

export interface CampaignInput {
  name: string;
  benefit: string;
  filter: Omit<CaseFilter, 'benefit'>;
  channel: CampaignChannel;
  contactingPartnerId: string;
  startsOn: string;
  endsOn: string;
  comparison?: { share: number; until: string; seed?: string | undefined } | undefined;
}

export interface CampaignView extends Omit<Campaign, 'filter' | 'comparison_share'> {
  filter: Omit<CaseFilter, 'benefit'>;
  comparison_share: number | null;
  arms: ArmCount[];
}

async function viewOf(db: Db, row: Campaign): Promise<CampaignView> {
  return {
    ...row,
    filter: row.filter as CampaignView['filter'],
    comparison_share: row.comparison_share === null ? null : Number(row.comparison_share),
    arms: await armCounts(db, row.id),
  };
}

/** A digest of the assignment (subject and arm, in subject order), recomputable from the seed. */
export function assignmentDigest(arms: ReadonlyMap<string, string>): string {
  const hash = createHash('sha256');
  for (const ref of [...arms.keys()].sort()) hash.update(`${ref}:${arms.get(ref)}\n`);
  return hash.digest('hex');
}

export async function createCampaign(
  db: Db,
  access: ConventionAccess,
  actor: AuditActor & { actor: string },
  input: CampaignInput,
): Promise<CampaignView> {
  const conventionId = access.convention.id;
  if (input.endsOn < input.startsOn) throw badRequest('invalid_dates', 'the campaign ends before it starts');
  if (input.filter.status === 'refused')
    throw badRequest(
      'refused_not_contacted',
      'people who refused are never contacted again (right to refuse proactive outreach, CNIL délibération 2022-101)',
    );
  if (input.comparison && !(input.comparison.share >= 0.05 && input.comparison.share <= 0.5))
    throw badRequest('invalid_share', 'the comparison group is from 5 % to 50 % of each stratum');
  if (input.comparison && input.comparison.until <= input.startsOn)
    throw badRequest('invalid_dates', 'the comparison group must be kept out of the contact after the start');
  const contacting = await db
    .selectFrom('convention_members')
    .select('roles')
    .where('convention_id', '=', conventionId)
    .where('partner_id', '=', input.contactingPartnerId)
    .executeTakeFirst();
  if (!contacting?.roles.includes('partner'))
    throw badRequest(
      'contacting_partner_not_member',
      'the contacting partner must be a partner of the convention',
    );

  try {
    return await db.transaction().execute(async (trx) => {
      // One campaign created at a time per convention: a case goes to one open campaign per benefit.
      await sql`select pg_advisory_xact_lock(hashtextextended(${`campaigns:${conventionId}`}, 0))`.execute(
        trx,
      );
      const run = await latestPublishedRun(trx, conventionId);
      if (!run?.as_of)
        throw conflict('no_published_run', 'the convention has no published run to draw a cohort from');
      await shareLockRun(trx, run.id);
      const candidates = await cohortCandidates(trx, {
        conventionId,
        runId: run.id,
        benefit: input.benefit,
        filter: input.filter,
        statuses: input.filter.status ? [input.filter.status] : defaultCohortStatuses,
      });
      if (candidates.length === 0)
        throw conflict('empty_cohort', 'no case of the latest run matches the campaign’s benefit and filter');
      const seed = input.comparison ? (input.comparison.seed ?? newSeed()) : null;
      // Drawn by subject, which stays the same from run to run, so the seed reproduces the arms.
      const subjectOf = (c: CohortCandidate) => `${c.subject_kind}/${c.subject_pseudo}`;
      const drawn = input.comparison
        ? assignArms(
            candidates.map((c) => ({ ref: subjectOf(c), benefit: c.benefit, commune: c.commune })),
            { share: input.comparison.share, seed: seed! },
          )
        : null;
      const arms = new Map(candidates.map((c) => [c.id, drawn?.get(subjectOf(c)) ?? ('contact' as const)]));
      const campaign = await trx
        .insertInto('campaigns')
        .values({
          convention_id: conventionId,
          name: input.name,
          benefit: input.benefit,
          filter: JSON.stringify(input.filter),
          channel: input.channel,
          contacting_partner_id: input.contactingPartnerId,
          starts_on: input.startsOn,
          ends_on: input.endsOn,
          run_id: run.id,
          as_of: run.as_of,
          comparison_share: input.comparison?.share ?? null,
          comparison_until: input.comparison?.until ?? null,
          seed,
          cohort_size: candidates.length,
          created_by: actor.actor,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await insertMembers(trx, campaign.id, arms);
      const comparison = [...arms.values()].filter((a) => a === 'comparison').length;
      await appendAuditEvent(trx, {
        ...actor,
        conventionId,
        action: 'campaign.create',
        target: `campaign/${campaign.id}`,
        purpose,
        outcome: 'success',
        statusCode: 201,
        recordCount: candidates.length,
        details: {
          run: run.id,
          benefit: input.benefit,
          filter: { ...input.filter },
          channel: input.channel,
          contacting_partner: input.contactingPartnerId,
          cohort: candidates.length,
          contact: candidates.length - comparison,
          comparison,
          ...(input.comparison
            ? {
                randomisation: {
                  share: input.comparison.share,
                  until: input.comparison.until,
                  seed,
                  strata: new Set(candidates.map(stratumOf)).size,
                  stratified_by: ['benefit', 'commune'],
                  assignment_sha256: assignmentDigest(drawn ?? arms),
                },
              }
            : {}),
        },
      });
      return viewOf(trx, campaign);
    });
  } catch (error) {
    if (!(error instanceof AppError) && (error as { code?: string }).code === '23505')
      throw conflict(
        'case_in_open_campaign',
        'a case of the cohort was just taken by another open campaign of the same benefit',
      );
    throw error;
  }
}

/** Territory teams and DPOs see every campaign; a partner the campaigns it contacts for. */
export async function listCampaigns(db: Db, access: ConventionAccess): Promise<CampaignView[]> {
  const rows = await listCampaignRows(
    db,
    access.convention.id,
    access.role === 'partner' ? access.member.partner_id : undefined,
  );
  return Promise.all(rows.map((r) => viewOf(db, r)));
}

export async function requireCampaign(db: Db, access: ConventionAccess, id: string): Promise<Campaign> {
  const row = await findCampaignRow(db, access.convention.id, id);
  if (!row || (access.role === 'partner' && row.contacting_partner_id !== access.member.partner_id))
    throw notFound('campaign');
  return row;
}

export async function readCampaign(db: Db, access: ConventionAccess, id: string): Promise<CampaignView> {
  return viewOf(db, await requireCampaign(db, access, id));
}

/** Closing frees its members for another campaign of the benefit; what later runs observe is still recorded. */
export async function closeCampaign(
  db: Db,
  access: ConventionAccess,
  actor: AuditActor,
  id: string,
): Promise<CampaignView> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('campaigns')
      .selectAll()
      .where('convention_id', '=', access.convention.id)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound('campaign');
    if (row.status === 'closed') throw conflict('campaign_closed', 'the campaign is already closed');
    const closed = await trx
      .updateTable('campaigns')
      .set({ status: 'closed', closed_at: new Date() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx.updateTable('campaign_members').set({ open: false }).where('campaign_id', '=', id).execute();
    await appendAuditEvent(trx, {
      ...actor,
      conventionId: access.convention.id,
      action: 'campaign.close',
      target: `campaign/${id}`,
      purpose,
      outcome: 'success',
      statusCode: 200,
      recordCount: row.cohort_size,
    });
    return viewOf(trx, closed);
  });
}

const cohortColumns = [
  'case_id',
  'subject_kind',
  'person_pseudo',
  'household_pseudo',
  'benefit',
  'rule',
  'estimated_amount',
  'commune',
  'not_before',
  'contact',
] as const;

/**
 * The cohort as a `;`-separated CSV for the contacting partner (and the team): the columns
 * `nonrecours reidentify` looks cases up by, and for a comparison member only the date before which
 * not to contact it — never its arm. The pseudonyms it discloses are recorded with its audit event.
 */
export async function exportCohort(
  db: Db,
  access: ConventionAccess,
  actor: AuditActor,
  id: string,
): Promise<{ campaign: Campaign; csv: string; rows: number }> {
  const campaign = await requireCampaign(db, access, id);
  const rows = await cohortRows(db, campaign, access.role === 'partner' ? access.member.partner_id : null);
  await recordAccess(db, {
    ...actor,
    conventionId: access.convention.id,
    action: 'campaign.export',
    target: `campaign/${id}`,
    purpose,
    outcome: 'success',
    statusCode: 200,
    recordCount: rows.length,
    disclosed: rows.flatMap((r) => r.pseudonyms),
  });
  const value = (v: unknown) =>
    v === null || v === undefined ? '' : typeof v === 'number' ? String(v).replace('.', ',') : String(v);
  const lines = [
    cohortColumns.join(';'),
    ...rows.map((r) => cohortColumns.map((c) => value(r[c])).join(';')),
  ];
  return { campaign, csv: `\uFEFF${lines.join('\r\n')}\r\n`, rows: rows.length };
}

export interface ContactsOutcome {
  recorded: number;
  cases_updated: number;
}

/**
 * Records the contacts a partner made, by case reference, all or none: an unknown reference, or a
 * comparison member before its date, refuses the whole batch. Each contact also becomes the follow-up
 * of the member's current case where its outcome allows it (to_contact → contacted or unreachable,
 * unreachable → contacted, contacted → unreachable).
 */
export async function recordCampaignContacts(
  db: Db,
  access: ConventionAccess,
  actor: AuditActor & { actor: string; org: string },
  id: string,
  contacts: readonly { caseId: string; outcome: CampaignContact }[],
  today = new Date().toISOString().slice(0, 10),
): Promise<ContactsOutcome> {
  const campaign = await requireCampaign(db, access, id);
  if (campaign.status === 'closed') throw conflict('campaign_closed', 'the campaign is closed');
  const byCase = new Map(contacts.map((c) => [c.caseId, c]));
  if (byCase.size !== contacts.length)
    throw badRequest('duplicate_case_reference', 'each case reference appears once in a batch');
  return db.transaction().execute(async (trx) => {
    const members = await membersByCase(trx, campaign.id, [...byCase.keys()]);
    const unknown = byCase.size - members.length;
    if (unknown > 0)
      throw badRequest(
        'unknown_case_reference',
        `${unknown} of the case references are not in the campaign’s cohort`,
        {
          unknown,
        },
      );
    const early = members.filter((m) => m.arm === 'comparison' && today < campaign.comparison_until!).length;
    if (early > 0)
      throw conflict(
        'not_to_contact_yet',
        `${early} of the people are not to be contacted before ${campaign.comparison_until}`,
        { not_before: campaign.comparison_until, count: early },
      );
    const latest = await latestPublishedRun(trx, access.convention.id);
    if (latest) await shareLockRun(trx, latest.id);
    const done = await recordContacts(trx, {
      campaignId: campaign.id,
      runId: latest?.id ?? null,
      contacts,
      change: { at: new Date().toISOString(), actor: actor.actor, organisation: actor.org },
    });
    const outcome = { recorded: done.members, cases_updated: done.cases };
    await appendAuditEvent(trx, {
      ...actor,
      conventionId: access.convention.id,
      action: 'campaign.contacts',
      target: `campaign/${campaign.id}`,
      purpose,
      outcome: 'success',
      statusCode: 200,
      recordCount: contacts.length,
      details: {
        ...outcome,
        contacted: contacts.filter((c) => c.outcome === 'contacted').length,
        unreachable: contacts.filter((c) => c.outcome === 'unreachable').length,
        run: latest?.id ?? null,
      },
    });
    return outcome;
  });
}
