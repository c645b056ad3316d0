// Matching runs, their partitions, the presumed cases they produce, and the opposition list.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table oppositions (
      convention_id uuid not null references conventions (id) on delete cascade,
      pseudonym text not null,
      registered_at timestamptz not null default now(),
      registered_by text not null,
      primary key (convention_id, pseudonym)
    );

    create table runs (
      id uuid primary key default gen_random_uuid(),
      convention_id uuid not null references conventions (id) on delete cascade,
      rule_pack text not null,
      as_of date,
      dice_threshold numeric(4, 3) not null,
      partitions smallint not null check (partitions between 1 and 1024),
      status text not null default 'queued' check (status in ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
      stage text check (stage in ('select', 'link', 'evaluate', 'finalise')),
      extracts jsonb not null default '[]',
      report jsonb not null default '{}',
      warnings jsonb not null default '[]',
      error text,
      started_by text not null,
      created_at timestamptz not null default now(),
      started_at timestamptz,
      finished_at timestamptz
    );
    -- One active run per convention.
    create unique index runs_one_active on runs (convention_id) where status in ('queued', 'running');
    create index runs_by_convention on runs (convention_id, created_at desc);

    create table run_partitions (
      run_id uuid not null references runs (id) on delete cascade,
      part smallint not null,
      status text not null default 'pending' check (status in ('pending', 'done')),
      profiles integer,
      cases integer,
      finished_at timestamptz,
      primary key (run_id, part)
    );

    create table cases (
      id uuid primary key default gen_random_uuid(),
      run_id uuid not null references runs (id) on delete cascade,
      convention_id uuid not null references conventions (id) on delete cascade,
      part smallint not null,
      subject_kind text not null check (subject_kind in ('person', 'household', 'tenancy')),
      subject_pseudo text not null,
      household_pseudo text,
      pseudonyms text[] not null,
      benefit text not null,
      variant text,
      rule text not null,
      rule_version text not null,
      confidence text not null check (confidence in ('high', 'medium', 'low')),
      estimated_amount numeric(10, 2),
      commune text not null,
      source_partners uuid[] not null,
      source_extracts uuid[] not null,
      evidence jsonb not null,
      status text not null default 'to_contact',
      status_history jsonb not null default '[]',
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      unique (run_id, subject_kind, subject_pseudo, benefit)
    );
    create index cases_by_run_part on cases (run_id, part);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table cases, run_partitions, runs, oppositions`.execute(db);
}
