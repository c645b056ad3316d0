// Partners, conventions, memberships, API clients and the hash-chained, append-only audit trail.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table partners (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      kind text not null check (kind in ('caf', 'cpam', 'msa', 'carsat', 'landlord', 'territory', 'operator', 'other')),
      siret text unique check (siret ~ '^[0-9]{14}$'),
      created_at timestamptz not null default now()
    );

    create table conventions (
      id uuid primary key default gen_random_uuid(),
      reference text not null unique,
      title text not null,
      territory text[] not null check (cardinality(territory) > 0),
      legal_basis text not null,
      purpose text not null,
      status text not null default 'draft' check (status in ('draft', 'active', 'suspended', 'ended')),
      valid_from date not null,
      valid_until date not null,
      retention_days integer not null check (retention_days between 1 and 3650),
      max_error_rate numeric(5, 4) not null default 0.005 check (max_error_rate between 0 and 1),
      key_check_value text check (key_check_value ~ '^[0-9a-f]{16}$'),
      key_version integer not null default 0,
      rule_pack text not null default 'fr.v1',
      dice_threshold numeric(4, 3) not null default 0.85 check (dice_threshold > 0 and dice_threshold <= 1),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (valid_until >= valid_from)
    );

    create table convention_members (
      convention_id uuid not null references conventions (id) on delete cascade,
      partner_id uuid not null references partners (id),
      roles text[] not null check (cardinality(roles) > 0 and roles <@ array['partner', 'territory', 'dpo']),
      provides text[] not null default '{}' check (provides <@ array['caf', 'cpam', 'msa', 'carsat', 'landlord']),
      primary key (convention_id, partner_id)
    );
    create index convention_members_partner on convention_members (partner_id);

    create table api_clients (
      id uuid primary key default gen_random_uuid(),
      partner_id uuid not null references partners (id),
      name text not null,
      role text not null check (role in ('partner', 'territory', 'dpo', 'admin')),
      secret_hash text not null,
      status text not null default 'active' check (status in ('active', 'revoked')),
      created_at timestamptz not null default now(),
      revoked_at timestamptz
    );

    create table audit_events (
      seq bigint primary key,
      at timestamptz not null,
      actor text,
      org uuid,
      role text,
      convention_id uuid,
      action text not null,
      target text,
      purpose text,
      request_id text,
      ip text,
      outcome text not null check (outcome in ('success', 'denied', 'failed')),
      status_code integer,
      record_count integer,
      details jsonb,
      prev_hash text not null,
      hash text not null unique
    );
    create index audit_events_convention on audit_events (convention_id, seq);
    create index audit_events_actor on audit_events (actor, seq);
    create index audit_events_at on audit_events (at);

    create function audit_events_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_events is append-only' using errcode = 'insufficient_privilege';
    end $$;
    create trigger audit_events_no_update before update or delete on audit_events
      for each row execute function audit_events_refuse_change();
    create trigger audit_events_no_truncate before truncate on audit_events
      for each statement execute function audit_events_refuse_change();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table audit_events;
    drop function audit_events_refuse_change;
    drop table api_clients;
    drop table convention_members;
    drop table conventions;
    drop table partners;
  `.execute(db);
}
