// Accounts of the web console and their server-side sessions. An account belongs to one partner with
// one role, like an API client; it signs in with a password (scrypt hash) or through the configured
// OpenID Connect issuer (matched on its subject, or on the e-mail the first time). A session is
// stored under the SHA-256 of its cookie value, so that reading this table gives no usable cookie.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table console_accounts (
      id uuid primary key default gen_random_uuid(),
      partner_id uuid not null references partners (id),
      role text not null check (role in ('partner', 'territory', 'dpo')),
      email text not null check (email = lower(email) and email like '%_@_%'),
      password_hash text,
      oidc_issuer text,
      oidc_subject text,
      status text not null default 'active' check (status in ('active', 'disabled')),
      created_at timestamptz not null default now(),
      disabled_at timestamptz,
      last_sign_in_at timestamptz,
      check ((oidc_issuer is null) = (oidc_subject is null))
    );
    create unique index console_accounts_email on console_accounts (email);
    create unique index console_accounts_oidc on console_accounts (oidc_issuer, oidc_subject)
      where oidc_subject is not null;

    create table console_sessions (
      id text primary key check (id ~ '^[0-9a-f]{64}$'),
      account_id uuid not null references console_accounts (id) on delete cascade,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null
    );
    create index console_sessions_account on console_sessions (account_id);
    create index console_sessions_expiry on console_sessions (expires_at);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table console_sessions;
    drop table console_accounts;
  `.execute(db);
}
