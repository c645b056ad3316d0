// Console accounts (migration 2026-11-27T1200): people who sign in to the web console, each for one
// partner with one role, like an API client. The tables are added to the handle here, where their
// SQL lives.
import type { Db, MemberRole } from '@nonrecours/db';
import type { ColumnType, Generated, Selectable } from 'kysely';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export type AccountStatus = 'active' | 'disabled';

export interface ConsoleAccountsTable {
  id: Generated<string>;
  partner_id: string;
  role: MemberRole;
  email: string;
  password_hash: string | null;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  status: ColumnType<AccountStatus, AccountStatus | undefined, AccountStatus>;
  created_at: CreatedAt;
  disabled_at: Date | null;
  last_sign_in_at: Date | null;
}

export interface ConsoleSessionsTable {
  id: string;
  account_id: string;
  created_at: CreatedAt;
  last_seen_at: ColumnType<Date, Date | string | undefined, Date | string>;
  expires_at: Date | string;
}

export type AccountTables = {
  console_accounts: ConsoleAccountsTable;
  console_sessions: ConsoleSessionsTable;
};

export type Account = Selectable<ConsoleAccountsTable>;

export const accountTables = (db: Db) => db.withTables<AccountTables>();

/** E-mail addresses are compared case-insensitively: they are stored lower-cased. */
export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export function insertAccount(
  db: Db,
  values: { partnerId: string; role: MemberRole; email: string; passwordHash: string | null },
): Promise<Account> {
  return accountTables(db)
    .insertInto('console_accounts')
    .values({
      partner_id: values.partnerId,
      role: values.role,
      email: normaliseEmail(values.email),
      password_hash: values.passwordHash,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findAccount(db: Db, id: string): Promise<Account | undefined> {
  return accountTables(db).selectFrom('console_accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findAccountByEmail(db: Db, email: string): Promise<Account | undefined> {
  return accountTables(db)
    .selectFrom('console_accounts')
    .selectAll()
    .where('email', '=', normaliseEmail(email))
    .executeTakeFirst();
}

export function findAccountBySubject(db: Db, issuer: string, subject: string): Promise<Account | undefined> {
  return accountTables(db)
    .selectFrom('console_accounts')
    .selectAll()
    .where('oidc_issuer', '=', issuer)
    .where('oidc_subject', '=', subject)
    .executeTakeFirst();
}

export function listAccounts(db: Db, partnerId?: string): Promise<Account[]> {
  let q = accountTables(db).selectFrom('console_accounts').selectAll();
  if (partnerId) q = q.where('partner_id', '=', partnerId);
  return q.orderBy('created_at').execute();
}

/** Binds an account to its identity at the issuer, the first time it signs in there. */
export function linkOidcSubject(
  db: Db,
  id: string,
  issuer: string,
  subject: string,
): Promise<Account | undefined> {
  return accountTables(db)
    .updateTable('console_accounts')
    .set({ oidc_issuer: issuer, oidc_subject: subject })
    .where('id', '=', id)
    .where('oidc_subject', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

export async function recordSignIn(db: Db, id: string): Promise<void> {
  await accountTables(db)
    .updateTable('console_accounts')
    .set({ last_sign_in_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export function disableAccount(db: Db, id: string): Promise<Account | undefined> {
  return accountTables(db)
    .updateTable('console_accounts')
    .set({ status: 'disabled', disabled_at: new Date() })
    .where('id', '=', id)
    .where('status', '=', 'active')
    .returningAll()
    .executeTakeFirst();
}
