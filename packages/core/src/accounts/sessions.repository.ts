// Console sessions, stored server-side. The browser holds a random token; the table holds only its
// SHA-256, so a copy of the table opens no session. A session ends at sign-out, after an idle time,
// at an absolute deadline, or when its account is disabled.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '@nonrecours/db';
import { sql } from 'kysely';
import { type Account, accountTables } from './accounts.repository.ts';

export interface SessionLifetime {
  idleSeconds: number;
  maxSeconds: number;
}

export interface LiveSession {
  id: string;
  account: Account;
}

const sessionId = (token: string) => createHash('sha256').update(token).digest('hex');

/** Opens a session for an account; returns the token for the cookie (never stored). */
export async function openSession(db: Db, accountId: string, lifetime: SessionLifetime): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await accountTables(db)
    .insertInto('console_sessions')
    .values({
      id: sessionId(token),
      account_id: accountId,
      expires_at: new Date(Date.now() + lifetime.maxSeconds * 1000),
    })
    .execute();
  return token;
}

/**
 * The live session of a cookie token, and its account if still active; refreshes its idle clock.
 * The clock is written at most once a minute: pages that poll do not each write a row.
 */
export async function resumeSession(
  db: Db,
  token: string,
  lifetime: SessionLifetime,
): Promise<LiveSession | null> {
  const id = sessionId(token);
  const row = await accountTables(db)
    .selectFrom('console_sessions as s')
    .innerJoin('console_accounts as a', 'a.id', 's.account_id')
    .selectAll('a')
    .select(['s.id as session_id', 's.last_seen_at'])
    .where('s.id', '=', id)
    .where('s.expires_at', '>', sql<Date>`now()`)
    .where('s.last_seen_at', '>', sql<Date>`now() - make_interval(secs => ${lifetime.idleSeconds})`)
    .where('a.status', '=', 'active')
    .executeTakeFirst();
  if (!row) return null;
  const { session_id, last_seen_at, ...account } = row;
  if (Date.now() - last_seen_at.getTime() > 60_000) {
    await accountTables(db)
      .updateTable('console_sessions')
      .set({ last_seen_at: sql<Date>`now()` })
      .where('id', '=', session_id)
      .execute();
  }
  return { id: session_id, account };
}

export async function closeSession(db: Db, token: string): Promise<void> {
  await accountTables(db).deleteFrom('console_sessions').where('id', '=', sessionId(token)).execute();
}

export async function closeSessionsOf(db: Db, accountId: string): Promise<void> {
  await accountTables(db).deleteFrom('console_sessions').where('account_id', '=', accountId).execute();
}

/** Deletes the sessions that can no longer be resumed. */
export async function purgeSessions(db: Db, lifetime: SessionLifetime): Promise<void> {
  await accountTables(db)
    .deleteFrom('console_sessions')
    .where((eb) =>
      eb.or([
        eb('expires_at', '<=', sql<Date>`now()`),
        eb('last_seen_at', '<=', sql<Date>`now() - make_interval(secs => ${lifetime.idleSeconds})`),
      ]),
    )
    .execute();
}
