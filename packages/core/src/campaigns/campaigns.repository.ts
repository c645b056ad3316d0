// The SQL of the campaigns: the cases a new campaign may take into its cohort, the frozen members,
// the contacts recorded back, and what later runs observed of each member.
import type { Campaign, CampaignArm, CampaignContact, Db } from '@nonrecours/db';
import { sql } from 'kysely';
import type { CaseFilter } from '../cases/case-query.ts';
import { territoryFilterSql } from '../cases/cases.repository.ts';

export interface CohortCandidate {
  id: string;
  subject_kind: string;
  subject_pseudo: string;
  benefit: string;
  commune: string;
}

/**
 * The cases of the run a new campaign may contact: of its benefit and filter, presumed in this run's
 * extracts (not kept open while absent from them), never a person who refused (the right to turn down
 * proactive outreach, CNIL délibération 2022-101) or who objected (art. 21), and none already in an open
 * campaign of the same benefit.
 */
export async function cohortCandidates(
  db: Db,
  q: {
    conventionId: string;
    runId: string;
    benefit: string;
    filter: CaseFilter;
    statuses: readonly string[];
  },
): Promise<CohortCandidate[]> {
  const { rows } = await sql<CohortCandidate>`
    select c.id, c.subject_kind, c.subject_pseudo, c.benefit, c.commune from cases c
    where c.run_id = ${q.runId} and c.benefit = ${q.benefit} and not c.subject_absent
      and c.status = any(${q.statuses}::text[])
      and ${territoryFilterSql(q.filter)}
      and not exists (select 1 from oppositions o
        where o.convention_id = ${q.conventionId}::uuid and o.pseudonym = any(c.pseudonyms))
      and not exists (select 1 from campaign_members m
        where m.open and m.convention_id = ${q.conventionId}::uuid and m.benefit = c.benefit
          and m.subject_kind = c.subject_kind and m.subject_pseudo = c.subject_pseudo)
    order by c.id`.execute(db);
  return rows;
}

/** Freezes the cohort: each case as it stands, with its arm. */
export async function insertMembers(
  db: Db,
  campaignId: string,
  arms: ReadonlyMap<string, CampaignArm>,
): Promise<number> {
  const ids = [...arms.keys()];
  const result = await sql`
    insert into campaign_members (campaign_id, convention_id, case_id, subject_kind, subject_pseudo, household_pseudo,
      pseudonyms, benefit, rule, confidence, estimated_amount, sole_input_partner, commune, status, first_month, arm)
    select ${campaignId}::uuid, c.convention_id, c.id, c.subject_kind, c.subject_pseudo, c.household_pseudo,
      c.pseudonyms, c.benefit, c.rule, c.confidence, c.estimated_amount, c.sole_input_partner, c.commune, c.status,
      c.first_month, a.arm
    from unnest(${ids}::uuid[], ${ids.map((id) => arms.get(id)!)}::text[]) as a(id, arm)
    join cases c on c.id = a.id`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

export interface ArmCount {
  arm: CampaignArm;
  members: number;
  contacted: number;
  unreachable: number;
}

export async function armCounts(db: Db, campaignId: string): Promise<ArmCount[]> {
  const { rows } = await sql<ArmCount>`
    select arm, count(*)::int as members, count(*) filter (where contact = 'contacted')::int as contacted,
      count(*) filter (where contact = 'unreachable')::int as unreachable
    from campaign_members where campaign_id = ${campaignId} group by arm order by arm`.execute(db);
  return rows;
}

export function listCampaignRows(db: Db, conventionId: string, contactingPartnerId?: string) {
  let q = db.selectFrom('campaigns').selectAll().where('convention_id', '=', conventionId);
  if (contactingPartnerId) q = q.where('contacting_partner_id', '=', contactingPartnerId);
  return q.orderBy('created_at', 'desc').limit(500).execute();
}

export function findCampaignRow(db: Db, conventionId: string, id: string): Promise<Campaign | undefined> {
  return db
    .selectFrom('campaigns')
    .selectAll()
    .where('convention_id', '=', conventionId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * The cohort as the contacting partner receives it: a comparison member only as a date before which
 * not to contact; for a partner, the estimated amount only when its own values alone computed it.
 */
export async function cohortRows(db: Db, campaign: Campaign, partnerId: string | null) {
  const { rows } = await sql<{
    case_id: string;
    subject_kind: string;
    person_pseudo: string | null;
    household_pseudo: string | null;
    benefit: string;
    rule: string;
    estimated_amount: number | null;
    commune: string;
    not_before: string | null;
    contact: CampaignContact | null;
    pseudonyms: string[];
  }>`
    select case_id, subject_kind,
      case when subject_kind = 'person' or (subject_kind = 'household' and subject_pseudo <> household_pseudo)
        then subject_pseudo end as person_pseudo,
      case when subject_kind <> 'person' then household_pseudo end as household_pseudo,
      benefit, rule,
      case when ${partnerId}::text is null or sole_input_partner = ${partnerId}::text then estimated_amount end
        as estimated_amount,
      commune,
      case when arm = 'comparison' then ${campaign.comparison_until}::date::text end as not_before,
      contact, pseudonyms
    from campaign_members where campaign_id = ${campaign.id}
    order by commune, case_id`.execute(db);
  return rows;
}

export interface ContactTarget {
  case_id: string;
  arm: CampaignArm;
}

export async function membersByCase(db: Db, campaignId: string, caseIds: readonly string[]) {
  return db
    .selectFrom('campaign_members')
    .select(['case_id', 'arm', 'subject_kind', 'subject_pseudo', 'benefit', 'pseudonyms'])
    .where('campaign_id', '=', campaignId)
    .where('case_id', 'in', caseIds)
    .forUpdate()
    .execute();
}

/** Records the contacts on the members, and on their current cases where the follow-up allows it. */
export async function recordContacts(
  db: Db,
  q: {
    campaignId: string;
    runId: string | null;
    contacts: readonly { caseId: string; outcome: CampaignContact }[];
    change: { at: string; actor: string; organisation: string };
  },
): Promise<{ members: number; cases: number }> {
  const ids = q.contacts.map((c) => c.caseId);
  const outcomes = q.contacts.map((c) => c.outcome);
  const members = await sql`
    update campaign_members m set contact = a.outcome, contacted_at = now()
    from unnest(${ids}::uuid[], ${outcomes}::text[]) as a(id, outcome)
    where m.campaign_id = ${q.campaignId} and m.case_id = a.id`.execute(db);
  if (q.runId === null) return { members: Number(members.numAffectedRows ?? 0), cases: 0 };
  // The follow-up transitions of case-status.ts that a contact may make.
  const cases = await sql`
    update cases c set status = a.outcome, status_changed_at = now(),
      status_history = c.status_history || jsonb_build_array(jsonb_build_object('status', a.outcome, 'at', ${q.change.at}::text,
        'actor', ${q.change.actor}::text, 'organisation', ${q.change.organisation}::text))
    from unnest(${ids}::uuid[], ${outcomes}::text[]) as a(id, outcome)
    join campaign_members m on m.campaign_id = ${q.campaignId} and m.case_id = a.id
    where c.run_id = ${q.runId} and c.subject_kind = m.subject_kind and c.subject_pseudo = m.subject_pseudo
      and c.benefit = m.benefit
      and ((c.status = 'to_contact' and a.outcome in ('contacted', 'unreachable'))
        or (c.status = 'unreachable' and a.outcome = 'contacted')
        or (c.status = 'contacted' and a.outcome = 'unreachable'))`.execute(db);
  return { members: Number(members.numAffectedRows ?? 0), cases: Number(cases.numAffectedRows ?? 0) };
}

/**
 * At a run's publication: the members about whom its extracts showed something (case_observations)
 * get their first observed outcome. Set-based, from the run's observations.
 */
export async function recordCampaignObservations(db: Db, runId: string): Promise<number> {
  const result = await sql`
    update campaign_members m set observed_outcome = o.outcome, observed_month = o.month, observed_case_id = o.case_id
    from case_observations o join cases p on p.id = o.case_id and p.run_id = o.case_run_id
    where o.run_id = ${runId} and m.convention_id = o.convention_id and m.observed_outcome is null
      and m.subject_kind = p.subject_kind and m.subject_pseudo = p.subject_pseudo and m.benefit = p.benefit
      and exists (select 1 from campaigns k where k.id = m.campaign_id and k.as_of < o.month)`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** Removes the members an objection concerns (art. 21), in the objection's transaction. */
export async function deleteMembersConcerning(
  db: Db,
  conventionId: string,
  pseudonyms: readonly string[],
): Promise<number> {
  const result = await sql`
    delete from campaign_members where convention_id = ${conventionId} and pseudonyms && ${pseudonyms}::text[]`.execute(
    db,
  );
  return Number(result.numAffectedRows ?? 0);
}

/** An ended convention's campaigns, their members with them; returns how many members went. */
export async function deleteCampaigns(db: Db, conventionId: string): Promise<number> {
  const members = await db
    .deleteFrom('campaign_members')
    .where('convention_id', '=', conventionId)
    .executeTakeFirst();
  await db.deleteFrom('campaigns').where('convention_id', '=', conventionId).execute();
  return Number(members.numDeletedRows);
}
