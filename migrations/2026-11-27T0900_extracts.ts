// Extracts and their rows. Each kind has a typed rows table, partitioned by extract: an upload
// COPYs into a table of its own, attached as a partition only once the extract is accepted, so its
// rows appear all at once, and a withdrawal or a purge drops one table.
import { type Kysely, sql } from 'kysely';

const identity = sql.raw(`
  extract_id uuid not null,
  person_pseudo text,
  identity_pseudo text,
  identity_clk text,
  birth_ym date not null,
  commune text not null`);

const family = sql.raw(`
  household_pseudo text not null,
  role text not null,
  household_adults smallint not null,
  household_children smallint not null,
  single_parent boolean not null,
  single_parent_increase boolean,
  household_resources numeric(12, 2) not null,
  activity_income numeric(12, 2) not null,
  housing text not null,
  rsa boolean not null,
  ppa boolean not null,
  housing_aid boolean not null,
  housing_aid_amount numeric(12, 2),
  aah boolean not null`);

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table extracts (
      id uuid primary key default gen_random_uuid(),
      convention_id uuid not null references conventions (id) on delete cascade,
      partner_id uuid not null references partners (id),
      kind text not null check (kind in ('caf', 'cpam', 'msa', 'carsat', 'landlord')),
      schema text not null,
      reference_month date not null,
      key_version integer not null,
      status text not null default 'receiving'
        check (status in ('receiving', 'accepted', 'rejected', 'failed', 'withdrawn', 'purged')),
      superseded_by uuid references extracts (id),
      row_count integer,
      valid_count integer,
      error_count integer,
      bytes bigint,
      sha256 text,
      idempotency_key text,
      uploaded_by text not null,
      refusal_code text,
      refusal_message text,
      received_at timestamptz not null default now(),
      finished_at timestamptz,
      expires_at timestamptz not null,
      withdrawn_at timestamptz,
      purged_at timestamptz
    );
    create index extracts_by_partner on extracts (convention_id, partner_id, kind, received_at desc);
    create index extracts_by_status on extracts (status) where status = 'receiving';
    -- A key names one upload; an interrupted (failed) one may be retried under the same key.
    create unique index extracts_idempotency on extracts (convention_id, partner_id, idempotency_key)
      where idempotency_key is not null and status <> 'failed';

    create table extract_errors (
      extract_id uuid not null references extracts (id) on delete cascade,
      ordinal integer not null,
      line integer not null,
      column_name text,
      code text not null,
      primary key (extract_id, ordinal)
    );

    create table extract_rows_caf (${identity}, ${family}) partition by list (extract_id);
    create table extract_rows_msa (${identity}, ${family},
      c2s text not null,
      c2s_until date,
      pension numeric(12, 2),
      aspa boolean
    ) partition by list (extract_id);
    create table extract_rows_cpam (${identity},
      c2s text not null,
      c2s_until date
    ) partition by list (extract_id);
    create table extract_rows_carsat (${identity},
      pension numeric(12, 2) not null,
      couple boolean not null,
      aspa boolean not null,
      household_resources numeric(12, 2)
    ) partition by list (extract_id);
    create table extract_rows_landlord (${identity},
      household_pseudo text not null,
      household_adults smallint not null,
      household_children smallint not null,
      household_resources numeric(12, 2) not null,
      rent numeric(12, 2) not null,
      arrears_months smallint not null,
      apl boolean not null
    ) partition by list (extract_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table extract_rows_landlord, extract_rows_carsat, extract_rows_cpam, extract_rows_msa, extract_rows_caf;
    drop table extract_errors;
    drop table extracts;
  `.execute(db);
}
