// Oppositions (GDPR art. 21): the pseudonyms a convention no longer processes, and the SQL that
// takes them out of what the convention already holds.
import type { Db } from '@nonrecours/db';
import { sql } from 'kysely';

/** A pseudonym: HMAC-SHA-256 in base64url without padding (EXTRACTS.md). */
export const PSEUDONYM = /^[A-Za-z0-9_-]{43}$/;

export interface Opposition {
  pseudonym: string;
  registered_at: Date;
  registered_by: string;
}

/** Registers pseudonyms in one statement; one already registered keeps its first registration. */
export async function insertOppositions(
  db: Db,
  conventionId: string,
  pseudonyms: readonly string[],
  registeredBy: string,
): Promise<number> {
  const result = await sql`
    insert into oppositions (convention_id, pseudonym, registered_by)
    select ${conventionId}::uuid, p, ${registeredBy} from unnest(${pseudonyms}::text[]) as p
    on conflict (convention_id, pseudonym) do nothing`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** Deletes the convention's cases that concern any of the pseudonyms (subject or household member). */
export async function deleteCasesConcerning(
  db: Db,
  conventionId: string,
  pseudonyms: readonly string[],
): Promise<number> {
  const result = await db
    .deleteFrom('cases')
    .where('convention_id', '=', conventionId)
    .where(sql<boolean>`pseudonyms && ${pseudonyms}::text[]`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** In pseudonym order (the primary key's), after the cursor: stable whatever registrations come. */
export function listOppositions(
  db: Db,
  conventionId: string,
  page: { limit: number; after?: string | undefined },
): Promise<Opposition[]> {
  let q = db
    .selectFrom('oppositions')
    .select(['pseudonym', 'registered_at', 'registered_by'])
    .where('convention_id', '=', conventionId);
  if (page.after !== undefined) q = q.where('pseudonym', '>', page.after);
  return q.orderBy('pseudonym').limit(page.limit).execute();
}

export async function countOppositions(db: Db, conventionId: string): Promise<number> {
  const row = await db
    .selectFrom('oppositions')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('convention_id', '=', conventionId)
    .executeTakeFirstOrThrow();
  return row.n;
}
