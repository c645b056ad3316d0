// Who an actor is, for a person to read: a console account by its e-mail address, an API client by
// its name, each with its organisation. Actors are stored as ids (the token's subject) in the cases'
// follow-up history and the audit trail; the ids stay there, the names are looked up when shown.
import type { Db } from '@nonrecours/db';
import { accountTables } from './accounts.repository.ts';

export interface ActorName {
  /** The account's e-mail address or the API client's name. */
  name: string;
  kind: 'account' | 'client';
  organisation: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The names of these actors; an id that is neither an account nor a client (a command) is left out. */
export async function actorNames(db: Db, ids: Iterable<string | null>): Promise<Map<string, ActorName>> {
  const wanted = [...new Set([...ids].filter((id): id is string => id !== null && UUID.test(id)))];
  const names = new Map<string, ActorName>();
  if (wanted.length === 0) return names;
  const [accounts, clients] = await Promise.all([
    accountTables(db)
      .selectFrom('console_accounts as a')
      .innerJoin('partners as p', 'p.id', 'a.partner_id')
      .select(['a.id', 'a.email as name', 'p.name as organisation'])
      .where('a.id', 'in', wanted)
      .execute(),
    db
      .selectFrom('api_clients as c')
      .innerJoin('partners as p', 'p.id', 'c.partner_id')
      .select(['c.id', 'c.name', 'p.name as organisation'])
      .where('c.id', 'in', wanted)
      .execute(),
  ]);
  for (const a of accounts) names.set(a.id, { name: a.name, kind: 'account', organisation: a.organisation });
  for (const c of clients) names.set(c.id, { name: c.name, kind: 'client', organisation: c.organisation });
  return names;
}

/** The names of these organisations (partners) by id. */
export async function organisationNames(db: Db, ids: Iterable<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set([...ids].filter((id): id is string => id !== null && UUID.test(id)))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('partners').select(['id', 'name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
