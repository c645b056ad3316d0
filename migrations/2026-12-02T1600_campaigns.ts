// Outreach campaigns: a territory team's contact of a frozen cohort of presumed cases through one
// partner and channel, with an optional randomised comparison group kept out of the contact until a
// date, and what later runs observed of each member (taken up, no longer presumed) to measure the
// campaign's effect. A case's subject belongs to at most one open campaign per benefit.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table campaigns (
      id uuid primary key default gen_random_uuid(),
      convention_id uuid not null references conventions (id) on delete cascade,
      name text not null,
      benefit text not null,
      -- The list filters the cohort was drawn with (rule, confidence, status, commune, min_amount).
      filter jsonb not null,
      channel text not null check (channel in ('courrier', 'appel', 'sms', 'porte_a_porte', 'bailleur', 'permanence')),
      contacting_partner_id uuid not null references partners (id),
      starts_on date not null,
      ends_on date not null check (ends_on >= starts_on),
      status text not null default 'open' check (status in ('open', 'closed')),
      -- The published run whose cases were frozen, and its month.
      run_id uuid references runs (id) on delete set null,
      as_of date not null,
      comparison_share numeric(4, 3) check (comparison_share > 0 and comparison_share < 1),
      comparison_until date,
      seed text,
      cohort_size int not null,
      created_by text not null,
      created_at timestamptz not null default now(),
      closed_at timestamptz,
      check ((comparison_share is null) = (comparison_until is null) and (comparison_share is null) = (seed is null))
    );
    create index campaigns_by_convention on campaigns (convention_id, created_at desc);

    create table campaign_members (
      campaign_id uuid not null references campaigns (id) on delete cascade,
      convention_id uuid not null references conventions (id) on delete cascade,
      -- The frozen case: its reference for the contacting partner and the contacts recorded back.
      case_id uuid not null,
      subject_kind text not null,
      subject_pseudo text collate "C" not null,
      household_pseudo text,
      pseudonyms text[] not null,
      benefit text not null,
      rule text not null,
      confidence text not null,
      estimated_amount numeric(10, 2),
      -- The one partner whose values the case's rules read, if there is one: the contacting partner
      -- sees the amount only when it is that partner (the need-to-know rule of the case lists).
      sole_input_partner text,
      commune text not null,
      -- The case's follow-up when the cohort was frozen, and the month it was first presumed.
      status text not null,
      first_month date,
      arm text not null check (arm in ('contact', 'comparison')),
      -- Whether its campaign is open: the one-open-campaign constraint below reads it.
      open boolean not null default true,
      contact text check (contact in ('contacted', 'unreachable')),
      contacted_at timestamptz,
      -- What a later run's extracts first showed of the subject (case_observations).
      observed_outcome text check (observed_outcome in ('taken_up', 'no_longer_presumed')),
      observed_month date,
      observed_case_id uuid,
      primary key (campaign_id, case_id)
    );
    create unique index campaign_members_one_open_campaign
      on campaign_members (convention_id, benefit, subject_kind, subject_pseudo) where open;
    create index campaign_members_by_subject
      on campaign_members (convention_id, subject_kind, subject_pseudo, benefit) where observed_outcome is null;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table campaign_members;
    drop table campaigns;
  `.execute(db);
}
