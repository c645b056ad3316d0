// Console accounts: created and disabled by operators (audited), and signed in with a password or an
// OpenID Connect identity. Passwords are stored like client secrets, as scrypt hashes.
import { randomBytes } from 'node:crypto';
import type { Db, MemberRole } from '@nonrecours/db';
import type { AuditActor } from '../audit/audit-actor.ts';
import { audited } from '../audit/audited.ts';
import { hashSecret, verifySecret } from '../clients/secrets.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { findPartner } from '../partners/partners.repository.ts';
import {
  type Account,
  disableAccount,
  findAccountByEmail,
  findAccountBySubject,
  insertAccount,
  linkOidcSubject,
  normaliseEmail,
  recordSignIn,
} from './accounts.repository.ts';
import { closeSessionsOf } from './sessions.repository.ts';

export const MIN_PASSWORD_LENGTH = 12;

/** A password to hand over once: 20 characters, 120 random bits. */
export const generatePassword = () => randomBytes(15).toString('base64url');

export async function createAccount(
  db: Db,
  actor: AuditActor,
  input: { partnerId: string; role: MemberRole; email: string; password: string | null },
): Promise<Account> {
  const email = normaliseEmail(input.email);
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw badRequest('invalid_email', 'not an e-mail address');
  if (input.password !== null && input.password.length < MIN_PASSWORD_LENGTH)
    throw badRequest('weak_password', `a password has at least ${MIN_PASSWORD_LENGTH} characters`);
  const passwordHash = input.password === null ? null : await hashSecret(input.password);
  return audited(
    db,
    actor,
    async (trx) => {
      if (!(await findPartner(trx, input.partnerId))) throw notFound('partner');
      if (await findAccountByEmail(trx, email)) throw conflict('email_taken', 'an account has this e-mail');
      return insertAccount(trx, { partnerId: input.partnerId, role: input.role, email, passwordHash });
    },
    (a) => ({
      action: 'account.create',
      target: `account/${a.id}`,
      purpose: 'administration',
      details: { role: a.role, partner: a.partner_id, password: a.password_hash !== null },
    }),
  );
}

/** Disables an account and ends its sessions at once; its console tokens are refused from then on. */
export async function disableConsoleAccount(db: Db, actor: AuditActor, id: string): Promise<Account> {
  return audited(
    db,
    actor,
    async (trx) => {
      const account = await disableAccount(trx, id);
      if (!account) throw notFound('active account');
      await closeSessionsOf(trx, id);
      return account;
    },
    (a) => ({ action: 'account.disable', target: `account/${a.id}`, purpose: 'administration' }),
  );
}

// Checked when the e-mail is unknown, so that the answer takes as long as for a known one.
let decoy: Promise<string> | undefined;
const decoyHash = () => (decoy ??= hashSecret(generatePassword()));

/** The active account of these credentials, or null, in the same time whatever was wrong. */
export async function accountOfPassword(db: Db, email: string, password: string): Promise<Account | null> {
  const account = await findAccountByEmail(db, email);
  const ok = await verifySecret(password, account?.password_hash ?? (await decoyHash()));
  if (!ok || !account?.password_hash || account.status !== 'active') return null;
  await recordSignIn(db, account.id);
  return account;
}

/**
 * The active account of an identity at the console's issuer: by its subject, or, the first time, by
 * its e-mail, which binds the account to that subject for good (another subject with the same e-mail
 * is refused afterwards).
 */
export async function accountOfOidcIdentity(
  db: Db,
  identity: { issuer: string; subject: string; email: string | undefined },
): Promise<Account | null> {
  let account = await findAccountBySubject(db, identity.issuer, identity.subject);
  if (!account && identity.email) {
    const byEmail = await findAccountByEmail(db, identity.email);
    if (byEmail && byEmail.oidc_subject === null)
      account = await linkOidcSubject(db, byEmail.id, identity.issuer, identity.subject);
  }
  if (account?.status !== 'active') return null;
  await recordSignIn(db, account.id);
  return account;
}
